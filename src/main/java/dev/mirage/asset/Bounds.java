package dev.mirage.asset;

import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * An axis-aligned box, metres. Immutable.
 */
public record Bounds(Vector3dc min, Vector3dc max) {
    public Bounds {
        min = new Vector3d(min);
        max = new Vector3d(max);
    }

    /** The box around a list of points (x, y, z triples), each moved by {@code transform}. */
    public static Bounds of(float[] xyz, Matrix4dc transform) {
        Vector3d lo = new Vector3d(Double.POSITIVE_INFINITY), hi = new Vector3d(Double.NEGATIVE_INFINITY);
        Vector3d p = new Vector3d();
        for (int i = 0; i < xyz.length; i += 3) {
            transform.transformPosition(p.set(xyz[i], xyz[i + 1], xyz[i + 2]));
            lo.min(p);
            hi.max(p);
        }
        return new Bounds(lo, hi);
    }

    /** The box around this one's eight corners after {@code transform}. */
    public Bounds transform(Matrix4dc transform) {
        Vector3d lo = new Vector3d(Double.POSITIVE_INFINITY), hi = new Vector3d(Double.NEGATIVE_INFINITY);
        Vector3d p = new Vector3d();
        for (int corner = 0; corner < 8; corner++) {
            p.set((corner & 1) == 0 ? min.x() : max.x(), (corner & 2) == 0 ? min.y() : max.y(),
                    (corner & 4) == 0 ? min.z() : max.z());
            transform.transformPosition(p);
            lo.min(p);
            hi.max(p);
        }
        return new Bounds(lo, hi);
    }

    /** The smallest box holding both. */
    public Bounds union(Bounds other) {
        return new Bounds(new Vector3d(min).min(other.min), new Vector3d(max).max(other.max));
    }

    /** Corner {@code i} (0..7): bit 0 picks x, bit 1 y, bit 2 z from max. */
    public Vector3d corner(int i) {
        return new Vector3d((i & 1) == 0 ? min.x() : max.x(), (i & 2) == 0 ? min.y() : max.y(), (i & 4) == 0 ? min.z() : max.z());
    }
}
