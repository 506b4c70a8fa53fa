package dev.mirage.asset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a material's image comes from. {@link AssetLibrary#texture(TextureRef)} decodes each one
 * once per run, keyed by {@link #key()}; the renderer uploads each (key, colour space) once.
 */
public sealed interface TextureRef {
    /** Identity for caching and the name used in messages: a path, {@code file.glb#image3}, or a generator's name. */
    String key();

    /** An image file on disk (PNG, JPEG, and what stb_image reads). */
    record File(Path path) implements TextureRef {
        public File {
            Objects.requireNonNull(path);
        }

        @Override
        public String key() { return path.toString(); }
    }

    /**
     * An encoded image held in memory: a glTF buffer view or data URI, or an image embedded in a
     * GLB or FBX. The bytes are shared, not copied; nobody writes to them.
     *
     * @param source the asset file it came from, for messages
     */
    record Encoded(String key, Path source, byte[] bytes) implements TextureRef {
        public Encoded {
            Objects.requireNonNull(key);
            Objects.requireNonNull(bytes);
        }
    }

    /** An image made in code (the procedural textures of the built-in asset library). */
    record Decoded(String key, TextureImage image) implements TextureRef {
        public Decoded {
            Objects.requireNonNull(key);
            Objects.requireNonNull(image);
        }
    }
}
