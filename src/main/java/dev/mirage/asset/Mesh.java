package dev.mirage.asset;

import java.util.Objects;

/**
 * A CPU-side triangle mesh: positions and normals (3 floats per vertex), optional texture
 * coordinates (2 per vertex, set 0; v = 0 at the image's bottom row, as GL samples it and as
 * Assimp hands glTF over), optional tangents (4 per vertex: xyz and the bitangent's sign w, as in
 * glTF), optional vertex colours (4 per vertex, linear RGBA), and 32-bit triangle indices,
 * counter-clockwise front faces. Object space, metres.
 *
 * <p>Arrays are shared, not copied; by contract nobody writes to them after construction.
 *
 * <p>Thread safety: immutable by contract.
 */
public final class Mesh {
    private final String name;
    private final float[] positions;
    private final float[] normals;
    private final float[] uvs;
    private final float[] tangents;
    private final float[] colors;
    private final int[] indices;

    /** A mesh with positions and normals only. */
    public Mesh(String name, float[] positions, float[] normals, int[] indices) {
        this(name, positions, normals, null, null, null, indices);
    }

    /**
     * @param uvs      2 floats per vertex, or null
     * @param tangents 4 floats per vertex, or null
     * @param colors   4 floats per vertex (linear RGBA), or null
     */
    public Mesh(String name, float[] positions, float[] normals, float[] uvs, float[] tangents, float[] colors, int[] indices) {
        this.name = Objects.requireNonNull(name);
        if (positions.length % 3 != 0 || normals.length != positions.length)
            throw new IllegalArgumentException(name + ": positions and normals must be 3 floats per vertex");
        int vertices = positions.length / 3;
        if (uvs != null && uvs.length != 2 * vertices) throw new IllegalArgumentException(name + ": uvs must be 2 floats per vertex");
        if (tangents != null && tangents.length != 4 * vertices)
            throw new IllegalArgumentException(name + ": tangents must be 4 floats per vertex");
        if (colors != null && colors.length != 4 * vertices)
            throw new IllegalArgumentException(name + ": colours must be 4 floats per vertex");
        if (indices.length % 3 != 0) throw new IllegalArgumentException(name + ": indices must form triangles");
        for (int i : indices)
            if (i < 0 || i >= vertices) throw new IllegalArgumentException(name + ": index " + i + " out of " + vertices);
        this.positions = positions;
        this.normals = normals;
        this.uvs = uvs;
        this.tangents = tangents;
        this.colors = colors;
        this.indices = indices;
    }

    public String name() { return name; }
    public float[] positions() { return positions; }
    public float[] normals() { return normals; }
    /** Texture coordinates, 2 per vertex, or null. */
    public float[] uvs() { return uvs; }
    /** Tangents, 4 per vertex (w = ±1, the bitangent's handedness), or null. */
    public float[] tangents() { return tangents; }
    /** Linear RGBA vertex colours, 4 per vertex, or null. */
    public float[] colors() { return colors; }
    public int[] indices() { return indices; }
    public int vertexCount() { return positions.length / 3; }
    public int triangleCount() { return indices.length / 3; }
}
