package dev.mirage.gpu.render;

import dev.mirage.asset.Material;
import dev.mirage.asset.Mesh;
import dev.mirage.scene.Surface;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which program variant of scene.vert + scene.frag draws an item: its surface pattern and the
 * material features it uses, each a {@code #define} (see scene.frag's header). On llvmpipe a
 * fragment runs both sides of every branch, even one a uniform decides, and every vertex output
 * costs setup per triangle, so a variant holds exactly the code and inputs its material needs: a
 * plain material (every primitive) compiles to the same program as before materials existed.
 * Pure and GL-free.
 *
 * @param pattern  the object's surface pattern
 * @param features the material features, each a define of the same name
 */
record ShadingVariant(Surface.Pattern pattern, Set<Feature> features) {
    /** Material features, named as scene.frag's defines. */
    enum Feature {
        /** Base colour × an sRGB image. */
        BASE_COLOR_MAP,
        /** Roughness and metalness × a linear image's G and B. */
        METALLIC_ROUGHNESS_MAP,
        /** A tangent-space normal map. */
        NORMAL_MAP,
        /** The mesh's own tangents frame the normal map (else screen derivatives do). */
        VERTEX_TANGENTS,
        /** Emitted light (a non-zero emissive factor). */
        EMISSIVE,
        /** Emissive factor × an sRGB image. */
        EMISSIVE_MAP,
        /** Sky light × an occlusion image's R (strength above 0). */
        OCCLUSION_MAP,
        /** Base colour × the mesh's vertex colours. */
        VERTEX_COLORS,
        /** MASK whose alpha varies over the surface: fragments below the cutoff are discarded. */
        ALPHA_TEST,
        /** BLEND: alpha is written for blending, and fragments below a pass's cutoff are discarded. */
        ALPHA_BLEND,
        /** The frame's surfaces are wet (a weather feature, {@link WeatherShading}). */
        WET,
        /** The frame's up-facing surfaces are under snow (a weather feature, {@link WeatherShading}). */
        SNOW
    }

    /** A plain surface with no material feature: what every primitive is drawn with. */
    static final ShadingVariant PLAIN = new ShadingVariant(Surface.Pattern.NONE, Set.of());

    ShadingVariant {
        java.util.Objects.requireNonNull(pattern);
        features = features.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(features));
    }

    /** The variant for a part with {@code material} on {@code mesh}, under a surface {@code pattern}. */
    static ShadingVariant of(Surface.Pattern pattern, Material material, Mesh mesh) {
        EnumSet<Feature> f = EnumSet.noneOf(Feature.class);
        if (material.baseColorTexture() != null) f.add(Feature.BASE_COLOR_MAP);
        if (material.metallicRoughnessTexture() != null) f.add(Feature.METALLIC_ROUGHNESS_MAP);
        if (material.normalTexture() != null) {
            f.add(Feature.NORMAL_MAP);
            if (mesh.tangents() != null) f.add(Feature.VERTEX_TANGENTS);
        }
        var e = material.emissiveFactor();
        if (e.x() > 0 || e.y() > 0 || e.z() > 0) {
            f.add(Feature.EMISSIVE);
            if (material.emissiveTexture() != null) f.add(Feature.EMISSIVE_MAP);
        }
        if (material.occlusionTexture() != null && material.occlusionStrength() > 0) f.add(Feature.OCCLUSION_MAP);
        if (mesh.colors() != null) f.add(Feature.VERTEX_COLORS);
        if (material.alphaMode() == Material.AlphaMode.BLEND) f.add(Feature.ALPHA_BLEND);
        else if (material.alphaMode() == Material.AlphaMode.MASK && alphaVaries(material, mesh)) f.add(Feature.ALPHA_TEST);
        return new ShadingVariant(pattern, f);
    }

    /** This variant with the frame's weather features added (itself when there are none). */
    ShadingVariant withWeather(Set<Feature> weather) {
        if (weather.isEmpty()) return this;
        EnumSet<Feature> f = EnumSet.of(weather.iterator().next(), weather.toArray(new Feature[0]));
        f.addAll(features);
        return new ShadingVariant(pattern, f);
    }

    /** Whether base-colour alpha changes over the surface (an image or vertex colours), not just the factor's. */
    static boolean alphaVaries(Material material, Mesh mesh) {
        return material.baseColorTexture() != null || mesh.colors() != null;
    }

    /** Whether the fragment stage reads texture coordinates. */
    boolean usesUv() {
        return features.contains(Feature.BASE_COLOR_MAP) || features.contains(Feature.METALLIC_ROUGHNESS_MAP)
                || features.contains(Feature.NORMAL_MAP) || features.contains(Feature.EMISSIVE_MAP)
                || features.contains(Feature.OCCLUSION_MAP);
    }

    /** The {@code #define} lines of this variant, for {@link dev.mirage.gpu.resource.ShaderProgram#load}. */
    List<String> defines() {
        List<String> defines = new ArrayList<>();
        defines.add("PATTERN_KIND " + DrawItem.patternCode(pattern));
        for (Feature f : Feature.values()) if (features.contains(f)) defines.add(f.name() + " 1");
        if (usesUv()) defines.add("MATERIAL_UV 1");
        return defines;
    }
}
