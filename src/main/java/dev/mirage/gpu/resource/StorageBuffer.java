package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * A shader storage buffer refilled from the CPU (once a frame), for shaders that read their
 * per-instance data by {@code gl_InstanceID}. Grows when a fill does not fit; never shrinks.
 *
 * <p>Owns one GL buffer object. Thread safety: GL thread only.
 */
public final class StorageBuffer extends GlObject {
    private final int buffer;
    private long capacityBytes;

    public StorageBuffer(String label) {
        super(label);
        buffer = glCreateBuffers();
    }

    /** Replaces the contents with {@code values} (read from its position to its limit). */
    public void fill(FloatBuffer values) {
        checkOpen();
        long bytes = 4L * values.remaining();
        if (bytes == 0) return;
        FloatBuffer direct = MemoryUtil.memAllocFloat(values.remaining());
        try {
            direct.put(values.duplicate()).flip();
            if (bytes > capacityBytes) {
                glNamedBufferData(buffer, direct, GL_STREAM_DRAW);
                capacityBytes = bytes;
            } else {
                glNamedBufferSubData(buffer, 0, direct);
            }
        } finally {
            MemoryUtil.memFree(direct);
        }
    }

    /** Binds the buffer to shader storage binding point {@code index}. */
    public void bind(int index) {
        checkOpen();
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, index, buffer);
    }

    @Override
    void release() {
        glDeleteBuffers(buffer);
    }
}
