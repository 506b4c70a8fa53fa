package dev.mirage.randomize;

import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.template.SceneTemplate.SkySpec;
import dev.mirage.template.SceneTemplate.SunSpec;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/** Samples the sun and sky of a frame. */
public final class LightingRandomizer {
    private LightingRandomizer() {}

    public static Sun sun(SunSpec spec, RandomGenerator rng) {
        Vector3d toward;
        if (spec.direction() != null) {
            toward = spec.direction().sample(rng);
            if (toward.length() < 1e-9) throw new SamplingException("/sun/direction", "expected a non-zero direction, got [0, 0, 0]");
        } else {
            double elevation = Math.toRadians(spec.elevationDeg().sample(rng));
            double azimuth = Math.toRadians(spec.azimuthDeg().sample(rng));
            toward = Sun.towardSun(elevation, azimuth);
        }
        return new Sun(toward, spec.color().sample(rng), spec.intensity().sample(rng));
    }

    public static Sky sky(SkySpec spec, RandomGenerator rng) {
        return new Sky(spec.color().sample(rng), spec.intensity().sample(rng));
    }
}
