package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.asset.Mesh;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A mesh uploaded once: an interleaved vertex buffer, an index buffer and the vertex array that
 * binds them. Attribute 0 = position, 1 = normal, and only where the mesh has them 2 = texture
 * coordinates (vec2), 3 = tangent (vec4, w = bitangent sign), 4 = linear RGBA colour. A mesh
 * without them keeps the small position + normal layout (24 bytes a vertex), so primitives cost
 * what they always did. A shader reading an attribute the mesh lacks gets GL's current generic
 * value, (0, 0, 0, 1): texture coordinates (0, 0) and an opaque alpha.
 *
 * <p>Owns one VAO and two buffers. Thread safety: GL thread only.
 */
public final class GpuMesh extends GlObject {
    /** Attribute locations, as the scene and cut-out shaders declare them. */
    public static final int POSITION = 0, NORMAL = 1, UV = 2, TANGENT = 3, COLOR = 4;

    private final int vao;
    private final int vertexBuffer;
    private final int indexBuffer;
    private final int indexCount;

    private GpuMesh(String label, int vao, int vertexBuffer, int indexBuffer, int indexCount) {
        super(label);
        this.vao = vao;
        this.vertexBuffer = vertexBuffer;
        this.indexBuffer = indexBuffer;
        this.indexCount = indexCount;
    }

    /** Floats per interleaved vertex for this mesh: 6, plus 2, 4 and 4 for uvs, tangents and colours. */
    static int floatsPerVertex(Mesh mesh) {
        return 6 + (mesh.uvs() != null ? 2 : 0) + (mesh.tangents() != null ? 4 : 0) + (mesh.colors() != null ? 4 : 0);
    }

    /** Bytes of GL buffer storage {@link #upload} allocates for a mesh: its vertices and 32-bit indices. */
    public static long byteSize(Mesh mesh) {
        return (long) mesh.vertexCount() * floatsPerVertex(mesh) * Float.BYTES + (long) mesh.indices().length * Integer.BYTES;
    }

    public static GpuMesh upload(Mesh mesh) {
        float[] p = mesh.positions(), n = mesh.normals(), uv = mesh.uvs(), t = mesh.tangents(), c = mesh.colors();
        int stride = floatsPerVertex(mesh);
        FloatBuffer vertices = MemoryUtil.memAllocFloat(mesh.vertexCount() * stride);
        IntBuffer indices = MemoryUtil.memAllocInt(mesh.indices().length);
        try {
            for (int v = 0; v < mesh.vertexCount(); v++) {
                vertices.put(p, 3 * v, 3).put(n, 3 * v, 3);
                if (uv != null) vertices.put(uv, 2 * v, 2);
                if (t != null) vertices.put(t, 4 * v, 4);
                if (c != null) vertices.put(c, 4 * v, 4);
            }
            vertices.flip();
            indices.put(mesh.indices()).flip();
            int vbo = glCreateBuffers();
            glNamedBufferStorage(vbo, vertices, 0);
            int ebo = glCreateBuffers();
            glNamedBufferStorage(ebo, indices, 0);
            int vao = glCreateVertexArrays();
            glVertexArrayVertexBuffer(vao, 0, vbo, 0, stride * Float.BYTES);
            glVertexArrayElementBuffer(vao, ebo);
            int offset = attribute(vao, POSITION, 3, 0);
            offset = attribute(vao, NORMAL, 3, offset);
            if (uv != null) offset = attribute(vao, UV, 2, offset);
            if (t != null) offset = attribute(vao, TANGENT, 4, offset);
            if (c != null) attribute(vao, COLOR, 4, offset);
            return new GpuMesh(mesh.name(), vao, vbo, ebo, mesh.indices().length);
        } finally {
            MemoryUtil.memFree(vertices);
            MemoryUtil.memFree(indices);
        }
    }

    /** Enables float attribute {@code location} of {@code size} components at {@code offset} floats; returns the next offset. */
    private static int attribute(int vao, int location, int size, int offset) {
        glEnableVertexArrayAttrib(vao, location);
        glVertexArrayAttribFormat(vao, location, size, GL_FLOAT, false, offset * Float.BYTES);
        glVertexArrayAttribBinding(vao, location, 0);
        return offset + size;
    }

    /** Draws all triangles with whatever program and state are bound. */
    public void draw() {
        checkOpen();
        glBindVertexArray(vao);
        glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT, 0L);
    }

    @Override
    void release() {
        glDeleteVertexArrays(vao);
        glDeleteBuffers(vertexBuffer);
        glDeleteBuffers(indexBuffer);
    }
}
