package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders one box of known size and pose through a known camera on the real GL path (llvmpipe in
 * CI) and checks the sensors against geometry computed here by hand: the analytic projection of
 * the box's corners, ray–box intersection depths and the projected silhouette's area.
 */
class KnownBoxRenderTest {
    static final int W = 320, H = 240;
    static final double FOV_DEG = 50;
    static final Vector3d EYE = new Vector3d(0.9, 1.7, 4.0);
    static final Vector3d TARGET = new Vector3d(0.1, 0.4, -0.4);
    static final Vector3d CENTRE = new Vector3d(0.2, 0.4, -0.5);
    static final Vector3d SIZE = new Vector3d(1.2, 0.8, 1.0);
    static final double YAW_DEG = 30;

    static GlContext gl;
    static SensorFrame frame;

    @BeforeAll
    static void render() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        Camera camera = new Camera(EYE, TARGET, Math.toRadians(FOV_DEG), 0.1, 100, W, H);
        Vector3d zero = new Vector3d();
        ObjectInstance box = new ObjectInstance(1, 1, "box", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                ObjectRandomizer.modelToWorld(CENTRE, zero, YAW_DEG, SIZE), new Vector3d(0.5, 0.2, 0.2), CENTRE, zero,
                YAW_DEG, SIZE);
        FrameScene scene = new FrameScene(0, 0, camera, new Sun(new Vector3d(0.3, 1, 0.2), new Vector3d(1, 1, 1), 1),
                new Sky(new Vector3d(0.5, 0.6, 0.8), 0.3), List.of(box));
        try (SceneRenderer renderer = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, true, 512, 50, true))) {
            frame = renderer.render(scene);
        }
    }

    @AfterAll
    static void close() {
        gl.close();
    }

    // --- independent camera model -------------------------------------------------------------

    static final Vector3d FORWARD = new Vector3d(TARGET).sub(EYE).normalize();
    static final Vector3d RIGHT = new Vector3d(FORWARD).cross(0, 1, 0).normalize();
    static final Vector3d UP = new Vector3d(RIGHT).cross(FORWARD);
    static final double F = H / 2.0 / Math.tan(Math.toRadians(FOV_DEG) / 2);

    /** Pixel coordinates (u, v) of a world point, image origin top-left, pixel edges at integers. */
    static double[] project(Vector3d p) {
        Vector3d d = new Vector3d(p).sub(EYE);
        double x = d.dot(RIGHT), y = d.dot(UP), z = d.dot(FORWARD);
        return new double[] {W / 2.0 + F * x / z, H / 2.0 - F * y / z};
    }

    static List<Vector3d> corners() {
        double c = Math.cos(Math.toRadians(YAW_DEG)), s = Math.sin(Math.toRadians(YAW_DEG));
        List<Vector3d> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double x = ((i & 1) == 0 ? -0.5 : 0.5) * SIZE.x, y = ((i & 2) == 0 ? -0.5 : 0.5) * SIZE.y, z = ((i & 4) == 0 ? -0.5 : 0.5) * SIZE.z;
            out.add(new Vector3d(CENTRE.x + c * x + s * z, CENTRE.y + y, CENTRE.z - s * x + c * z));
        }
        return out;
    }

    /** Planar depth of the ray through pixel centre (x, y) where it enters the box, or NaN if it misses. */
    static double rayBoxDepth(int x, int y) {
        Vector3d dir = new Vector3d(FORWARD)
                .add(new Vector3d(RIGHT).mul((x + 0.5 - W / 2.0) / F))
                .sub(new Vector3d(UP).mul((y + 0.5 - H / 2.0) / F));
        // Into the box's frame: undo the yaw about +Y.
        double c = Math.cos(Math.toRadians(YAW_DEG)), s = Math.sin(Math.toRadians(YAW_DEG));
        Vector3d o = new Vector3d(EYE).sub(CENTRE);
        double[] origin = {c * o.x - s * o.z, o.y, s * o.x + c * o.z};
        double[] d = {c * dir.x - s * dir.z, dir.y, s * dir.x + c * dir.z};
        double[] half = {SIZE.x / 2, SIZE.y / 2, SIZE.z / 2};
        double tNear = Double.NEGATIVE_INFINITY, tFar = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 3; a++) {
            double t1 = (-half[a] - origin[a]) / d[a], t2 = (half[a] - origin[a]) / d[a];
            tNear = Math.max(tNear, Math.min(t1, t2));
            tFar = Math.min(tFar, Math.max(t1, t2));
        }
        if (tNear > tFar || tFar < 0) return Double.NaN;
        return tNear * dir.dot(FORWARD); // dir has unit length along FORWARD, so planar depth = t
    }

    static boolean inMask(int x, int y) {
        return x >= 0 && y >= 0 && x < W && y < H && frame.instance().idAt(x, y) == 1;
    }

    // --- checks ----------------------------------------------------------------------------------

    @Test
    void bboxMatchesAnalyticProjectionWithinOnePixel() {
        double minU = Double.MAX_VALUE, minV = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (Vector3d p : corners()) {
            double[] uv = project(p);
            minU = Math.min(minU, uv[0]);
            maxU = Math.max(maxU, uv[0]);
            minV = Math.min(minV, uv[1]);
            maxV = Math.max(maxV, uv[1]);
        }
        int x0 = W, y0 = H, x1 = -1, y1 = -1;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (inMask(x, y)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
        assertTrue(x1 >= 0, "box not visible");
        assertEquals(minU, x0, 1.0, "left edge");
        assertEquals(maxU, x1 + 1, 1.0, "right edge");
        assertEquals(minV, y0, 1.0, "top edge");
        assertEquals(maxV, y1 + 1, 1.0, "bottom edge");
    }

    @Test
    void depthEqualsRayBoxIntersectionWithinOneCentimetre() {
        int checked = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // Interior pixels only: at a silhouette edge the pixel centre may fall either side.
                if (!(inMask(x, y) && inMask(x - 1, y) && inMask(x + 1, y) && inMask(x, y - 1) && inMask(x, y + 1))) continue;
                double expected = rayBoxDepth(x, y);
                assertFalse(Double.isNaN(expected), "ray through (" + x + ", " + y + ") misses the box");
                assertEquals(expected, frame.depth().metresAt(x, y), 0.01, "depth at (" + x + ", " + y + ")");
                checked++;
            }
        }
        assertTrue(checked > 1000, "only " + checked + " interior pixels");
        assertEquals(0f, frame.depth().metresAt(0, 0), "background depth is 0 (no surface)");
    }

    @Test
    void maskAreaWithinTwoPercentOfProjectedSilhouette() {
        List<double[]> points = new ArrayList<>();
        for (Vector3d p : corners()) points.add(project(p));
        double silhouette = convexHullArea(points);
        long pixels = 0;
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) if (inMask(x, y)) pixels++;
        assertEquals(silhouette, pixels, 0.02 * silhouette, "mask pixels vs analytic silhouette area");
    }

    @Test
    void idsAreExactlyBackgroundOrTheBox() {
        for (int v : frame.instance().data()) assertTrue(v == 0 || v == 1, "id " + v);
    }

    /** Andrew's monotone chain, then the shoelace formula. */
    static double convexHullArea(List<double[]> pts) {
        List<double[]> p = new ArrayList<>(pts);
        p.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        List<double[]> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (double[] q : p) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), q) <= 0)
                    hull.remove(hull.size() - 1);
                hull.add(q);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(p);
        }
        double area = 0;
        for (int i = 0; i < hull.size(); i++) {
            double[] a = hull.get(i), b = hull.get((i + 1) % hull.size());
            area += a[0] * b[1] - b[0] * a[1];
        }
        return Math.abs(area) / 2;
    }

    static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
