package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.Material;
import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import dev.mirage.gpu.render.ShadingVariant.Feature;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Surface;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;
import org.junit.jupiter.api.Test;

/** Which program variant a material gets, and how an object's settings meet a part's material; no GL. */
class ShadingVariantTest {
    static final Vector3d ZERO = new Vector3d(), ONE = new Vector3d(1, 1, 1);
    static final TextureRef IMAGE = new TextureRef.Decoded("img", new TextureImage(1, 1, new byte[4]));
    static final Mesh BARE = new Mesh("bare", new float[9], new float[9], new int[] {0, 1, 2});
    static final Mesh FULL = new Mesh("full", new float[9], new float[9], new float[6], new float[12], new float[12], new int[] {0, 1, 2});

    @Test
    void aPlainMaterialIsThePlainVariantWithOnlyThePatternDefine() {
        ShadingVariant v = ShadingVariant.of(Surface.Pattern.NONE, Material.DEFAULT, BARE);
        assertEquals(ShadingVariant.PLAIN, v);
        assertEquals(List.of("PATTERN_KIND 0"), v.defines());
    }

    @Test
    void eachImageAndMeshAttributeAddsItsFeature() {
        Material m = new Material.Builder("all").baseColorTexture(IMAGE).metallicRoughnessTexture(IMAGE)
                .normalTexture(IMAGE, 1).emissive(ONE).emissiveTexture(IMAGE).occlusionTexture(IMAGE, 1).build();
        ShadingVariant v = ShadingVariant.of(Surface.Pattern.CHECKER, m, FULL);
        assertEquals(EnumSet.of(Feature.BASE_COLOR_MAP, Feature.METALLIC_ROUGHNESS_MAP, Feature.NORMAL_MAP,
                Feature.VERTEX_TANGENTS, Feature.EMISSIVE, Feature.EMISSIVE_MAP, Feature.OCCLUSION_MAP, Feature.VERTEX_COLORS),
                v.features());
        assertTrue(v.defines().contains("MATERIAL_UV 1"));
        assertTrue(v.defines().contains("PATTERN_KIND 1"));
    }

    @Test
    void featuresThatCannotChangeAPixelAreLeftOut() {
        // Tangents without a normal map, an emissive image under a black factor, occlusion at strength 0.
        Material m = new Material.Builder("inert").emissiveTexture(IMAGE).occlusionTexture(IMAGE, 0).build();
        assertEquals(EnumSet.of(Feature.VERTEX_COLORS), ShadingVariant.of(Surface.Pattern.NONE, m, FULL).features());
        assertFalse(ShadingVariant.of(Surface.Pattern.NONE, m, BARE).usesUv());
    }

    @Test
    void maskTestsAlphaPerFragmentOnlyWhereItVaries() {
        Material constant = new Material.Builder("leaf").alpha(Material.AlphaMode.MASK, 0.5).build();
        Material textured = constant.toBuilder().baseColorTexture(IMAGE).build();
        assertFalse(ShadingVariant.of(Surface.Pattern.NONE, constant, BARE).features().contains(Feature.ALPHA_TEST));
        assertTrue(ShadingVariant.of(Surface.Pattern.NONE, constant, FULL).features().contains(Feature.ALPHA_TEST));
        assertTrue(ShadingVariant.of(Surface.Pattern.NONE, textured, BARE).features().contains(Feature.ALPHA_TEST));
        Material blend = new Material.Builder("glass").alpha(Material.AlphaMode.BLEND, 0.5).build();
        assertTrue(ShadingVariant.of(Surface.Pattern.NONE, blend, BARE).features().contains(Feature.ALPHA_BLEND));
    }

    static DrawItem item(MeshSource source, Material material, Vector3d color, Surface surface) {
        ObjectInstance o = new ObjectInstance(1, 1, "o", source, new Matrix4d(), color, ZERO, ZERO, 0, ONE, surface);
        return DrawItem.of(o, new MeshPart(BARE, new Matrix4d(), material, ""), new Bounds(ZERO, ONE));
    }

    static final MeshSource ASSET = new MeshSource.Generated("asset", new TreeMap<>());
    static final MeshSource BOX = new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX);
    static final MeshSource PLANE = new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE);
    static final Surface SHINY = new Surface(0.1, 0.9, Surface.Pattern.NONE, ZERO, 1);

    @Test
    void anObjectsColourReplacesOnlyRecolorableBaseColours() {
        Material paint = new Material.Builder("paint").baseColorFactor(new Vector4d(0.1, 0.2, 0.3, 0.4)).build();
        Material tyre = paint.toBuilder().recolorable(false).build();
        Vector3d red = new Vector3d(0.9, 0, 0);
        assertArrayEquals(new float[] {0.9f, 0f, 0f}, item(ASSET, paint, red, Surface.DEFAULT).albedoLinear());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, item(ASSET, tyre, red, Surface.DEFAULT).albedoLinear());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, item(ASSET, paint, null, Surface.DEFAULT).albedoLinear());
        assertEquals(0.4f, item(ASSET, paint, red, Surface.DEFAULT).baseAlpha(), 1e-7, "alpha stays the material's");
    }

    @Test
    void assetsKeepTheirMaterialsRoughnessUnlessTheTemplateSetASurface() {
        Material metal = new Material.Builder("metal").roughness(0.3).metallic(1).build();
        DrawItem own = item(ASSET, metal, null, Surface.DEFAULT);
        assertEquals(0.3f, own.roughness(), 1e-7);
        assertEquals(1f, own.metallic(), 1e-7);
        DrawItem overridden = item(ASSET, metal, null, SHINY);
        assertEquals(0.1f, overridden.roughness(), 1e-7);
        assertEquals(0.9f, overridden.metallic(), 1e-7);
        DrawItem primitive = item(BOX, metal, null, Surface.DEFAULT);
        assertEquals(0.8f, primitive.roughness(), 1e-7, "primitives always take their surface");
        assertEquals(0f, primitive.metallic(), 1e-7);
    }

    @Test
    void assetsCullBackFacesUnlessDoubleSidedAndPrimitivesKeepTheirRule() {
        Material one = new Material.Builder("one").build(), two = one.toBuilder().doubleSided(true).build();
        assertTrue(item(ASSET, one, null, Surface.DEFAULT).cullBackFaces());
        assertFalse(item(ASSET, two, null, Surface.DEFAULT).cullBackFaces());
        assertTrue(item(BOX, one, null, Surface.DEFAULT).cullBackFaces());
        assertFalse(item(PLANE, one, null, Surface.DEFAULT).cullBackFaces());
    }

    @Test
    void coverageFollowsTheAlphaMode() {
        Material opaque = new Material.Builder("opaque").baseColorFactor(new Vector4d(1, 1, 1, 0.1)).build();
        DrawItem o = item(ASSET, opaque, null, Surface.DEFAULT);
        assertTrue(o.covers());
        assertEquals(0f, o.coverageCutoff());
        Material faintMask = opaque.toBuilder().alpha(Material.AlphaMode.MASK, 0.3).build();
        assertFalse(item(ASSET, faintMask, null, Surface.DEFAULT).covers(), "a constant alpha under the cutoff covers nothing");
        assertTrue(item(ASSET, faintMask.toBuilder().baseColorTexture(IMAGE).build(), null, Surface.DEFAULT).cutout());
        DrawItem glass = item(ASSET, opaque.toBuilder().alpha(Material.AlphaMode.BLEND, 0.9).build(), null, Surface.DEFAULT);
        assertEquals(0.5f, glass.coverageCutoff(), "BLEND labels where alpha >= 0.5, whatever the cutoff");
        assertTrue(glass.blended());
        assertFalse(glass.covers());
    }
}
