package dev.mirage.randomize;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Model;
import dev.mirage.randomize.FrameSeeds.Concern;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.Precipitation;
import dev.mirage.template.Draws;
import dev.mirage.template.NumberDist;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Samples frame i of a dataset from its template: a pure function of (template, seed, i). Order:
 * the frame's variables, then camera, lighting and objects, each from its own stream.
 *
 * <p>Thread safety: stateless apart from the asset library it asks for bounds (which is synchronized).
 */
public final class FrameSampler {
    private final SceneTemplate template;
    private final Function<MeshSource, Model> models;

    /**
     * @param assets where placement rules get model bounds (assets are loaded on first use)
     */
    public FrameSampler(SceneTemplate template, AssetLibrary assets) {
        this.template = template;
        this.models = assets::model;
    }

    /** A frame and every randomized value it drew. */
    public record Sampled(FrameScene scene, SampleLog log, long frameSeed) {}

    /**
     * @throws TemplateException naming the scene file and field when the draws give an impossible
     *                           frame (a camera on its own look-at point, a zero sun direction, a
     *                           placement with no room)
     */
    public static FrameScene sample(SceneTemplate template, long seed, int frameIndex) {
        return sampleLogged(template, seed, frameIndex).scene();
    }

    /** Like {@link #sample}, also returning the log of every randomized value drawn. */
    public static Sampled sampleLogged(SceneTemplate template, long seed, int frameIndex) {
        return new FrameSampler(template, new AssetLibrary()).logged(seed, frameIndex);
    }

    /** Frame {@code frameIndex} of the dataset with {@code seed}. */
    public FrameScene frame(long seed, int frameIndex) {
        return logged(seed, frameIndex).scene();
    }

    /** Frame {@code frameIndex} with its log of drawn values. */
    public Sampled logged(long seed, int frameIndex) {
        SampleLog log = new SampleLog();
        try {
            return new Sampled(draw(seed, frameIndex, log), log, FrameSeeds.frameSeed(seed, frameIndex));
        } catch (SamplingException e) {
            throw new TemplateException(template.file(), e.pointer(), e.getMessage() + " (frame " + frameIndex + ")");
        }
    }

    private FrameScene draw(long seed, int frameIndex, SampleLog log) {
        Map<String, Double> variables = new LinkedHashMap<>();
        Draws varDraws = new Draws(FrameSeeds.stream(seed, frameIndex, Concern.VARIABLES), variables);
        for (Map.Entry<String, NumberDist> v : template.variables().entrySet()) {
            double value = v.getValue().sample(varDraws);
            variables.put(v.getKey(), value);
            log.number("/variables/" + v.getKey(), value);
        }
        var camera = CameraRandomizer.sample(template.camera(), template.image(),
                new Draws(FrameSeeds.stream(seed, frameIndex, Concern.CAMERA), variables), log);
        var lighting = new Draws(FrameSeeds.stream(seed, frameIndex, Concern.LIGHTING), variables);
        var sun = LightingRandomizer.sun(template.sun(), lighting, log);
        var sky = LightingRandomizer.sky(template.sky(), lighting, log);
        var lights = LightingRandomizer.lights(template.lights(), lighting, log);
        List<dev.mirage.template.ObjectSpec> entries = new java.util.ArrayList<>();
        var objects = ObjectRandomizer.sample(template, camera, models,
                new Draws(FrameSeeds.stream(seed, frameIndex, Concern.OBJECTS), variables), log, entries);
        lights = AssetLights.withAssetLights(lights, objects, camera);
        var weatherDraws = new Draws(FrameSeeds.stream(seed, frameIndex, Concern.WEATHER), variables);
        var weather = weather(template.weather(), weatherDraws, log);
        var exposure = exposure(template.exposure(), weatherDraws, log);
        // an analytic sky's radiances are physical (a noon sun is about 30 units): unexposed it would be white
        if (exposure.mode() == dev.mirage.scene.Exposure.Mode.NONE && sky.physical()) exposure = dev.mirage.scene.Exposure.AUTO;
        weather = weather.with(precipitation(template.weather().precipitation(), camera,
                new Draws(FrameSeeds.stream(seed, frameIndex, Concern.PRECIPITATION), variables),
                FrameSeeds.stream(seed, frameIndex, Concern.PARTICLES), log));
        sun = LightingRandomizer.throughSky(sun, sky);
        var thermal = ThermalRandomizer.sample(template, objects, entries, sun, sky, weather,
                new Draws(FrameSeeds.stream(seed, frameIndex, Concern.THERMAL), variables), log);
        return new FrameScene(frameIndex, seed, camera, sun, sky, objects, lights, weather, exposure, thermal);
    }

    /** The camera's exposure (drawn after the weather, from the same stream, only when it is a distribution). */
    private static dev.mirage.scene.Exposure exposure(SceneTemplate.ExposureSpec spec, Draws rng, SampleLog log) {
        switch (spec.mode()) {
            case AUTO:
                return dev.mirage.scene.Exposure.AUTO;
            case FIXED:
                return dev.mirage.scene.Exposure.fixed(Logged.number(spec.ev(), rng, log, "/camera/exposure/ev"));
            default:
                return dev.mirage.scene.Exposure.NONE;
        }
    }

    /** Rain, snow and surface state from their own stream; the particles from another, so their count moves no other draw. */
    private static Precipitation precipitation(SceneTemplate.PrecipitationSpec spec, Camera camera, Draws rng,
                                               RandomGenerator particles, SampleLog log) {
        double rain = spec.rainRateMmH() == null ? 0 : Logged.number(spec.rainRateMmH(), rng, log, "/weather/rain/rateMmH");
        double streak = spec.streakLengthScale() == null ? 1
                : Logged.number(spec.streakLengthScale(), rng, log, "/weather/rain/streakLengthScale");
        double wetness = spec.wetness() == null ? Precipitation.wetnessFromRain(rain)
                : Logged.number(spec.wetness(), rng, log, "/weather/wetness");
        double snow = spec.snowRateMmH() == null ? 0 : Logged.number(spec.snowRateMmH(), rng, log, "/weather/snow/rateMmH");
        double coverage = spec.snowCoverage() == null ? Precipitation.coverageFromSnow(snow)
                : Logged.number(spec.snowCoverage(), rng, log, "/weather/snow/coverage");
        int lensDrops = spec.lensDrops() == null ? 0 : Logged.integer(spec.lensDrops(), rng, log, "/weather/rain/lensDrops");
        return precipitation(camera, rain, streak, wetness, snow, coverage, lensDrops, particles);
    }

    /**
     * The frame's precipitation with its particles drawn from {@code particles} (the frame's
     * {@link Concern#PARTICLES} stream): rain drops first, then snow flakes, then drops on the lens.
     * Replay calls this with the recorded values.
     */
    public static Precipitation precipitation(Camera camera, double rainRateMmH, double streakLengthScale, double wetness,
                                              double snowRateMmH, double snowCoverage, int lensDrops, RandomGenerator particles) {
        if (rainRateMmH == 0 && snowRateMmH == 0 && wetness == 0 && snowCoverage == 0 && lensDrops == 0) return Precipitation.NONE;
        var rain = PrecipitationParticles.rain(camera, rainRateMmH, particles);
        var snow = PrecipitationParticles.snow(camera, snowRateMmH, particles);
        var lens = PrecipitationParticles.lensDrops(lensDrops, particles);
        return new Precipitation(rainRateMmH, streakLengthScale, wetness, snowRateMmH, snowCoverage, rain, snow, lens);
    }

    private static dev.mirage.scene.Weather weather(SceneTemplate.WeatherSpec spec, Draws rng, SampleLog log) {
        if (spec.fogVisibilityM() == null) return dev.mirage.scene.Weather.CLEAR;
        double visibility = Logged.number(spec.fogVisibilityM(), rng, log, "/weather/fog/visibilityM");
        var color = Logged.color(spec.fogColor(), rng, log, "/weather/fog/color");
        double scatter = spec.fogSunScatter() == null ? 0 : Logged.number(spec.fogSunScatter(), rng, log, "/weather/fog/sunScatter");
        double falloff = spec.fogHeightFalloffM() == null ? Double.POSITIVE_INFINITY
                : Logged.number(spec.fogHeightFalloffM(), rng, log, "/weather/fog/heightFalloffM");
        var weather = new dev.mirage.scene.Weather(visibility, color, scatter, falloff);
        return spec.fogDepthReturn() == null ? weather
                : weather.withDepthReturn(Logged.number(spec.fogDepthReturn(), rng, log, "/weather/fog/depthReturn"));
    }
}
