package dev.mirage.asset;

import java.util.List;

/**
 * What one scene object draws: one or more placed meshes. Immutable.
 *
 * @param name  for messages: the asset file and node, or the primitive's name
 * @param parts its meshes, each with its transform and material colour
 */
public record Model(String name, List<MeshPart> parts) {
    public Model {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException(name + " has no mesh");
    }

    public int triangleCount() {
        return parts.stream().mapToInt(p -> p.mesh().triangleCount()).sum();
    }
}
