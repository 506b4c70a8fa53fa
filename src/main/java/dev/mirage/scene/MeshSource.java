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

    /**
     * A model made in code: an asset of the built-in library ({@code "asset": "mirage:car"}) with its
     * shape parameters, or a model a test registers with {@code AssetLibrary.put}. Two sources with
     * equal name and parameters are the same model.
     *
     * @param name   the generator's name, e.g. {@code car}
     * @param params shape parameters by name: numbers (metres, degrees, ratios) as {@link Double},
     *               choices as {@link String}; sorted, so equal parameter sets compare equal
     */
    record Generated(String name, java.util.SortedMap<String, Object> params) implements MeshSource {
        public Generated {
            Objects.requireNonNull(name);
            params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
        }
    }
}
