package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;

/**
 * Collects a model's geometry by named part and material: one {@link MeshBuilder} per
 * (node, material), built into one {@link MeshPart} each, in model space (identity transforms).
 *
 * <p>Thread safety: none; one per build.
 */
public final class ModelBuilder {
    private record Key(String node, Material material) {}

    private final String name;
    private final Map<Key, MeshBuilder> builders = new LinkedHashMap<>();

    public ModelBuilder(String name) {
        this.name = name;
    }

    /** The builder for part {@code node} in {@code material}, made on first use. */
    public MeshBuilder part(String node, Material material) {
        return builders.computeIfAbsent(new Key(node, material), k -> new MeshBuilder());
    }

    public Model build() {
        List<MeshPart> parts = new ArrayList<>();
        for (Map.Entry<Key, MeshBuilder> e : builders.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Key k = e.getKey();
            parts.add(new MeshPart(e.getValue().build(name + "/" + k.node() + "/" + k.material().name()), new Matrix4d(),
                    k.material(), k.node()));
        }
        return Model.of(name, parts);
    }
}
