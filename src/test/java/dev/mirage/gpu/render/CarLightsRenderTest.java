package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.randomize.AssetLights;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A car with its lights on at night (sun below the horizon, black sky, no exposure) on a matte white
 * ground: the road 5 m ahead of its bumper is lit by the two head spots as {@link Light}'s falloff
 * says (I/d² · cosθ, plus the small specular term of a roughness-1 dielectric), computed here from
 * the lights' recorded values; 5 m behind it stays dark.
 */
class CarLightsRenderTest {
    static final int W = 160, H = 120;
    /** The moon-less night: the sun 20° below the horizon, at full intensity (it must light nothing facing up). */
    static final Sun NIGHT_SUN = new Sun(new Vector3d(0.3, -Math.sin(Math.toRadians(20)), 0.9), new Vector3d(1, 1, 1), 1.0);
    static final double YAW = 30, HALF_LENGTH = 2.3; // the default car is 4.6 m long

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

    static ObjectInstance car(String lights) {
        Vector3d position = new Vector3d(), rotation = new Vector3d(), scale = new Vector3d(1, 1, 1);
        return new ObjectInstance(2, 1, "car", AssetCatalog.standard().source("car", Map.of("lights", lights)),
                ObjectRandomizer.modelToWorld(position, rotation, YAW, scale), null, position, rotation, YAW, scale);
    }

    static Vector3d forward() {
        return new Vector3d(Math.sin(Math.toRadians(YAW)), 0, Math.cos(Math.toRadians(YAW)));
    }

    static FrameScene scene(PixelRays view, String lights) {
        List<ObjectInstance> objects = List.of(LightingRenderTest.whitePlane(LightingRenderTest.MATTE), car(lights));
        return new FrameScene(0, 0, view.camera(), NIGHT_SUN, LightingRenderTest.NO_SKY, objects,
                AssetLights.withAssetLights(List.of(), objects, view.camera()));
    }

    /** Spot factor of {@link Light}: 1 inside the inner cone (the points checked are). */
    static double angleDeg(Light l, Vector3d p) {
        Vector3d toPoint = new Vector3d(p).sub(l.position()).normalize();
        return Math.toDegrees(Math.acos(Math.min(1, toPoint.dot(l.direction()))));
    }

    @Test
    void headLightsLightTheRoadAheadAsInverseSquareTimesCosineAndBehindStaysDark() {
        Vector3d ahead = forward().mul(HALF_LENGTH + 5), behind = forward().mul(-(HALF_LENGTH + 5));
        // from high up beside the car both spots are in view and the car hides neither
        PixelRays view = new PixelRays(new Vector3d(9, 16, -3), new Vector3d(0, 0, 0), 70, W, H);
        FrameScene scene = scene(view, "on");
        List<Light> heads = new ArrayList<>();
        for (Light l : scene.lights()) if (l.kind() == Light.Kind.SPOT) heads.add(l);
        assertEquals(2, heads.size());
        for (Light l : heads) assertEquals(HALF_LENGTH, new Vector3d(l.position()).dot(forward()), 0.05, "lamp at the bumper");
        SensorFrame frame = renderer.render(scene);
        byte[] rgb = frame.rgb().data();
        int checked = 0, dark = 0;
        double brightestAhead = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                Vector3d p = view.hitPlaneY(x, y, 0);
                if (p == null) continue;
                if (p.distance(ahead) < 0.6) {
                    double[] expected = new double[3];
                    for (Light l : heads) {
                        assertTrue(angleDeg(l, p) < l.innerConeDeg(), "inside the full beam");
                        double[] ds = LightingRenderTest.diffuseAndSpecular(p, new Vector3d(l.position()),
                                LightingRenderTest.pointRadiance(l, p), view.eye);
                        for (int c = 0; c < 3; c++) expected[c] += (ds[0] + ds[1]) * l.colorLinear().get(c);
                    }
                    for (int c = 0; c < 3; c++) {
                        double measured = PixelRays.linear(rgb, W, x, y, c);
                        assertEquals(expected[c], measured, 0.01 * expected[c] + PixelRays.halfStep(expected[c]),
                                "road ahead at " + x + "," + y + " channel " + c);
                        brightestAhead = Math.max(brightestAhead, measured);
                    }
                    checked++;
                } else if (p.distance(behind) < 0.6) {
                    // only the dim red tail lamps reach here: under a tenth of a percent of white
                    for (int c = 0; c < 3; c++) assertTrue(PixelRays.linear(rgb, W, x, y, c) < 0.001, "behind at " + x + "," + y);
                    dark++;
                }
            }
        assertTrue(checked >= 10 && dark >= 10, checked + " pixels ahead, " + dark + " behind");
        assertTrue(brightestAhead > 0.03, "the road ahead is lit: " + brightestAhead);
    }

    @Test
    void lightsOffLeavesTheNightGroundBlack() {
        PixelRays view = new PixelRays(new Vector3d(9, 16, -3), new Vector3d(0, 0, 0), 70, W, H);
        FrameScene scene = scene(view, "off");
        assertTrue(scene.lights().isEmpty());
        byte[] rgb = renderer.render(scene).rgb().data();
        Vector3d ahead = forward().mul(HALF_LENGTH + 5);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                Vector3d p = view.hitPlaneY(x, y, 0);
                if (p != null && p.distance(ahead) < 0.6)
                    for (int c = 0; c < 3; c++) assertEquals(0, rgb[3 * (y * W + x) + c], "unlit at " + x + "," + y);
            }
    }
}
