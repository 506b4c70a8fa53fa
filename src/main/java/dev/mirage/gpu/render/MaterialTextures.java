package dev.mirage.gpu.render;

import dev.mirage.asset.Material;
import dev.mirage.asset.TextureRef;
import dev.mirage.gpu.resource.ShaderProgram;
import java.util.function.Function;

/**
 * Hands a material variant of scene.frag its textures and factors. Each image has a fixed texture
 * unit (0 is the sun's shadow map, 1 a surface pattern's image) and a colour space: colour images
 * (base colour, emissive) are sRGB and decoded by the sampler; data images (metallic-roughness,
 * normal, occlusion) are linear and read as stored.
 *
 * <p>Thread safety: GL thread only.
 */
final class MaterialTextures {
    /** Where each material image goes. */
    enum Slot {
        BASE_COLOR("uBaseColorMap", 2, true, Material::baseColorTexture),
        METALLIC_ROUGHNESS("uMetallicRoughnessMap", 3, false, Material::metallicRoughnessTexture),
        NORMAL("uNormalMap", 4, false, Material::normalTexture),
        EMISSIVE("uEmissiveMap", 5, true, Material::emissiveTexture),
        OCCLUSION("uOcclusionMap", 6, false, Material::occlusionTexture);

        private final String sampler;
        private final int unit;
        private final boolean srgb;
        private final Function<Material, TextureRef> image;

        Slot(String sampler, int unit, boolean srgb, Function<Material, TextureRef> image) {
            this.sampler = sampler;
            this.unit = unit;
            this.srgb = srgb;
            this.image = image;
        }

        String sampler() { return sampler; }
        int unit() { return unit; }
        /** Whether the image holds sRGB-encoded colour (else linear data). */
        boolean srgb() { return srgb; }
        TextureRef image(Material m) { return image.apply(m); }
    }

    private MaterialTextures() {}

    /**
     * Sets the material uniforms {@code program} has and binds the images it samples.
     *
     * @param alphaCutoff fragments with base-colour alpha below it are discarded (alpha variants only)
     */
    static void apply(ShaderProgram program, DrawItem item, float alphaCutoff, TextureUploads textures) {
        Material m = item.material();
        if (program.hasUniform("uBaseAlpha")) {
            program.set("uBaseAlpha", item.baseAlpha());
            program.set("uAlphaCutoff", alphaCutoff);
        }
        if (program.hasUniform("uNormalScale")) program.set("uNormalScale", (float) m.normalScale());
        if (program.hasUniform("uEmissive"))
            program.set("uEmissive", (float) m.emissiveFactor().x(), (float) m.emissiveFactor().y(), (float) m.emissiveFactor().z());
        if (program.hasUniform("uOcclusionStrength")) program.set("uOcclusionStrength", (float) m.occlusionStrength());
        for (Slot slot : Slot.values()) {
            TextureRef ref = slot.image(m);
            if (ref != null && program.hasUniform(slot.sampler())) textures.get(ref, slot.srgb()).bind(slot.unit());
        }
    }
}
