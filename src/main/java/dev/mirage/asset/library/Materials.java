package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Material.AlphaMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.joml.Vector3d;
import org.joml.Vector4d;

/**
 * The library's materials, one instance per name for the whole process (so renders batch and
 * textures upload once). Colours are given in sRGB here and stored linear. {@code recolorable}
 * is true only where a scene's {@code color} should apply: paint, clothes, plastic bodies.
 *
 * <p>Thread safety: safe.
 */
public final class Materials {
    private static final Map<String, Material> CACHE = new ConcurrentHashMap<>();

    private Materials() {}

    private static Material cached(String name, Supplier<Material> make) {
        return CACHE.computeIfAbsent(name, n -> make.get());
    }

    /** Linear RGB from sRGB components in 0..1. */
    public static Vector3d srgb(double r, double g, double b) {
        return new Vector3d(lin(r), lin(g), lin(b));
    }

    private static double lin(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Material.Builder b(String name) {
        return new Material.Builder(name).recolorable(false);
    }

    /** Glossy car paint, recolorable (default mid blue). */
    public static Material carPaint() {
        return cached("car_paint", () -> b("car_paint").baseColor(srgb(0.15, 0.3, 0.6)).metallic(0.5).roughness(0.3).recolorable(true).build());
    }

    /** Tinted automotive glass, blended. */
    public static Material glass() {
        return cached("glass", () -> b("glass").baseColorFactor(new Vector4d(srgb(0.12, 0.16, 0.2), 0.75)).roughness(0.05)
                .alpha(AlphaMode.BLEND, 0.5).build());
    }

    /** Tyre rubber with a tread normal map. */
    public static Material rubber() {
        return cached("rubber", () -> b("rubber").baseColor(srgb(0.06, 0.06, 0.06)).roughness(0.9)
                .normalTexture(Textures.treadNormal(), 1).build());
    }

    /** Polished chrome (rims, mirrors, bumpers of trucks). */
    public static Material chrome() {
        return cached("chrome", () -> b("chrome").baseColor(srgb(0.85, 0.85, 0.86)).metallic(1).roughness(0.15).build());
    }

    /** Dull painted or galvanised metal (poles, frames). */
    public static Material metal(String name, double r, double g, double bl) {
        return cached("metal_" + name, () -> b("metal_" + name).baseColor(srgb(r, g, bl)).metallic(0.8).roughness(0.45).build());
    }

    /** A matte, non-recolorable surface of one colour (stone, rubber mats). */
    public static Material matte(String name, double r, double g, double bl) {
        return cached("matte_" + name, () -> b(name).baseColor(srgb(r, g, bl)).roughness(0.85).build());
    }

    /** Matte black plastic (bumpers, trim, grilles). */
    public static Material trim() {
        return cached("trim", () -> b("trim").baseColor(srgb(0.05, 0.05, 0.05)).roughness(0.6).build());
    }

    /** Recolorable plastic (cones, chairs, cases), default {@code r, g, b} in sRGB. */
    public static Material plastic(String name, double r, double g, double bl) {
        return cached("plastic_" + name, () -> b("plastic_" + name).baseColor(srgb(r, g, bl)).roughness(0.45).recolorable(true).build());
    }

    /** Non-recolorable plastic (reflective bands, lamp housings). */
    public static Material fixedPlastic(String name, double r, double g, double bl) {
        return cached("fixed_" + name, () -> b("fixed_" + name).baseColor(srgb(r, g, bl)).roughness(0.45).build());
    }

    /** A light: emissive when on, dark glass when off. */
    public static Material lamp(String name, double r, double g, double bl, boolean on) {
        return cached("lamp_" + name + (on ? "_on" : "_off"), () -> on
                ? b("lamp_" + name + "_on").baseColor(srgb(r, g, bl)).emissive(srgb(r, g, bl).mul(4)).roughness(0.2).build()
                : b("lamp_" + name + "_off").baseColor(srgb(r * 0.15, g * 0.15, bl * 0.15)).roughness(0.2).build());
    }

    public static Material asphalt() {
        return cached("asphalt", () -> b("asphalt").baseColor(srgb(0.30, 0.30, 0.31)).baseColorTexture(Textures.asphalt()).normalTexture(Textures.asphaltNormal(), 1)
                .roughness(0.9).build());
    }

    public static Material concrete() {
        return cached("concrete", () -> b("concrete").baseColor(srgb(0.62, 0.61, 0.58)).baseColorTexture(Textures.concrete()).normalTexture(Textures.concreteNormal(), 1)
                .roughness(0.85).build());
    }

    /** Road paint: white or yellow, worn. */
    public static Material marking(boolean yellow) {
        return cached(yellow ? "marking_yellow" : "marking_white", () -> b(yellow ? "marking_yellow" : "marking_white")
                .baseColor(yellow ? srgb(0.95, 0.75, 0.1) : srgb(0.92, 0.92, 0.9)).baseColorTexture(Textures.paintWorn())
                .roughness(0.6).build());
    }

    public static Material brick() {
        return cached("brick", () -> b("brick").baseColor(srgb(0.9, 0.9, 0.9)).baseColorTexture(Textures.brick()).normalTexture(Textures.brickNormal(), 1)
                .roughness(0.9).recolorable(false).build());
    }

    /** Facade with windows, one tile per floor and bay; recolorable (tints the wall). */
    /** Emissive strength of a lit window (on the sun's scale; a dim interior seen from the street). */
    public static final double LIT_WINDOW_EMISSION = 1.5;

    /**
     * The facade as an atlas of {@link Textures#ATLAS_WINDOWS}² windows, {@code litCells} of them
     * lit (emissive, warm); the atlas repeats every that many bays and floors.
     */
    public static Material facadeLit(int litCells) {
        return cached("facade_lit_" + litCells, () -> b("facade_lit_" + litCells).baseColor(srgb(0.82, 0.78, 0.7))
                .baseColorTexture(Textures.facadeAtlas()).metallicRoughnessTexture(Textures.facadeAtlasRoughness())
                .emissive(new Vector3d(LIT_WINDOW_EMISSION)).emissiveTexture(Textures.facadeLitWindows(litCells))
                .metallic(0).roughness(1).recolorable(true).build());
    }

    public static Material facade() {
        return cached("facade", () -> b("facade").baseColor(srgb(0.82, 0.78, 0.7)).baseColorTexture(Textures.facade())
                .metallicRoughnessTexture(Textures.facadeRoughness()).metallic(0).roughness(1).recolorable(true).build());
    }

    public static Material bark() {
        return cached("bark", () -> b("bark").baseColor(srgb(0.42, 0.33, 0.25)).baseColorTexture(Textures.bark()).normalTexture(Textures.barkNormal(), 1).roughness(0.95).build());
    }

    /** Leaf clumps, cut out by alpha, seen from both sides. */
    public static Material leaves() {
        return cached("leaves", () -> b("leaves").baseColorTexture(Textures.leaves()).normalTexture(Textures.leavesNormal(), 1)
                .roughness(0.8).alpha(AlphaMode.MASK, 0.5).doubleSided(true).build());
    }

    /** Opaque foliage for crowns: leafy detail with a normal map. */
    public static Material foliage() {
        return cached("foliage", () -> b("foliage").baseColor(srgb(0.30, 0.45, 0.20)).baseColorTexture(Textures.foliage())
                .normalTexture(Textures.leavesNormal(), 1).roughness(0.85).build());
    }

    public static Material wood() {
        return cached("wood", () -> b("wood").baseColor(srgb(0.62, 0.45, 0.30)).baseColorTexture(Textures.wood()).roughness(0.6).recolorable(true).build());
    }

    /** A traffic sign face: the drawn image on a retro-reflective plate. */
    public static Material signFace(String kind) {
        return cached("sign_" + kind, () -> b("sign_" + kind).baseColorTexture(Textures.signFace(kind)).roughness(0.35).build());
    }

    /** Skin (not recolorable; clothes are). */
    public static Material skin() {
        return cached("skin", () -> b("skin").baseColor(srgb(0.80, 0.60, 0.48)).roughness(0.6).build());
    }

    /** Clothing fabric, recolorable. */
    public static Material cloth(String name, double r, double g, double bl) {
        return cached("cloth_" + name, () -> b("cloth_" + name).baseColor(srgb(r, g, bl)).roughness(0.9).recolorable(true).build());
    }

    /** Short animal fur, matte and recolorable, default {@code r, g, b} in sRGB. */
    public static Material fur(String name, double r, double g, double bl) {
        return cached("fur_" + name, () -> b("fur_" + name).baseColor(srgb(r, g, bl)).roughness(0.95).recolorable(true).build());
    }

    /** Glazed ceramic, recolorable. */
    public static Material ceramic() {
        return cached("ceramic", () -> b("ceramic").baseColor(srgb(0.9, 0.9, 0.88)).roughness(0.15).recolorable(true).build());
    }

    /** Bottle glass (green), blended. */
    public static Material bottleGlass() {
        return cached("bottle_glass", () -> b("bottle_glass").baseColorFactor(new Vector4d(srgb(0.2, 0.5, 0.25), 0.6)).roughness(0.05)
                .alpha(AlphaMode.BLEND, 0.5).recolorable(true).build());
    }

    /** Glossy recolorable paint for frames and small vehicles, default {@code r, g, b} in sRGB. */
    public static Material paint(String name, double r, double g, double bl) {
        return cached("paint_" + name, () -> b("paint_" + name).baseColor(srgb(r, g, bl)).metallic(0.3).roughness(0.35).recolorable(true).build());
    }

    /** Clear bottle plastic (PET), faintly blue, blended. */
    public static Material clearPlastic() {
        return cached("clear_plastic", () -> b("clear_plastic").baseColorFactor(new Vector4d(srgb(0.75, 0.85, 0.95), 0.35)).roughness(0.1)
                .alpha(AlphaMode.BLEND, 0.5).build());
    }

    /** A book's cover board, recolorable. */
    public static Material bookCover() {
        return cached("book_cover", () -> b("book_cover").baseColor(srgb(0.55, 0.12, 0.12)).roughness(0.7).recolorable(true).build());
    }

    /** Paper (book pages). */
    public static Material paper() {
        return cached("paper", () -> b("paper").baseColor(srgb(0.93, 0.91, 0.85)).roughness(0.95).build());
    }
}
