package dev.mirage.template;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The random stream one concern of a frame draws from, together with the frame's variables (sampled
 * once per frame, before anything else), so that {@code {"var": "hour"}} anywhere in the template
 * reads the same value. Distributions are sampled with a {@link RandomGenerator}; those that read a
 * variable require it to be a {@code Draws}.
 *
 * <p>Thread safety: not thread-safe; one per frame and concern.
 */
public final class Draws implements RandomGenerator {
    private final RandomGenerator rng;
    private final Map<String, Double> variables;

    /**
     * @param rng       the stream to draw from
     * @param variables the frame's variable values by name (not copied: the sampler fills it in order)
     */
    public Draws(RandomGenerator rng, Map<String, Double> variables) {
        this.rng = rng;
        this.variables = variables;
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    /** The frame's value of a variable. */
    public double variable(String name) {
        Double v = variables.get(name);
        if (v == null) throw new IllegalStateException("variable " + name + " is not sampled yet");
        return v;
    }

    /** The value of {@code name} as seen from a distribution sampled with {@code rng}. */
    static double variable(RandomGenerator rng, String name) {
        if (!(rng instanceof Draws d)) throw new IllegalStateException("variable " + name + " read outside a frame's draws");
        return d.variable(name);
    }
}
