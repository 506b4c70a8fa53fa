package dev.mirage.asset;

import java.util.Objects;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * One mesh of a model placed by its node transform, with its material's base colour.
 *
 * @param mesh              the geometry (shared between parts and models)
 * @param nodeToModel       the node's transform relative to the model's root
 * @param baseColorLinear   linear RGB base colour of its material
 */
public record MeshPart(Mesh mesh, Matrix4dc nodeToModel, Vector3dc baseColorLinear) {
    public MeshPart {
        Objects.requireNonNull(mesh);
        nodeToModel = new Matrix4d(nodeToModel);
        baseColorLinear = new Vector3d(baseColorLinear);
    }
}
