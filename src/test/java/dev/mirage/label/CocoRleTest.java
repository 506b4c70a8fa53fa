package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mirage.sensor.InstanceImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every expected count and string below is worked out by hand from pycocotools' algorithm (the
 * working is in the comments) and was also cross-checked once against pycocotools 2.0.11's
 * {@code mask.encode}. Character table: 48 + n, so 0..9 are '0'..'9', 28 is 'L', 31 is 'O',
 * 36 is 'T', 48 is '`', 55 is 'g', 60 is 'l', 61 is 'm'.
 */
class CocoRleTest {

    /** Encodes, checks counts, string, area, and that the string decodes back to the mask. */
    private static void assertRle(boolean[] mask, int width, int height, int[] counts, String string, long area) {
        CocoRle rle = CocoRle.encode(mask, width, height);
        assertArrayEquals(counts, rle.counts(), "counts");
        assertEquals(string, rle.toCompressedString(), "compressed string");
        assertEquals(area, rle.area(), "area");
        CocoRle decoded = CocoRle.fromCompressedString(string, height, width);
        assertArrayEquals(counts, decoded.counts(), "decoded counts");
        assertArrayEquals(mask, decoded.toRowMajorMask(), "decoded mask");
        assertEquals(rle, decoded);
    }

    @Test
    void emptyMaskIsOneRunOfZeros() {
        // 3x3, nothing set: counts [9]; 9 < 16 fits one group without continuation: '9'.
        assertRle(Masks.mask("...", "...", "..."), 3, 3, new int[] {9}, "9", 0);
    }

    @Test
    void fullMaskStartsWithAnEmptyRunOfZeros() {
        // 3x3, all set: the leading 0-run is 0 long: counts [0, 9] -> "0" "9".
        assertRle(Masks.mask("XXX", "XXX", "XXX"), 3, 3, new int[] {0, 9}, "09", 9);
    }

    @Test
    void singleCentrePixel() {
        // 3x3, pixel (1,1): column-major position 1*3 + 1 = 4: counts [4, 1, 4] -> "414".
        assertRle(Masks.mask("...", ".X.", "..."), 3, 3, new int[] {4, 1, 4}, "414", 1);
    }

    @Test
    void bottomRowTouchingThreeBordersShowsTheIndexGreaterThanTwoQuirk() {
        // 3x3, bottom row set. Columns read top-down: 001 001 001 -> counts [2,1,2,1,2,1].
        // Deltas only from index 3 on: 2, 1, 2, 1-1=0, 2-2=0, 1-1=0 -> "212000"
        // (deltas from index 2 would have given "210000").
        assertRle(Masks.mask("...", "...", "XXX"), 3, 3, new int[] {2, 1, 2, 1, 2, 1}, "212000", 3);
    }

    @Test
    void oppositeCornersTouchAllFourBorders() {
        // 3x3, pixels (0,0) and (2,2): positions 0 and 8: counts [0, 1, 7, 1];
        // index 3: 1 - counts[1] = 0 -> "0" "1" "7" "0".
        assertRle(Masks.mask("X..", "...", "..X"), 3, 3, new int[] {0, 1, 7, 1}, "0170", 2);
    }

    @Test
    void smallIrregularMaskWithNegativeDelta() {
        // width 4, height 3:   . X X .
        //                      X X X .
        //                      . X . X
        // columns top-down: 010 | 111 | 110 | 001 -> 0 1 0 1 1 1 1 1 0 0 0 1
        // runs: 0s 1, 1s 1, 0s 1, 1s 5, 0s 3, 1s 1 -> counts [1,1,1,5,3,1], sum 12, area 7.
        // deltas: 1, 1, 1, 5-1=4, 3-1=2, 1-5=-4.
        // -4: low 5 bits 11100 = 28, x >>= 5 gives -1, sign bit 0x10 set and x == -1 so stop: 28+48 'L'.
        assertRle(Masks.mask(".XX.", "XXX.", ".X.X"), 4, 3, new int[] {1, 1, 1, 5, 3, 1}, "11142L", 7);
    }

    @Test
    void runLongerThanTwoToTheSixteenthTakesFourGroups() {
        // 300x300 all set: counts [0, 90000]. 0 -> '0'.
        // 90000 = 2^16 + 2^14 + 2^12 + 2^11 + 2^10 + 2^9 + 2^8 + 2^7 + 2^4.
        // group 0 (bits 0-4): 10000b = 16; sign bit set, rest 2812 != -1 -> continue: 16|32 = 48 -> '`'
        // group 1 (bits 5-9): bits 7,8,9 = 11100b = 28; rest 87 -> continue: 60 -> 'l'
        // group 2 (bits 10-14): bits 10,11,12,14 = 10111b = 23; rest 2 -> continue: 55 -> 'g'
        // group 3 (bits 15-19): bit 16 = 00010b = 2; sign bit clear, rest 0 -> stop: '2'
        boolean[] full = new boolean[300 * 300];
        java.util.Arrays.fill(full, true);
        assertRle(full, 300, 300, new int[] {0, 90000}, "0`lg2", 90000);
    }

    @Test
    void negativeDeltaSpanningTwoGroups() {
        // height 100, width 3: column 0 all set, column 1 empty, pixel (2, 0) set.
        // counts [0, 100, 100, 1, 99]; deltas 0, 100, 100, 1-100=-99, 99-100=-1.
        // 100 = 3*32 + 4: group 4, rest 3 -> continue: 36 'T'; then 3, rest 0: '3'  -> "T3"
        // -99: low bits 29 (= -99 + 128), rest floor(-99/32) = -4 != -1 -> continue: 61 'm';
        //      -4: low bits 28, rest -1, sign set -> stop: 'L'                      -> "mL"
        // -1: low bits 31, rest -1, sign set -> stop: 'O'.
        boolean[] mask = new boolean[100 * 3];
        for (int y = 0; y < 100; y++) mask[y * 3] = true;
        mask[2] = true;
        assertRle(mask, 3, 100, new int[] {0, 100, 100, 1, 99}, "0T3T3mLO", 101);
    }

    @Test
    void nonSquareMaskIsReadColumnMajor() {
        // width 2, height 3: X .
        //                    X X
        //                    . X   columns: 110 | 011 -> counts [0, 2, 2, 2] -> "0", "2", "2", 2-2=0.
        assertRle(Masks.mask("X.", "XX", ".X"), 2, 3, new int[] {0, 2, 2, 2}, "0220", 4);
    }

    @Test
    void instanceImageEncodingMatchesHandCounts() {
        InstanceImage image = Masks.image(".77.", "777.", ".7.7");
        // same shape as smallIrregularMaskWithNegativeDelta, drawn with id 7
        assertArrayEquals(new int[] {1, 1, 1, 5, 3, 1}, CocoRle.encode(image, 7).counts());
        assertArrayEquals(new int[] {1, 1, 1, 5, 3, 1},
                CocoRle.encode(image, 7, new BoundingBox(0, 0, 4, 3)).counts());
        // id 0 (background) is the complement: columns 101 | 000 | 001 | 110, starting with a set
        // pixel, so a 0-long run of 0s first: [0, 1, 1, 1, 5, 3, 1]
        assertArrayEquals(new int[] {0, 1, 1, 1, 5, 3, 1}, CocoRle.encode(image, 0).counts());
    }

    @Test
    void boxedEncodingEqualsWholeImageEncodingOnRandomImages() {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 300; trial++) {
            int w = 1 + random.nextInt(17);
            int h = 1 + random.nextInt(17);
            int[] ids = new int[w * h];
            int ninstances = 1 + random.nextInt(4);
            for (int i = 0; i < ids.length; i++) ids[i] = random.nextInt(4) == 0 ? random.nextInt(ninstances + 1) : 0;
            InstanceImage image = new InstanceImage(w, h, ids);
            for (int id = 1; id <= ninstances; id++) {
                CocoRle whole = CocoRle.encode(image, id);
                BoundingBox tight = tightBox(image, id);
                assertEquals(whole, CocoRle.encode(image, id, tight), "tight box, trial " + trial);
                BoundingBox loose = grow(tight, random, w, h);
                assertEquals(whole, CocoRle.encode(image, id, loose), "loose box " + loose + ", trial " + trial);
                boolean[] mask = new boolean[w * h];
                for (int i = 0; i < mask.length; i++) mask[i] = ids[i] == id;
                assertEquals(whole, CocoRle.encode(mask, w, h));
                assertArrayEquals(mask, whole.toRowMajorMask());
                assertEquals(whole, CocoRle.fromCompressedString(whole.toCompressedString(), h, w));
            }
        }
    }

    @Test
    void boxedEncodingIgnoresPixelsOutsideTheBox() {
        InstanceImage image = Masks.image("1..", ".1.", "..1");
        // only the centre pixel lies in the 1x1 box at (1,1): counts [4, 1, 4]
        assertArrayEquals(new int[] {4, 1, 4}, CocoRle.encode(image, 1, new BoundingBox(1, 1, 1, 1)).counts());
        assertArrayEquals(new int[] {9}, CocoRle.encode(image, 1, BoundingBox.EMPTY).counts());
        assertThrows(IllegalArgumentException.class, () -> CocoRle.encode(image, 1, new BoundingBox(1, 1, 3, 1)));
    }

    @Test
    void rejectsCountsNotSummingToHeightTimesWidth() {
        // "414" sums to 9: fine for 3x3, not for 3x4 or 2x4.
        assertEquals(1, CocoRle.fromCompressedString("414", 3, 3).area());
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("414", 3, 4));
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("414", 2, 4));
        assertThrows(IllegalArgumentException.class, () -> new CocoRle(3, 3, new int[] {4, 1, 3}));
    }

    @Test
    void rejectsMalformedStrings() {
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("", 3, 3), "no counts");
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("4 14", 3, 3), "space");
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("41p", 3, 3), "'p' > 'o'");
        // 'T' = 36 has the continuation bit 0x20 and nothing follows
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("09T", 3, 3), "cut off");
        // 'L' alone is -4: a negative first run
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("L", 3, 3), "negative");
        // thirteen continuation groups cannot be an int
        assertThrows(IllegalArgumentException.class,
                () -> CocoRle.fromCompressedString("PPPPPPPPPPPP0", 3, 3), "too long");
        assertThrows(IllegalArgumentException.class, () -> new CocoRle(3, 3, new int[] {10, -1}));
    }

    @Test
    void countsAreDefensivelyCopied() {
        int[] counts = {4, 1, 4};
        CocoRle rle = new CocoRle(3, 3, counts);
        counts[1] = 99;
        rle.counts()[1] = 99;
        assertArrayEquals(new int[] {4, 1, 4}, rle.counts());
    }

    @Test
    void decodesNonCanonicalZeroLengthInteriorRuns() {
        // [3, 0, 6] is an all-zero 3x3 mask written with an empty run of 1s: "306".
        CocoRle rle = CocoRle.fromCompressedString("306", 3, 3);
        assertEquals(0, rle.area());
        assertArrayEquals(new boolean[9], rle.toRowMajorMask());
    }

    private static BoundingBox tightBox(InstanceImage image, int id) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.idAt(x, y) != id) continue;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? BoundingBox.EMPTY : BoundingBox.ofInclusive(minX, minY, maxX, maxY);
    }

    private static BoundingBox grow(BoundingBox box, SplittableRandom random, int w, int h) {
        if (box.isEmpty()) return BoundingBox.ofImage(w, h);
        int x0 = random.nextInt(box.x() + 1);
        int y0 = random.nextInt(box.y() + 1);
        int x1 = box.endX() + random.nextInt(w - box.endX() + 1);
        int y1 = box.endY() + random.nextInt(h - box.endY() + 1);
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }
}
