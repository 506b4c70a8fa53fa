package dev.mirage.asset;

import dev.mirage.scene.MeshSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final Map<Path, TextureImage> textures = new HashMap<>();

    /**
     * A texture image, decoded once per run.
     *
     * @throws AssetException when the file is missing or does not decode
     */
    public synchronized TextureImage texture(Path file) {
        TextureImage image = textures.get(file);
        if (image == null) {
            image = TextureImage.read(file);
            textures.put(file, image);
        }
        return image;
    }

    /**
     * @throws AssetException when the asset cannot be loaded or lacks the node
     */
    public synchronized Model model(MeshSource source) {
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
