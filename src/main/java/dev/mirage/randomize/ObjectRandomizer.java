package dev.mirage.randomize;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.Model;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.scene.Camera;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Surface;
import dev.mirage.template.ColorDist;
import dev.mirage.template.IntDist;
import dev.mirage.template.NumberDist;
import dev.mirage.template.TextDist;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.ObjectSpec.MaterialSpec;
import dev.mirage.template.ObjectSpec.Variant;
import dev.mirage.template.SceneTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Places a frame's objects: count, variant, shape parameters, pose (or placement by rule), colour
 * and surface of every template entry, in file order. Labeled objects (those with a category) get
 * instance ids 1..N in that order.
 */
public final class ObjectRandomizer {
    private ObjectRandomizer() {}

    /** Objects without placement rules (bounds are then never needed). */
    public static List<ObjectInstance> sample(SceneTemplate template, RandomGenerator rng) {
        return sample(template, null, source -> { throw new IllegalStateException("no models"); }, rng, new SampleLog());
    }

    /**
     * @param camera the frame's camera (for placement in front of it or facing it)
     * @param models the model of a mesh source: its bounds (for footprints, resting on the ground and
     *               fitting) and, for built-in assets with labeled parts, which parts the drawn shape has
     * @throws SamplingException when a placement rule cannot be met
     */
    public static List<ObjectInstance> sample(SceneTemplate template, Camera camera, Function<MeshSource, Model> models,
                                              RandomGenerator rng, SampleLog log) {
        return sample(template, camera, models, rng, log, new ArrayList<>());
    }

    /**
     * As {@link #sample(SceneTemplate, Camera, Function, RandomGenerator, SampleLog)}, also adding to
     * {@code entries} the template entry of each object returned, index for index.
     */
    public static List<ObjectInstance> sample(SceneTemplate template, Camera camera, Function<MeshSource, Model> models,
                                              RandomGenerator rng, SampleLog log, List<ObjectSpec> entries) {
        List<ObjectInstance> out = new ArrayList<>();
        Placement placement = new Placement(camera);
        int nextId = 1;
        for (ObjectSpec spec : template.objects()) {
            String p = spec.pointer();
            int count = Logged.integer(spec.count(), rng, log, p + "/count");
            double[] weights = spec.variants().stream().mapToDouble(Variant::weight).toArray();
            List<String> labels = variantLabels(spec);
            for (int i = 0; i < count; i++) {
                int k = spec.variants().size() == 1 ? 0 : pick(rng, weights);
                Variant v = spec.variants().get(k);
                if (spec.variants().size() > 1) log.label(p + "/variants", labels.get(k));
                int categoryId = v.category() == null ? 0 : template.category(v.category()).orElseThrow().id();
                ObjectInstance o = place(spec, v, categoryId == 0 ? 0 : nextId, categoryId, placement, models, rng, log);
                if (o == null) continue; // no room, and the entry says to skip
                if (categoryId != 0) nextId++;
                List<ObjectSpec.AssetImport.Part> parts = presentParts(v, o.source(), models);
                if (parts.isEmpty()) {
                    out.add(o);
                    entries.add(spec);
                    continue;
                }
                // Labeled parts: the whole without them, then each part as an instance of its own, in the same place.
                java.util.TreeSet<String> partNodes = new java.util.TreeSet<>();
                parts.forEach(part -> partNodes.add(part.node()));
                out.add(withSource(o, o.instanceId(), o.categoryId(), o.name(), new MeshSource.Parts(o.source(), null, partNodes)));
                entries.add(spec);
                for (ObjectSpec.AssetImport.Part part : parts) {
                    int partCategory = part.category() == null ? 0 : template.category(part.category()).orElseThrow().id();
                    out.add(withSource(o, partCategory == 0 ? 0 : nextId, partCategory, o.name() + "#" + part.node(),
                            new MeshSource.Parts(o.source(), part.node(), new java.util.TreeSet<>())));
                    entries.add(spec);
                    if (partCategory != 0) nextId++;
                }
            }
        }
        return out;
    }

    /**
     * The labeled parts an instance has. An asset file has them all (checked when it is loaded); a
     * built-in asset only those its drawn shape makes (a car's {@code bed} only as a pickup, a
     * bicycle's {@code rider} only with one), so a part it lacks is no instance this time.
     */
    private static List<ObjectSpec.AssetImport.Part> presentParts(Variant v, MeshSource source, Function<MeshSource, Model> models) {
        if (v.import_().parts().isEmpty() || !(source instanceof MeshSource.Generated)) return v.import_().parts();
        Model model = models.apply(source);
        return v.import_().parts().stream()
                .filter(part -> model.parts().stream().anyMatch(m -> m.within(part.node())))
                .toList();
    }

    private static ObjectInstance withSource(ObjectInstance o, int instanceId, int categoryId, String name, MeshSource source) {
        return new ObjectInstance(instanceId, categoryId, name, source, o.modelToWorld(), o.colorLinear(), o.position(),
                o.rotationDeg(), o.yawDeg(), o.scale(), o.surface());
    }

    private static int pick(RandomGenerator rng, double[] weights) {
        return dev.mirage.template.Sampling.weightedIndex(rng, weights);
    }

    private static ObjectInstance place(ObjectSpec spec, Variant v, int instanceId, int categoryId, Placement placement,
                                        Function<MeshSource, Model> models, RandomGenerator rng, SampleLog log) {
        String p = spec.pointer();
        MeshSource source = v.library() != null ? library(v.library(), rng, log) : source(v);
        Vector3d position;
        Vector3d rotationDeg;
        double yawDeg;
        Vector3d scale;
        if (spec.placement() == null) {
            position = Logged.vector(spec.position(), rng, log, p + "/position");
            rotationDeg = Logged.vector(spec.rotationDeg(), rng, log, p + "/rotationDeg");
            yawDeg = Logged.number(spec.yawDeg(), rng, log, p + "/yawDeg");
            scale = scale(spec, v, source, models, rng, log);
        } else {
            rotationDeg = Logged.vector(spec.rotationDeg(), rng, log, p + "/rotationDeg");
            double extraYaw = Logged.number(spec.yawDeg(), rng, log, p + "/yawDeg");
            scale = scale(spec, v, source, models, rng, log);
            Placement.Pose pose = placement.place(spec.placement(), models.apply(source).bounds(), rotationDeg, extraYaw, scale, rng);
            if (pose == null) {
                log.number(p + "/placement/skipped", 1);
                return null;
            }
            position = pose.position();
            yawDeg = pose.yawDeg();
            log.vector(p + "/placement/position", position);
            log.number(p + "/placement/yawDeg", yawDeg);
            if (!spec.placement().facingJitterDeg().fixed()) log.number(p + "/placement/facingJitterDeg", pose.jitterDeg());
            if (pose.lane() >= 0) log.label(p + "/placement/lanes", "lane " + pose.lane());
            if (!Double.isNaN(pose.distanceM()) && !spec.placement().distanceM().fixed())
                log.number(p + "/placement/inFrontOfCamera/distanceM", pose.distanceM());
        }
        Vector3d color = null;
        if (v.color() != null) {
            color = Logged.color(v.color(), rng, log, v.field("color"));
            if (v.material().jitters()) {
                color = jitter(color, v.material(), rng);
                log.vector(v.field("material") + "/colorJitter", color);
            }
        }
        Surface surface = surface(v.material(), rng, log, v.field("material"));
        return new ObjectInstance(instanceId, categoryId, name(v), source,
                modelToWorld(position, rotationDeg, yawDeg, scale), color, position, rotationDeg, yawDeg, scale, surface);
    }

    private static Vector3d scale(ObjectSpec spec, Variant v, MeshSource source, Function<MeshSource, Model> models,
                                  RandomGenerator rng, SampleLog log) {
        Vector3d scale = Logged.vector(spec.scale(), rng, log, spec.pointer() + "/scale");
        Vector3d size = Logged.vector(v.size(), rng, log, v.field("size"));
        ObjectSpec.AssetImport im = v.import_();
        if (im.fitAxis() != null) {
            double target = Logged.number(im.fitM(), rng, log, v.field("fit"));
            scale.mul(target / extent(models.apply(source).bounds(), im.fitAxis()));
        }
        return scale.mul(size);
    }

    /** The model's extent that {@code fit} sets: z for length, x for width, y for height, or the longest. */
    public static double extent(Bounds b, String axis) {
        Vector3d e = new Vector3d(b.max()).sub(b.min());
        double value = switch (axis) {
            case "lengthM" -> e.z;
            case "widthM" -> e.x;
            case "heightM" -> e.y;
            default -> Math.max(e.x, Math.max(e.y, e.z));
        };
        if (!(value > 0)) throw new IllegalStateException("the model is flat along the fitted axis: " + axis);
        return value;
    }

    private static Surface surface(MaterialSpec m, RandomGenerator rng, SampleLog log, String p) {
        if (m == MaterialSpec.DEFAULT) return Surface.DEFAULT;
        double roughness = Logged.number(m.roughness(), rng, log, p + "/roughness");
        double metallic = Logged.number(m.metallic(), rng, log, p + "/metallic");
        String pattern = Logged.text(m.pattern(), rng, log, p + "/pattern");
        Vector3d color2 = Logged.color(m.color2(), rng, log, p + "/color2");
        double cell = Logged.number(m.patternScaleM(), rng, log, p + "/patternScaleM");
        if (m.texture() != null) {
            String file = m.texture().sample(rng);
            if (!m.texture().fixed()) log.label(p + "/texture", java.nio.file.Path.of(file).getFileName().toString());
            return new Surface(roughness, metallic, Surface.Pattern.TEXTURE, color2, cell, java.nio.file.Path.of(file));
        }
        return new Surface(roughness, metallic, Surface.Pattern.valueOf(pattern.toUpperCase(Locale.ROOT)), color2, cell);
    }

    /** Moves a linear colour's hue, saturation and value (in sRGB HSV) by uniform amounts within the jitter. */
    static Vector3d jitter(Vector3d linear, MaterialSpec m, RandomGenerator rng) {
        double dh = m.jitterHueDeg() * (2 * rng.nextDouble() - 1);
        double ds = m.jitterSaturation() * (2 * rng.nextDouble() - 1);
        double dv = m.jitterValue() * (2 * rng.nextDouble() - 1);
        double r = toSrgb(linear.x), g = toSrgb(linear.y), b = toSrgb(linear.z);
        double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b)), c = max - min;
        double h = c == 0 ? 0 : max == r ? 60 * (((g - b) / c) % 6) : max == g ? 60 * ((b - r) / c + 2) : 60 * ((r - g) / c + 4);
        double s = max == 0 ? 0 : c / max;
        double hue = h + dh, sat = Math.max(0, Math.min(1, s + ds)), val = Math.max(0, Math.min(1, max + dv));
        ColorDist.Constant out = ColorDist.fromHsv(hue, sat, val);
        return new Vector3d(ColorDist.toLinear(out.r()), ColorDist.toLinear(out.g()), ColorDist.toLinear(out.b()));
    }

    private static double toSrgb(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** T(position) · Ry(yaw) · Rz · Ry · Rx · S(scale), angles in degrees. */
    public static Matrix4d modelToWorld(Vector3d position, Vector3d rotationDeg, double yawDeg, Vector3d scale) {
        return new Matrix4d()
                .translate(position)
                .rotateY(Math.toRadians(yawDeg))
                .rotateZ(Math.toRadians(rotationDeg.z))
                .rotateY(Math.toRadians(rotationDeg.y))
                .rotateX(Math.toRadians(rotationDeg.x))
                .scale(scale);
    }

    /** Draws a library asset's parameters (in name order) and completes them with the generator's defaults. */
    static MeshSource.Generated library(ObjectSpec.LibrarySpec spec, RandomGenerator rng, SampleLog log) {
        java.util.Map<String, Object> drawn = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, Object> e : spec.params().entrySet()) {
            String q = spec.pointer() + "/" + e.getKey();
            Object d = e.getValue();
            if (d instanceof NumberDist n) drawn.put(e.getKey(), Logged.number(n, rng, log, q));
            else if (d instanceof IntDist i) drawn.put(e.getKey(), (double) Logged.integer(i, rng, log, q));
            else drawn.put(e.getKey(), Logged.text((TextDist) d, rng, log, q));
        }
        return AssetCatalog.standard().source(spec.name(), drawn);
    }

    /** The geometry a variant names (before any labeled parts are split off); library assets take their drawn parameters. */
    public static MeshSource source(Variant v) {
        if (v.shape() != null) return new MeshSource.Primitive(MeshSource.PrimitiveKind.valueOf(v.shape().name()));
        return new MeshSource.AssetNode(v.asset(), v.node(), v.import_().zUp() ? MeshSource.UpAxis.Z : MeshSource.UpAxis.Y,
                v.import_().unitM());
    }

    private static String name(Variant v) {
        if (v.name() != null) return v.name();
        if (v.shape() != null) return v.shape().name().toLowerCase(Locale.ROOT);
        if (v.library() != null) return v.library().name();
        String file = v.asset().getFileName().toString();
        return v.node() == null ? file : file + "#" + v.node();
    }

    /** How logs name an entry's variants: their names when those tell them apart, else "index: what". */
    private static List<String> variantLabels(ObjectSpec spec) {
        List<String> names = spec.variants().stream().map(ObjectRandomizer::name).toList();
        if (new java.util.HashSet<>(names).size() == names.size()) return names;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Variant v = spec.variants().get(i);
            out.add(i + ": " + (v.shape() != null ? v.shape().name().toLowerCase(Locale.ROOT)
                    : v.library() != null ? AssetCatalog.PREFIX + v.library().name() : v.asset().getFileName().toString()));
        }
        return out;
    }
}
