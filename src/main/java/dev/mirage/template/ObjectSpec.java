package dev.mirage.template;

import java.nio.file.Path;

/**
 * One entry of a template's {@code objects}: a built-in shape or an asset file, how many to place,
 * their pose, colour and category.
 *
 * <p>The model matrix of an instance is {@code T(position) · Ry(yawDeg) · Rz · Ry · Rx (rotationDeg) · S(scale · size)};
 * primitives are unit-sized and centred on their origin, so {@code size} is their extent in metres.
 *
 * @param pointer     JSON pointer of this entry, for errors found later (asset loading)
 * @param name        the user's name for the entry, or null (meta files then name the shape or asset)
 * @param shape       the built-in shape, or null for an asset
 * @param asset       the asset file (resolved against the scene's folder), or null for a shape
 * @param node        for assets: the named node (with its children) to use, or null for the whole file
 * @param category    category name, or null for unlabeled scenery (instance id 0)
 * @param count       how many instances
 * @param size        extent in metres (x, y, z) for shapes; (1, 1, 1) for assets
 * @param position    where the origin goes, metres
 * @param rotationDeg Euler angles in degrees, applied X then Y then Z
 * @param yawDeg      extra turn about +Y in degrees, applied last
 * @param scale       per-axis scale factor
 * @param color       sRGB colour, or null to keep an asset's own materials
 */
public record ObjectSpec(
        String pointer,
        String name,
        Shape shape,
        Path asset,
        String node,
        String category,
        IntDist count,
        Vec3Dist.Constant size,
        Vec3Dist position,
        Vec3Dist rotationDeg,
        NumberDist yawDeg,
        Vec3Dist scale,
        ColorDist color) {

    /**
     * Built-in unit shapes. {@code PERSON} is a standing pedestrian 1 m tall, wide and deep (scale it
     * with {@code size}, e.g. [0.5, 1.75, 0.3]), facing +Z, labeled with COCO person keypoints.
     */
    public enum Shape { BOX, SPHERE, CYLINDER, CONE, PLANE, PERSON }
}
