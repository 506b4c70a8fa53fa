package dev.mirage.template;

import java.util.random.RandomGenerator;

/** Weights of a choice: checked once, picked from per draw. */
final class Weights {
    private Weights() {}

    /** A copy of valid weights: one per option, each finite and ≥ 0, summing to more than 0. */
    static double[] check(double[] weights, int options) {
        if (weights.length != options) throw new IllegalArgumentException(weights.length + " weights for " + options + " options");
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0 && Double.isFinite(w))) throw new IllegalArgumentException("weight " + w);
            sum += w;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("weights sum to 0");
        return weights.clone();
    }

    /** An index: uniform with {@code rng.nextInt} when unweighted (as before weights existed), else by weight. */
    static int pick(RandomGenerator rng, double[] weights, int options) {
        return weights == null ? rng.nextInt(options) : Sampling.weightedIndex(rng, weights);
    }
}
