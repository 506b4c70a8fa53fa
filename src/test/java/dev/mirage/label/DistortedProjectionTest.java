package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.Lens;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Keypoints, 3D-box corners and amodal boxes go through the lens like the image does. */
class DistortedProjectionTest {
    static final Lens LENS = Lens.brownConrady(-0.3, 0.08, 0.001, -0.002, 0);
    static final Camera PINHOLE = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(60), 0.1, 100, 320, 240);
    static final Camera CAMERA = PINHOLE.with(LENS, CameraEffects.NONE);

    /** OpenCV's Brown–Conrady written out again. */
    static double[] expected(Vector3d p) {
        double f = PINHOLE.focalPixels(), x = p.x / -p.z, y = -p.y / -p.z, r2 = x * x + y * y;
        double g = 1 + LENS.k1() * r2 + LENS.k2() * r2 * r2;
        double xd = x * g + 2 * LENS.p1() * x * y + LENS.p2() * (r2 + 2 * x * x);
        double yd = y * g + LENS.p1() * (r2 + 2 * y * y) + 2 * LENS.p2() * x * y;
        return new double[] {160 + f * xd, 120 + f * yd};
    }

    @Test
    void cornersLandWhereTheLensPutsThem() {
        Box3d.Pinhole pinhole = Box3d.Pinhole.of(CAMERA);
        for (Vector3d p : List.of(new Vector3d(-2, 1.5, -5), new Vector3d(3, -1, -8), new Vector3d(0, 0, -3))) {
            Box3d.Pixel px = pinhole.project(p);
            double[] e = expected(p);
            assertEquals(e[0], px.u(), 1e-9);
            assertEquals(e[1], px.v(), 1e-9);
        }
        // a point past the lens's field is far outside the image, never folded back in
        Box3d.Pixel out = pinhole.project(new Vector3d(-30, 0, -1));
        assertTrue(out.u() < -1000, "u " + out.u());
    }

    @Test
    void amodalBoxIsTheExtentOfTheDistortedVertices() {
        float[] v = {-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0};
        Matrix4d toWorld = new Matrix4d().translation(-2, 1, -6);
        double[] box = AmodalBox.of(CAMERA, List.of(new AmodalBox.Part(toWorld, v)));
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < v.length; i += 3) {
            double[] e = expected(toWorld.transformPosition(new Vector3d(v[i], v[i + 1], v[i + 2])));
            x0 = Math.min(x0, e[0]); x1 = Math.max(x1, e[0]); y0 = Math.min(y0, e[1]); y1 = Math.max(y1, e[1]);
        }
        assertArrayEquals(new double[] {x0, y0, x1 - x0, y1 - y0}, box, 1e-9);
    }
}
