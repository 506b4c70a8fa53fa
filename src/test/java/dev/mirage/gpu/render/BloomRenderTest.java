package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Bloom;
import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small white sphere lit far beyond saturation by a lamp (a bright dot) and a dim box far from it, on a black
 * sky, rendered on the real GL path with and without bloom: the glow brightens the pixels around the
 * dot, less with distance, and nothing far away; depth and ids never change; strength 0 and a scene
 * with nothing above the threshold render byte for byte as without bloom.
 */
class BloomRenderTest {
    static final int W = 160, H = 120;
    static final double RADIUS = 12;
    /** Wide enough to blur at an eighth of the resolution. */
    static final double WIDE_RADIUS = 48;
    static final Vector3d DOT = new Vector3d(-1.5, 0.8, -10);
    static final Vector3d BOX = new Vector3d(2.5, -1.2, -9);

    static GlContext gl;
    static SensorFrame plain, bloomed, zeroStrength, wide, glare, plainFxaa, bloomedFxaa;

    static FrameScene scene(Bloom bloom, double lamp) {
        return scene(bloom, lamp, W, H);
    }

    static FrameScene scene(Bloom bloom, double lamp, int width, int height) {
        Camera camera = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(60), 0.1, 100, width, height)
                .with(dev.mirage.scene.Lens.NONE, new CameraEffects(0, 0, 0, 0, 0, new Vector3d(), 0, bloom));
        Vector3d zero = new Vector3d();
        Vector3d d = new Vector3d(0.5);
        ObjectInstance dot = new ObjectInstance(1, 1, "dot", new MeshSource.Primitive(MeshSource.PrimitiveKind.SPHERE),
                ObjectRandomizer.modelToWorld(DOT, zero, 0, d), new Vector3d(1, 1, 1), DOT, zero, 0, d);
        Vector3d size = new Vector3d(1.2, 1, 1);
        ObjectInstance box = new ObjectInstance(2, 1, "box", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                ObjectRandomizer.modelToWorld(BOX, zero, 20, size), new Vector3d(0.4, 0.4, 0.4), BOX, zero, 20, size);
        // a lamp just in front of the dot lights it alone; a faint sun lights the box well below the threshold
        Light light = new Light(Light.Kind.POINT, new Vector3d(DOT).add(0, 0, 0.8), null, new Vector3d(1, 1, 1), lamp, 1.5, 0, 0);
        return new FrameScene(0, 0, camera, new Sun(new Vector3d(0.3, 1, 0.5).normalize(), new Vector3d(1, 1, 1), 0.6),
                new Sky(new Vector3d(0, 0, 0), 0.0), List.of(dot, box), List.of(light));
    }

    static final Bloom ON = new Bloom(0.8, 0.9, RADIUS);

    @BeforeAll
    static void render() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        try (SceneRenderer r = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, false, 512, 50, true))) {
            plain = r.render(scene(Bloom.NONE, 40));
            bloomed = r.render(scene(ON, 40));
            zeroStrength = r.render(scene(new Bloom(0, 0.9, RADIUS), 40));
            wide = r.render(scene(new Bloom(0.8, 0.9, WIDE_RADIUS), 40));
            glare = r.render(scene(new Bloom(0.8, 0.9, RADIUS, 0.6), 40));
        }
        try (SceneRenderer r = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, true, 512, 50, true))) {
            plainFxaa = r.render(scene(Bloom.NONE, 40));
            bloomedFxaa = r.render(scene(ON, 40));
        }
    }

    @AfterAll
    static void close() {
        gl.close();
    }

    static int luma(SensorFrame f, int x, int y) {
        return luma(f, x, y, W);
    }

    static int luma(SensorFrame f, int x, int y, int width) {
        byte[] rgb = f.rgb().data();
        int i = 3 * (y * width + x);
        return (rgb[i] & 0xFF) + (rgb[i + 1] & 0xFF) + (rgb[i + 2] & 0xFF);
    }

    /** The dot's pixels' bounding box {x0, y0, x1, y1} (inclusive) from the ids. */
    static int[] dotBox() {
        int[] b = {W, H, -1, -1};
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (plain.instance().idAt(x, y) == 1) {
                    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
                }
        assertTrue(b[2] >= b[0] && b[2] - b[0] < 20, "the dot spans x " + b[0] + ".." + b[2]);
        return b;
    }

    @Test
    void theDotIsSaturatedAndTheBoxDim() {
        int[] b = dotBox();
        assertEquals(765, luma(plain, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2), "the dot's centre clips to white");
        int boxPixels = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (plain.instance().idAt(x, y) == 2) {
                    boxPixels++;
                    assertTrue(luma(plain, x, y) < 3 * 200, "box pixel " + x + "," + y + " is below the threshold");
                }
        assertTrue(boxPixels > 200, boxPixels + " box pixels");
    }

    @Test
    void depthAndIdsAreUntouched() {
        for (SensorFrame f : new SensorFrame[] {bloomed, zeroStrength}) {
            assertArrayEquals(plain.depth().data(), f.depth().data());
            assertArrayEquals(plain.instance().data(), f.instance().data());
        }
        assertArrayEquals(plainFxaa.depth().data(), bloomedFxaa.depth().data());
        assertArrayEquals(plainFxaa.instance().data(), bloomedFxaa.instance().data());
    }

    @Test
    void theGlowFallsOffWithDistanceAroundTheDot() {
        int[] b = dotBox();
        int cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
        int[][] rays = {{b[2] + 1, cy, 1, 0}, {b[0] - 1, cy, -1, 0}, {cx, b[3] + 1, 0, 1}, {cx, b[1] - 1, 0, -1}};
        for (int[] ray : rays) {
            int previous = Integer.MAX_VALUE;
            for (int k = 0; k < RADIUS / 2; k++) {
                int x = ray[0] + k * ray[2], y = ray[1] + k * ray[3];
                int v = luma(bloomed, x, y);
                assertTrue(v <= previous, "glow rises at " + x + "," + y + ": " + v + " after " + previous);
                previous = v;
            }
            int x = ray[0] + 2 * ray[2], y = ray[1] + 2 * ray[3];
            assertTrue(luma(bloomed, x, y) > luma(plain, x, y) + 30,
                    "near the dot at " + x + "," + y + ": " + luma(bloomed, x, y) + " vs " + luma(plain, x, y));
        }
    }

    @Test
    void farPixelsKeepTheirBytes() {
        int[] b = dotBox();
        double reach = RADIUS + 2 * BloomPass.FIRST_SCALE + 2;
        int changedFar = 0, changedNear = 0;
        byte[] p = plain.rgb().data(), q = bloomed.rgb().data();
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                double dx = Math.max(0, Math.max(b[0] - x, x - b[2])), dy = Math.max(0, Math.max(b[1] - y, y - b[3]));
                boolean changed = false;
                for (int c = 0; c < 3; c++) changed |= p[3 * (y * W + x) + c] != q[3 * (y * W + x) + c];
                if (!changed) continue;
                if (Math.hypot(dx, dy) > reach) changedFar++;
                else changedNear++;
            }
        assertEquals(0, changedFar, "pixels changed beyond " + reach + " px of the dot");
        assertTrue(changedNear > 50, changedNear + " pixels glow");
    }

    @Test
    void aWideGlowReachesFartherAndStillFallsOff() {
        assertEquals(1, BloomPass.level(WIDE_RADIUS));
        int[] b = dotBox();
        int y = (b[1] + b[3]) / 2;
        int previous = Integer.MAX_VALUE;
        for (int x = b[2] + 1; x < b[2] + WIDE_RADIUS / 2; x++) {
            int v = luma(wide, x, y);
            assertTrue(v <= previous, "glow rises at " + x + "," + y + ": " + v + " after " + previous);
            previous = v;
        }
        int x = b[2] + (int) RADIUS + 8;
        assertEquals(luma(plain, x, y), luma(bloomed, x, y), "the narrow glow ends before " + x);
        assertTrue(luma(wide, x, y) > luma(plain, x, y), "the wide glow reaches " + x);
        assertArrayEquals(plain.depth().data(), wide.depth().data());
        assertArrayEquals(plain.instance().data(), wide.instance().data());
    }

    @Test
    void glareStreaksAlongTheAxesOnly() {
        int[] b = dotBox();
        int cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2, d = (int) (2.5 * RADIUS);
        int[][] along = {{cx + d, cy}, {cx - d, cy}, {cx, cy + d}, {cx, cy - d}};
        for (int[] p : along) {
            assertEquals(luma(plain, p[0], p[1]), luma(bloomed, p[0], p[1]), "the glow alone ends before " + p[0] + "," + p[1]);
            assertTrue(luma(glare, p[0], p[1]) > luma(bloomed, p[0], p[1]) + 5, "the star reaches " + p[0] + "," + p[1]
                    + ": " + luma(glare, p[0], p[1]));
        }
        int[][] diagonal = {{cx + d, cy + d}, {cx - d, cy - d}, {cx + d, cy - d}, {cx - d, cy + d}};
        for (int[] p : diagonal) assertEquals(luma(bloomed, p[0], p[1]), luma(glare, p[0], p[1]), "off the axes at " + p[0] + "," + p[1]);
        int x = b[2] + 2;
        assertTrue(luma(glare, x, cy) >= luma(bloomed, x, cy));
        assertArrayEquals(plain.depth().data(), glare.depth().data());
        assertArrayEquals(plain.instance().data(), glare.instance().data());
    }

    @Test
    void strengthZeroIsNoBloom() {
        assertArrayEquals(plain.rgb().data(), zeroStrength.rgb().data());
    }

    @Test
    void bloomComesBeforeFxaa() {
        assertFalse(java.util.Arrays.equals(plainFxaa.rgb().data(), bloomedFxaa.rgb().data()));
        int[] b = dotBox();
        int x = b[2] + 3, y = (b[1] + b[3]) / 2;
        assertTrue(luma(bloomedFxaa, x, y) > luma(plainFxaa, x, y) + 20);
    }

    @Test
    void aDarkSceneIsUnchanged() {
        try (SceneRenderer r = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, false, 512, 50, true))) {
            SensorFrame dark = r.render(scene(Bloom.NONE, 0.1));
            SensorFrame darkBloom = r.render(scene(new Bloom(1, 0.9, RADIUS), 0.1));
            int max = 0;
            for (byte v : dark.rgb().data()) max = Math.max(max, v & 0xFF);
            assertTrue(max < 0.9 * 255 && max > 20, "the brightest byte is " + max);
            assertArrayEquals(dark.rgb().data(), darkBloom.rgb().data());
        }
    }

    @Test
    void sizesThatAreNoMultipleOfTheLevelsWork() {
        int w = 157, h = 93;
        try (SceneRenderer r = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(w, h, true, 512, 50, true))) {
            SensorFrame off = r.render(scene(Bloom.NONE, 40, w, h));
            SensorFrame on = r.render(scene(new Bloom(0.8, 0.9, 40), 40, w, h));
            assertArrayEquals(off.depth().data(), on.depth().data());
            assertArrayEquals(off.instance().data(), on.instance().data());
            int brighter = 0;
            for (int i = 0; i < off.rgb().data().length; i++) if ((on.rgb().data()[i] & 0xFF) > (off.rgb().data()[i] & 0xFF)) brighter++;
            assertTrue(brighter > 100, brighter + " values brighter");
            // the image's last row and column are far from the dot and keep their bytes
            for (int y = 0; y < h; y++) assertEquals(luma(off, w - 1, y, w), luma(on, w - 1, y, w), "pixel " + (w - 1) + "," + y);
            for (int x = 0; x < w; x++) assertEquals(luma(off, x, h - 1, w), luma(on, x, h - 1, w), "pixel " + x + "," + (h - 1));
        }
    }

    @Test
    void levelsKeepTheReachWithinTheTaps() {
        assertEquals(0, BloomPass.level(7.2));
        assertEquals(0, BloomPass.level(32));
        assertEquals(1, BloomPass.level(33));
        assertEquals(5, BloomPass.level(1000));
        assertEquals(0.7874, BloomPass.linear(0.9), 1e-4);
    }
}
