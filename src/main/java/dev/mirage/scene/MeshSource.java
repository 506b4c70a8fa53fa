package dev.mirage.scene;

import java.nio.file.Path;
import java.util.Objects;

/** Where an object's geometry comes from: a built-in unit primitive or (part of) an asset file. */
public sealed interface MeshSource {
    /** The built-in unit primitives, centred on their origin with extent 1 m (plane: x–z, normal +Y). */
    enum PrimitiveKind { BOX, SPHERE, CYLINDER, CONE, PLANE }

    record Primitive(PrimitiveKind kind) implements MeshSource {
        public Primitive { Objects.requireNonNull(kind); }
    }

    /**
     * @param file absolute path of the asset
     * @param node name of the node whose subtree is used, or null for the whole file
     */
    record AssetNode(Path file, String node) implements MeshSource {
        public AssetNode { Objects.requireNonNull(file); }
    }
}
