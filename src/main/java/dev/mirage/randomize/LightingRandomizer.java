package dev.mirage.randomize;

import dev.mirage.scene.Light;
import dev.mirage.scene.PreethamSky;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.template.SceneTemplate.LightSpec;
import dev.mirage.template.SceneTemplate.SkySpec;
import dev.mirage.template.SceneTemplate.SolarSpec;
import dev.mirage.template.SceneTemplate.SunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * Samples the lights of a frame: the sun (from a direction, from elevation and azimuth, or from date,
 * clock time and place), the sky, and point and spot lights.
 */
public final class LightingRandomizer {
    private LightingRandomizer() {}

    public static Sun sun(SunSpec spec, RandomGenerator rng) {
        return sun(spec, rng, new SampleLog());
    }

    public static Sun sun(SunSpec spec, RandomGenerator rng, SampleLog log) {
        Vector3d toward;
        if (spec.solar() != null) {
            toward = solar(spec.solar(), rng, log);
        } else if (spec.direction() != null) {
            toward = Logged.vector(spec.direction(), rng, log, "/sun/direction");
            if (toward.length() < 1e-9) throw new SamplingException("/sun/direction", "expected a non-zero direction, got [0, 0, 0]");
        } else {
            double elevation = Math.toRadians(Logged.number(spec.elevationDeg(), rng, log, "/sun/elevationDeg"));
            double azimuth = Math.toRadians(Logged.number(spec.azimuthDeg(), rng, log, "/sun/azimuthDeg"));
            toward = Sun.towardSun(elevation, azimuth);
        }
        return new Sun(toward, Logged.color(spec.color(), rng, log, "/sun/color"),
                Logged.number(spec.intensity(), rng, log, "/sun/intensity"));
    }

    /**
     * Toward the sun from the calendar. North is −Z and east +X, so a compass bearing A (0 north,
     * 90 east) is the world azimuth 90° − A (0 = +X, 90 = −Z).
     */
    private static Vector3d solar(SolarSpec spec, RandomGenerator rng, SampleLog log) {
        double hour = Logged.number(spec.hour(), rng, log, "/sun/solar/hour");
        double latitude = Logged.number(spec.latitudeDeg(), rng, log, "/sun/solar/latitudeDeg");
        double longitude = Logged.number(spec.longitudeDeg(), rng, log, "/sun/solar/longitudeDeg");
        SolarPosition.Angles a = SolarPosition.of(spec.date(), hour, spec.utcOffsetHours(), latitude, longitude);
        log.number("/sun/elevationDeg", a.elevationDeg());
        log.number("/sun/compassDeg", a.azimuthDeg());
        return Sun.towardSun(Math.toRadians(a.elevationDeg()), Math.toRadians(90 - a.azimuthDeg()));
    }

    public static Sky sky(SkySpec spec, RandomGenerator rng) {
        return sky(spec, rng, new SampleLog());
    }

    public static Sky sky(SkySpec spec, RandomGenerator rng, SampleLog log) {
        Vector3d color = Logged.color(spec.color(), rng, log, "/sky/color");
        double intensity = Logged.number(spec.intensity(), rng, log, "/sky/intensity");
        if (!spec.preetham() && spec.cloudCover() == null) return new Sky(color, intensity);
        // drawn only when given, so templates without them keep their random streams
        double turbidity = spec.turbidity() == null ? 3 : Logged.number(spec.turbidity(), rng, log, "/sky/turbidity");
        double cover = spec.cloudCover() == null ? 0 : Logged.number(spec.cloudCover(), rng, log, "/sky/cloudCover");
        double glow = spec.nightGlowRadiance() == null ? Sky.DEFAULT_NIGHT_GLOW
                : Logged.number(spec.nightGlowRadiance(), rng, log, "/sky/nightGlowRadiance");
        return new Sky(color, intensity, spec.preetham() ? Sky.Model.PREETHAM : Sky.Model.FLAT, turbidity, cover, glow);
    }

    /**
     * The sun as the sky lets it through: under an analytic sky its colour and intensity are the
     * template's times the direct sunlight left after the air at its elevation
     * ({@link PreethamSky#sunLight}: none below the horizon); under cloud cover its intensity is
     * times {@link Sky#sunThroughClouds()}. Unchanged for a flat, clear sky.
     */
    public static Sun throughSky(Sun sun, Sky sky) {
        if (!sky.physical() && sky.cloudCover() == 0) return sun;
        Vector3d color = new Vector3d(sun.colorLinear());
        double intensity = sun.intensity() * sky.sunThroughClouds();
        if (sky.physical()) {
            PreethamSky.SunLight light = PreethamSky.sunLight(sun.elevationDeg(), sky.turbidity());
            color.mul(light.color());
            intensity *= light.intensity();
        }
        return new Sun(sun.towardSun(), color, intensity);
    }

    /** Every light entry's lights, in file order. */
    public static List<Light> lights(List<LightSpec> specs, RandomGenerator rng, SampleLog log) {
        List<Light> out = new ArrayList<>();
        for (LightSpec spec : specs) {
            String p = spec.pointer();
            int count = Logged.integer(spec.count(), rng, log, p + "/count");
            for (int i = 0; i < count; i++) {
                Vector3d position = Logged.vector(spec.position(), rng, log, p + "/position");
                Vector3d direction = null;
                if (spec.spot()) {
                    Vector3d target = Logged.vector(spec.target(), rng, log, p + "/target");
                    direction = target.sub(position);
                    if (direction.length() < 1e-9)
                        throw new SamplingException(p + "/target", "expected a target away from the light's position");
                }
                Vector3d color = Logged.color(spec.color(), rng, log, p + "/color");
                double intensity = Logged.number(spec.intensity(), rng, log, p + "/intensity");
                double range = Logged.number(spec.rangeM(), rng, log, p + "/rangeM");
                double inner = Logged.number(spec.innerConeDeg(), rng, log, p + "/innerConeDeg");
                double outer = Logged.number(spec.outerConeDeg(), rng, log, p + "/outerConeDeg");
                out.add(new Light(spec.spot() ? Light.Kind.SPOT : Light.Kind.POINT, position, direction, color, intensity,
                        range, inner, Math.max(inner, outer)));
            }
        }
        return out;
    }
}
