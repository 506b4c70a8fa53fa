package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.scene.Weather;
import org.joml.Vector3dc;

/**
 * Colour decisions of the scene pass, kept out of GL code: sRGB encoding of the background and the
 * radiances handed to the shader.
 */
final class SceneColors {
    /** Share of sky light that the ground bounces back up onto downward-facing surfaces. */
    static final double GROUND_BOUNCE = 0.3;

    private SceneColors() {}

    /** sRGB transfer function, encoding one linear component (clamped to 0..1). */
    static double encodeSrgb(double linear) {
        double c = Math.min(1, Math.max(0, linear));
        return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** The clear colour of the colour target: the sky in sRGB, with its luma in alpha for FXAA. */
    static float[] backgroundSrgb(Vector3dc skyLinear) {
        float r = (float) encodeSrgb(skyLinear.x()), g = (float) encodeSrgb(skyLinear.y()), b = (float) encodeSrgb(skyLinear.z());
        return new float[] {r, g, b, 0.299f * r + 0.587f * g + 0.114f * b};
    }

    /** Fog: extinction 3.912 / visibility per metre (0 in clear air) and the in-scattered colour. */
    static void setFog(ShaderProgram program, Weather weather) {
        program.set("uFogExtinction", (float) weather.extinctionPerMetre());
        Vector3dc c = weather.fogColorLinear();
        program.set("uFogColor", (float) c.x(), (float) c.y(), (float) c.z());
    }

    static void setLighting(ShaderProgram program, Sun sun, Sky sky) {
        Vector3dc d = sun.towardSun();
        program.set("uTowardSun", (float) d.x(), (float) d.y(), (float) d.z());
        program.set("uSunRadiance", (float) (sun.colorLinear().x() * sun.intensity()),
                (float) (sun.colorLinear().y() * sun.intensity()), (float) (sun.colorLinear().z() * sun.intensity()));
        float sr = (float) (sky.colorLinear().x() * sky.intensity());
        float sg = (float) (sky.colorLinear().y() * sky.intensity());
        float sb = (float) (sky.colorLinear().z() * sky.intensity());
        program.set("uSkyRadiance", sr, sg, sb);
        program.set("uGroundRadiance", (float) (sr * GROUND_BOUNCE), (float) (sg * GROUND_BOUNCE), (float) (sb * GROUND_BOUNCE));
    }

    /**
     * The frame's exposure, and what an analytic or clouded sky and a fog with a sun lobe or height
     * profile change, set after {@link #setLighting} and {@link #setFog}. The shadow filter widens with
     * cloud cover c: its four taps sit (1 + 6c) texels apart instead of one, a penumbra up to 7× as
     * wide (on top of the lower contrast that the dimmer sun and brighter sky give).
     */
    static void setAtmosphere(ShaderProgram program, FrameAtmosphere atmosphere, Weather weather, int shadowMapSize) {
        program.set("uExposure", (float) atmosphere.exposure().factor());
        dev.mirage.scene.SkyLight light = atmosphere.light();
        // set on every frame: programs outlive frames, and a clear frame after a clouded one needs the narrow filter back
        float texel = (1f + 6f * (float) light.cloudCover()) / shadowMapSize;
        program.set("uShadowTexel", texel, texel);
        if (atmosphere.skyChanged()) {
            Vector3dc sky = light.skyRadiance(), ground = light.groundRadiance();
            program.set("uSkyRadiance", (float) sky.x(), (float) sky.y(), (float) sky.z());
            program.set("uGroundRadiance", (float) ground.x(), (float) ground.y(), (float) ground.z());
        }
        if (!weather.foggy()) return;
        Vector3dc c = atmosphere.fogColor();
        program.set("uFogColor", (float) c.x(), (float) c.y(), (float) c.z());
        if (atmosphere.fogSunWeight() > 0) program.set("uFogSunWeight", (float) atmosphere.fogSunWeight());
        if (weather.heightFalloff()) program.set("uFogHeightInv", (float) (1 / weather.fogHeightFalloffM()));
    }
}
