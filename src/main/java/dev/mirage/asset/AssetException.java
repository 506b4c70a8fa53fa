package dev.mirage.asset;

import java.nio.file.Path;

/**
 * An asset file cannot be used: unreadable, not a format Assimp knows, no triangles, or a named node
 * that is not in it. The pipeline turns it into a scene error naming the template field.
 */
public final class AssetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final boolean nodeMissing;

    public AssetException(Path file, String message, boolean nodeMissing) {
        super(message);
        this.file = file;
        this.nodeMissing = nodeMissing;
    }

    public Path file() { return file; }

    /** True when the file loads but lacks the requested node. */
    public boolean nodeMissing() { return nodeMissing; }
}
