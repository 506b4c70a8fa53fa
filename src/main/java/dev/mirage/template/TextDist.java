package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;

/** A word from a fixed set (a pattern name, say): a string, or {@code {"choice": [...]}} optionally weighted. */
public sealed interface TextDist {
    String sample(RandomGenerator rng);

    default boolean fixed() { return false; }

    record Constant(String value) implements TextDist {
        public String sample(RandomGenerator rng) { return value; }
        @Override public boolean fixed() { return true; }
    }

    record Choice(List<String> values, double[] weights) implements TextDist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
            if (weights != null) weights = Weights.check(weights, values.size());
        }
        public String sample(RandomGenerator rng) { return values.get(Weights.pick(rng, weights, values.size())); }
    }
}
