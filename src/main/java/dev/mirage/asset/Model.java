package dev.mirage.asset;

import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;

/**
 * What one scene object draws: one or more placed meshes. Immutable.
 *
 * @param name        for messages: the asset file and node, or the primitive's name
 * @param parts       its meshes, each with its transform and material colour
 * @param bounds      the box around all parts in model space (culling, shadow fitting)
 * @param frame       the model's own frame in model space: the chosen node's transform for an
 *                    asset node (so a car placed at a yaw in its file keeps a box along its
 *                    length), identity otherwise
 * @param frameBounds the box around all parts in that frame: with {@code frame} it is the object's
 *                    oriented 3D box
 */
public record Model(String name, List<MeshPart> parts, Bounds bounds, Matrix4dc frame, Bounds frameBounds) {
    public Model {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException(name + " has no mesh");
        frame = new Matrix4d(frame);
    }

    /** A model whose own frame is model space. */
    public static Model of(String name, List<MeshPart> parts) {
        return of(name, parts, new Matrix4d());
    }

    /** A model whose own frame is {@code frame}; both boxes are computed from the parts. */
    public static Model of(String name, List<MeshPart> parts, Matrix4dc frame) {
        Matrix4d toFrame = new Matrix4d(frame).invert();
        Bounds b = null, f = null;
        for (MeshPart p : parts) {
            Bounds pb = Bounds.of(p.mesh().positions(), p.nodeToModel());
            Bounds pf = Bounds.of(p.mesh().positions(), new Matrix4d(toFrame).mul(p.nodeToModel()));
            b = b == null ? pb : b.union(pb);
            f = f == null ? pf : f.union(pf);
        }
        return new Model(name, parts, b, frame, f);
    }

    public int triangleCount() {
        return parts.stream().mapToInt(p -> p.mesh().triangleCount()).sum();
    }
}
