package dev.mirage.sensor;

import java.util.Objects;

/**
 * An 8-bit sRGB colour image: row-major, origin top-left, 3 bytes per pixel (R, G, B).
 *
 * <p>Pixel (x, y) starts at byte {@code 3 * (y * width + x)}. The backing array is shared, not copied,
 * for speed; by contract nobody writes to it after construction.
 *
 * <p>Thread safety: immutable by contract, safe to share once published.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    public RgbImage(int width, int height, byte[] rgb) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (Objects.requireNonNull(rgb).length != width * height * 3)
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes, got " + rgb.length);
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The backing array (read only by contract). */
    public byte[] data() { return rgb; }

}
