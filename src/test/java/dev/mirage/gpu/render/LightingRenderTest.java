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
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Point, spot and sun light on the real GL path (llvmpipe in CI), checked against radiance computed
 * here from {@link Light}'s documented falloff and the microfacet model of {@link SceneRenderer}.
 * Sun and sky are switched off where only a point or spot light should shine, so every pixel's
 * linear value comes from that light alone; FXAA is off so pixels are not blended.
 */
class LightingRenderTest {
    static final int W = 160, H = 120;
    static final Vector3d BLACK = new Vector3d();
    static final Sun NO_SUN = new Sun(new Vector3d(0, 1, 0), new Vector3d(1, 1, 1), 0);
    static final Sky NO_SKY = new Sky(BLACK, 0);
    /**
     * Matte white dielectric. Roughness 1 makes the GGX lobe flat (π·D = 1), so the specular term is
     * just F · Vis · E · cosθ with F ≈ 0.04: under 2.5% of the diffuse term in these views. The
     * expected values include it, and a second check bounds the diffuse term alone.
     */
    static final Surface MATTE = new Surface(1.0, 0.0, Surface.Pattern.NONE, BLACK, 1.0);
    static final PixelRays VIEW = new PixelRays(new Vector3d(0, 4.5, 5), new Vector3d(0, 0, -1), 60, W, H);

    static GlContext gl;
    static SceneRenderer renderer;

    @BeforeAll
    static void open() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        renderer = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, false, 512, 50, false));
    }

    @AfterAll
    static void close() {
        renderer.close();
        gl.close();
    }

    static ObjectInstance whitePlane(Surface surface) {
        Vector3d centre = new Vector3d(), size = new Vector3d(30, 1, 30);
        return new ObjectInstance(1, 1, "floor", new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE),
                PixelRays.placed(centre, size), new Vector3d(1, 1, 1), centre, BLACK, 0, size, surface);
    }

    static SensorFrame render(PixelRays view, Sun sun, List<ObjectInstance> objects, List<Light> lights) {
        return renderer.render(new FrameScene(0, 0, view.camera(), sun, NO_SKY, objects, lights));
    }

    /** Radiance a white surface with normal +Y at p reflects from a light of radiance e (colour 1) toward the eye. */
    static double[] diffuseAndSpecular(Vector3d p, Vector3d lightPosition, double e, Vector3d eye) {
        Vector3d l = new Vector3d(lightPosition).sub(p).normalize();
        Vector3d v = new Vector3d(eye).sub(p).normalize();
        Vector3d h = new Vector3d(l).add(v).normalize();
        double nl = l.y, nv = v.y;
        double diffuse = e * nl;
        // Roughness 1: α = 1 makes π·D = 1; k = (1 + 1)²/8 = 0.5; F0 = 0.04 for a dielectric.
        double vis = 0.25 / ((nl * 0.5 + 0.5) * (nv * 0.5 + 0.5));
        double f = 0.04 + 0.96 * Math.pow(1 - v.dot(h), 5);
        return new double[] {diffuse, e * nl * vis * f};
    }

    static double pointRadiance(Light light, Vector3d p) {
        double d = light.position().distance(p);
        double x = d / light.rangeM();
        double window = Math.pow(Math.max(0, Math.min(1, 1 - x * x * x * x)), 2);
        return light.intensity() / (d * d) * window;
    }

    @Test
    void pointLightOnAPlaneFollowsInverseSquareCosineAndWindow() {
        Light light = new Light(Light.Kind.POINT, new Vector3d(0.4, 2.0, -0.3), null, new Vector3d(1, 1, 1), 3.6, 5, 0, 0);
        SensorFrame frame = render(VIEW, NO_SUN, List.of(whitePlane(MATTE)), List.of(light));
        byte[] rgb = frame.rgb().data();
        int checked = 0, dark = 0;
        double worstSpecularShare = 0, nearest = Double.MAX_VALUE, farthest = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                Vector3d p = VIEW.hitPlaneY(x, y, 0);
                if (p == null || Math.abs(p.x) > 14 || Math.abs(p.z) > 14) continue;
                double d = light.position().distance(p);
                if (d > light.rangeM()) {
                    for (int c = 0; c < 3; c++) assertEquals(0, rgb[3 * (y * W + x) + c], "beyond range at " + x + "," + y);
                    dark++;
                    continue;
                }
                double[] ds = diffuseAndSpecular(p, new Vector3d(light.position()), pointRadiance(light, p), VIEW.eye);
                double expected = ds[0] + ds[1];
                if (expected < 0.01 || expected > 0.95) continue; // 8-bit steps swamp the value below, clipping above
                worstSpecularShare = Math.max(worstSpecularShare, ds[1] / ds[0]);
                nearest = Math.min(nearest, d);
                farthest = Math.max(farthest, d);
                for (int c = 0; c < 3; c++) {
                    double measured = PixelRays.linear(rgb, W, x, y, c);
                    double quantization = PixelRays.halfStep(expected);
                    assertEquals(expected, measured, 0.005 * expected + quantization, "pixel " + x + "," + y + " d=" + d);
                    assertEquals(ds[0], measured, 0.025 * ds[0] + quantization, "diffuse alone at " + x + "," + y);
                }
                checked++;
            }
        }
        assertTrue(checked > 3000, "only " + checked + " pixels checked");
        assertTrue(dark > 500, "only " + dark + " pixels beyond range");
        assertTrue(nearest < 2.1 && farthest > 4.3, "distances " + nearest + ".." + farthest + " m do not span the falloff");
        assertTrue(worstSpecularShare < 0.025, "specular share " + worstSpecularShare);
    }

    @Test
    void spotLightIsDarkOutsideItsOuterConeAndAPointLightInsideItsInnerCone() {
        Vector3d axis = new Vector3d(0.3, -1, 0.2).normalize();
        Light spot = new Light(Light.Kind.SPOT, new Vector3d(0, 3, 0), axis, new Vector3d(1, 1, 1), 6, 20, 20, 30);
        SensorFrame frame = render(VIEW, NO_SUN, List.of(whitePlane(MATTE)), List.of(spot));
        byte[] rgb = frame.rgb().data();
        int inside = 0, outside = 0, between = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                Vector3d p = VIEW.hitPlaneY(x, y, 0);
                if (p == null || Math.abs(p.x) > 14 || Math.abs(p.z) > 14) continue;
                Vector3d toPoint = new Vector3d(p).sub(spot.position()).normalize();
                double angleDeg = Math.toDegrees(Math.acos(Math.min(1, toPoint.dot(axis))));
                if (angleDeg > 30.5) {
                    for (int c = 0; c < 3; c++) assertEquals(0, rgb[3 * (y * W + x) + c], "outside the cone at " + x + "," + y);
                    outside++;
                } else if (angleDeg < 19) {
                    double[] ds = diffuseAndSpecular(p, new Vector3d(spot.position()), pointRadiance(spot, p), VIEW.eye);
                    double expected = ds[0] + ds[1];
                    for (int c = 0; c < 3; c++)
                        assertEquals(expected, PixelRays.linear(rgb, W, x, y, c), 0.005 * expected + PixelRays.halfStep(expected),
                                "inside the cone at " + x + "," + y);
                    inside++;
                } else if (angleDeg > 21 && angleDeg < 29) {
                    double[] ds = diffuseAndSpecular(p, new Vector3d(spot.position()), pointRadiance(spot, p), VIEW.eye);
                    double measured = PixelRays.linear(rgb, W, x, y, 0);
                    assertTrue(measured > 0 && measured < ds[0] + ds[1], "penumbra at " + x + "," + y + ": " + measured);
                    between++;
                }
            }
        }
        assertTrue(inside > 300 && outside > 3000 && between > 100, inside + " inside, " + between + " between, " + outside + " outside");
    }

    @Test
    void smoothMetalSphereIsBrightestAtTheSunsMirrorPoint() {
        PixelRays view = new PixelRays(new Vector3d(0, 0.5, 3), new Vector3d(0, 0, 0), 30, 200, 200);
        Vector3d towardSun = new Vector3d(0.6, 0.8, 0.5).normalize();
        Sun sun = new Sun(towardSun, new Vector3d(1, 1, 1), 0.02);
        Surface metal = new Surface(0.3, 1.0, Surface.Pattern.NONE, BLACK, 1.0);
        Vector3d centre = new Vector3d(), size = new Vector3d(1, 1, 1);
        ObjectInstance ball = new ObjectInstance(1, 1, "ball", new MeshSource.Primitive(MeshSource.PrimitiveKind.SPHERE),
                PixelRays.placed(centre, size), new Vector3d(0.9, 0.9, 0.9), centre, BLACK, 0, size, metal);
        SensorFrame frame;
        try (SceneRenderer big = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(200, 200, false, 512, 50, false))) {
            frame = big.render(new FrameScene(0, 0, view.camera(), sun, NO_SKY, List.of(ball), List.of()));
        }
        // Mirror point: where the normal halves the directions to the sun and to the eye (fixed point iteration).
        Vector3d n = new Vector3d(towardSun);
        for (int i = 0; i < 50; i++) {
            Vector3d p = new Vector3d(n).mul(0.5).add(centre);
            n = new Vector3d(view.eye).sub(p).normalize().add(towardSun).normalize();
        }
        double[] predicted = view.project(new Vector3d(n).mul(0.5).add(centre));
        byte[] rgb = frame.rgb().data();
        int bestX = -1, bestY = -1;
        double best = -1;
        for (int y = 0; y < 200; y++)
            for (int x = 0; x < 200; x++) {
                double v = PixelRays.linear(rgb, 200, x, y, 0) + PixelRays.linear(rgb, 200, x, y, 1) + PixelRays.linear(rgb, 200, x, y, 2);
                if (v > best) {
                    best = v;
                    bestX = x;
                    bestY = y;
                }
            }
        assertTrue(best < 3 * 0.99, "highlight clipped, so its peak is not located: " + best);
        assertTrue(best > 3 * 0.1, "no highlight: " + best);
        assertEquals(predicted[0], bestX + 0.5, 1.0, "highlight x (brightest " + bestX + "," + bestY + ")");
        assertEquals(predicted[1], bestY + 0.5, 1.0, "highlight y (brightest " + bestX + "," + bestY + ")");
    }

    @Test
    void aLightWhoseRangeEndsShortOfEverySurfaceChangesNoByte() {
        // The range sphere reaches the ball's bounding box (so the draw is not culled) but not the ball.
        PixelRays view = new PixelRays(new Vector3d(0.3, 0.8, 2.5), new Vector3d(0, 0, 0), 40, W, H);
        Vector3d centre = new Vector3d(), size = new Vector3d(1, 1, 1);
        ObjectInstance ball = new ObjectInstance(1, 1, "ball", new MeshSource.Primitive(MeshSource.PrimitiveKind.SPHERE),
                PixelRays.placed(centre, size), new Vector3d(0.5, 0.6, 0.7), centre, BLACK, 0, size,
                new Surface(0.3, 0.5, Surface.Pattern.NONE, BLACK, 1));
        Light nearCorner = new Light(Light.Kind.POINT, new Vector3d(0.7, 0.7, 0.7), null, new Vector3d(1, 1, 1), 50, 0.6, 0, 0);
        Sun sun = new Sun(new Vector3d(0.3, 1, 0.4), new Vector3d(1, 1, 1), 0.8);
        byte[] without = render(view, sun, List.of(ball), List.of()).rgb().data();
        byte[] with = render(view, sun, List.of(ball), List.of(nearCorner)).rgb().data();
        assertArrayEquals(without, with);
    }

    @Test
    void moreLightsThanTheLimitAreRefused() {
        List<Light> lights = new ArrayList<>();
        for (int i = 0; i <= SceneRenderer.MAX_LIGHTS; i++)
            lights.add(new Light(Light.Kind.POINT, new Vector3d(i, 2, 0), null, new Vector3d(1, 1, 1), 1, 10, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> render(VIEW, NO_SUN, List.of(whitePlane(MATTE)), lights));
        assertTrue(e.getMessage().contains(String.valueOf(SceneRenderer.MAX_LIGHTS)), e.getMessage());
    }
}
