package dev.mirage.randomize;

import dev.mirage.template.ColorDist;
import dev.mirage.template.IntDist;
import dev.mirage.template.NumberDist;
import dev.mirage.template.TextDist;
import dev.mirage.template.Vec3Dist;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/** Draws a template value and logs it under its pointer when the template left it open. */
final class Logged {
    private Logged() {}

    static double number(NumberDist d, RandomGenerator rng, SampleLog log, String pointer) {
        double v = d.sample(rng);
        if (!d.fixed()) log.number(pointer, v);
        return v;
    }

    static int integer(IntDist d, RandomGenerator rng, SampleLog log, String pointer) {
        int v = d.sample(rng);
        if (!d.fixed()) log.number(pointer, v);
        return v;
    }

    static Vector3d vector(Vec3Dist d, RandomGenerator rng, SampleLog log, String pointer) {
        Vector3d v = d.sample(rng);
        if (!d.fixed()) log.vector(pointer, v);
        return v;
    }

    static Vector3d color(ColorDist d, RandomGenerator rng, SampleLog log, String pointer) {
        Vector3d v = d.sample(rng);
        if (!d.fixed()) log.vector(pointer, v);
        return v;
    }

    static String text(TextDist d, RandomGenerator rng, SampleLog log, String pointer) {
        String v = d.sample(rng);
        if (!d.fixed()) log.label(pointer, v);
        return v;
    }
}
