package dev.mirage.infrared;

import dev.mirage.scene.Thermal;
import java.util.Locale;

/**
 * The thermal and near-infrared behaviour of a kind of surface: its emissivity at normal incidence
 * (LWIR), its reflectance in the near infrared (NaN: taken from the visible albedo), how many
 * kelvin full sun adds to a black surface of it, how much heat it stores above the air, and which
 * rule sets its temperature ({@link SurfaceTemperature}). Values are typical ones from the
 * thermal-imaging literature (emissivity tables of skin 0.98, asphalt 0.95, glass 0.85–0.92,
 * polished metal under 0.1; vegetation's red edge above 0.45 in the NIR).
 *
 * <p>A part's class comes from its material's name ({@link #of}); the README's table lists the words.
 */
public enum ThermalClass {
    //                 emissivity, NIR reflectance, sun gain K, stored K
    SKIN(0.98, 0.50, 0, 0),
    CLOTHING(0.90, 0.60, 6, 0),
    HAIR(0.95, 0.35, 6, 0),
    BODY(0.95, 0.50, 4, 0),
    FUR(0.95, 0.45, 6, 0),
    TYRE(0.95, 0.06, 20, 0),
    ENGINE(0.80, 0.10, 10, 0),
    LAMP(0.90, Double.NaN, 10, 0),
    GLASS(0.85, 0.08, 8, 1),
    PAINT(0.90, Double.NaN, 18, 0),
    PLASTIC(0.92, Double.NaN, 14, 0),
    METAL(0.35, 0.55, 12, 0),
    POLISHED_METAL(0.08, 0.80, 8, 0),
    ASPHALT(0.95, 0.10, 26, 3),
    MARKING(0.90, 0.60, 20, 3),
    CONCRETE(0.92, 0.35, 16, 2),
    MASONRY(0.93, 0.35, 14, 1.5),
    WOOD(0.92, 0.45, 10, 0.5),
    VEGETATION(0.97, 0.50, 3, -1),
    SIGN(0.90, 0.70, 12, 0),
    WATER(0.98, 0.02, 2, 0),
    SNOW(0.99, 0.70, 0, 0),
    DEFAULT(0.90, Double.NaN, 12, 0);

    private final double emissivity;
    private final double nirReflectance;
    private final double sunGainK;
    private final double storedK;

    ThermalClass(double emissivity, double nirReflectance, double sunGainK, double storedK) {
        this.emissivity = emissivity;
        this.nirReflectance = nirReflectance;
        this.sunGainK = sunGainK;
        this.storedK = storedK;
    }

    public double emissivity() { return emissivity; }
    /** Reflectance at the NIR camera's wavelength, or NaN to use the visible albedo's luminance. */
    public double nirReflectance() { return nirReflectance; }
    /** Kelvin full overhead sun adds to a black, sun-facing, unshadowed surface of this class. */
    public double sunGainK() { return sunGainK; }
    /** Kelvin above the air a surface of this class keeps from earlier sun (asphalt after dusk). */
    public double storedK() { return storedK; }

    /**
     * The class of a part by its material's name, else (for objects that are not people, animals or
     * vehicles) by its object's name, else by what its object is.
     */
    public static ThermalClass of(String materialName, String objectName, Thermal.Kind kind) {
        ThermalClass byMaterial = byName(materialName);
        if (byMaterial != null) return byMaterial;
        ThermalClass byObject = kind == Thermal.Kind.OTHER ? byName(objectName) : null;
        if (byObject != null) return byObject;
        return switch (kind) {
            case PERSON -> BODY;
            case ANIMAL -> FUR;
            case VEHICLE -> PAINT;
            case OTHER -> DEFAULT;
        };
    }

    /** The class a name's words suggest, or null. */
    private static ThermalClass byName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("skin")) return SKIN;
        if (n.contains("hair")) return HAIR;
        if (n.contains("fur")) return FUR;
        if (containsAny(n, "cloth", "shirt", "trousers", "jersey", "jacket", "fabric", "coat", "dress")) return CLOTHING;
        if (containsAny(n, "rubber", "tyre", "tire")) return TYRE;
        if (containsAny(n, "engine", "drivetrain", "exhaust", "muffler")) return ENGINE;
        if (n.startsWith("lamp_")) return n.endsWith("_on") ? LAMP : PLASTIC;
        if (containsAny(n, "glass", "window", "windshield", "windscreen")) return GLASS;
        if (n.contains("trim")) return PLASTIC;
        if (containsAny(n, "chrome", "rim", "polished", "mirror")) return POLISHED_METAL;
        if (n.contains("marking")) return MARKING;
        if (containsAny(n, "asphalt", "road", "tarmac")) return ASPHALT;
        if (containsAny(n, "concrete", "granite", "sidewalk", "pavement", "curb", "kerb", "stone")) return CONCRETE;
        if (containsAny(n, "brick", "facade", "wall", "plaster", "building", "house")) return MASONRY;
        if (containsAny(n, "leaves", "leaf", "foliage", "grass", "hedge", "vegetation", "tree", "field", "lawn")) return VEGETATION;
        if (containsAny(n, "bark", "wood")) return WOOD;
        if (containsAny(n, "sign", "reflective")) return SIGN;
        if (n.contains("water")) return WATER;
        if (n.contains("snow")) return SNOW;
        if (containsAny(n, "metal", "steel", "alumin", "iron")) return METAL;
        if (n.contains("paint")) return PAINT;
        if (containsAny(n, "plastic", "fixed_", "ceramic", "paper", "book")) return PLASTIC;
        return null;
    }

    private static boolean containsAny(String s, String... words) {
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }
}
