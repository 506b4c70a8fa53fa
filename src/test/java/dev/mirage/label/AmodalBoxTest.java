package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Camera;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class AmodalBoxTest {
    // 200x200, 90° vertical field of view: f = 100 px, principal point (100, 100); looking down −Z.
    static final Camera CAMERA = new Camera(new Vector3d(0, 0, 0), new Vector3d(0, 0, -1), Math.toRadians(90), 0.1, 100, 200, 200);

    static float[] box(double x0, double y0, double z0, double x1, double y1, double z1) {
        float[] v = new float[24];
        for (int i = 0; i < 8; i++) {
            v[3 * i] = (float) ((i & 1) == 0 ? x0 : x1);
            v[3 * i + 1] = (float) ((i & 2) == 0 ? y0 : y1);
            v[3 * i + 2] = (float) ((i & 4) == 0 ? z0 : z1);
        }
        return v;
    }

    @Test
    void extentOfTheProjectedCornersByHand() {
        // Front face at z = −10 spans x ±2, y ±1: u = 100 + 100·x/10 → 80..120, v = 100 − 100·y/10 → 90..110;
        // the back face at z = −12 projects inside it.
        double[] b = AmodalBox.of(CAMERA, List.of(new AmodalBox.Part(new Matrix4d(), box(-2, -1, -12, 2, 1, -10))));
        assertArrayEquals(new double[] {80, 90, 40, 20}, b, 1e-4);
    }

    @Test
    void reachesPastTheImageAndFollowsTheTransform() {
        // The same box moved 12 m left spans x −14..−10: its left edge is nearest on the front face,
        // u = 100 + 100·(−14)/10 = −40; its right edge on the back face, u = 100 + 100·(−10)/12 = 16.667.
        double[] b = AmodalBox.of(CAMERA, List.of(new AmodalBox.Part(new Matrix4d().translation(-12, 0, 0), box(-2, -1, -12, 2, 1, -10))));
        assertEquals(-40, b[0], 1e-4);
        assertEquals(16.6667 + 40, b[2], 1e-3);
    }

    @Test
    void verticesBehindTheCameraAreLeftOutAndNothingInFrontGivesNull() {
        assertNull(AmodalBox.of(CAMERA, List.of(new AmodalBox.Part(new Matrix4d(), box(-1, -1, 1, 1, 1, 3)))));
        double[] b = AmodalBox.of(CAMERA, List.of(new AmodalBox.Part(new Matrix4d(), box(-1, -1, -10, 1, 1, 5))));
        assertArrayEquals(new double[] {90, 90, 20, 20}, b, 1e-4, "only the face at z = −10 is in front");
    }
}
