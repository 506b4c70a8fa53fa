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

    /** Which axis of an asset file points up: glTF's +Y, or +Z as many CAD and OBJ exports have it. */
    enum UpAxis { Y, Z }

    /**
     * @param file   absolute path of the asset
     * @param node   name of the node whose subtree is used, or null for the whole file
     * @param upAxis the file's up axis; a Z-up file is turned −90° about X so that its +Z becomes +Y
     *               (and its −Y the front, +Z)
     * @param unitM  metres per unit of the file (0.01 for centimetres), applied after the turn
     */
    record AssetNode(Path file, String node, UpAxis upAxis, double unitM) implements MeshSource {
        public AssetNode {
            Objects.requireNonNull(file);
            Objects.requireNonNull(upAxis);
            if (!(unitM > 0 && Double.isFinite(unitM))) throw new IllegalArgumentException("unitM " + unitM);
        }

        /** A Y-up file in metres. */
        public AssetNode(Path file, String node) {
            this(file, node, UpAxis.Y, 1);
        }
    }

    /**
     * Some named parts of another source, so that parts of one asset can carry their own instance and
     * category (a truck's trailer, a bicycle's rider): {@code only} the subtree of that node, or, when
     * {@code only} is null, everything but the subtrees named in {@code without}. Parts keep the place
     * the whole gives them.
     *
     * @param base    an {@link AssetNode} or {@link Generated}
     * @param only    the node to keep, or null
     * @param without nodes to leave out (with {@code only} null)
     */
    record Parts(MeshSource base, String only, java.util.SortedSet<String> without) implements MeshSource {
        public Parts {
            Objects.requireNonNull(base);
            if (base instanceof Parts) throw new IllegalArgumentException("parts of parts");
            without = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(without));
            if ((only == null) == without.isEmpty()) throw new IllegalArgumentException("either only or without");
        }
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
