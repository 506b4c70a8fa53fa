package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.scene.Surface;
import dev.mirage.sensor.SensorFrame;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Procedural surface patterns on the real GL path (llvmpipe in CI): cells and stripes land where
 * their documented rules put them in the object's own frame, noise is repeatable, and neither
 * patterns nor lights nor metalness move a single depth or id pixel.
 */
class SurfaceRenderTest {
    static final int W = 160, H = 120;
    static final Vector3d RED = new Vector3d(0.8, 0.05, 0.05), BLUE = new Vector3d(0.05, 0.05, 0.8), ZERO = new Vector3d();
    static final PixelRays VIEW = new PixelRays(new Vector3d(0, 4.5, 5), new Vector3d(0, 0, -1), 60, W, H);
    static final Sun SUN = new Sun(new Vector3d(0.2, 1, 0.1), new Vector3d(1, 1, 1), 1);
    static final Sky SKY = new Sky(new Vector3d(0.5, 0.6, 0.8), 0.2);
    /** The patterned plane: 6 m square, centred off the origin and turned 30° about +Y. */
    static final Vector3d CENTRE = new Vector3d(0.3, 0, -0.2);
    static final double YAW_DEG = 30, CELL_M = 0.5;

    static GlContext gl;
    static SceneRenderer renderer;

    @BeforeAll
    static void open() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        renderer = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, true, 512, 50, true));
    }

    @AfterAll
    static void close() {
        renderer.close();
        gl.close();
    }

    static Surface surface(Surface.Pattern pattern, double roughness, double metallic) {
        return new Surface(roughness, metallic, pattern, BLUE, CELL_M);
    }

    static ObjectInstance plane(Surface surface) {
        Vector3d size = new Vector3d(6, 1, 6);
        Matrix4d modelToWorld = new Matrix4d().translation(CENTRE).rotateY(Math.toRadians(YAW_DEG)).scale(size);
        return new ObjectInstance(0, 0, "floor", new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE), modelToWorld,
                RED, CENTRE, ZERO, YAW_DEG, size, surface);
    }

    static ObjectInstance solid(int id, MeshSource.PrimitiveKind kind, Vector3d centre, Vector3d size, Surface surface) {
        return new ObjectInstance(id, 1, kind.name(), new MeshSource.Primitive(kind), PixelRays.placed(centre, size),
                new Vector3d(0.6, 0.5, 0.2), centre, ZERO, 0, size, surface);
    }

    static SensorFrame render(List<ObjectInstance> objects, List<Light> lights) {
        return renderer.render(new FrameScene(0, 0, VIEW.camera(), SUN, SKY, objects, lights));
    }

    /** Pattern-space coordinates (metres along the plane's turned axes) of the plane point seen at (x, y), or null. */
    static Vector3d patternPoint(int x, int y) {
        Vector3d p = VIEW.hitPlaneY(x, y, 0);
        if (p == null) return null;
        Vector3d local = new Matrix4d().rotateY(-Math.toRadians(YAW_DEG)).transformPosition(new Vector3d(p).sub(CENTRE));
        return Math.abs(local.x) < 2.9 && Math.abs(local.z) < 2.9 ? local : null;
    }

    /** The documented checker rule: the base colour (+1) where floor(x/s) + floor(y/s) + floor(z/s) is even, else −1. */
    static int checker(Vector3d p) {
        long cells = (long) Math.floor(p.x / CELL_M) + (long) Math.floor(p.y / CELL_M) + (long) Math.floor(p.z / CELL_M);
        return Math.floorMod(cells, 2) == 0 ? 1 : -1;
    }

    /** The documented stripes rule: the base colour (+1) on the first half of each period s along x, else −1. */
    static int stripes(Vector3d p) {
        return p.x / CELL_M - Math.floor(p.x / CELL_M) < 0.5 ? 1 : -1;
    }

    /**
     * The rule's value at pixel (x, y) where the pixel and its eight neighbours all agree on it, else 0:
     * FXAA may blend a pixel with its neighbours, so only pixels a pixel away from any edge are judged.
     */
    static int expectedAway(ToIntFunction<Vector3d> rule, int x, int y) {
        int value = 0;
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++) {
                Vector3d p = patternPoint(x + dx, y + dy);
                if (p == null) return 0;
                int v = rule.applyAsInt(p);
                if (value != 0 && v != value) return 0;
                value = v;
            }
        return value;
    }

    /** +1 where the pixel shows the base colour (red), −1 where it shows the second colour (blue), 0 if neither. */
    static int colourAt(SensorFrame frame, int x, int y) {
        byte[] rgb = frame.rgb().data();
        int r = rgb[3 * (y * W + x)] & 0xFF, b = rgb[3 * (y * W + x) + 2] & 0xFF;
        if (r > b + 60) return 1;
        if (b > r + 60) return -1;
        return 0;
    }

    static void assertPattern(SensorFrame frame, ToIntFunction<Vector3d> rule) {
        int[] seen = new int[2];
        for (int y = 1; y < H - 1; y++)
            for (int x = 1; x < W - 1; x++) {
                int expected = expectedAway(rule, x, y);
                if (expected == 0) continue;
                assertEquals(expected, colourAt(frame, x, y), "pixel " + x + "," + y + " at pattern point " + patternPoint(x, y));
                seen[expected > 0 ? 0 : 1]++;
            }
        assertTrue(seen[0] > 500 && seen[1] > 500, "base, second colour pixels: " + Arrays.toString(seen));
    }

    @Test
    void checkerCellsFollowTheParityOfTheirIndices() {
        assertPattern(render(List.of(plane(surface(Surface.Pattern.CHECKER, 0.8, 0))), List.of()), SurfaceRenderTest::checker);
    }

    @Test
    void stripesTakeTheBaseColourOnTheFirstHalfOfEachPeriodAlongX() {
        assertPattern(render(List.of(plane(surface(Surface.Pattern.STRIPES, 0.8, 0))), List.of()), SurfaceRenderTest::stripes);
    }

    @Test
    void noiseMixesBothColoursAndRepeatsByteForByte() {
        List<ObjectInstance> objects = List.of(plane(surface(Surface.Pattern.NOISE, 0.8, 0)));
        SensorFrame first = render(objects, List.of()), second = render(objects, List.of());
        assertArrayEquals(first.rgb().data(), second.rgb().data(), "same frame, same bytes");
        int[] seen = new int[3];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) if (patternPoint(x, y) != null) seen[colourAt(first, x, y) + 1]++;
        assertTrue(seen[0] > 500 && seen[2] > 500, "blue, mixed, red pixels: " + Arrays.toString(seen));
    }

    @Test
    void patternsLightsAndMetalLeaveDepthIdsAndCoverageUntouched() {
        Vector3d unit = new Vector3d(1, 1, 1);
        List<ObjectInstance> plain = List.of(plane(Surface.DEFAULT),
                solid(1, MeshSource.PrimitiveKind.BOX, new Vector3d(-1, 0.5, -0.5), unit, Surface.DEFAULT),
                solid(2, MeshSource.PrimitiveKind.SPHERE, new Vector3d(0.6, 0.5, 0.3), unit, Surface.DEFAULT),
                solid(3, MeshSource.PrimitiveKind.CYLINDER, new Vector3d(1.5, 0.6, -1.5), new Vector3d(0.6, 1.2, 0.6), Surface.DEFAULT));
        List<ObjectInstance> dressed = List.of(plane(surface(Surface.Pattern.CHECKER, 0.3, 0)),
                solid(1, MeshSource.PrimitiveKind.BOX, new Vector3d(-1, 0.5, -0.5), unit, surface(Surface.Pattern.STRIPES, 0.5, 1)),
                solid(2, MeshSource.PrimitiveKind.SPHERE, new Vector3d(0.6, 0.5, 0.3), unit, surface(Surface.Pattern.NOISE, 0.1, 1)),
                solid(3, MeshSource.PrimitiveKind.CYLINDER, new Vector3d(1.5, 0.6, -1.5), new Vector3d(0.6, 1.2, 0.6),
                        surface(Surface.Pattern.CHECKER, 0.05, 0.5)));
        List<Light> lights = List.of(
                new Light(Light.Kind.POINT, new Vector3d(0, 2, 1), null, new Vector3d(1, 0.8, 0.6), 3, 8, 0, 0),
                new Light(Light.Kind.SPOT, new Vector3d(-1, 3, 1), new Vector3d(0, -1, -0.5), new Vector3d(0.6, 0.8, 1), 5, 10, 15, 25),
                new Light(Light.Kind.POINT, new Vector3d(2, 0.3, 0), null, new Vector3d(1, 1, 1), 1, 3, 0, 0));
        SensorFrame a = render(plain, List.of()), b = render(dressed, lights), c = render(dressed, lights);
        assertArrayEquals(a.instance().data(), b.instance().data(), "instance ids");
        assertArrayEquals(a.depth().data(), b.depth().data(), "depth");
        for (int id = 1; id <= 3; id++) {
            assertTrue(a.amodal().total(id) > 0, "instance " + id + " not measured");
            assertEquals(a.amodal().total(id), b.amodal().total(id), "amodal pixels of " + id);
            assertEquals(a.amodal().inImage(id), b.amodal().inImage(id), "amodal in-image pixels of " + id);
        }
        assertFalse(Arrays.equals(a.rgb().data(), b.rgb().data()), "the dressed frame looks different");
        assertArrayEquals(b.rgb().data(), c.rgb().data(), "same frame, same bytes");
    }
}
