package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.Material;
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
 * material and its program variant, pattern frame, id and world bounds for culling. Built on the
 * CPU per frame; GL-free.
 *
 * <p><b>Object settings against a part's material.</b> An object's {@code color} replaces the base
 * colour factor's RGB of materials that are {@link Material#recolorable() recolorable} (primitives'
 * and loaded files' materials are); alpha and textures stay the material's. Roughness and metalness
 * come from the object's {@link Surface} for primitives, and for asset parts only when the template
 * gave the object a material (a surface other than {@link Surface#DEFAULT}); otherwise from the
 * part's material; a metallic-roughness image still multiplies them. A surface pattern (procedural
 * or tiled image) changes the base colour factor before the material's images multiply it, so it
 * works on assets as on primitives. Primitives cull back faces by {@link #closedSurface}; asset
 * parts cull them unless their material is double-sided.
 *
 * @param patternFromWorld          world coordinates to the object's pattern space (see {@link #patternFromWorld(Matrix4dc)})
 * @param patternNormalFromWorld    world normals to pattern space
 * @param material                  the part's material (textures, alpha, emission)
 * @param variant                   the program variant that draws it
 * @param roughness                 roughness factor after the rule above
 * @param metallic                  metalness factor after the rule above
 */
record DrawItem(Mesh mesh, Matrix4f model, Matrix3f normalMatrix, float[] albedoLinear, int instanceId,
                Bounds worldBounds, boolean cullBackFaces, Surface surface, Matrix4f patternFromWorld,
                Matrix3f patternNormalFromWorld, Material material, ShadingVariant variant, float roughness,
                float metallic, boolean mirrored) {

    /**
     * Sets the winding GL takes as front for this item: a mirroring transform (negative determinant,
     * e.g. a node scaled by −1 in its file) turns counter-clockwise triangles clockwise on screen, so
     * culling and {@code gl_FrontFacing} must follow.
     */
    void setFrontFace() {
        org.lwjgl.opengl.GL45C.glFrontFace(mirrored ? org.lwjgl.opengl.GL45C.GL_CW : org.lwjgl.opengl.GL45C.GL_CCW);
    }

    static DrawItem of(ObjectInstance object, MeshPart part, Bounds partBounds) {
        Matrix4d world = new Matrix4d(object.modelToWorld()).mul(part.nodeToModel());
        Matrix4f model = new Matrix4f(world);
        Matrix3f normal = new Matrix3f();
        model.normal(normal);
        Material material = part.material();
        Vector3dc c = object.colorLinear() != null && material.recolorable() ? object.colorLinear() : part.baseColorLinear();
        Matrix4f pattern = new Matrix4f(patternFromWorld(object.modelToWorld()));
        boolean primitive = object.source() instanceof MeshSource.Primitive;
        boolean surfaceRules = primitive || !object.surface().equals(Surface.DEFAULT);
        double roughness = surfaceRules ? object.surface().roughness() : material.roughness();
        double metallic = surfaceRules ? object.surface().metallic() : material.metallic();
        boolean cull = primitive ? closedSurface(object.source()) : !material.doubleSided();
        return new DrawItem(part.mesh(), model, normal, new float[] {(float) c.x(), (float) c.y(), (float) c.z()},
                object.instanceId(), partBounds.transform(world), cull, object.surface(),
                pattern, pattern.normal(new Matrix3f()), material,
                ShadingVariant.of(object.surface().pattern(), material, part.mesh()), (float) roughness, (float) metallic,
                world.determinant() < 0);
    }

    /**
     * The alpha below which this surface is not labeled, casts no shadow and covers no amodal pixel:
     * 0 when opaque, the material's cutoff for MASK, 0.5 for BLEND.
     */
    float coverageCutoff() {
        return switch (material.alphaMode()) {
            case OPAQUE -> 0f;
            case MASK -> (float) material.alphaCutoff();
            case BLEND -> 0.5f;
        };
    }

    /** Whether alpha changes over the surface, so depth-only passes must test it per fragment. */
    boolean cutout() {
        return material.alphaMode() != Material.AlphaMode.OPAQUE && ShadingVariant.alphaVaries(material, mesh);
    }

    /** Whether any of it can cover a pixel's depth and id: false when a constant alpha lies below {@link #coverageCutoff()}. */
    boolean covers() {
        return cutout() || material.alphaMode() == Material.AlphaMode.OPAQUE || baseAlpha() >= coverageCutoff();
    }

    /** Whether it is drawn in the blended, back-to-front part of the scene pass. */
    boolean blended() {
        return material.alphaMode() == Material.AlphaMode.BLEND;
    }

    /** The base colour factor's alpha. */
    float baseAlpha() {
        return (float) material.baseColorFactor().w();
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
