package dev.mirage.label;

import dev.mirage.sensor.InstanceImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * A binary mask in COCO's run-length encoding, exactly as pycocotools' {@code rleEncode} builds
 * it: the mask is read in column-major (Fortran) order, pixel (x, y) at position x·height + y,
 * and the counts alternate between runs of 0s and runs of 1s, starting with a run of 0s that is
 * 0 long when the first pixel is set. The counts always sum to exactly height × width; that
 * invariant is checked on construction because pycocotools never checks it and decodes garbage
 * when it fails.
 *
 * <p>{@link #encode} always yields the canonical form (no zero-length run except possibly the
 * first). The public constructor and {@link #fromCompressedString} also accept zero-length
 * interior runs, which pycocotools decodes fine, so equal masks may compare unequal only when
 * one of them came from outside in that non-canonical form.
 *
 * <p>Thread safety: immutable; counts are copied in and out.
 */
public final class CocoRle {
    private final int height;
    private final int width;
    private final int[] counts;

    /**
     * @param height mask rows, ≥ 0 (COCO's {@code size[0]})
     * @param width  mask columns, ≥ 0 (COCO's {@code size[1]})
     * @param counts alternating runs, 0s first; copied
     * @throws IllegalArgumentException when a count is negative, there is none, or they do not
     *                                  sum to height × width
     */
    public CocoRle(int height, int width, int[] counts) {
        this(height, width, Objects.requireNonNull(counts, "counts").clone(), true);
    }

    private CocoRle(int height, int width, int[] counts, boolean validate) {
        long pixels = pixelCount(height, width);
        if (validate) {
            if (counts.length == 0)
                throw new IllegalArgumentException("RLE " + height + "x" + width + ": no counts");
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0)
                    throw new IllegalArgumentException("RLE count " + i + " is " + counts[i] + ": expected >= 0");
                sum += counts[i];
            }
            if (sum != pixels)
                throw new IllegalArgumentException("RLE counts sum to " + sum + ", expected height x width = "
                        + height + " x " + width + " = " + pixels);
        }
        this.height = height;
        this.width = width;
        this.counts = counts;
    }

    /** The mask of all pixels equal to {@code instanceId}, walking the whole image. */
    public static CocoRle encode(InstanceImage image, int instanceId) {
        return encode(image, instanceId, BoundingBox.ofImage(image.width(), image.height()));
    }

    /**
     * The mask of pixels equal to {@code instanceId} inside {@code box}; pixels outside the box
     * are taken as 0 without being read, so the cost is the box's area, not the image's. Pass the
     * instance's bounding box (or any box containing it) to get the instance's full mask.
     *
     * @throws IllegalArgumentException when the box does not fit inside the image
     */
    public static CocoRle encode(InstanceImage image, int instanceId, BoundingBox box) {
        int w = image.width();
        int h = image.height();
        if (!box.fitsWithin(w, h))
            throw new IllegalArgumentException("box " + box + " does not fit a " + w + "x" + h + " image");
        int total = w * h;
        if (box.isEmpty()) return new CocoRle(h, w, new int[] {total}, false);
        int[] ids = image.data();
        RunList runs = new RunList();
        boolean inside = false;
        int run = box.x() * h + box.y(); // 0s before the box's first pixel in column-major order
        int gap = h - box.height();      // 0s below the box in one column plus above it in the next
        for (int x = box.x(); x < box.endX(); x++) {
            if (x > box.x() && gap > 0) {
                if (inside) {
                    runs.add(run);
                    inside = false;
                    run = gap;
                } else {
                    run += gap;
                }
            }
            for (int i = box.y() * w + x, end = box.endY() * w + x; i < end; i += w) {
                boolean on = ids[i] == instanceId;
                if (on == inside) {
                    run++;
                } else {
                    runs.add(run);
                    inside = on;
                    run = 1;
                }
            }
        }
        int tail = total - ((box.endX() - 1) * h + box.endY());
        if (tail > 0) {
            if (inside) {
                runs.add(run);
                run = tail;
            } else {
                run += tail;
            }
        }
        runs.add(run);
        return new CocoRle(h, w, runs.toArray(), false);
    }

    /**
     * Encodes a row-major mask ({@code mask[y * width + x]}, origin top-left).
     *
     * @throws IllegalArgumentException when the mask's length is not width × height
     */
    public static CocoRle encode(boolean[] rowMajorMask, int width, int height) {
        long pixels = pixelCount(height, width);
        if (rowMajorMask.length != pixels)
            throw new IllegalArgumentException("mask has " + rowMajorMask.length + " pixels, expected "
                    + width + " x " + height + " = " + pixels);
        RunList runs = new RunList();
        boolean inside = false;
        int run = 0;
        for (int x = 0; x < width; x++) {
            for (int i = x; i < rowMajorMask.length; i += width) {
                if (rowMajorMask[i] == inside) {
                    run++;
                } else {
                    runs.add(run);
                    inside = rowMajorMask[i];
                    run = 1;
                }
            }
        }
        runs.add(run);
        return new CocoRle(height, width, runs.toArray(), false);
    }

    /**
     * Decodes COCO's compressed counts string, as pycocotools' {@code rleFrString}.
     *
     * @throws IllegalArgumentException on a character outside '0'..'o', a truncated or overlong
     *                                  number, a negative run, or runs not summing to height × width
     */
    public static CocoRle fromCompressedString(String s, int height, int width) {
        return new CocoRle(height, width, RleStrings.decode(s), true);
    }

    /** The counts as COCO's compressed string, as pycocotools' {@code rleToString}. */
    public String toCompressedString() {
        return RleStrings.encode(counts);
    }

    /** The mask row-major ({@code mask[y * width + x]}, origin top-left); a fresh array. */
    public boolean[] toRowMajorMask() {
        boolean[] mask = new boolean[height * width];
        int p = 0; // column-major position of the current run's first pixel
        for (int i = 0; i < counts.length; i++) {
            int n = counts[i];
            if ((i & 1) == 1) {
                for (int k = p; k < p + n; k++) mask[(k % height) * width + k / height] = true;
            }
            p += n;
        }
        return mask;
    }

    /** Set pixels: the sum of the runs of 1s (odd indices). */
    public long area() {
        long sum = 0;
        for (int i = 1; i < counts.length; i += 2) sum += counts[i];
        return sum;
    }

    /** Mask rows (COCO's {@code size[0]}). */
    public int height() { return height; }

    /** Mask columns (COCO's {@code size[1]}). */
    public int width() { return width; }

    /** How many runs there are. */
    public int runCount() { return counts.length; }

    /** The runs, 0s first, column-major; a fresh copy (COCO's uncompressed {@code counts}). */
    public int[] counts() { return counts.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CocoRle r && r.height == height && r.width == width && Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CocoRle[" + height + "x" + width + ", runs=" + counts.length + ", area=" + area() + "]";
    }

    private static long pixelCount(int height, int width) {
        if (height < 0 || width < 0)
            throw new IllegalArgumentException("RLE size " + height + "x" + width + ": expected >= 0");
        long pixels = (long) height * width;
        if (pixels > Integer.MAX_VALUE)
            throw new IllegalArgumentException("RLE size " + height + "x" + width + ": more than 2^31-1 pixels");
        return pixels;
    }

    /** A growable list of runs, so encoding allocates little beyond its result. */
    private static final class RunList {
        private int[] runs = new int[16];
        private int size;

        void add(int run) {
            if (size == runs.length) runs = Arrays.copyOf(runs, size * 2);
            runs[size++] = run;
        }

        int[] toArray() { return Arrays.copyOf(runs, size); }
    }
}
