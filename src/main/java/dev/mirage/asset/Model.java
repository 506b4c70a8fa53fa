package dev.mirage.asset;

import java.util.List;

/**
 * What one scene object draws: one or more placed meshes. Immutable.
 *
 * @param name   for messages: the asset file and node, or the primitive's name
 * @param parts  its meshes, each with its transform and material colour
 * @param bounds the box around all parts in model space
 */
public record Model(String name, List<MeshPart> parts, Bounds bounds) {
    public Model {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException(name + " has no mesh");
    }

    /** A model with its bounds computed from its parts. */
    public static Model of(String name, List<MeshPart> parts) {
        Bounds b = null;
        for (MeshPart p : parts) {
            Bounds pb = Bounds.of(p.mesh().positions(), p.nodeToModel());
            b = b == null ? pb : b.union(pb);
        }
        return new Model(name, parts, b);
    }

    public int triangleCount() {
        return parts.stream().mapToInt(p -> p.mesh().triangleCount()).sum();
    }
}
