package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.asset.Mesh;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A mesh uploaded once: an interleaved vertex buffer (position, normal), an index buffer and the
 * vertex array that binds them. Attribute 0 = position, 1 = normal.
 *
 * <p>Owns one VAO and two buffers. Thread safety: GL thread only.
 */
public final class GpuMesh extends GlObject {
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

    public static GpuMesh upload(Mesh mesh) {
        float[] p = mesh.positions(), n = mesh.normals();
        FloatBuffer vertices = MemoryUtil.memAllocFloat(p.length * 2);
        IntBuffer indices = MemoryUtil.memAllocInt(mesh.indices().length);
        try {
            for (int i = 0; i < p.length; i += 3) vertices.put(p, i, 3).put(n, i, 3);
            vertices.flip();
            indices.put(mesh.indices()).flip();
            int vbo = glCreateBuffers();
            glNamedBufferStorage(vbo, vertices, 0);
            int ebo = glCreateBuffers();
            glNamedBufferStorage(ebo, indices, 0);
            int vao = glCreateVertexArrays();
            glVertexArrayVertexBuffer(vao, 0, vbo, 0, 6 * Float.BYTES);
            glVertexArrayElementBuffer(vao, ebo);
            glEnableVertexArrayAttrib(vao, 0);
            glVertexArrayAttribFormat(vao, 0, 3, GL_FLOAT, false, 0);
            glVertexArrayAttribBinding(vao, 0, 0);
            glEnableVertexArrayAttrib(vao, 1);
            glVertexArrayAttribFormat(vao, 1, 3, GL_FLOAT, false, 3 * Float.BYTES);
            glVertexArrayAttribBinding(vao, 1, 0);
            return new GpuMesh(mesh.name(), vao, vbo, ebo, mesh.indices().length);
        } finally {
            MemoryUtil.memFree(vertices);
            MemoryUtil.memFree(indices);
        }
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
