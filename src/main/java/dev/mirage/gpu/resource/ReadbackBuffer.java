package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import java.nio.ByteBuffer;

/**
 * A pixel-pack buffer that frames are read back into asynchronously: {@code glReadPixels} into it
 * returns at once on a GPU, a fence marks when the copy is done, and {@link #map()} waits for that
 * fence and exposes the bytes. With two of these the GL renders frame i+1 while frame i's pixels
 * travel.
 *
 * <p>Owns one GL buffer and its pending fence. Thread safety: GL thread only.
 */
public final class ReadbackBuffer extends GlObject {
    /** How long one wait for the fence may block before it is retried, in nanoseconds. */
    private static final long WAIT_NANOS = 1_000_000_000L;

    private final int buffer;
    private final long size;
    private long fence;
    private boolean mapped;

    public ReadbackBuffer(String label, long size) {
        super(label);
        this.size = size;
        buffer = glCreateBuffers();
        glNamedBufferData(buffer, size, GL_STREAM_READ);
    }

    public long size() { return size; }

    /** Binds it as the target of {@code glReadPixels} (offsets then address it). */
    public void bindForPacking() {
        checkOpen();
        if (mapped) throw new IllegalStateException("ReadbackBuffer '" + label() + "' is mapped");
        glBindBuffer(GL_PIXEL_PACK_BUFFER, buffer);
    }

    /** Unbinds it and marks the reads issued so far; {@link #map()} waits for them. */
    public void endPacking() {
        checkOpen();
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        deleteFence();
        fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    }

    /** Waits for the pending reads and maps the buffer for reading; call {@link #unmap()} after. */
    public ByteBuffer map() {
        checkOpen();
        if (fence != 0) {
            int status;
            do {
                status = glClientWaitSync(fence, GL_SYNC_FLUSH_COMMANDS_BIT, WAIT_NANOS);
            } while (status == GL_TIMEOUT_EXPIRED);
            if (status == GL_WAIT_FAILED) throw new IllegalStateException("waiting for readback '" + label() + "' failed");
            deleteFence();
        }
        ByteBuffer bytes = glMapNamedBufferRange(buffer, 0, size, GL_MAP_READ_BIT);
        if (bytes == null) throw new IllegalStateException("mapping readback buffer '" + label() + "' failed");
        mapped = true;
        return bytes;
    }

    public void unmap() {
        checkOpen();
        if (!mapped) return;
        mapped = false;
        glUnmapNamedBuffer(buffer);
    }

    private void deleteFence() {
        if (fence != 0) {
            glDeleteSync(fence);
            fence = 0;
        }
    }

    @Override
    void release() {
        if (mapped) glUnmapNamedBuffer(buffer);
        deleteFence();
        glDeleteBuffers(buffer);
    }
}
