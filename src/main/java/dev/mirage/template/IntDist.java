package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An integer, fixed or drawn per frame. In files: an integer, {@code {"int": [min, max]}} (inclusive)
 * or {@code {"choice": [a, b, ...]}} / {@code {"choice": {"values": [...], "weights": [...]}}}.
 */
public sealed interface IntDist {
    int sample(RandomGenerator rng);

    int max();

    default boolean fixed() { return false; }

    record Constant(int value) implements IntDist {
        public int sample(RandomGenerator rng) { return value; }
        public int max() { return value; }
        @Override public boolean fixed() { return true; }
    }

    record Range(int min, int max) implements IntDist {
        public Range {
            if (min > max) throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        public int sample(RandomGenerator rng) { return min + rng.nextInt(max - min + 1); }
    }

    record Choice(List<Integer> values, double[] weights) implements IntDist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
            if (weights != null) weights = Weights.check(weights, values.size());
        }
        public int sample(RandomGenerator rng) { return values.get(Weights.pick(rng, weights, values.size())); }
        public int max() { return values.stream().mapToInt(Integer::intValue).max().orElseThrow(); }
    }
}
