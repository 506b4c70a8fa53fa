package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.sensor.InstanceImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaskLabelerTest {

    private static List<Integer> ids(List<InstanceLabel> labels) {
        return labels.stream().map(InstanceLabel::instanceId).toList();
    }

    @Test
    void backgroundOnlyGivesNoLabels() {
        assertEquals(List.of(), MaskLabeler.label(Masks.image("...", "..."), 1));
    }

    @Test
    void onePixelInstance() {
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image("...", ".5.", "..."), 1);
        assertEquals(1, labels.size());
        InstanceLabel l = labels.get(0);
        assertEquals(5, l.instanceId());
        assertEquals(1, l.area());
        assertEquals(new BoundingBox(1, 1, 1, 1), l.bbox());
        assertArrayEquals(new int[] {4, 1, 4}, l.rle().counts()); // position 1*3+1 = 4
        assertEquals(3, l.rle().height());
        assertEquals(3, l.rle().width());
    }

    @Test
    void instancesTouchingEachBorder() {
        // 5 wide, 4 high
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image(
                ".111.",
                "2...3",
                "2...3",
                ".444."), 1);
        assertEquals(List.of(1, 2, 3, 4), ids(labels));
        assertEquals(new BoundingBox(1, 0, 3, 1), labels.get(0).bbox()); // top
        assertEquals(new BoundingBox(0, 1, 1, 2), labels.get(1).bbox()); // left
        assertEquals(new BoundingBox(4, 1, 1, 2), labels.get(2).bbox()); // right
        assertEquals(new BoundingBox(1, 3, 3, 1), labels.get(3).bbox()); // bottom
        assertEquals(List.of(3L, 2L, 2L, 3L), labels.stream().map(InstanceLabel::area).toList());
        // id 1 at column-major positions 1*4, 2*4, 3*4 = 4, 8, 12 of 20: [4, 1, 3, 1, 3, 1, 7]
        assertArrayEquals(new int[] {4, 1, 3, 1, 3, 1, 7}, labels.get(0).rle().counts());
        // id 3 in column 4 rows 1 and 2: positions 17, 18: [17, 2, 1]
        assertArrayEquals(new int[] {17, 2, 1}, labels.get(2).rle().counts());
    }

    @Test
    void fullImageInstanceCoversEverything() {
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image("22", "22", "22"), 1);
        assertEquals(1, labels.size());
        assertEquals(new BoundingBox(0, 0, 2, 3), labels.get(0).bbox());
        assertEquals(6, labels.get(0).area());
        assertArrayEquals(new int[] {0, 6}, labels.get(0).rle().counts());
    }

    @Test
    void twoInterleavedInstancesWithScatteredPixels() {
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image(
                "1.1",
                ".2.",
                "1.2"), 1);
        assertEquals(List.of(1, 2), ids(labels));
        InstanceLabel one = labels.get(0);
        InstanceLabel two = labels.get(1);
        assertEquals(3, one.area());
        assertEquals(new BoundingBox(0, 0, 3, 3), one.bbox());
        // id 1 at (0,0), (0,2), (2,0): positions 0, 2, 6 -> [0, 1, 1, 1, 3, 1, 2]
        assertArrayEquals(new int[] {0, 1, 1, 1, 3, 1, 2}, one.rle().counts());
        assertEquals(2, two.area());
        assertEquals(new BoundingBox(1, 1, 2, 2), two.bbox());
        // id 2 at (1,1), (2,2): positions 4, 8 -> [4, 1, 3, 1]
        assertArrayEquals(new int[] {4, 1, 3, 1}, two.rle().counts());
    }

    @Test
    void labelsAreSortedByIdNotByFirstAppearance() {
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image("9..", "..3", "7.."), 1);
        assertEquals(List.of(3, 7, 9), ids(labels));
    }

    @Test
    void minVisiblePixelsDropsSmallInstances() {
        // areas: id 1 -> 3, id 2 -> 1, id 3 -> 2
        InstanceImage image = Masks.image("111", "2.3", "..3");
        assertEquals(List.of(1, 2, 3), ids(MaskLabeler.label(image, 1)));
        assertEquals(List.of(1, 3), ids(MaskLabeler.label(image, 2)));
        assertEquals(List.of(1), ids(MaskLabeler.label(image, 3)));
        assertEquals(List.of(), ids(MaskLabeler.label(image, 4)));
        assertEquals(List.of(1, 2, 3), ids(MaskLabeler.label(image, 0)));
        assertEquals(List.of(1, 2, 3), ids(MaskLabeler.label(image, -5)));
    }

    @Test
    void rejectsIdsBeyondTheLimit() {
        InstanceImage big = new InstanceImage(2, 1, new int[] {0, MaskLabeler.MAX_INSTANCE_ID + 1});
        assertThrows(IllegalArgumentException.class, () -> MaskLabeler.label(big, 1));
        InstanceImage unsignedHuge = new InstanceImage(2, 1, new int[] {-1, 0});
        assertThrows(IllegalArgumentException.class, () -> MaskLabeler.label(unsignedHuge, 1));
        InstanceImage atLimit = new InstanceImage(2, 1, new int[] {MaskLabeler.MAX_INSTANCE_ID, 1});
        assertEquals(List.of(1, MaskLabeler.MAX_INSTANCE_ID), ids(MaskLabeler.label(atLimit, 1)));
    }

    @Test
    void labelsAreUnmodifiable() {
        List<InstanceLabel> labels = MaskLabeler.label(Masks.image("1"), 1);
        assertThrows(UnsupportedOperationException.class, () -> labels.add(labels.get(0)));
    }

    /** Compares with a deliberately naive per-id scan written here, on random blob images. */
    @Test
    void agreesWithNaiveScanOnRandomImages() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int trial = 0; trial < 100; trial++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(30);
            int maxId = 1 + random.nextInt(70);
            int[] ids = new int[w * h];
            for (int r = random.nextInt(12); r > 0; r--) {
                int id = 1 + random.nextInt(maxId);
                int x0 = random.nextInt(w), y0 = random.nextInt(h);
                int x1 = x0 + random.nextInt(w - x0), y1 = y0 + random.nextInt(h - y0);
                for (int y = y0; y <= y1; y++)
                    for (int x = x0; x <= x1; x++)
                        if (random.nextInt(5) != 0) ids[y * w + x] = id;
            }
            InstanceImage image = new InstanceImage(w, h, ids);
            int min = random.nextInt(4);
            List<InstanceLabel> labels = MaskLabeler.label(image, min);
            int next = 0;
            for (int id = 1; id <= maxId; id++) {
                long area = 0;
                int minX = w, minY = h, maxX = -1, maxY = -1;
                boolean[] mask = new boolean[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (ids[y * w + x] != id) continue;
                        area++;
                        mask[y * w + x] = true;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
                if (area == 0 || area < min) continue;
                assertTrue(next < labels.size(), "missing label for id " + id + " in trial " + trial);
                InstanceLabel l = labels.get(next++);
                assertEquals(id, l.instanceId());
                assertEquals(area, l.area());
                assertEquals(new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1), l.bbox());
                assertArrayEquals(mask, l.rle().toRowMajorMask());
            }
            assertEquals(next, labels.size(), "extra labels in trial " + trial);
        }
    }
}
