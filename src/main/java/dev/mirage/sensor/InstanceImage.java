package dev.mirage.sensor;

import java.util.Objects;

/**
 * Instance ids per pixel, unsigned 32-bit held in an {@code int[]}, row-major, origin top-left.
 * 0 is background (sky and unlabeled scenery); objects of a frame are 1..N in the order of the
 * frame's instance table.
 *
 * <p>The backing array is shared, not copied; by contract nobody writes to it after construction.
 *
 * <p>Thread safety: immutable by contract, safe to share once published.
 */
public final class InstanceImage {
    private final int width;
    private final int height;
    private final int[] ids;

    public InstanceImage(int width, int height, int[] ids) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (Objects.requireNonNull(ids).length != width * height)
            throw new IllegalArgumentException("expected " + width * height + " ids, got " + ids.length);
        this.width = width;
        this.height = height;
        this.ids = ids;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The backing array (read only by contract). */
    public int[] data() { return ids; }

    public int idAt(int x, int y) { return ids[y * width + x]; }
}
