package dev.mirage.label;

import dev.mirage.sensor.InstanceImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a frame's instance image into per-instance 2D labels: visible pixel count, bounding box
 * and COCO RLE mask. One row-major pass tallies every id's pixel count and box (in arrays indexed
 * by id, grown to the largest id seen); then each kept instance is run-length encoded over its
 * own box only, so the total cost is one image pass plus the sum of the kept boxes' areas.
 *
 * <p>Crowd annotations are not decided here: a label is always a single instance, and the
 * dataset writer sets COCO's {@code iscrowd} to 0 for it.
 *
 * <p>Thread safety: stateless; {@link #label} may run on many threads at once.
 */
public final class MaskLabeler {
    /**
     * The largest instance id accepted. Frames number their objects 1..N, so a larger id means a
     * corrupt image; refusing it keeps the per-id arrays small.
     */
    public static final int MAX_INSTANCE_ID = 1 << 20;

    private MaskLabeler() {}

    /**
     * Labels every instance with at least {@code minVisiblePixels} visible pixels.
     *
     * @param image            the frame's instance ids (0 = background, never labeled)
     * @param minVisiblePixels instances with fewer visible pixels are dropped; values below 1 act
     *                         as 1, so an instance without a visible pixel is never labeled
     * @return the labels sorted by instance id, ascending; unmodifiable
     * @throws IllegalArgumentException when a pixel holds an id above {@link #MAX_INSTANCE_ID}
     *                                  (ids are unsigned, so a negative int is a huge id)
     */
    public static List<InstanceLabel> label(InstanceImage image, int minVisiblePixels) {
        int threshold = Math.max(1, minVisiblePixels);
        Tally tally = tally(image);
        List<InstanceLabel> labels = new ArrayList<>();
        for (int id = 1; id <= tally.maxId; id++) {
            long area = tally.count[id];
            if (area < threshold) continue;
            BoundingBox box = BoundingBox.ofInclusive(tally.minX[id], tally.minY[id], tally.maxX[id], tally.maxY[id]);
            labels.add(new InstanceLabel(id, area, box, CocoRle.encode(image, id, box)));
        }
        return List.copyOf(labels);
    }

    /** One row-major pass; equal ids in a row are taken as one run to touch the tallies less. */
    private static Tally tally(InstanceImage image) {
        int w = image.width();
        int h = image.height();
        int[] ids = image.data();
        Tally tally = new Tally();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int x = 0;
            while (x < w) {
                int id = ids[row + x];
                int start = x;
                do {
                    x++;
                } while (x < w && ids[row + x] == id);
                if (id != 0) {
                    if (id < 0 || id > MAX_INSTANCE_ID)
                        throw new IllegalArgumentException("instance id " + Integer.toUnsignedString(id)
                                + " at pixel (" + start + ", " + y + ") exceeds the limit " + MAX_INSTANCE_ID);
                    tally.addRun(id, start, x - 1, y);
                }
            }
        }
        return tally;
    }

    /** Per-id pixel counts and inclusive pixel ranges, indexed by id. */
    private static final class Tally {
        int[] count = new int[64];
        int[] minX = new int[64];
        int[] maxX = new int[64];
        int[] minY = new int[64];
        int[] maxY = new int[64];
        int maxId;

        /** Records pixels x0..x1 (inclusive) of row y as belonging to {@code id}. */
        void addRun(int id, int x0, int x1, int y) {
            if (id >= count.length) grow(id);
            if (count[id] == 0) {
                minX[id] = x0;
                maxX[id] = x1;
                minY[id] = y;
                if (id > maxId) maxId = id;
            } else {
                if (x0 < minX[id]) minX[id] = x0;
                if (x1 > maxX[id]) maxX[id] = x1;
            }
            maxY[id] = y; // rows arrive in order
            count[id] += x1 - x0 + 1;
        }

        private void grow(int id) {
            int size = (int) Math.min((long) MAX_INSTANCE_ID + 1, Math.max(id + 1L, count.length * 2L));
            count = Arrays.copyOf(count, size);
            minX = Arrays.copyOf(minX, size);
            maxX = Arrays.copyOf(maxX, size);
            minY = Arrays.copyOf(minY, size);
            maxY = Arrays.copyOf(maxY, size);
        }
    }
}
