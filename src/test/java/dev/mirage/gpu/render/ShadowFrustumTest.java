package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.Bounds;
import dev.mirage.scene.Camera;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.junit.jupiter.api.Test;

class ShadowFrustumTest {
    private static final double EPS = 1e-9;

    /** The benchmark camera: eye (0, 3, 0) looking at (0, 0.5, −25), fovY 40°, 1280x720, 0.1..500 m. */
    private static final Camera BENCH = new Camera(new Vector3d(0, 3, 0), new Vector3d(0, 0.5, -25),
            Math.toRadians(40), 0.1, 500, 1280, 720);
    /** A 200 m ground with objects up to 2.5 m. */
    private static final Bounds GROUND = new Bounds(new Vector3d(-100, 0, -100), new Vector3d(100, 2.5, 100));
    private static final Vector3d BENCH_SUN = new Vector3d(-0.5, Math.sqrt(0.5), -0.5);

    private static Vector3d project(Matrix4d m, Vector3dc world) {
        return m.transformProject(new Vector3d(world));
    }

    private static boolean inside(Bounds b, Vector3d p) {
        return p.x >= b.min().x() && p.x <= b.max().x() && p.y >= b.min().y() && p.y <= b.max().y()
                && p.z >= b.min().z() && p.z <= b.max().z();
    }

    private static void assertFinite(Matrix4d m) {
        for (int col = 0; col < 4; col++)
            for (int row = 0; row < 4; row++)
                assertTrue(Double.isFinite(m.get(col, row)), "entry " + col + "," + row + " of\n" + m);
    }

    /** Every corner of the scene box lies between the shadow map's near and far planes. */
    private static void assertCastersInDepthRange(Matrix4d m, Bounds scene) {
        for (int i = 0; i < 8; i++) {
            Vector3d p = project(m, scene.corner(i));
            assertTrue(p.z >= -1 - EPS && p.z <= 1 + EPS, "corner " + scene.corner(i) + " -> z " + p.z);
        }
    }

    /**
     * Points of the camera frustum between the near plane and the shadow distance, sampled on a grid,
     * that lie inside the scene box must land inside the map across. Returns how many were checked.
     */
    private static int assertViewInsideMap(Matrix4d m, Camera camera, Bounds scene, double shadowDistance) {
        Matrix4d toWorld = camera.cameraToWorld();
        double tanY = Math.tan(camera.fovYRadians() / 2), tanX = tanY * camera.width() / camera.height();
        double far = Math.min(camera.farM(), shadowDistance);
        int checked = 0;
        int n = 24;
        for (int k = 0; k <= n; k++) {
            double d = camera.nearM() + (far - camera.nearM()) * k / n;
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    double sx = -1 + 2.0 * i / n, sy = -1 + 2.0 * j / n;
                    Vector3d world = toWorld.transformPosition(new Vector3d(sx * tanX * d, sy * tanY * d, -d));
                    if (!inside(scene, world)) continue;
                    Vector3d p = project(m, world);
                    assertTrue(Math.abs(p.x) <= 1 + EPS && Math.abs(p.y) <= 1 + EPS && Math.abs(p.z) <= 1 + EPS,
                            "visible scene point " + world + " -> " + p);
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void benchmarkSceneFits() {
        Matrix4d m = ShadowFrustum.fit(BENCH, BENCH_SUN, GROUND, 60);
        assertFinite(m);
        assertCastersInDepthRange(m, GROUND);
        assertTrue(assertViewInsideMap(m, BENCH, GROUND, 60) > 100, "the view must reach the scene");
    }

    @Test
    void mapIsFocusedOnTheViewNotTheWholeScene() {
        // the camera sees ~60 m of a 200 m ground: some ground corner falls outside the map across
        Matrix4d m = ShadowFrustum.fit(BENCH, BENCH_SUN, GROUND, 60);
        boolean someOutside = false;
        for (int i = 0; i < 8; i++) {
            Vector3d p = project(m, GROUND.corner(i));
            someOutside |= Math.abs(p.x) > 1 || Math.abs(p.y) > 1;
        }
        assertTrue(someOutside);
    }

    @Test
    void sunStraightOverhead() {
        Vector3d overhead = new Vector3d(0, 1, 0);
        Matrix4d m = ShadowFrustum.fit(BENCH, overhead, GROUND, 60);
        assertFinite(m);
        assertCastersInDepthRange(m, GROUND);
        assertTrue(assertViewInsideMap(m, BENCH, GROUND, 60) > 100);
        // overhead light: a high point and the ground point below it share x, y; the high point is nearer
        Vector3d top = project(m, new Vector3d(1, 2.5, -10)), bottom = project(m, new Vector3d(1, 0, -10));
        assertTrue(Math.abs(top.x - bottom.x) < 1e-9 && Math.abs(top.y - bottom.y) < 1e-9, top + " vs " + bottom);
        assertTrue(top.z < bottom.z, "the point nearer the sun must have the smaller depth: " + top + " vs " + bottom);
    }

    @Test
    void nearerTheSunIsSmallerDepth() {
        // the shadow pass keeps the smallest depth (GL_LESS) and the scene compares with LEQUAL, so the
        // point nearer the sun must map to the smaller z
        Matrix4d m = ShadowFrustum.fit(BENCH, BENCH_SUN, GROUND, 60);
        Vector3d ground = new Vector3d(0, 0, -10);
        Vector3d towardSun = new Vector3d(ground).fma(2, BENCH_SUN);
        assertTrue(project(m, towardSun).z < project(m, ground).z);
    }

    @Test
    void cameraLookingStraightDownWithSunOverhead() {
        Camera down = new Camera(new Vector3d(0, 20, 0), new Vector3d(0, 0, 0), Math.toRadians(60), 0.1, 100, 640, 480);
        Matrix4d m = ShadowFrustum.fit(down, new Vector3d(0, 1, 0), GROUND, 50);
        assertFinite(m);
        assertCastersInDepthRange(m, GROUND);
        assertTrue(assertViewInsideMap(m, down, GROUND, 50) > 100);
    }

    @Test
    void lowSunAndTallScene() {
        Bounds city = new Bounds(new Vector3d(-20, 0, -120), new Vector3d(20, 30, 5));
        Vector3d lowSun = new Vector3d(0.9, 0.1, 0.3).normalize();
        Camera street = new Camera(new Vector3d(1, 1.6, 2), new Vector3d(-1, 1.2, -30), Math.toRadians(55), 0.1, 300, 1280, 720);
        Matrix4d m = ShadowFrustum.fit(street, lowSun, city, 80);
        assertFinite(m);
        assertCastersInDepthRange(m, city);
        assertTrue(assertViewInsideMap(m, street, city, 80) > 100);
    }

    @Test
    void cameraLookingAwayFromTheSceneStillGivesAValidMap() {
        Bounds box = new Bounds(new Vector3d(-1, 0, -1), new Vector3d(1, 1, 1));
        Camera away = new Camera(new Vector3d(0, 1, 50), new Vector3d(0, 1, 100), Math.toRadians(40), 0.1, 500, 64, 48);
        Matrix4d m = ShadowFrustum.fit(away, BENCH_SUN, box, 30);
        assertFinite(m);
        assertCastersInDepthRange(m, box);
        for (int i = 0; i < 8; i++) {
            Vector3d p = project(m, box.corner(i));
            assertTrue(Math.abs(p.x) <= 1 + EPS && Math.abs(p.y) <= 1 + EPS, "falls back to the whole scene: " + p);
        }
    }

    @Test
    void shadowMapSideFollowsTheImageWithinLimits() {
        assertEquals(1024, ShadowFrustum.mapSide(640, 480, 16384), "1.6 x 640 = 1024");
        assertEquals(2048, ShadowFrustum.mapSide(1280, 720, 16384), "1.6 x 1280 = 2048");
        assertEquals(4096, ShadowFrustum.mapSide(1920, 1080, 16384), "3072 rounds up to 4096");
        assertEquals(1024, ShadowFrustum.mapSide(64, 48, 16384), "never below 1024");
        assertEquals(4096, ShadowFrustum.mapSide(8000, 8000, 16384), "never above 4096");
        assertEquals(2048, ShadowFrustum.mapSide(1920, 1080, 2048), "the GL's limit wins");
    }
}
