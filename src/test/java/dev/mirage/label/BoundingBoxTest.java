package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void inclusivePixelRangeBecomesPixelEdgeBox() {
        // columns 2..5, rows 1..1 -> [2, 1, 4, 1]
        BoundingBox box = BoundingBox.ofInclusive(2, 1, 5, 1);
        assertEquals(new BoundingBox(2, 1, 4, 1), box);
        assertArrayEquals(new double[] {2, 1, 4, 1}, box.toCoco());
        assertEquals(6, box.endX());
        assertEquals(2, box.endY());
        assertEquals(4, box.pixelCount());
    }

    @Test
    void onePixelIsOneByOne() {
        assertArrayEquals(new double[] {0, 0, 1, 1}, BoundingBox.ofInclusive(0, 0, 0, 0).toCoco());
    }

    @Test
    void emptyBoxIsCocosZeroBox() {
        assertTrue(BoundingBox.EMPTY.isEmpty());
        assertArrayEquals(new double[] {0, 0, 0, 0}, BoundingBox.EMPTY.toCoco());
        assertFalse(BoundingBox.ofImage(1, 1).isEmpty());
    }

    @Test
    void fitsWithinChecksExclusiveEdges() {
        assertTrue(new BoundingBox(1, 1, 3, 2).fitsWithin(4, 3));
        assertFalse(new BoundingBox(1, 1, 3, 2).fitsWithin(3, 3));
        assertFalse(new BoundingBox(1, 1, 3, 2).fitsWithin(4, 2));
    }

    @Test
    void rejectsNegativeOrReversed() {
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(-1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(0, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> BoundingBox.ofInclusive(3, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(Integer.MAX_VALUE, 0, 1, 1));
    }
}
