package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A scalar that is either fixed or drawn once per frame. In files: a number, {@code {"uniform": [min, max]}}
 * or {@code {"choice": [a, b, ...]}}.
 */
public sealed interface NumberDist {
    /** Draws a value; constants draw nothing from {@code rng}. */
    double sample(RandomGenerator rng);

    /** Smallest value it can produce (for validation of ranges). */
    double min();

    /** Largest value it can produce. */
    double max();

    record Constant(double value) implements NumberDist {
        public double sample(RandomGenerator rng) { return value; }
        public double min() { return value; }
        public double max() { return value; }
    }

    record Uniform(double min, double max) implements NumberDist {
        public Uniform {
            if (!(min <= max)) throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        public double sample(RandomGenerator rng) { return min + (max - min) * rng.nextDouble(); }
    }

    record Choice(List<Double> values) implements NumberDist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
        }
        public double sample(RandomGenerator rng) { return values.get(rng.nextInt(values.size())); }
        public double min() { return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(); }
        public double max() { return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(); }
    }
}
