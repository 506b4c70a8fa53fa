package dev.mirage.gpu.resource;

/**
 * Base of the classes that each own one kind of GL object: a name for messages, an idempotent
 * {@link #close()} and a loud failure on use after close.
 *
 * <p>Thread safety: GL thread only, like every gpu type.
 */
abstract class GlObject implements AutoCloseable {
    private final String label;
    private boolean closed;

    GlObject(String label) {
        this.label = label;
    }

    /** The name used in messages: what this object is for. */
    public String label() { return label; }

    /** Throws {@link IllegalStateException} naming the object when it is already closed. */
    final void checkOpen() {
        if (closed) throw new IllegalStateException(getClass().getSimpleName() + " '" + label + "' used after close");
    }

    @Override
    public final void close() {
        if (closed) return;
        closed = true;
        release();
    }

    /** Deletes the GL object(s); called once. */
    abstract void release();
}
