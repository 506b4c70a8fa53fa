package dev.mirage.scene;

import java.nio.file.Path;
import java.util.Objects;

/** Where an object's geometry comes from: a built-in unit primitive or (part of) an asset file. */
public sealed interface MeshSource {
    /**
     * The built-in unit primitives, centred on their origin with extent 1 m (plane: x–z, normal +Y).
     * {@code PERSON} is an articulated pedestrian standing on y = −0.5 up to y = +0.5, facing +Z
     * (its own left is +X), made of several closed parts; it carries the 17 COCO person keypoints.
     */
    enum PrimitiveKind { BOX, SPHERE, CYLINDER, CONE, PLANE, PERSON }

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
