package dev.mirage.sensor;

import java.util.Objects;

/**
 * Planar z-depth along the camera's viewing axis, float32 metres, row-major, origin top-left.
 * 0 means no surface (sky or beyond the far plane).
 *
 * <p>The backing array is shared, not copied; by contract nobody writes to it after construction.
 *
 * <p>Thread safety: immutable by contract, safe to share once published.
 */
public final class DepthImage {
    private final int width;
    private final int height;
    private final float[] metres;

    public DepthImage(int width, int height, float[] metres) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (Objects.requireNonNull(metres).length != width * height)
            throw new IllegalArgumentException("expected " + width * height + " values, got " + metres.length);
        this.width = width;
        this.height = height;
        this.metres = metres;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The backing array (read only by contract). */
    public float[] data() { return metres; }

    public float metresAt(int x, int y) { return metres[y * width + x]; }
}
