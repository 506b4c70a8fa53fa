package dev.mirage.template;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A scalar that is either fixed or drawn once per use. In files: a number, {@code {"uniform": [min, max]}},
 * {@code {"normal": {"mean": m, "sd": s, "min": lo, "max": hi}}}, {@code {"logUniform": [min, max]}},
 * {@code {"choice": [a, b, ...]}} or {@code {"choice": {"values": [...], "weights": [...]}}}, or
 * {@code {"var": "name"}} (optionally with {@code "map": [[x, y], ...]}) reading a per-frame variable.
 */
public sealed interface NumberDist {
    /** Draws a value; constants draw nothing from {@code rng}. */
    double sample(RandomGenerator rng);

    /** Smallest value it can produce (for validation of ranges). */
    double min();

    /** Largest value it can produce. */
    double max();

    /** True when every draw gives the same value and draws nothing. */
    default boolean fixed() { return false; }

    record Constant(double value) implements NumberDist {
        public double sample(RandomGenerator rng) { return value; }
        public double min() { return value; }
        public double max() { return value; }
        @Override public boolean fixed() { return true; }
    }

    record Uniform(double min, double max) implements NumberDist {
        public Uniform {
            if (!(min <= max)) throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        public double sample(RandomGenerator rng) { return min + (max - min) * rng.nextDouble(); }
    }

    /**
     * Normal with mean and standard deviation, truncated to [min, max] (either may be infinite);
     * truncation is exact (inverse CDF), not clamping.
     */
    record Normal(double mean, double sd, double min, double max) implements NumberDist {
        public Normal {
            if (!(sd >= 0)) throw new IllegalArgumentException("sd " + sd);
            if (!(min < max)) throw new IllegalArgumentException("min " + min + " >= max " + max);
        }
        public double sample(RandomGenerator rng) {
            if (Double.isInfinite(min) && Double.isInfinite(max)) return Sampling.normal(rng, mean, sd);
            if (sd == 0) {
                rng.nextDouble();
                return Math.max(min, Math.min(max, mean));
            }
            return Sampling.truncatedNormal(rng, mean, sd, min, max);
        }
    }

    /** Uniform in log space: every decade between min and max equally likely; 0 &lt; min ≤ max. */
    record LogUniform(double min, double max) implements NumberDist {
        public LogUniform {
            if (!(min > 0 && min <= max)) throw new IllegalArgumentException("log-uniform [" + min + ", " + max + "]");
        }
        public double sample(RandomGenerator rng) { return Sampling.logUniform(rng, min, max); }
    }

    /** One of the values, equally likely or by weight (weights null: equal). */
    record Choice(List<Double> values, double[] weights) implements NumberDist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
            if (weights != null) weights = Weights.check(weights, values.size());
        }
        public Choice(List<Double> values) { this(values, null); }
        public double sample(RandomGenerator rng) { return values.get(Weights.pick(rng, weights, values.size())); }
        public double min() { return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(); }
        public double max() { return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(); }
        @Override public boolean equals(Object o) {
            return o instanceof Choice c && values.equals(c.values) && Arrays.equals(weights, c.weights);
        }
        @Override public int hashCode() { return values.hashCode() * 31 + Arrays.hashCode(weights); }
    }

    /**
     * The frame's value of a variable, optionally mapped through a piecewise-linear function
     * {@code map} (points sorted by x; clamped outside their range), so that one sampled time of day
     * can drive the sun's elevation, the sky's brightness and the street lights' intensity.
     *
     * @param map {x, y} points, or null for the identity
     * @param min smallest value (from the variable's range, or the map's)
     * @param max largest value
     */
    record Var(String name, double[][] map, double min, double max) implements NumberDist {
        public double sample(RandomGenerator rng) {
            double x = Draws.variable(rng, name);
            return map == null ? x : interpolate(map, x);
        }

        /** Piecewise-linear interpolation through {@code points}, clamped at both ends. */
        static double interpolate(double[][] points, double x) {
            if (x <= points[0][0]) return points[0][1];
            for (int i = 1; i < points.length; i++) {
                if (x <= points[i][0]) {
                    double t = (x - points[i - 1][0]) / (points[i][0] - points[i - 1][0]);
                    return points[i - 1][1] + t * (points[i][1] - points[i - 1][1]);
                }
            }
            return points[points.length - 1][1];
        }
    }
}
