package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class ObjectRandomizerTest {
    private static void assertPoint(double x, double y, double z, Vector3d p) {
        assertEquals(x, p.x, 1e-12, "x of " + p);
        assertEquals(y, p.y, 1e-12, "y of " + p);
        assertEquals(z, p.z, 1e-12, "z of " + p);
    }

    @Test
    void unitBoxCornerByHand() {
        // corner (0.5, 0.5, 0.5) scaled by (2, 4, 6) -> (1, 2, 3);
        // turned 90° about +Y (x' = z, z' = -x: +x goes to -z) -> (3, 2, -1);
        // moved by (1, 2, 3) -> (4, 4, 2)
        Matrix4d m = ObjectRandomizer.modelToWorld(new Vector3d(1, 2, 3), new Vector3d(), 90, new Vector3d(2, 4, 6));
        assertPoint(4, 4, 2, m.transformPosition(new Vector3d(0.5, 0.5, 0.5)));
        assertPoint(1, 2, 3, m.transformPosition(new Vector3d(0, 0, 0)));
        // +x of the model (length 2 after scaling) points along world -z
        assertPoint(0, 0, -2, m.transformDirection(new Vector3d(1, 0, 0)));
    }

    @Test
    void eulerAnglesApplyXThenYThenZ() {
        // Rx(90) takes +x to +x, then Rz(90) takes +x to +y. (Z first would give +y, then Rx(90) -> +z.)
        Matrix4d m = ObjectRandomizer.modelToWorld(new Vector3d(), new Vector3d(90, 0, 90), 0, new Vector3d(1, 1, 1));
        assertPoint(0, 1, 0, m.transformDirection(new Vector3d(1, 0, 0)));
        // +y: Rx(90) -> +z, Rz(90) leaves +z
        assertPoint(0, 0, 1, m.transformDirection(new Vector3d(0, 1, 0)));
    }

    @Test
    void yawAppliesAfterTheEulerAngles() {
        // Rz(90): +x -> +y; then yaw 90 about +Y leaves +y. (Yaw first: +x -> -z, Rz leaves -z.)
        Matrix4d m = ObjectRandomizer.modelToWorld(new Vector3d(), new Vector3d(0, 0, 90), 90, new Vector3d(1, 1, 1));
        assertPoint(0, 1, 0, m.transformDirection(new Vector3d(1, 0, 0)));
        // +z: Rz leaves +z, yaw 90 takes +z to +x
        assertPoint(1, 0, 0, m.transformDirection(new Vector3d(0, 0, 1)));
    }

    @Test
    void identityPose() {
        Matrix4d m = ObjectRandomizer.modelToWorld(new Vector3d(), new Vector3d(), 0, new Vector3d(1, 1, 1));
        assertEquals(new Matrix4d(), m);
    }
}
