package dev.mirage.template;

import java.util.random.RandomGenerator;

/** An integer, fixed or drawn per frame. In files: an integer or {@code {"int": [min, max]}} (inclusive). */
public sealed interface IntDist {
    int sample(RandomGenerator rng);

    int max();

    record Constant(int value) implements IntDist {
        public int sample(RandomGenerator rng) { return value; }
        public int max() { return value; }
    }

    record Range(int min, int max) implements IntDist {
        public Range {
            if (min > max) throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        public int sample(RandomGenerator rng) { return min + rng.nextInt(max - min + 1); }
    }
}
