package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.ParticleSet;
import dev.mirage.scene.Precipitation;
import dev.mirage.scene.Surface;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dry frames add no define (their programs are unchanged); wet and snowy ones add WET and SNOW to every variant. */
class WeatherShadingTest {
    private static Precipitation of(double wetness, double coverage) {
        return new Precipitation(0, 1, wetness, 0, coverage, ParticleSet.EMPTY, ParticleSet.EMPTY);
    }

    @Test
    void featuresFollowWetnessAndCoverage() {
        assertEquals(Set.of(), WeatherShading.features(Precipitation.NONE));
        assertEquals(Set.of(ShadingVariant.Feature.WET), WeatherShading.features(of(0.2, 0)));
        assertEquals(Set.of(ShadingVariant.Feature.SNOW), WeatherShading.features(of(0, 1)));
        assertEquals(EnumSet.of(ShadingVariant.Feature.WET, ShadingVariant.Feature.SNOW), WeatherShading.features(of(1, 0.5)));
    }

    @Test
    void weatherJoinsAVariantsOwnFeatures() {
        ShadingVariant textured = new ShadingVariant(Surface.Pattern.NOISE, Set.of(ShadingVariant.Feature.BASE_COLOR_MAP));
        assertSame(textured, textured.withWeather(Set.of()));
        ShadingVariant wet = textured.withWeather(Set.of(ShadingVariant.Feature.WET));
        assertEquals(Set.of(ShadingVariant.Feature.BASE_COLOR_MAP, ShadingVariant.Feature.WET), wet.features());
        assertEquals(Surface.Pattern.NOISE, wet.pattern());
        assertTrue(wet.defines().contains("WET 1"));
        assertTrue(ShadingVariant.PLAIN.withWeather(Set.of(ShadingVariant.Feature.SNOW)).defines().contains("SNOW 1"));
    }
}
