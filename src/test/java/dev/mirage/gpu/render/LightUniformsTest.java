package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Light;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Packing of point and spot lights into scene.frag's uniform arrays, without GL. */
class LightUniformsTest {
    static Light point(double x, double y, double z) {
        return new Light(Light.Kind.POINT, new Vector3d(x, y, z), null, new Vector3d(1, 0.5, 0.25), 4, 8, 0, 0);
    }

    @Test
    void pointLightPacksPositionInverseRangeRadianceAndAnEverywhereCone() {
        LightUniforms u = LightUniforms.of(List.of(point(1, 2, 3)));
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
        LightUniforms u = LightUniforms.of(List.of(spot));
        assertArrayEquals(new float[] {0, -1, 0, (float) Math.cos(Math.toRadians(30))}, u.spotAxisCos(), 1e-7f);
        assertEquals(1 / (Math.cos(Math.toRadians(20)) - Math.cos(Math.toRadians(30))), u.spotInvSpan()[0], 1e-3);
    }

    @Test
    void coincidentConesGiveAFiniteHardEdge() {
        Light spot = new Light(Light.Kind.SPOT, new Vector3d(), new Vector3d(0, 0, -1), new Vector3d(1, 1, 1), 1, 10, 25, 25);
        float invSpan = LightUniforms.of(List.of(spot)).spotInvSpan()[0];
        assertTrue(Float.isFinite(invSpan) && invSpan >= 1e5f, "invSpan " + invSpan);
    }

    @Test
    void noLightsPackEmptyArrays() {
        LightUniforms u = LightUniforms.of(List.of());
        assertEquals(0, u.count());
        assertEquals(0, u.positionInvRange().length);
        assertEquals(0, u.spotInvSpan().length);
    }

    @Test
    void moreThanTheLimitIsRefusedNamingTheLimit() {
        List<Light> lights = new ArrayList<>();
        for (int i = 0; i < SceneRenderer.MAX_LIGHTS; i++) lights.add(point(i, 1, 0));
        assertEquals(SceneRenderer.MAX_LIGHTS, LightUniforms.of(lights).count());
        lights.add(point(0, 5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LightUniforms.of(lights));
        assertTrue(e.getMessage().contains("at most 16"), e.getMessage());
    }
}
