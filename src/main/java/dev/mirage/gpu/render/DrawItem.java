package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.Mesh;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import org.joml.Matrix3f;
import org.joml.Matrix4d;
import org.joml.Matrix4f;
import org.joml.Vector3dc;

/**
 * One mesh of one object as the renderer draws it: world transform, normal matrix, albedo, id and
 * world bounds for culling. Built on the CPU per frame; GL-free.
 */
record DrawItem(Mesh mesh, Matrix4f model, Matrix3f normalMatrix, float[] albedoLinear, int instanceId,
                Bounds worldBounds, boolean cullBackFaces) {

    static DrawItem of(ObjectInstance object, dev.mirage.asset.MeshPart part, Bounds partBounds) {
        Matrix4d world = new Matrix4d(object.modelToWorld()).mul(part.nodeToModel());
        Matrix4f model = new Matrix4f(world);
        Matrix3f normal = new Matrix3f();
        model.normal(normal);
        Vector3dc c = object.colorLinear() != null ? object.colorLinear() : part.baseColorLinear();
        return new DrawItem(part.mesh(), model, normal, new float[] {(float) c.x(), (float) c.y(), (float) c.z()},
                object.instanceId(), partBounds.transform(world), closedSurface(object.source()));
    }

    /**
     * Back faces can be skipped only for the closed built-in solids, whose winding we know (the
     * person's parts are closed solids too); a plane and any asset may be seen from behind.
     */
    static boolean closedSurface(MeshSource source) {
        return source instanceof MeshSource.Primitive p && p.kind() != MeshSource.PrimitiveKind.PLANE;
    }
}
