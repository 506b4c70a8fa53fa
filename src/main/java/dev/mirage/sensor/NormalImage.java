package dev.mirage.sensor;

import java.util.Objects;

/**
 * Unit surface normals in camera space (x right, y up, z toward the viewer, as OpenGL's eye
 * space), three float32 values per pixel, row-major, origin top-left; (0, 0, 0) where no surface
 * is. The normal is the shaded one (normal maps applied), turned toward the camera on back faces.
 *
 * <p>The backing array is shared, not copied; by contract nobody writes to it after construction.
 * Thread safety: immutable by contract.
 */
public final class NormalImage {
    private final int width;
    private final int height;
    private final float[] xyz;

    public NormalImage(int width, int height, float[] xyz) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        if (Objects.requireNonNull(xyz).length != 3 * width * height)
            throw new IllegalArgumentException("expected " + 3 * width * height + " values, got " + xyz.length);
        this.width = width;
        this.height = height;
        this.xyz = xyz;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The backing array (read only by contract). */
    public float[] data() { return xyz; }
}
