package dev.mirage.asset;

import java.util.Objects;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.joml.Vector4d;
import org.joml.Vector4dc;

/**
 * A glTF 2.0 metallic-roughness material, the model every loader and generator maps to. Factors
 * multiply their textures; a null texture means the factor alone. Colours are linear. Textures use
 * texture coordinate set 0 of the mesh ({@link Mesh#uvs()}); a mesh without coordinates reads texel
 * (0, 0), which glTF leaves undefined.
 *
 * @param name                     the material's name in its file, for messages and meta files
 * @param baseColorFactor          linear RGBA; alpha is opacity
 * @param baseColorTexture         sRGB RGBA image, or null
 * @param metallic                 0..1
 * @param roughness                perceptual, 0..1
 * @param metallicRoughnessTexture linear image: roughness in G, metalness in B (glTF), or null
 * @param normalTexture            tangent-space normal map (linear, +Y up in texture space), or null
 * @param normalScale              scales the map's X and Y
 * @param emissiveFactor           linear RGB radiance on the sun's scale (1 = as bright as a white surface under a sun of intensity 1)
 * @param emissiveTexture          sRGB image, or null
 * @param occlusionTexture         ambient occlusion in R (linear), or null
 * @param occlusionStrength        0 (ignore the map) .. 1
 * @param alphaMode                how base-colour alpha is used
 * @param alphaCutoff              for {@link AlphaMode#MASK}: fragments with alpha below it are neither drawn nor labeled
 * @param doubleSided              false: back faces (clockwise seen from the camera) are culled
 * @param recolorable              whether an object's {@code color} replaces this material's base colour factor
 *                                 (loaded files: every material; library assets: their paint, not their tyres)
 */
public record Material(String name, Vector4dc baseColorFactor, TextureRef baseColorTexture, double metallic,
                       double roughness, TextureRef metallicRoughnessTexture, TextureRef normalTexture,
                       double normalScale, Vector3dc emissiveFactor, TextureRef emissiveTexture,
                       TextureRef occlusionTexture, double occlusionStrength, AlphaMode alphaMode, double alphaCutoff,
                       boolean doubleSided, boolean recolorable) {

    /** glTF's alpha modes. */
    public enum AlphaMode {
        /** Alpha ignored. */
        OPAQUE,
        /** Alpha below the cutoff: not drawn and not labeled (a cut-out leaf). */
        MASK,
        /** Blended over what is behind; labeled where alpha is at least 0.5. */
        BLEND
    }

    /** The grey that primitives and materials with no colour get. */
    public static final Material DEFAULT = plain("default", new Vector3d(0.7, 0.7, 0.7));

    public Material {
        Objects.requireNonNull(name);
        Objects.requireNonNull(alphaMode);
        baseColorFactor = new Vector4d(baseColorFactor);
        emissiveFactor = new Vector3d(emissiveFactor);
        if (!(metallic >= 0 && metallic <= 1)) throw new IllegalArgumentException(name + ": metallic " + metallic);
        if (!(roughness >= 0 && roughness <= 1)) throw new IllegalArgumentException(name + ": roughness " + roughness);
        if (!(occlusionStrength >= 0 && occlusionStrength <= 1))
            throw new IllegalArgumentException(name + ": occlusion strength " + occlusionStrength);
        if (!(alphaCutoff >= 0 && alphaCutoff <= 1)) throw new IllegalArgumentException(name + ": alpha cutoff " + alphaCutoff);
    }

    /** An opaque, one-sided, matte dielectric of one linear colour with no textures. */
    public static Material plain(String name, Vector3dc colorLinear) {
        return new Builder(name).baseColor(colorLinear).build();
    }

    /** The linear RGB of the base colour factor. */
    public Vector3d baseColorLinear() {
        return new Vector3d(baseColorFactor.x(), baseColorFactor.y(), baseColorFactor.z());
    }

    /** Whether any texture is set (the renderer then needs texture coordinates). */
    public boolean textured() {
        return baseColorTexture != null || metallicRoughnessTexture != null || normalTexture != null
                || emissiveTexture != null || occlusionTexture != null;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a material from glTF's defaults: white, metallic 1, roughness 1 unless set (here 0 and 0.8, the renderer's defaults for untextured surfaces). */
    public static final class Builder {
        private String name;
        private Vector4d baseColorFactor = new Vector4d(1, 1, 1, 1);
        private TextureRef baseColorTexture;
        private double metallic = 0;
        private double roughness = 0.8;
        private TextureRef metallicRoughnessTexture;
        private TextureRef normalTexture;
        private double normalScale = 1;
        private Vector3d emissiveFactor = new Vector3d();
        private TextureRef emissiveTexture;
        private TextureRef occlusionTexture;
        private double occlusionStrength = 1;
        private AlphaMode alphaMode = AlphaMode.OPAQUE;
        private double alphaCutoff = 0.5;
        private boolean doubleSided;
        private boolean recolorable = true;

        public Builder(String name) {
            this.name = name;
        }

        private Builder(Material m) {
            name = m.name;
            baseColorFactor = new Vector4d(m.baseColorFactor);
            baseColorTexture = m.baseColorTexture;
            metallic = m.metallic;
            roughness = m.roughness;
            metallicRoughnessTexture = m.metallicRoughnessTexture;
            normalTexture = m.normalTexture;
            normalScale = m.normalScale;
            emissiveFactor = new Vector3d(m.emissiveFactor);
            emissiveTexture = m.emissiveTexture;
            occlusionTexture = m.occlusionTexture;
            occlusionStrength = m.occlusionStrength;
            alphaMode = m.alphaMode;
            alphaCutoff = m.alphaCutoff;
            doubleSided = m.doubleSided;
            recolorable = m.recolorable;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder baseColor(Vector3dc linear) { baseColorFactor.set(linear.x(), linear.y(), linear.z(), baseColorFactor.w); return this; }
        public Builder baseColorFactor(Vector4dc linearRgba) { baseColorFactor = new Vector4d(linearRgba); return this; }
        public Builder baseColorTexture(TextureRef v) { baseColorTexture = v; return this; }
        public Builder metallic(double v) { metallic = v; return this; }
        public Builder roughness(double v) { roughness = v; return this; }
        public Builder metallicRoughnessTexture(TextureRef v) { metallicRoughnessTexture = v; return this; }
        public Builder normalTexture(TextureRef v, double scale) { normalTexture = v; normalScale = scale; return this; }
        public Builder emissive(Vector3dc linear) { emissiveFactor = new Vector3d(linear); return this; }
        public Builder emissiveTexture(TextureRef v) { emissiveTexture = v; return this; }
        public Builder occlusionTexture(TextureRef v, double strength) { occlusionTexture = v; occlusionStrength = strength; return this; }
        public Builder alpha(AlphaMode mode, double cutoff) { alphaMode = mode; alphaCutoff = cutoff; return this; }
        public Builder doubleSided(boolean v) { doubleSided = v; return this; }
        public Builder recolorable(boolean v) { recolorable = v; return this; }

        public Material build() {
            return new Material(name, baseColorFactor, baseColorTexture, metallic, roughness, metallicRoughnessTexture,
                    normalTexture, normalScale, emissiveFactor, emissiveTexture, occlusionTexture, occlusionStrength,
                    alphaMode, alphaCutoff, doubleSided, recolorable);
        }
    }
}
