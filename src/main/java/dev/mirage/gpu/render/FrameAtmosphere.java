package dev.mirage.gpu.render;

import dev.mirage.scene.AutoExposure;
import dev.mirage.scene.Exposure;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.SkyLight;
import dev.mirage.scene.Weather;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * A frame's sky, exposure and fog as the shaders take them, decided once per frame and GL-free:
 * the sky light, the exposure factor, the fog's radiance and sun-lobe weight, the {@code #define}s
 * of the fog code scene.frag and sky.frag need, and whether the background is drawn per pixel (the
 * sky pass) or is one clear colour.
 *
 * <p>Fog colour: as given under a flat sky; under an analytic sky the given colour is a reflectance,
 * times what a white horizontal surface reflects in the frame's daylight ({@link SkyLight#whiteHorizontal()}).
 * Sun-lobe weight: the template's w times the sun's share of that daylight, sun / (sun + sky).
 *
 * @param light          the sky light
 * @param exposure       the exposure applied
 * @param fogColor       the fog's mean radiance (linear, scene units)
 * @param fogSunWeight   the sun lobe's weight in the fog's radiance, 0 without one
 * @param fogDefines     FOG_SUN and FOG_HEIGHT when the fog has them (empty in clear air)
 * @param perPixelSky    whether the sky pass draws the background
 */
record FrameAtmosphere(SkyLight light, Exposure.Applied exposure, Vector3dc fogColor, double fogSunWeight,
                       List<String> fogDefines, boolean perPixelSky) {
    FrameAtmosphere {
        fogDefines = List.copyOf(fogDefines);
    }

    static FrameAtmosphere of(FrameScene frame) {
        SkyLight light = SkyLight.of(frame.sun(), frame.sky());
        Exposure.Applied exposure = frame.exposure().applyTo(frame, light);
        Weather w = frame.weather();
        Vector3d fogColor = new Vector3d(w.fogColorLinear());
        if (frame.sky().physical()) fogColor.mul(light.whiteHorizontal());
        double sky = AutoExposure.luminance(light.skyRadiance());
        double share = light.sunHorizontal() > 0 ? light.sunHorizontal() / (light.sunHorizontal() + sky) : 0;
        double sunWeight = w.foggy() ? w.fogSunScatter() * share : 0;
        List<String> defines = new ArrayList<>();
        if (sunWeight > 0) defines.add("FOG_SUN 1");
        if (w.foggy() && w.heightFalloff()) defines.add("FOG_HEIGHT 1");
        boolean perPixel = frame.sky().physical() || !defines.isEmpty();
        return new FrameAtmosphere(light, exposure, fogColor, sunWeight, defines, perPixel);
    }

    /** Whether the lighting differs from the flat, clear sky that SceneColors sets as before. */
    boolean skyChanged() {
        return light.preetham() != null || light.cloudCover() > 0;
    }
}
