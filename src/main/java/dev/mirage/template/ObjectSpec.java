package dev.mirage.template;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of a template's {@code objects}: how many instances to place, what each is (one of the
 * entry's variants, by weight), and where (a pose, or a placement rule).
 *
 * <p>The model matrix of an instance is {@code T(position) · Ry(yawDeg) · Rz · Ry · Rx (rotationDeg) · S(scale · size)};
 * primitives are unit-sized and centred on their origin, so {@code size} is their extent in metres.
 *
 * @param pointer     JSON pointer of this entry, for errors found later (asset loading)
 * @param count       how many instances
 * @param variants    what an instance is; one when the entry names its shape or asset itself
 * @param position    where the origin goes, metres (ignored when {@code placement} is set)
 * @param rotationDeg Euler angles in degrees, applied X then Y then Z
 * @param yawDeg      extra turn about +Y in degrees, applied last (added to a placement's facing)
 * @param scale       per-axis scale factor
 * @param placement   where instances go when placed by rule (ground, region, lanes, path, in front
 *                    of the camera) with spacing and no overlap; null to use {@code position}
 */
public record ObjectSpec(String pointer, IntDist count, List<Variant> variants, Vec3Dist position, Vec3Dist rotationDeg,
                         NumberDist yawDeg, Vec3Dist scale, PlacementSpec placement, ThermalSpec thermal) {
    public ObjectSpec {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) throw new IllegalArgumentException("no variants");
        java.util.Objects.requireNonNull(thermal);
    }

    /** An entry with the thermal behaviour its category and materials give. */
    public ObjectSpec(String pointer, IntDist count, List<Variant> variants, Vec3Dist position, Vec3Dist rotationDeg,
                      NumberDist yawDeg, Vec3Dist scale, PlacementSpec placement) {
        this(pointer, count, variants, position, rotationDeg, yawDeg, scale, placement, ThermalSpec.NONE);
    }

    /**
     * An entry's {@code "thermal"}: what heat source its instances are and the ranges of their
     * state; null fields take the defaults ({@code dev.mirage.randomize.ThermalRandomizer}).
     *
     * @param kind           vehicle, person, animal or other; null to tell from the category and asset
     * @param runningMinutes how long a vehicle's engine has run
     * @param temperatureC   one surface temperature for every part (a calibration plate, say)
     * @param emissivity     one emissivity for every part
     * @param skinC          skin temperature of a person or animal
     */
    public record ThermalSpec(dev.mirage.scene.Thermal.Kind kind, NumberDist runningMinutes, NumberDist temperatureC,
                              NumberDist emissivity, NumberDist skinC) {
        public static final ThermalSpec NONE = new ThermalSpec(null, null, null, null, null);
    }

    /** The entry's only variant, or its first. */
    public Variant first() {
        return variants.get(0);
    }

    /**
     * What one instance is.
     *
     * @param pointer  JSON pointer of the variant (the entry's own when it has no {@code variants})
     * @param weight   relative weight among the entry's variants
     * @param name     the user's name, or null (meta files then name the shape or asset)
     * @param shape    a built-in shape, or null for an asset
     * @param asset    an asset file (resolved against the scene's folder), or null for a shape
     * @param node     for assets: the named node (with its children), or null for the whole file
     * @param category category name, or null for unlabeled scenery (instance id 0)
     * @param size     extent in metres for shapes, any vector form (shape parameters can vary); (1, 1, 1) for assets
     * @param color    sRGB colour, or null to keep an asset's own materials
     * @param material roughness, metalness, pattern and colour jitter
     * @param fields   JSON pointers of the size, color and material fields as written (a variant's own or
     *                 its entry's), for logs of drawn values
     * @param library  a built-in library asset ({@code "asset": "mirage:NAME"}) with its parameters, or null
     * @param import_  for assets: up axis, unit, fitted size and labeled parts
     */
    public record Variant(String pointer, double weight, String name, Shape shape, Path asset, String node, String category,
                          Vec3Dist size, ColorDist color, MaterialSpec material, java.util.Map<String, String> fields,
                          LibrarySpec library, AssetImport import_) {
        public Variant {
            fields = java.util.Map.copyOf(fields);
            java.util.Objects.requireNonNull(import_);
        }

        /** A shape or asset-file variant. */
        public Variant(String pointer, double weight, String name, Shape shape, Path asset, String node, String category,
                       Vec3Dist size, ColorDist color, MaterialSpec material, java.util.Map<String, String> fields) {
            this(pointer, weight, name, shape, asset, node, category, size, color, material, fields, null, AssetImport.NONE);
        }

        /** The pointer of field {@code name} as written, or where it would be in this variant. */
        public String field(String name) {
            return fields.getOrDefault(name, pointer + "/" + name);
        }
    }

    /**
     * How an asset is brought into the scene, beyond its pose.
     *
     * @param zUp     the file is authored +Z up (turned so its +Z becomes +Y)
     * @param unitM   metres per unit of the file
     * @param fitAxis the extent {@code fitM} sets, by uniform scale: "lengthM" (z), "widthM" (x),
     *                "heightM" (y) or "longestM"; null for no fitting
     * @param fitM    the extent in metres, any number form
     * @param parts   named nodes (or generated parts) labeled as instances of their own
     */
    public record AssetImport(boolean zUp, double unitM, String fitAxis, NumberDist fitM, List<Part> parts) {
        public static final AssetImport NONE = new AssetImport(false, 1, null, null, List.of());

        public AssetImport {
            parts = List.copyOf(parts);
        }

        /**
         * @param pointer  JSON pointer of the part's entry
         * @param node     the node (subtree) it covers
         * @param category its category name, or null to leave it unlabeled
         */
        public record Part(String pointer, String node, String category) {}
    }

    /**
     * Surface randomization of an entry.
     *
     * @param roughness     0 (mirror) .. 1 (matte)
     * @param metallic      0 .. 1
     * @param pattern       "none", "checker", "stripes" or "noise" (or a choice of them)
     * @param color2        the pattern's second colour
     * @param patternScaleM pattern cell size in metres of object space
     * @param jitterHueDeg  the base colour's hue moves by up to ± this (uniform)
     * @param jitterSaturation saturation moves by up to ± this (clamped to 0..1)
     * @param jitterValue   value (brightness) moves by up to ± this (clamped to 0..1)
     * @param texture       a texture pool: image files (absolute paths) of which each instance takes one,
     *                      tiled every {@code patternScaleM} metres; null for none (then {@code pattern} applies)
     */
    public record MaterialSpec(NumberDist roughness, NumberDist metallic, TextDist pattern, ColorDist color2,
                               NumberDist patternScaleM, double jitterHueDeg, double jitterSaturation, double jitterValue,
                               TextDist texture) {
        /** A matte surface, no pattern, no jitter. */
        public static final MaterialSpec DEFAULT = new MaterialSpec(new NumberDist.Constant(0.8), new NumberDist.Constant(0),
                new TextDist.Constant("none"), new ColorDist.Constant(0.2, 0.2, 0.2), new NumberDist.Constant(0.5), 0, 0, 0, null);

        /** Every image file the pool can pick. */
        public java.util.List<String> textures() {
            if (texture == null) return java.util.List.of();
            return texture instanceof TextDist.Choice c ? c.values() : java.util.List.of(((TextDist.Constant) texture).value());
        }

        /** True when it jitters colours. */
        public boolean jitters() {
            return jitterHueDeg > 0 || jitterSaturation > 0 || jitterValue > 0;
        }
    }

    /**
     * Where instances of an entry go, by rule. Exactly one area: {@code region} (a rectangle of the
     * ground), {@code lanes} (road lanes along +Z), {@code path} (a polyline) or {@code inFrontOfCamera}
     * (flying distractors at a distance inside the view). Ground-based areas rest each instance on
     * {@code groundY} (its lowest point touches it).
     *
     * @param pointer      JSON pointer, for errors
     * @param area         the area kind
     * @param regionMin    region: [minX, minZ]
     * @param regionMax    region: [maxX, maxZ]
     * @param laneCentersX lanes: each lane's centre x
     * @param laneHeadingDeg lanes: each lane's travel direction as a yaw (0 = facing +Z, 180 = −Z)
     * @param laneZ        lanes: [minZ, maxZ] of the stretch
     * @param laneJitterM  lanes: sideways offset from the lane centre, up to ± this
     * @param path         path: points [x, y, z] of the polyline
     * @param distanceM    inFrontOfCamera: distance from the camera along the view ray
     * @param marginPx     inFrontOfCamera: keep object centres this many pixels inside the image
     * @param groundY      height of the ground
     * @param onGround     rest instances on the ground (false: region and lane instances put their origin at groundY)
     * @param minSpacingM  smallest gap between the footprints of placed instances
     * @param noOverlap    refuse overlapping footprints (with every placed instance of any entry)
     * @param facing       "none", "lane", "path", "camera" or "random"
     * @param facingJitterDeg added to the facing yaw
     * @param maxTries     attempts per instance before the frame fails
     * @param skipWhenFull leave out an instance that finds no room in {@code maxTries} instead of failing
     */
    public record PlacementSpec(String pointer, Area area, double[] regionMin, double[] regionMax, double[] laneCentersX,
                                double[] laneHeadingDeg, double[] laneZ, double laneJitterM, double[][] path,
                                NumberDist distanceM, double marginPx, double groundY, boolean onGround, double minSpacingM,
                                boolean noOverlap, String facing, NumberDist facingJitterDeg, int maxTries,
                                boolean skipWhenFull) {
        /** Area kinds. */
        public enum Area { REGION, LANES, PATH, IN_FRONT_OF_CAMERA }
    }

    /**
     * Built-in unit shapes. {@code PERSON} is a standing pedestrian 1 m tall, wide and deep (scale it
     * with {@code size}, e.g. [0.5, 1.75, 0.3]), facing +Z, labeled with COCO person keypoints.
     */
    public enum Shape { BOX, SPHERE, CYLINDER, CONE, PLANE, PERSON }

    /**
     * A built-in library asset and how its shape parameters are drawn per instance.
     *
     * @param name     the generator's name, without {@code mirage:}
     * @param params   by parameter name: a {@link NumberDist}, {@link IntDist} (whole numbers) or {@link TextDist}
     * @param pointer  where {@code params} is (for logs of drawn values)
     */
    public record LibrarySpec(String name, java.util.SortedMap<String, Object> params, String pointer) {
        public LibrarySpec {
            params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
        }
    }
}
