package dev.mirage.scene;

import java.nio.FloatBuffer;

/**
 * Falling particles of one frame (rain drops or snow flakes), each a sphere of some diameter moving
 * at a constant velocity during the exposure; its position is where it is at mid-exposure. Stored
 * packed, {@link #STRIDE} floats a particle: world x, y, z (metres), diameter (metres), velocity
 * x, y, z (metres per second). Immutable: the values are copied in and exposed read-only.
 */
public final class ParticleSet {
    /** Floats per particle. */
    public static final int STRIDE = 7;

    /** No particles. */
    public static final ParticleSet EMPTY = new ParticleSet(new float[0]);

    private final float[] values;

    /** @param values {@link #STRIDE} floats a particle (copied) */
    public ParticleSet(float[] values) {
        if (values.length % STRIDE != 0) throw new IllegalArgumentException("expected a multiple of " + STRIDE + " floats, got " + values.length);
        this.values = values.clone();
    }

    /** How many particles. */
    public int count() {
        return values.length / STRIDE;
    }

    /** The packed values, read-only. */
    public FloatBuffer values() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** Value {@code k} (0..{@link #STRIDE}−1) of particle {@code i}. */
    public float value(int i, int k) {
        return values[i * STRIDE + k];
    }
}
