package dev.mirage.asset;

import java.util.Objects;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;

/**
 * One mesh of a model placed by its node transform, with its material.
 *
 * @param mesh        the geometry (shared between parts and models)
 * @param nodeToModel the node's transform relative to the model's root
 * @param material    how it looks
 * @param node        the name of the node that holds it in its file ("" when unnamed), so labels
 *                    can follow named parts
 */
public record MeshPart(Mesh mesh, Matrix4dc nodeToModel, Material material, String node) {
    public MeshPart {
        Objects.requireNonNull(mesh);
        Objects.requireNonNull(material);
        Objects.requireNonNull(node);
        nodeToModel = new Matrix4d(nodeToModel);
    }

    /** A part with a plain material of one linear colour and no node name. */
    public MeshPart(Mesh mesh, Matrix4dc nodeToModel, org.joml.Vector3dc baseColorLinear) {
        this(mesh, nodeToModel, Material.plain("default", baseColorLinear), "");
    }

    /**
     * Whether a part held by node {@code partNode} belongs to the part named {@code node}: the same
     * name, or (for generated models, whose parts are named by path) a name below it, "node/...".
     */
    public static boolean within(String partNode, String node) {
        return partNode.equals(node) || partNode.startsWith(node + "/");
    }

    /** Whether this part belongs to the part named {@code node} (see {@link #within(String, String)}). */
    public boolean within(String node) {
        return within(this.node, node);
    }

    /** The linear RGB of its material's base colour factor. */
    public Vector3d baseColorLinear() {
        return material.baseColorLinear();
    }
}
