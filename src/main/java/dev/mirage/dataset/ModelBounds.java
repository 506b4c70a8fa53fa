package dev.mirage.dataset;

import dev.mirage.scene.MeshSource;
import org.joml.Matrix4dc;

/**
 * Where an object's oriented 3D box comes from: the box {@code min..max} (metres) in a frame that
 * {@code frameToModel} places in the object's model space. With the object's model-to-world
 * transform it gives the 3D box recorded in meta files. Built-in shapes: identity and ±0.5.
 */
@FunctionalInterface
public interface ModelBounds {
    /** One object's box in its own frame. */
    record Box(Matrix4dc frameToModel, double[] min, double[] max) {}

    Box of(MeshSource source);
}
