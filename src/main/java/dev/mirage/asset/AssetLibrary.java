package dev.mirage.asset;

import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.scene.MeshSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Resolves a {@link MeshSource} to a {@link Model}, loading each asset file and building each
 * primitive once per run, and decodes each texture image once.
 *
 * <p>Thread safety: synchronized; in practice used from the GL thread and at start-up.
 */
public final class AssetLibrary {
    private final Map<Path, AssetFile> files = new HashMap<>();
    private final Map<MeshSource.PrimitiveKind, Model> primitives = new EnumMap<>(MeshSource.PrimitiveKind.class);
    private final Map<String, TextureImage> textures = new HashMap<>();

    /**
     * A texture image file, decoded once per run.
     *
     * @throws AssetException when the file is missing or does not decode
     */
    public TextureImage texture(Path file) {
        return texture(new TextureRef.File(file));
    }

    /**
     * A material's image, decoded once per run (keyed by {@link TextureRef#key()}).
     *
     * @throws AssetException when it is missing or does not decode
     */
    public synchronized TextureImage texture(TextureRef ref) {
        TextureImage image = textures.get(ref.key());
        if (image == null) {
            if (ref instanceof TextureRef.File f) image = TextureImage.read(f.path());
            else if (ref instanceof TextureRef.Encoded e) image = TextureImage.decode(e.source(), e.key(), e.bytes());
            else image = ((TextureRef.Decoded) ref).image();
            textures.put(ref.key(), image);
        }
        return image;
    }

    private final Map<MeshSource.Generated, Model> generated = new HashMap<>();
    /**
     * Library models built on demand, least recently used first; bounded because templates may draw
     * shape parameters per instance, so a long run meets ever new ones.
     */
    private final Map<MeshSource.Generated, Model> built = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MeshSource.Generated, Model> eldest) {
            return size() > BUILT_CAPACITY;
        }
    };
    /** Library models kept at once (a few MB of vertex data at most). */
    public static final int BUILT_CAPACITY = 256;

    /** Registers a model made in code under a generated source (tests); it wins over the built-in library. */
    public synchronized void put(MeshSource.Generated source, Model model) {
        generated.put(source, model);
    }

    /**
     * A generated source not registered with {@link #put} is built by the built-in library
     * ({@link AssetCatalog}) and kept among the last {@value #BUILT_CAPACITY} used.
     *
     * @throws AssetException when the asset cannot be loaded or lacks the node
     * @throws dev.mirage.asset.library.ParamException for an unknown library asset or bad parameters
     */
    public synchronized Model model(MeshSource source) {
        if (source instanceof MeshSource.Generated g) {
            Model m = generated.get(g);
            if (m == null) m = built.get(g);
            if (m == null) {
                m = AssetCatalog.standard().build(g);
                built.put(g, m);
            }
            return m;
        }
        if (source instanceof MeshSource.Primitive p) {
            return primitives.computeIfAbsent(p.kind(), k -> k == MeshSource.PrimitiveKind.PERSON ? Person.model()
                    : Model.of(k.name().toLowerCase(java.util.Locale.ROOT),
                            List.of(new MeshPart(Primitives.mesh(k), new Matrix4d(), new Vector3d(0.7, 0.7, 0.7)))));
        }
        MeshSource.AssetNode a = (MeshSource.AssetNode) source;
        AssetFile file = files.get(a.file());
        if (file == null) {
            file = AssetFile.load(a.file());
            files.put(a.file(), file);
        }
        return file.model(a.node());
    }
}
