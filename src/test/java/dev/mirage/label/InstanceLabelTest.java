package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InstanceLabelTest {
    private static final CocoRle CENTRE = new CocoRle(3, 3, new int[] {4, 1, 4});
    private static final BoundingBox CENTRE_BOX = new BoundingBox(1, 1, 1, 1);

    @Test
    void acceptsConsistentLabel() {
        new InstanceLabel(1, 1, CENTRE_BOX, CENTRE);
    }

    @Test
    void rejectsInconsistentLabels() {
        assertThrows(IllegalArgumentException.class, () -> new InstanceLabel(0, 1, CENTRE_BOX, CENTRE));
        assertThrows(IllegalArgumentException.class, () -> new InstanceLabel(1, 2, CENTRE_BOX, CENTRE));
        CocoRle empty = new CocoRle(3, 3, new int[] {9});
        assertThrows(IllegalArgumentException.class, () -> new InstanceLabel(1, 0, CENTRE_BOX, empty));
        BoundingBox outside = new BoundingBox(2, 2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> new InstanceLabel(1, 1, outside, CENTRE));
        assertThrows(NullPointerException.class, () -> new InstanceLabel(1, 1, null, CENTRE));
    }
}
