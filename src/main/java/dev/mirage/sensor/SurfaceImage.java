package dev.mirage.sensor;

import java.util.Objects;

/**
 * What the infrared sensors read off each rendered surface, four float32 values per pixel,
 * row-major, origin top-left: surface temperature in kelvin (0 where no surface is), emissivity
 * toward the camera (0..1), the world vertical component of the reflected view ray (−1..1), and
 * near-infrared radiance reaching the camera (relative units; {@code dev.mirage.infrared.NirCamera}).
 *
 * <p>The backing array is shared, not copied; by contract nobody writes to it after construction.
 * Thread safety: immutable by contract.
 */
public final class SurfaceImage {
    /** Floats per pixel. */
    public static final int CHANNELS = 4;
    private final int width;
    private final int height;
    private final float[] values;

    public SurfaceImage(int width, int height, float[] values) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (Objects.requireNonNull(values).length != CHANNELS * width * height)
            throw new IllegalArgumentException("expected " + CHANNELS * width * height + " values, got " + values.length);
        this.width = width;
        this.height = height;
        this.values = values;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The backing array (read only by contract). */
    public float[] data() { return values; }
}
