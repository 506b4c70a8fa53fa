package dev.mirage.asset;

import java.util.Objects;

/**
 * A CPU-side triangle mesh: interleaved-ready arrays of positions and normals (3 floats per vertex)
 * and 32-bit triangle indices. Object space, metres.
 *
 * <p>Arrays are shared, not copied; by contract nobody writes to them after construction.
 *
 * <p>Thread safety: immutable by contract.
 */
public final class Mesh {
    private final String name;
    private final float[] positions;
    private final float[] normals;
    private final int[] indices;

    public Mesh(String name, float[] positions, float[] normals, int[] indices) {
        this.name = Objects.requireNonNull(name);
        if (positions.length % 3 != 0 || normals.length != positions.length)
            throw new IllegalArgumentException(name + ": positions and normals must be 3 floats per vertex");
        if (indices.length % 3 != 0) throw new IllegalArgumentException(name + ": indices must form triangles");
        int vertices = positions.length / 3;
        for (int i : indices)
            if (i < 0 || i >= vertices) throw new IllegalArgumentException(name + ": index " + i + " out of " + vertices);
        this.positions = positions;
        this.normals = normals;
        this.indices = indices;
    }

    public String name() { return name; }
    public float[] positions() { return positions; }
    public float[] normals() { return normals; }
    public int[] indices() { return indices; }
    public int vertexCount() { return positions.length / 3; }
    public int triangleCount() { return indices.length / 3; }
}
