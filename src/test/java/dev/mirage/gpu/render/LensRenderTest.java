package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.label.InstanceLabel;
import dev.mirage.label.MaskLabeler;
import dev.mirage.optics.CameraOptics;
import dev.mirage.optics.LensWarp;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Lens;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a small bright sphere (a dot) and a box on the real GL path, then sends the frame through
 * Brown–Conrady and fisheye lenses as the render job does, and checks the warped RGB, labels, depth
 * and ids against a projection and OpenCV's distortion formulas written out here independently.
 */
class LensRenderTest {
    static final int W = 320, H = 240;
    static final double FOV_DEG = 60;
    static final double F = H / 2.0 / Math.tan(Math.toRadians(FOV_DEG) / 2);
    /** Camera at the origin looking down −Z: camera and world coordinates agree. */
    static final Vector3d DOT = new Vector3d(-4.6, 2.9, -10);
    static final double DOT_DIAMETER = 0.5;
    static final Vector3d BOX_CENTRE = new Vector3d(3.2, -1.4, -9), BOX_SIZE = new Vector3d(1.6, 1.2, 1.4);
    static final double BOX_YAW = 25;

    static final Lens BROWN = Lens.brownConrady(-0.28, 0.07, 0.0015, -0.001, 0.01);
    static final Lens FISHEYE = Lens.fisheye(0.08, -0.02, 0.004, 0);

    static GlContext gl;
    static Camera camera;
    static SensorFrame pinhole;

    @BeforeAll
    static void render() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        camera = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(FOV_DEG), 0.1, 100, W, H);
        Vector3d zero = new Vector3d();
        Vector3d d = new Vector3d(DOT_DIAMETER);
        ObjectInstance dot = new ObjectInstance(1, 1, "dot", new MeshSource.Primitive(MeshSource.PrimitiveKind.SPHERE),
                ObjectRandomizer.modelToWorld(DOT, zero, 0, d), new Vector3d(1, 1, 1), DOT, zero, 0, d);
        ObjectInstance box = new ObjectInstance(2, 1, "box", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                ObjectRandomizer.modelToWorld(BOX_CENTRE, zero, BOX_YAW, BOX_SIZE), new Vector3d(0.02, 0.02, 0.02),
                BOX_CENTRE, zero, BOX_YAW, BOX_SIZE);
        // the sun shines along the line of sight to the dot: its visible face is lit evenly; the sky is black
        FrameScene scene = new FrameScene(0, 0, camera, new Sun(new Vector3d(DOT).negate().normalize(), new Vector3d(1, 1, 1), 3),
                new Sky(new Vector3d(0, 0, 0), 0.0), List.of(dot, box));
        try (SceneRenderer renderer = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, false, 512, 50, true))) {
            pinhole = renderer.render(scene);
        }
    }

    @AfterAll
    static void close() {
        gl.close();
    }

    // --- independent model: pinhole projection, then OpenCV's formulas ---------------------------

    /** Normalized pinhole coordinates (x right, y down) of a camera point. */
    static double[] normalized(Vector3d p) {
        return new double[] {p.x / -p.z, -p.y / -p.z};
    }

    /** OpenCV's distortion of a normalized point, written from its documentation. */
    static double[] opencv(Lens lens, double x, double y) {
        double r2 = x * x + y * y;
        if (lens.model() == Lens.Model.FISHEYE) {
            double r = Math.sqrt(r2), t = Math.atan(r);
            double td = t * (1 + lens.k1() * Math.pow(t, 2) + lens.k2() * Math.pow(t, 4) + lens.k3() * Math.pow(t, 6) + lens.k4() * Math.pow(t, 8));
            return new double[] {td / r * x, td / r * y};
        }
        double radial = 1 + lens.k1() * r2 + lens.k2() * r2 * r2 + lens.k3() * r2 * r2 * r2;
        return new double[] {x * radial + 2 * lens.p1() * x * y + lens.p2() * (r2 + 2 * x * x),
                y * radial + lens.p1() * (r2 + 2 * y * y) + 2 * lens.p2() * x * y};
    }

    static double[] pixel(Lens lens, Vector3d p) {
        double[] n = normalized(p);
        double[] d = opencv(lens, n[0], n[1]);
        return new double[] {W / 2.0 + F * d[0], H / 2.0 + F * d[1]};
    }

    static SensorFrame through(Lens lens) {
        return CameraOptics.apply(camera.with(lens, CameraEffects.NONE), pinhole, 0, new LensWarp.Cache());
    }

    /** Centroid (pixel centres) of the pixels holding instance id. */
    static double[] maskCentroid(SensorFrame f, int id) {
        double sx = 0, sy = 0;
        int n = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (f.instance().idAt(x, y) == id) { sx += x + 0.5; sy += y + 0.5; n++; }
        assertTrue(n > 20, "the dot covers " + n + " pixels");
        return new double[] {sx / n, sy / n};
    }

    /** Centroid of the bright pixels in the dot's quadrant (the box is dark, the sky black). */
    static double[] rgbCentroid(SensorFrame f) {
        byte[] rgb = f.rgb().data();
        double sx = 0, sy = 0;
        int n = 0;
        for (int y = 0; y < H / 2; y++)
            for (int x = 0; x < W / 2; x++) {
                int i = 3 * (y * W + x);
                int g = Math.max(rgb[i] & 0xFF, Math.max(rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF));
                if (g > 4) { sx += x + 0.5; sy += y + 0.5; n++; }
            }
        assertTrue(n > 20, "the dot has " + n + " bright pixels");
        return new double[] {sx / n, sy / n};
    }

    void dotAgrees(Lens lens) {
        SensorFrame f = through(lens);
        double[] mask = maskCentroid(f, 1), rgb = rgbCentroid(f), expected = pixel(lens, DOT);
        double[] undistorted = {W / 2.0 + F * normalized(DOT)[0], H / 2.0 + F * normalized(DOT)[1]};
        assertTrue(Math.hypot(expected[0] - undistorted[0], expected[1] - undistorted[1]) > 5,
                "the lens moves the dot visibly");
        assertEquals(mask[0], rgb[0], 0.5, "x: mask vs RGB");
        assertEquals(mask[1], rgb[1], 0.5, "y: mask vs RGB");
        assertEquals(expected[0], mask[0], 0.5, "x: mask vs distorted projection");
        assertEquals(expected[1], mask[1], 0.5, "y: mask vs distorted projection");
        assertEquals(expected[0], rgb[0], 0.5, "x: RGB vs distorted projection");
        assertEquals(expected[1], rgb[1], 0.5, "y: RGB vs distorted projection");
    }

    @Test
    void dotCentroidsAgreeThroughBrownConrady() {
        dotAgrees(BROWN);
    }

    @Test
    void dotCentroidsAgreeThroughFisheye() {
        dotAgrees(FISHEYE);
    }

    @Test
    void labelsOfTheWarpedImageMatchItsMasks() {
        SensorFrame f = through(BROWN);
        InstanceLabel dot = MaskLabeler.label(f.instance(), 1).stream().filter(l -> l.instanceId() == 1).findFirst().orElseThrow();
        double[] c = maskCentroid(f, 1);
        var b = dot.bbox();
        assertTrue(b.x() < c[0] && c[0] < b.x() + b.width() && b.y() < c[1] && c[1] < b.y() + b.height(), "the box holds the centroid");
        double[] expected = pixel(BROWN, DOT);
        assertEquals(expected[0], b.x() + b.width() / 2.0, 1.0, "box centre x");
        assertEquals(expected[1], b.y() + b.height() / 2.0, 1.0, "box centre y");
    }

    @Test
    void boxBboxMatchesTheDistortedSilhouette() {
        for (Lens lens : new Lens[] {BROWN, FISHEYE}) {
            SensorFrame f = through(lens);
            int x0 = W, y0 = H, x1 = -1, y1 = -1;
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                    if (f.instance().idAt(x, y) == 2) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
            // the silhouette of a convex box is the hull of its edges: sample all 12 densely
            double u0 = Double.MAX_VALUE, v0 = Double.MAX_VALUE, u1 = -Double.MAX_VALUE, v1 = -Double.MAX_VALUE;
            Vector3d[] corners = corners();
            for (int a = 0; a < 8; a++)
                for (int b = a + 1; b < 8; b++) {
                    if (Integer.bitCount(a ^ b) != 1) continue;
                    for (int s = 0; s <= 400; s++) {
                        double[] p = pixel(lens, new Vector3d(corners[a]).lerp(corners[b], s / 400.0));
                        u0 = Math.min(u0, p[0]); u1 = Math.max(u1, p[0]); v0 = Math.min(v0, p[1]); v1 = Math.max(v1, p[1]);
                    }
                }
            assertEquals(u0, x0, 1.0, lens.model() + " left");
            assertEquals(u1, x1 + 1, 1.0, lens.model() + " right");
            assertEquals(v0, y0, 1.0, lens.model() + " top");
            assertEquals(v1, y1 + 1, 1.0, lens.model() + " bottom");
        }
    }

    static Vector3d[] corners() {
        double c = Math.cos(Math.toRadians(BOX_YAW)), s = Math.sin(Math.toRadians(BOX_YAW));
        Vector3d[] out = new Vector3d[8];
        for (int i = 0; i < 8; i++) {
            double x = ((i & 1) == 0 ? -0.5 : 0.5) * BOX_SIZE.x, y = ((i & 2) == 0 ? -0.5 : 0.5) * BOX_SIZE.y, z = ((i & 4) == 0 ? -0.5 : 0.5) * BOX_SIZE.z;
            out[i] = new Vector3d(BOX_CENTRE.x + c * x + s * z, BOX_CENTRE.y + y, BOX_CENTRE.z - s * x + c * z);
        }
        return out;
    }

    @Test
    void depthAndIdsAreNeverInterpolated() {
        Set<Float> depths = new HashSet<>();
        for (float d : pinhole.depth().data()) depths.add(d);
        Set<Integer> ids = new HashSet<>();
        for (int id : pinhole.instance().data()) ids.add(id);
        for (Lens lens : new Lens[] {BROWN, FISHEYE}) {
            SensorFrame f = through(lens);
            for (float d : f.depth().data()) assertTrue(d == 0 || depths.contains(d), "depth " + d + " is not in the pinhole image");
            for (int id : f.instance().data()) assertTrue(ids.contains(id), "id " + id);
        }
    }

    @Test
    void barrelDistortionLeavesTheCornersEmpty() {
        SensorFrame f = through(BROWN);
        assertEquals(0, f.instance().idAt(0, 0));
        assertEquals(0f, f.depth().metresAt(W - 1, H - 1));
        byte[] rgb = f.rgb().data();
        assertEquals(0, rgb[0] | rgb[1] | rgb[2]);
    }
}
