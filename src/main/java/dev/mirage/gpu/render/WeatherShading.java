package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Precipitation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which weather features a frame's surfaces are drawn with, and their uniforms: {@code WET} when
 * wetness is above 0, {@code SNOW} when snow coverage is; the model is in scene.frag's
 * {@code weatherSurface}. Dry frames add no define, so their programs and pixels are those of a
 * renderer without weather. Pure apart from setting uniforms.
 */
final class WeatherShading {
    private WeatherShading() {}

    /** The shading features a frame with {@code precipitation} adds to every surface. */
    static Set<ShadingVariant.Feature> features(Precipitation precipitation) {
        EnumSet<ShadingVariant.Feature> f = EnumSet.noneOf(ShadingVariant.Feature.class);
        if (precipitation.wetness() > 0) f.add(ShadingVariant.Feature.WET);
        if (precipitation.snowCoverage() > 0) f.add(ShadingVariant.Feature.SNOW);
        return f;
    }

    /** Sets wetness and snow coverage on a program that has them. */
    static void setUniforms(ShaderProgram program, Precipitation precipitation) {
        program.set("uWetness", (float) precipitation.wetness());
        program.set("uSnowCoverage", (float) precipitation.snowCoverage());
    }
}
