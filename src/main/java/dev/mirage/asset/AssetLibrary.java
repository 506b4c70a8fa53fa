package dev.mirage.asset;

import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.scene.MeshSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
     * Asset nodes turned and scaled, and selections of parts: one model per source, made on first use
     * and kept among the last 2 × {@value #BUILT_CAPACITY} used.
     */
    // bounded like the library models: parts of built-in assets follow their drawn shapes
    private final Map<MeshSource, Model> derived = leastRecentlyUsed(2 * BUILT_CAPACITY);
    /**
     * Library models built on demand, least recently used first; bounded because templates may draw
     * shape parameters per instance, so a long run meets ever new ones.
     */
    private final Map<MeshSource.Generated, Model> built = leastRecentlyUsed(BUILT_CAPACITY);
    /** Library models kept at once (a few MB of vertex data at most). */
    public static final int BUILT_CAPACITY = 256;

    private final Map<MeshSource, Model> batched = leastRecentlyUsed(2 * BUILT_CAPACITY);

    /** A map that drops its least recently used entry past {@code capacity}. */
    private static <K, V> Map<K, V> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * What the renderer draws for a source: its model with meshes of one material joined
     * ({@link Batching#byMaterial}), made once per source and kept like the models.
     *
     * @throws AssetException as {@link #model}
     */
    public synchronized Model drawModel(MeshSource source) {
        Model m = batched.get(source);
        if (m == null) {
            m = Batching.byMaterial(model(source));
            batched.put(source, m);
        }
        return m;
    }

    /** How many built-in and derived models are held now (bounded: see {@link #BUILT_CAPACITY}). */
    public synchronized int modelsHeld() {
        return built.size() + derived.size() + batched.size();
    }

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
        Model m = derived.get(source);
        if (m == null) {
            m = source instanceof MeshSource.Parts p ? parts(p) : placedInFile((MeshSource.AssetNode) source, null, List.of());
            derived.put(source, m);
        }
        return m;
    }

    /**
     * The parts a {@link MeshSource.Parts} keeps. In a file, a node's parts are those of its subtree;
     * in a generated model, those whose node is the name or starts with the name and a slash.
     *
     * @throws AssetException naming the node when the base has no such part
     */
    private Model parts(MeshSource.Parts p) {
        if (p.base() instanceof MeshSource.AssetNode a) return placedInFile(a, p.only(), p.without());
        Model whole = model(p.base());
        List<MeshPart> kept = new ArrayList<>();
        for (MeshPart part : whole.parts()) {
            boolean in = p.only() != null ? part.within(p.only()) : p.without().stream().noneMatch(n -> part.within(n));
            if (in) kept.add(part);
        }
        for (String name : p.only() != null ? List.of(p.only()) : p.without())
            if (whole.parts().stream().noneMatch(part -> part.within(name)))
                throw new AssetException(null, "expected a part named \"" + name + "\" in " + whole.name() + "; it has "
                        + whole.parts().stream().map(MeshPart::node).filter(n -> !n.isEmpty()).distinct().toList(), true);
        if (kept.isEmpty()) throw new AssetException(null, "leaving out " + p.without() + " leaves nothing of " + whole.name(), false);
        return Model.of(whole.name() + (p.only() != null ? "#" + p.only() : " without " + p.without()), kept, whole.frame());
    }

    /**
     * A node of a file (or the whole file), optionally narrowed to the subtree {@code only} or with the
     * subtrees {@code without} left out, turned to +Y up and scaled to metres as the source says.
     */
    private Model placedInFile(MeshSource.AssetNode a, String only, java.util.Collection<String> without) {
        AssetFile file = file(a.file());
        Model base = file.model(a.node());
        List<MeshPart> parts = new ArrayList<>(only != null ? file.model(only).parts() : base.parts());
        if (only != null) {
            java.util.Set<MeshPart> inBase = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            inBase.addAll(base.parts());
            if (!parts.stream().allMatch(inBase::contains))
                throw new AssetException(a.file(), "expected part \"" + only + "\" inside node \"" + a.node() + "\" of "
                        + a.file().getFileName(), true);
        }
        for (String name : without) {
            java.util.Set<MeshPart> drop = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            drop.addAll(file.model(name).parts());
            parts.removeIf(drop::contains);
        }
        if (parts.isEmpty()) throw new AssetException(a.file(), "leaving out " + without + " leaves nothing of " + base.name(), false);
        Matrix4d fix = importFix(a);
        String name = only != null ? base.name() + "#" + only : without.isEmpty() ? base.name() : base.name() + " without " + without;
        if (fix.equals(new Matrix4d()) && only == null && without.isEmpty()) return base;
        List<MeshPart> fixed = new ArrayList<>();
        for (MeshPart part : parts)
            fixed.add(new MeshPart(part.mesh(), new Matrix4d(fix).mul(part.nodeToModel()), part.material(), part.node()));
        return Model.of(name, fixed, new Matrix4d(fix).mul(base.frame()));
    }

    /** Scale to metres after turning a Z-up file's +Z to +Y (−90° about X: y' = z, z' = −y). */
    static Matrix4d importFix(MeshSource.AssetNode a) {
        Matrix4d fix = new Matrix4d().scaling(a.unitM());
        if (a.upAxis() == MeshSource.UpAxis.Z) fix.rotateX(-Math.PI / 2);
        return fix;
    }

    /**
     * An asset file, loaded once per run.
     *
     * @throws AssetException when it cannot be loaded
     */
    public synchronized AssetFile file(Path path) {
        AssetFile file = files.get(path);
        if (file == null) {
            file = AssetFile.load(path);
            files.put(path, file);
        }
        return file;
    }
}
