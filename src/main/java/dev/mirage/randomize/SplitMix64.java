package dev.mirage.randomize;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea and Flood): a tiny generator whose output is fixed by its seed on every
 * JVM and version, which is what reproducible frames need. Derived values (doubles, bounded ints)
 * come from {@link RandomGenerator}'s specified default methods.
 *
 * <p>Thread safety: not thread-safe; each frame and concern gets its own instance.
 */
public final class SplitMix64 implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** The SplitMix64 finaliser: a bijective mix of all 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
