package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.library.Generator;
import dev.mirage.asset.library.ParamException;
import dev.mirage.asset.library.ParamSpec;
import dev.mirage.template.ObjectSpec.MaterialSpec;
import dev.mirage.template.ObjectSpec.PlacementSpec;
import dev.mirage.template.ObjectSpec.Shape;
import dev.mirage.template.ObjectSpec.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one entry of {@code objects}: its count and pose or placement, and what it places — named by
 * the entry itself or by its weighted {@code variants}, whose fields fall back to the entry's. Checks
 * that an asset file exists where {@link AssetPaths} allows; what is inside it is checked when the
 * asset is loaded.
 */
final class ObjectReader {
    private static final Set<String> WHAT = Set.of("name", "shape", "asset", "params", "node", "category", "size", "color",
            "material", "upAxis", "unitM", "fit", "parts");
    static final List<String> FIT_AXES = List.of("lengthM", "widthM", "heightM", "longestM");
    private static final Set<String> FIELDS = union(WHAT, Set.of("count", "position", "rotationDeg", "yawDeg", "scale",
            "placement", "variants", "thermal"));
    /** Most instances one entry may place in a frame. */
    static final int MAX_COUNT = 10_000;
    static final List<String> PATTERNS = List.of("none", "checker", "stripes", "noise");
    static final List<String> FACINGS = List.of("none", "lane", "path", "camera", "random");

    private final NodeReader in;
    private final DistributionReader dist;
    private final Path sceneFile;
    private final AssetPaths paths;

    ObjectReader(NodeReader in, DistributionReader dist, Path sceneFile, AssetPaths paths) {
        this.in = in;
        this.dist = dist;
        this.sceneFile = sceneFile;
        this.paths = paths;
    }

    ObjectSpec read(JsonNode entry, String p, Set<String> categoryNames) {
        JsonNode o = in.object(entry, p, FIELDS);
        if (o == null) return null;
        int errorsBefore = in.errors().size();
        List<Variant> variants = new ArrayList<>();
        if (o.has("variants")) {
            if (o.has("shape") || o.has("asset"))
                in.error(p + "/variants", "expected \"shape\"/\"asset\" in each variant, not beside \"variants\"");
            List<Variant> read = in.list(o.get("variants"), p + "/variants", e -> variant(e.node(), e.pointer(), o, p, categoryNames));
            if (read != null && read.isEmpty() && o.get("variants").isEmpty()) in.error(p + "/variants", "expected at least one variant");
            if (read != null) variants.addAll(read);
            if (variants.stream().mapToDouble(Variant::weight).sum() <= 0 && !variants.isEmpty())
                in.error(p + "/variants", "expected weights summing to more than 0");
        } else {
            Variant v = what(o, p, null, null, 1, categoryNames);
            if (v != null) variants.add(v);
        }
        IntDist count = o.has("count") ? dist.integer(o.get("count"), p + "/count", 0, MAX_COUNT) : new IntDist.Constant(1);
        Vec3Dist position = o.has("position") ? dist.vector3(o.get("position"), p + "/position") : new Vec3Dist.Constant(0, 0, 0);
        Vec3Dist rotation = o.has("rotationDeg") ? dist.vector3(o.get("rotationDeg"), p + "/rotationDeg")
                : new Vec3Dist.Constant(0, 0, 0);
        NumberDist yaw = o.has("yawDeg") ? dist.number(o.get("yawDeg"), p + "/yawDeg", -3600, 3600, "an angle in degrees")
                : new NumberDist.Constant(0);
        Vec3Dist scale = o.has("scale") ? scale(o.get("scale"), p + "/scale") : new Vec3Dist.Constant(1, 1, 1);
        PlacementSpec placement = null;
        if (o.has("placement")) {
            if (o.has("position")) in.error(p + "/position", "expected either \"position\" or \"placement\", not both");
            placement = placement(o.get("placement"), p + "/placement");
        }
        ObjectSpec.ThermalSpec thermal = o.has("thermal") ? thermal(o.get("thermal"), p + "/thermal") : ObjectSpec.ThermalSpec.NONE;
        if (in.errors().size() > errorsBefore) return null;
        return new ObjectSpec(p, count, variants, position, rotation, yaw, scale, placement, thermal);
    }

    /** {@code {"kind"?, "runningMinutes"?, "temperatureC"?, "emissivity"?, "skinC"?}}, each number a number form. */
    private ObjectSpec.ThermalSpec thermal(JsonNode node, String p) {
        JsonNode t = in.object(node, p, Set.of("kind", "runningMinutes", "temperatureC", "emissivity", "skinC"));
        if (t == null) return null;
        dev.mirage.scene.Thermal.Kind kind = null;
        if (t.has("kind")) {
            String k = in.text(t.get("kind"), p + "/kind");
            if (k != null) {
                try {
                    kind = dev.mirage.scene.Thermal.Kind.valueOf(k.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    in.error(p + "/kind", "expected \"vehicle\", \"person\", \"animal\" or \"other\", got \"" + k + "\"");
                }
            }
        }
        NumberDist running = t.has("runningMinutes")
                ? dist.number(t.get("runningMinutes"), p + "/runningMinutes", 0, 1e5, "minutes, 0..100000") : null;
        NumberDist temperature = t.has("temperatureC")
                ? dist.number(t.get("temperatureC"), p + "/temperatureC", -100, 1000, "a temperature in °C, -100..1000") : null;
        NumberDist emissivity = t.has("emissivity")
                ? dist.number(t.get("emissivity"), p + "/emissivity", 0, 1, "an emissivity, 0..1") : null;
        NumberDist skin = t.has("skinC") ? dist.number(t.get("skinC"), p + "/skinC", 20, 45, "a temperature in °C, 20..45") : null;
        return new ObjectSpec.ThermalSpec(kind, running, temperature, emissivity, skin);
    }

    private Variant variant(JsonNode node, String vp, JsonNode entry, String ep, Set<String> categoryNames) {
        JsonNode v = in.object(node, vp, union(WHAT, Set.of("weight")));
        if (v == null) return null;
        Double weight = v.has("weight") ? in.number(v.get("weight"), vp + "/weight", 0, 1e12, "a weight in 0..1e12") : Double.valueOf(1);
        if (weight == null) return null;
        return what(v, vp, entry, ep, weight, categoryNames);
    }

    /**
     * The "what" fields of {@code o} at {@code p}, each falling back to {@code fallback} at {@code fp}
     * (the entry, for a variant) when absent.
     */
    private Variant what(JsonNode o, String p, JsonNode fallback, String fp, double weight, Set<String> categoryNames) {
        int errorsBefore = in.errors().size();
        Field nameF = field(o, p, fallback, fp, "name");
        String name = nameF == null ? null : in.text(nameF.node, nameF.pointer);
        Field shapeF = field(o, p, fallback, fp, "shape"), assetF = field(o, p, fallback, fp, "asset");
        Shape shape = null;
        Path asset = null;
        Field paramsF = field(o, p, fallback, fp, "params");
        ObjectSpec.LibrarySpec library = null;
        boolean isLibrary = assetF != null && assetF.node.isTextual() && AssetCatalog.isLibraryRef(assetF.node.asText());
        if (paramsF != null && !isLibrary) in.error(paramsF.pointer, "expected only with a built-in asset (\"asset\": \"mirage:NAME\")");
        if ((shapeF == null) == (assetF == null)) {
            in.error(p, "expected exactly one of \"shape\" or \"asset\"");
        } else if (shapeF != null) {
            shape = shape(shapeF.node, shapeF.pointer);
        } else if (isLibrary) {
            library = library(assetF, paramsF);
        } else {
            asset = asset(assetF.node, assetF.pointer);
        }
        String node = null;
        Field nodeF = field(o, p, fallback, fp, "node");
        if (nodeF != null) {
            if (assetF == null || isLibrary) in.error(nodeF.pointer, "expected only with an asset file");
            node = in.text(nodeF.node, nodeF.pointer);
        }
        String category = null;
        Field catF = field(o, p, fallback, fp, "category");
        if (catF != null) {
            category = in.text(catF.node, catF.pointer);
            if (category != null && !categoryNames.contains(category))
                in.error(catF.pointer, "expected a name from /categories (" + String.join(", ",
                        categoryNames.stream().sorted().toList()) + "), got \"" + category + "\"");
        }
        Field sizeF = field(o, p, fallback, fp, "size");
        Vec3Dist size = new Vec3Dist.Constant(1, 1, 1);
        if (sizeF != null) {
            if (shapeF == null) {
                if (assetF != null) in.error(sizeF.pointer, "expected only with \"shape\" (use \"scale\" for assets)");
            } else {
                size = size(sizeF.node, sizeF.pointer, shape);
            }
        }
        Field colorF = field(o, p, fallback, fp, "color");
        ColorDist color = colorF != null ? dist.color(colorF.node, colorF.pointer)
                : shapeF != null ? new ColorDist.Constant(0.7, 0.7, 0.7) : null;
        Field materialF = field(o, p, fallback, fp, "material");
        MaterialSpec material = materialF == null ? MaterialSpec.DEFAULT : material(materialF.node, materialF.pointer);
        ObjectSpec.AssetImport import_ = assetImport(o, p, fallback, fp, assetF != null, isLibrary, categoryNames);
        if (in.errors().size() > errorsBefore) return null;
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        if (sizeF != null) fields.put("size", sizeF.pointer);
        if (colorF != null) fields.put("color", colorF.pointer);
        if (materialF != null) fields.put("material", materialF.pointer);
        if (assetF != null) fields.put("asset", assetF.pointer);
        Field fitF = field(o, p, fallback, fp, "fit");
        if (fitF != null) fields.put("fit", fitF.pointer + "/" + fitF.node.fieldNames().next());
        return new Variant(p, weight, name, shape, asset, node, category, size, color, material, fields, library, import_);
    }

    /** {@code upAxis}, {@code unitM}, {@code fit} and {@code parts}: fields of assets only. */
    private ObjectSpec.AssetImport assetImport(JsonNode o, String p, JsonNode fallback, String fp, boolean isAsset,
                                              boolean isLibrary, Set<String> categoryNames) {
        Field upF = field(o, p, fallback, fp, "upAxis"), unitF = field(o, p, fallback, fp, "unitM");
        Field fitF = field(o, p, fallback, fp, "fit"), partsF = field(o, p, fallback, fp, "parts");
        if (!isAsset) {
            for (Field f : new Field[] {upF, unitF, fitF, partsF})
                if (f != null) in.error(f.pointer, "expected only with \"asset\"");
            return ObjectSpec.AssetImport.NONE;
        }
        if (isLibrary) // built-in assets are made +Y up in metres; their size is set by their parameters
            for (Field f : new Field[] {upF, unitF})
                if (f != null) in.error(f.pointer, "expected only with an asset file, not a built-in asset");
        boolean zUp = false;
        if (upF != null) {
            String up = in.text(upF.node, upF.pointer);
            if (up != null && !up.equals("y") && !up.equals("z")) in.error(upF.pointer, "expected \"y\" or \"z\", got \"" + up + "\"");
            zUp = "z".equals(up);
        }
        Double unit = unitF == null ? Double.valueOf(1) : in.number(unitF.node, unitF.pointer, 1e-6, 1e6,
                "metres per unit of the file, e.g. 0.01 for centimetres");
        String fitAxis = null;
        NumberDist fitM = null;
        if (fitF != null) {
            JsonNode fit = in.object(fitF.node, fitF.pointer, Set.copyOf(FIT_AXES));
            if (fit != null && fit.size() != 1) {
                in.error(fitF.pointer, "expected exactly one of " + FIT_AXES);
            } else if (fit != null) {
                fitAxis = fit.fieldNames().next();
                fitM = dist.number(fit.get(fitAxis), fitF.pointer + "/" + fitAxis, 1e-4, 1e5, "an extent in metres");
            }
        }
        List<ObjectSpec.AssetImport.Part> parts = List.of();
        if (partsF != null) {
            List<ObjectSpec.AssetImport.Part> read = in.list(partsF.node, partsF.pointer, e -> part(e.node(), e.pointer(), categoryNames));
            if (read != null) parts = read;
            Set<String> seen = new HashSet<>();
            for (ObjectSpec.AssetImport.Part part : parts)
                if (part != null && !seen.add(part.node())) in.error(part.pointer() + "/node", "expected each node once, got \"" + part.node() + "\" again");
        }
        return new ObjectSpec.AssetImport(zUp, unit == null ? 1 : unit, fitAxis, fitM, parts);
    }

    private ObjectSpec.AssetImport.Part part(JsonNode node, String p, Set<String> categoryNames) {
        JsonNode o = in.object(node, p, Set.of("node", "category"));
        if (o == null) return null;
        if (!o.has("node")) {
            in.error(p + "/node", "expected the name of a node (or part) of the asset");
            return null;
        }
        String name = in.text(o.get("node"), p + "/node");
        String category = null;
        if (o.has("category")) {
            category = in.text(o.get("category"), p + "/category");
            if (category != null && !categoryNames.contains(category))
                in.error(p + "/category", "expected a name from /categories (" + String.join(", ",
                        categoryNames.stream().sorted().toList()) + "), got \"" + category + "\"");
        }
        return name == null ? null : new ObjectSpec.AssetImport.Part(p, name, category);
    }

    /** A built-in asset: its name checked against the catalog, each parameter read as a number, whole number or word in its range. */
    private ObjectSpec.LibrarySpec library(Field assetF, Field paramsF) {
        String name = assetF.node.asText().substring(AssetCatalog.PREFIX.length());
        Generator generator;
        try {
            generator = AssetCatalog.standard().get(name);
        } catch (ParamException e) {
            in.error(assetF.pointer, e.getMessage());
            return null;
        }
        java.util.SortedMap<String, Object> params = new java.util.TreeMap<>();
        String pp = paramsF == null ? NodeReader.child(assetF.pointer.substring(0, assetF.pointer.lastIndexOf('/')), "params") : paramsF.pointer;
        if (paramsF != null) {
            if (!paramsF.node.isObject()) {
                in.error(pp, "expected an object of parameters (" + String.join(", ", generator.params().stream().map(ParamSpec::name).toList()) + ")");
                return null;
            }
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = paramsF.node.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                String q = NodeReader.child(pp, e.getKey());
                ParamSpec spec = generator.params().stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
                if (spec == null) {
                    in.error(q, "mirage:" + name + " has no parameter \"" + e.getKey() + "\"; its parameters are "
                            + String.join(", ", generator.params().stream().map(ParamSpec::name).toList()));
                    continue;
                }
                Object d = spec.isChoice() ? dist.text(e.getValue(), q, spec.choices())
                        : spec.whole() ? dist.integer(e.getValue(), q, (int) spec.min(), (int) spec.max())
                        : dist.number(e.getValue(), q, spec.min(), spec.max(), spec.range() + " (" + spec.doc() + ")");
                if (d != null) params.put(spec.name(), d);
            }
        }
        return new ObjectSpec.LibrarySpec(name, params, pp);
    }

    private record Field(JsonNode node, String pointer) {}

    private static Field field(JsonNode o, String p, JsonNode fallback, String fp, String name) {
        if (o.has(name)) return new Field(o.get(name), NodeReader.child(p, name));
        if (fallback != null && fallback.has(name)) return new Field(fallback.get(name), NodeReader.child(fp, name));
        return null;
    }

    private MaterialSpec material(JsonNode node, String p) {
        JsonNode o = in.object(node, p, Set.of("roughness", "metallic", "pattern", "color2", "patternScaleM", "colorJitter", "texture"));
        if (o == null) return null;
        MaterialSpec d = MaterialSpec.DEFAULT;
        NumberDist roughness = o.has("roughness") ? dist.number(o.get("roughness"), p + "/roughness", 0, 1, "a roughness in 0..1") : d.roughness();
        NumberDist metallic = o.has("metallic") ? dist.number(o.get("metallic"), p + "/metallic", 0, 1, "a metalness in 0..1") : d.metallic();
        TextDist pattern = o.has("pattern") ? dist.text(o.get("pattern"), p + "/pattern", PATTERNS) : d.pattern();
        ColorDist color2 = o.has("color2") ? dist.color(o.get("color2"), p + "/color2") : d.color2();
        NumberDist scale = o.has("patternScaleM")
                ? dist.number(o.get("patternScaleM"), p + "/patternScaleM", 1e-4, 1e4, "a cell size in metres, > 0") : d.patternScaleM();
        double hue = 0, sat = 0, val = 0;
        if (o.has("colorJitter")) {
            String q = p + "/colorJitter";
            JsonNode j = in.object(o.get("colorJitter"), q, Set.of("hueDeg", "saturation", "value"));
            if (j == null) return null;
            Double h = j.has("hueDeg") ? in.number(j.get("hueDeg"), q + "/hueDeg", 0, 180, "a hue shift in degrees, 0..180") : Double.valueOf(0);
            Double s = j.has("saturation") ? in.number(j.get("saturation"), q + "/saturation", 0, 1, "a shift in 0..1") : Double.valueOf(0);
            Double v = j.has("value") ? in.number(j.get("value"), q + "/value", 0, 1, "a shift in 0..1") : Double.valueOf(0);
            if (h == null || s == null || v == null) return null;
            hue = h;
            sat = s;
            val = v;
        }
        TextDist texture = null;
        if (o.has("texture")) {
            if (o.has("pattern")) in.error(p + "/texture", "expected either \"texture\" or \"pattern\", not both");
            texture = texturePool(o.get("texture"), p + "/texture");
            if (texture == null) return null;
        }
        if (roughness == null || metallic == null || pattern == null || color2 == null || scale == null) return null;
        return new MaterialSpec(roughness, metallic, pattern, color2, scale, hue, sat, val, texture);
    }

    /** An image file, or a (weighted) choice of them: each resolved against the scene's folder and checked to exist. */
    private TextDist texturePool(JsonNode node, String p) {
        if (node.isObject()) {
            DistributionReader.Choice<String> c = dist.choice(node.path("choice"), p + "/choice", e -> imageFile(e.node(), e.pointer()));
            if (node.size() != 1 || !node.has("choice")) {
                in.error(p, "expected an image file or {\"choice\": [files]}");
                return null;
            }
            return c == null ? null : new TextDist.Choice(c.values(), c.weights());
        }
        String file = imageFile(node, p);
        return file == null ? null : new TextDist.Constant(file);
    }

    private String imageFile(JsonNode node, String p) {
        Path file = asset(node, p);
        return file == null ? null : file.toString();
    }

    private PlacementSpec placement(JsonNode node, String p) {
        JsonNode o = in.object(node, p, Set.of("region", "lanes", "path", "inFrontOfCamera", "groundY", "onGround",
                "minSpacingM", "noOverlap", "facing", "facingJitterDeg", "maxTries", "whenFull"));
        if (o == null) return null;
        List<String> areas = new ArrayList<>();
        for (String a : List.of("region", "lanes", "path", "inFrontOfCamera")) if (o.has(a)) areas.add(a);
        if (areas.size() != 1) {
            in.error(p, "expected exactly one of \"region\", \"lanes\", \"path\" or \"inFrontOfCamera\", got "
                    + (areas.isEmpty() ? "none" : String.join(", ", areas)));
            return null;
        }
        int errorsBefore = in.errors().size();
        double[] rMin = null, rMax = null, centers = null, headings = null, laneZ = null;
        double laneJitter = 0, margin = 0;
        double[][] path = null;
        NumberDist distance = null;
        PlacementSpec.Area area;
        String facingDefault = "none";
        switch (areas.get(0)) {
            case "region" -> {
                area = PlacementSpec.Area.REGION;
                String q = p + "/region";
                JsonNode r = in.object(o.get("region"), q, Set.of("min", "max"));
                if (r != null) {
                    rMin = pair(r.get("min"), q + "/min", "[minX, minZ]");
                    rMax = pair(r.get("max"), q + "/max", "[maxX, maxZ]");
                    if (rMin != null && rMax != null && (rMin[0] >= rMax[0] || rMin[1] >= rMax[1]))
                        in.error(q, "expected min < max in both x and z, got min " + Arrays.toString(rMin) + " max " + Arrays.toString(rMax));
                }
            }
            case "lanes" -> {
                area = PlacementSpec.Area.LANES;
                facingDefault = "lane";
                String q = p + "/lanes";
                JsonNode l = in.object(o.get("lanes"), q, Set.of("centersX", "headingDeg", "z", "jitterM"));
                if (l != null) {
                    centers = numbers(l.get("centersX"), q + "/centersX", -1e6, 1e6, "a lane centre x in metres");
                    headings = l.has("headingDeg") ? numbers(l.get("headingDeg"), q + "/headingDeg", -360, 360, "a heading in degrees")
                            : centers == null ? null : new double[centers.length];
                    if (centers != null && headings != null && centers.length != headings.length)
                        in.error(q + "/headingDeg", "expected " + centers.length + " headings, one per lane, got " + headings.length);
                    laneZ = pair(l.get("z"), q + "/z", "[minZ, maxZ]");
                    if (laneZ != null && laneZ[0] >= laneZ[1]) in.error(q + "/z", "expected minZ < maxZ, got " + Arrays.toString(laneZ));
                    if (l.has("jitterM")) {
                        Double j = in.number(l.get("jitterM"), q + "/jitterM", 0, 100, "a sideways jitter in metres >= 0");
                        if (j != null) laneJitter = j;
                    }
                }
            }
            case "path" -> {
                area = PlacementSpec.Area.PATH;
                facingDefault = "path";
                path = polyline(o.get("path"), p + "/path");
            }
            default -> {
                area = PlacementSpec.Area.IN_FRONT_OF_CAMERA;
                facingDefault = "random";
                String q = p + "/inFrontOfCamera";
                JsonNode f = in.object(o.get("inFrontOfCamera"), q, Set.of("distanceM", "marginPx"));
                if (f != null) {
                    distance = dist.number(f.get("distanceM"), q + "/distanceM", 1e-3, 1e6, "a distance in metres > 0");
                    if (f.has("marginPx")) {
                        Double m = in.number(f.get("marginPx"), q + "/marginPx", 0, 1e5, "a margin in pixels >= 0");
                        if (m != null) margin = m;
                    }
                }
            }
        }
        double groundY = 0;
        if (o.has("groundY")) {
            Double g = in.number(o.get("groundY"), p + "/groundY");
            if (g != null) groundY = g;
        }
        boolean onGround = area != PlacementSpec.Area.IN_FRONT_OF_CAMERA && area != PlacementSpec.Area.PATH;
        if (o.has("onGround")) onGround = bool(o.get("onGround"), p + "/onGround", onGround);
        double spacing = 0;
        if (o.has("minSpacingM")) {
            Double s = in.number(o.get("minSpacingM"), p + "/minSpacingM", 0, 1e4, "a spacing in metres >= 0");
            if (s != null) spacing = s;
        }
        boolean noOverlap = o.has("noOverlap") ? bool(o.get("noOverlap"), p + "/noOverlap", true) : area != PlacementSpec.Area.IN_FRONT_OF_CAMERA;
        if (!noOverlap && spacing > 0)
            in.error(p + "/minSpacingM", "expected only with \"noOverlap\": true (instances that may overlap keep no spacing)");
        String facing = facingDefault;
        if (o.has("facing")) {
            String f = in.text(o.get("facing"), p + "/facing");
            if (f != null && !FACINGS.contains(f)) in.error(p + "/facing", "expected one of " + FACINGS + ", got \"" + f + "\"");
            else if (f != null) facing = f;
            if ("lane".equals(f) && area != PlacementSpec.Area.LANES) in.error(p + "/facing", "expected \"lane\" only with \"lanes\"");
            if ("path".equals(f) && area != PlacementSpec.Area.PATH) in.error(p + "/facing", "expected \"path\" only with \"path\"");
        }
        NumberDist jitter = o.has("facingJitterDeg")
                ? dist.number(o.get("facingJitterDeg"), p + "/facingJitterDeg", -360, 360, "an angle in degrees") : new NumberDist.Constant(0);
        int tries = 100;
        if (o.has("maxTries")) {
            Integer t = in.integer(o.get("maxTries"), p + "/maxTries", 1, 100_000);
            if (t != null) tries = t;
        }
        boolean skip = false;
        if (o.has("whenFull")) {
            String w = in.text(o.get("whenFull"), p + "/whenFull");
            if ("skip".equals(w)) skip = true;
            else if (w != null && !w.equals("fail")) in.error(p + "/whenFull", "expected \"fail\" or \"skip\", got \"" + w + "\"");
        }
        if (in.errors().size() > errorsBefore || jitter == null) return null;
        return new PlacementSpec(p, area, rMin, rMax, centers, headings, laneZ, laneJitter, path, distance, margin, groundY,
                onGround, spacing, noOverlap, facing, jitter, tries, skip);
    }

    private boolean bool(JsonNode node, String p, boolean fallback) {
        if (node.isBoolean()) return node.booleanValue();
        in.error(p, "expected true or false, got " + NodeReader.describe(node));
        return fallback;
    }

    private double[] pair(JsonNode node, String p, String expected) {
        if (node == null || !node.isArray() || node.size() != 2) {
            in.error(p, "expected " + expected + ", got " + NodeReader.describe(node));
            return null;
        }
        Double a = in.number(node.get(0), p + "/0"), b = in.number(node.get(1), p + "/1");
        return a == null || b == null ? null : new double[] {a, b};
    }

    private double[] numbers(JsonNode node, String p, double min, double max, String expected) {
        List<Double> values = in.list(node, p, e -> in.number(e.node(), e.pointer(), min, max, expected));
        if (values == null || values.size() != node.size()) return null;
        if (values.isEmpty()) { in.error(p, "expected at least one value"); return null; }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** At least two [x, y, z] points, consecutive ones apart. */
    double[][] polyline(JsonNode node, String p) {
        List<Vec3Dist.Constant> points = in.list(node, p, e -> dist.vector(e.node(), e.pointer()));
        if (points == null || points.size() != node.size()) return null;
        if (points.size() < 2) { in.error(p, "expected at least two points [x, y, z]"); return null; }
        double[][] out = new double[points.size()][];
        for (int i = 0; i < out.length; i++) {
            var c = points.get(i);
            out[i] = new double[] {c.x(), c.y(), c.z()};
            if (i > 0 && Math.abs(out[i][0] - out[i - 1][0]) + Math.abs(out[i][1] - out[i - 1][1]) + Math.abs(out[i][2] - out[i - 1][2]) == 0) {
                in.error(NodeReader.child(p, i), "expected a point apart from the previous one");
                return null;
            }
        }
        return out;
    }

    private Shape shape(JsonNode node, String p) {
        String s = in.text(node, p);
        if (s == null) return null;
        try {
            return Shape.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.error(p, "expected one of " + Arrays.stream(Shape.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()
                    + ", got \"" + s + "\"");
            return null;
        }
    }

    private Path asset(JsonNode node, String p) {
        String s = in.text(node, p);
        if (s == null) return null;
        AssetPaths.Resolved r = paths.resolve(sceneFile.toAbsolutePath().getParent(), s);
        if (r.problem() != null) in.error(p, r.problem());
        return r.file();
    }

    /** Size of a shape in metres: [x, y, z], or [x, z] for a plane; each component any number form > 0. */
    private Vec3Dist size(JsonNode n, String q, Shape shape) {
        if (shape == Shape.PLANE) {
            if (!n.isArray() || n.size() != 2) {
                in.error(q, "expected [x, z] in metres for a plane, got " + NodeReader.describe(n));
                return null;
            }
            NumberDist x = dist.number(n.get(0), q + "/0", 1e-6, 1e6, "a size > 0");
            NumberDist z = dist.number(n.get(1), q + "/1", 1e-6, 1e6, "a size > 0");
            if (x == null || z == null) return null;
            if (x.fixed() && z.fixed()) return new Vec3Dist.Constant(x.min(), 1, z.min());
            return new Vec3Dist.PerAxis(x, new NumberDist.Constant(1), z);
        }
        if (!n.isArray() || n.size() != 3) {
            in.error(q, "expected [x, y, z] in metres, got " + NodeReader.describe(n));
            return null;
        }
        return dist.vector3(n, q, 1e-6, 1e6, "a size > 0");
    }

    /** A uniform scale (any number form) or per-axis [x, y, z]; all factors > 0. */
    private Vec3Dist scale(JsonNode node, String p) {
        if (node.isNumber()) {
            Double s = in.number(node, p, 1e-6, 1e6, "a scale > 0");
            return s == null ? null : new Vec3Dist.Constant(s, s, s);
        }
        if (node.isObject()) {
            NumberDist s = dist.number(node, p, 1e-6, 1e6, "a scale > 0");
            return s == null ? null : new Vec3Dist.Isotropic(s);
        }
        if (node.isArray() && node.size() == 3 && (node.get(0).isObject() || node.get(1).isObject() || node.get(2).isObject()))
            return dist.vector3(node, p, 1e-6, 1e6, "a scale > 0");
        Vec3Dist.Constant v = dist.vector(node, p);
        if (v != null && (v.x() <= 0 || v.y() <= 0 || v.z() <= 0)) {
            in.error(p, "expected scale factors > 0, got [" + v.x() + ", " + v.y() + ", " + v.z() + "]");
            return null;
        }
        return v;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
