package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.Bounds;
import dev.mirage.scene.Light;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Packing and culling of point and spot lights for scene.frag's uniform arrays, without GL. */
class LightUniformsTest {
    static Light point(double x, double y, double z) {
        return new Light(Light.Kind.POINT, new Vector3d(x, y, z), null, new Vector3d(1, 0.5, 0.25), 4, 8, 0, 0);
    }

    @Test
    void pointLightPacksPositionInverseRangeRadianceAndAnEverywhereCone() {
        LightUniforms.Packed u = LightUniforms.of(List.of(point(1, 2, 3))).pack(1);
        assertEquals(1, u.count());
        assertArrayEquals(new float[] {1, 2, 3, 0.125f}, u.positionInvRange());
        assertArrayEquals(new float[] {4, 2, 1, 0}, u.radiance());
        // cosθ ≥ −1 always, so clamp((cosθ + 2) · 1, 0, 1) = 1: no cone.
        assertEquals(-2f, u.spotAxisCos()[3]);
        assertEquals(1f, u.spotInvSpan()[0]);
    }

    @Test
    void spotLightPacksItsAxisAndConeCosines() {
        Light spot = new Light(Light.Kind.SPOT, new Vector3d(0, 3, 0), new Vector3d(0, -2, 0), new Vector3d(1, 1, 1), 1, 10, 20, 30);
        LightUniforms.Packed u = LightUniforms.of(List.of(spot)).pack(1);
        assertArrayEquals(new float[] {0, -1, 0, (float) Math.cos(Math.toRadians(30))}, u.spotAxisCos(), 1e-7f);
        assertEquals(1 / (Math.cos(Math.toRadians(20)) - Math.cos(Math.toRadians(30))), u.spotInvSpan()[0], 1e-3);
    }

    @Test
    void coincidentConesGiveAFiniteHardEdge() {
        Light spot = new Light(Light.Kind.SPOT, new Vector3d(), new Vector3d(0, 0, -1), new Vector3d(1, 1, 1), 1, 10, 25, 25);
        float invSpan = LightUniforms.of(List.of(spot)).pack(1).spotInvSpan()[0];
        assertTrue(Float.isFinite(invSpan) && invSpan >= 1e5f, "invSpan " + invSpan);
    }

    @Test
    void aSubsetKeepsFrameOrder() {
        LightUniforms u = LightUniforms.of(List.of(point(0, 0, 0), point(1, 0, 0), point(2, 0, 0)));
        LightUniforms.Packed p = u.pack(0b101);
        assertEquals(2, p.count());
        assertEquals(0f, p.positionInvRange()[0]);
        assertEquals(2f, p.positionInvRange()[4]);
        assertEquals(0, u.pack(0).count());
        assertEquals(0, u.pack(0).positionInvRange().length);
    }

    @Test
    void aDrawGetsTheLightsWhoseRangeReachesItsBounds() {
        // Range 8 m; the box spans x in [10, 12]: 2 m away is in, 8 m away is just in, 8.5 m away is out,
        // one inside is in, one √54 ≈ 7.3 m from the nearest corner is in.
        Bounds box = new Bounds(new Vector3d(10, 0, 0), new Vector3d(12, 1, 1));
        LightUniforms u = LightUniforms.of(List.of(point(8, 0.5, 0.5), point(2, 0.5, 0.5), point(1.5, 0.5, 0.5),
                point(11, 0.5, 0.5), point(14, 6, 6)));
        assertEquals(0b11011, u.maskFor(box));
    }

    @Test
    void moreThanTheLimitIsRefusedNamingTheLimit() {
        List<Light> lights = new ArrayList<>();
        for (int i = 0; i < SceneRenderer.MAX_LIGHTS; i++) lights.add(point(i, 1, 0));
        assertEquals(SceneRenderer.MAX_LIGHTS, LightUniforms.of(lights).count());
        assertEquals(SceneRenderer.MAX_LIGHTS, LightUniforms.of(lights).pack(-1).count());
        lights.add(point(0, 5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LightUniforms.of(lights));
        assertTrue(e.getMessage().contains("at most 16"), e.getMessage());
    }
}
