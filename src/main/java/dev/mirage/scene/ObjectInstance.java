package dev.mirage.scene;

import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * One placed object of a frame.
 *
 * @param instanceId    1..N for labeled objects, 0 for unlabeled scenery
 * @param categoryId    COCO category id, 0 for unlabeled scenery
 * @param name          the template entry's name (or its shape/asset), for meta files
 * @param source        its geometry
 * @param modelToWorld  object-to-world transform, metres
 * @param colorLinear   linear RGB colour, or null to keep an asset's own materials
 * @param position      sampled position (metres), recorded in meta
 * @param rotationDeg   sampled Euler angles (degrees, X then Y then Z), recorded in meta
 * @param yawDeg        sampled extra yaw about +Y (degrees), recorded in meta
 * @param scale         per-axis scale including a shape's size, recorded in meta
 * @param surface       roughness, metalness and pattern
 */
public record ObjectInstance(int instanceId, int categoryId, String name, MeshSource source, Matrix4dc modelToWorld,
                             Vector3dc colorLinear, Vector3dc position, Vector3dc rotationDeg, double yawDeg,
                             Vector3dc scale, Surface surface) {
    public ObjectInstance {
        if (instanceId < 0 || categoryId < 0) throw new IllegalArgumentException("negative id");
        if ((instanceId == 0) != (categoryId == 0))
            throw new IllegalArgumentException("labeled objects need both an instance and a category id");
        modelToWorld = new Matrix4d(modelToWorld);
        colorLinear = colorLinear == null ? null : new Vector3d(colorLinear);
        position = new Vector3d(position);
        rotationDeg = new Vector3d(rotationDeg);
        scale = new Vector3d(scale);
        java.util.Objects.requireNonNull(surface);
    }

    /** An object with the default surface. */
    public ObjectInstance(int instanceId, int categoryId, String name, MeshSource source, Matrix4dc modelToWorld,
                          Vector3dc colorLinear, Vector3dc position, Vector3dc rotationDeg, double yawDeg, Vector3dc scale) {
        this(instanceId, categoryId, name, source, modelToWorld, colorLinear, position, rotationDeg, yawDeg, scale, Surface.DEFAULT);
    }

}
