package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Surface;
import org.joml.Matrix3f;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Matrix4f;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * One mesh of one object as the renderer draws it: world transform, normal matrix, albedo, surface,
 * pattern frame, id and world bounds for culling. Built on the CPU per frame; GL-free.
 *
 * @param patternFromWorld          world coordinates to the object's pattern space (see {@link #patternFromWorld(Matrix4dc)})
 * @param patternNormalFromWorld    world normals to pattern space
 */
record DrawItem(Mesh mesh, Matrix4f model, Matrix3f normalMatrix, float[] albedoLinear, int instanceId,
                Bounds worldBounds, boolean cullBackFaces, Surface surface, Matrix4f patternFromWorld,
                Matrix3f patternNormalFromWorld) {

    static DrawItem of(ObjectInstance object, MeshPart part, Bounds partBounds) {
        Matrix4d world = new Matrix4d(object.modelToWorld()).mul(part.nodeToModel());
        Matrix4f model = new Matrix4f(world);
        Matrix3f normal = new Matrix3f();
        model.normal(normal);
        Vector3dc c = object.colorLinear() != null ? object.colorLinear() : part.baseColorLinear();
        Matrix4f pattern = new Matrix4f(patternFromWorld(object.modelToWorld()));
        return new DrawItem(part.mesh(), model, normal, new float[] {(float) c.x(), (float) c.y(), (float) c.z()},
                object.instanceId(), partBounds.transform(world), closedSurface(object.source()), object.surface(),
                pattern, pattern.normal(new Matrix3f()));
    }

    /**
     * Pattern space is the object's own frame measured in metres: model coordinates scaled by the
     * per-axis scale of {@code modelToWorld} (the lengths of its first three columns), so for the
     * usual translate · rotate · scale placement a point's pattern coordinates are its offset from the
     * object's origin, in metres, along the object's rotated axes. A pattern therefore moves and
     * turns with the object and its cells keep their size in metres whatever the object's size.
     * This returns the map from world coordinates to pattern space: the scaling after the inverse
     * placement.
     */
    static Matrix4d patternFromWorld(Matrix4dc modelToWorld) {
        Vector3d scale = modelToWorld.getScale(new Vector3d());
        return new Matrix4d().scaling(scale).mul(new Matrix4d(modelToWorld).invert());
    }

    /** The shader's code for a pattern ({@code PATTERN_*} in scene.frag). */
    static int patternCode(Surface.Pattern pattern) {
        return switch (pattern) {
            case NONE -> 0;
            case CHECKER -> 1;
            case STRIPES -> 2;
            case NOISE -> 3;
            case TEXTURE -> 4;
        };
    }

    /**
     * Back faces can be skipped only for the closed built-in solids, whose winding we know (the
     * person's parts are closed solids too); a plane and any asset may be seen from behind.
     */
    static boolean closedSurface(MeshSource source) {
        return source instanceof MeshSource.Primitive p && p.kind() != MeshSource.PrimitiveKind.PLANE;
    }
}
