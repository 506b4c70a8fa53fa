package dev.mirage.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class SunTest {
    private static void assertVector(double x, double y, double z, Vector3d v, double tolerance) {
        assertEquals(x, v.x, tolerance, "x of " + v);
        assertEquals(y, v.y, tolerance, "y of " + v);
        assertEquals(z, v.z, tolerance, "z of " + v);
    }

    @Test
    void benchmarkSceneSun() {
        // elevation 45°, azimuth 135° -> (cos45·cos135, sin45, −cos45·sin135) = (−0.5, 0.7071068, −0.5);
        // the benchmark scene lists to_sun_gltf = [−0.5, 0.707107, −0.5]
        assertVector(-0.5, Math.sqrt(0.5), -0.5, Sun.towardSun(Math.toRadians(45), Math.toRadians(135)), 1e-12);
    }

    @Test
    void azimuthZeroIsPlusXAndNinetyIsMinusZ() {
        assertVector(1, 0, 0, Sun.towardSun(0, 0), 1e-15);
        assertVector(0, 0, -1, Sun.towardSun(0, Math.toRadians(90)), 1e-15);
        assertVector(0, 1, 0, Sun.towardSun(Math.toRadians(90), Math.toRadians(37)), 1e-15);
    }

    @Test
    void sunNormalisesAndRejectsZero() {
        Sun sun = new Sun(new Vector3d(0, 0, -2), new Vector3d(1, 1, 1), 1);
        assertEquals(new Vector3d(0, 0, -1), sun.towardSun());
        assertThrows(IllegalArgumentException.class, () -> new Sun(new Vector3d(), new Vector3d(1, 1, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> new Sun(new Vector3d(0, 1, 0), new Vector3d(1, 1, 1), -1));
    }
}
