package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.template.ObjectSpec.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one entry of {@code objects}. Checks that an asset file exists; what is inside it is
 * checked when the asset is loaded.
 */
final class ObjectReader {
    private static final Set<String> FIELDS = Set.of("name", "shape", "asset", "node", "category", "count",
            "size", "position", "rotationDeg", "yawDeg", "scale", "color");
    /** Most instances one entry may place in a frame. */
    static final int MAX_COUNT = 10_000;

    private final NodeReader in;
    private final DistributionReader dist;
    private final Path sceneFile;

    ObjectReader(NodeReader in, DistributionReader dist, Path sceneFile) {
        this.in = in;
        this.dist = dist;
        this.sceneFile = sceneFile;
    }

    ObjectSpec read(JsonNode entry, String p, Set<String> categoryNames) {
        JsonNode o = in.object(entry, p, FIELDS);
        if (o == null) return null;
        int errorsBefore = in.errors().size();
        String name = o.has("name") ? in.text(o.get("name"), p + "/name") : null;
        Shape shape = null;
        Path asset = null;
        if (o.has("shape") == o.has("asset")) {
            in.error(p, "expected exactly one of \"shape\" or \"asset\"");
        } else if (o.has("shape")) {
            shape = shape(o.get("shape"), p + "/shape");
        } else {
            asset = asset(o.get("asset"), p + "/asset");
        }
        String node = null;
        if (o.has("node")) {
            if (!o.has("asset")) in.error(p + "/node", "expected only with \"asset\"");
            node = in.text(o.get("node"), p + "/node");
        }
        String category = null;
        if (o.has("category")) {
            category = in.text(o.get("category"), p + "/category");
            if (category != null && !categoryNames.contains(category))
                in.error(p + "/category", "expected a name from /categories (" + String.join(", ",
                        categoryNames.stream().sorted().toList()) + "), got \"" + category + "\"");
        }
        IntDist count = o.has("count") ? dist.integer(o.get("count"), p + "/count", 0, MAX_COUNT) : new IntDist.Constant(1);
        Vec3Dist.Constant size = size(o, p, shape);
        Vec3Dist position = o.has("position") ? dist.vector3(o.get("position"), p + "/position") : new Vec3Dist.Constant(0, 0, 0);
        Vec3Dist rotation = o.has("rotationDeg") ? dist.vector3(o.get("rotationDeg"), p + "/rotationDeg")
                : new Vec3Dist.Constant(0, 0, 0);
        NumberDist yaw = o.has("yawDeg") ? dist.number(o.get("yawDeg"), p + "/yawDeg", -3600, 3600, "an angle in degrees")
                : new NumberDist.Constant(0);
        Vec3Dist scale = o.has("scale") ? scale(o.get("scale"), p + "/scale") : new Vec3Dist.Constant(1, 1, 1);
        ColorDist color = o.has("color") ? dist.color(o.get("color"), p + "/color")
                : shape != null ? new ColorDist.Constant(0.7, 0.7, 0.7) : null;
        if (in.errors().size() > errorsBefore) return null;
        return new ObjectSpec(p, name, shape, asset, node, category, count, size, position, rotation, yaw, scale, color);
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
        Path base = sceneFile.toAbsolutePath().getParent();
        Path file;
        try {
            file = base.resolve(s).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            in.error(p, "expected a file path, got \"" + s + "\" (" + e.getReason() + ")");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            in.error(p, "expected an asset file, but " + file + " does not exist");
            return null;
        }
        return file;
    }

    /** Size of a shape in metres: [x, y, z], or [x, z] for a plane; assets have none. */
    private Vec3Dist.Constant size(JsonNode o, String p, Shape shape) {
        if (!o.has("size")) return new Vec3Dist.Constant(1, 1, 1);
        String q = p + "/size";
        if (shape == null) {
            if (o.has("shape")) return null;
            in.error(q, "expected only with \"shape\" (use \"scale\" for assets)");
            return null;
        }
        JsonNode n = o.get("size");
        if (shape == Shape.PLANE) {
            if (!n.isArray() || n.size() != 2) {
                in.error(q, "expected [x, z] in metres for a plane, got " + NodeReader.describe(n));
                return null;
            }
            Double x = in.number(n.get(0), q + "/0", 1e-6, 1e6, "a size > 0");
            Double z = in.number(n.get(1), q + "/1", 1e-6, 1e6, "a size > 0");
            return x == null || z == null ? null : new Vec3Dist.Constant(x, 1, z);
        }
        if (!n.isArray() || n.size() != 3) {
            in.error(q, "expected [x, y, z] in metres, got " + NodeReader.describe(n));
            return null;
        }
        Double x = in.number(n.get(0), q + "/0", 1e-6, 1e6, "a size > 0");
        Double y = in.number(n.get(1), q + "/1", 1e-6, 1e6, "a size > 0");
        Double z = in.number(n.get(2), q + "/2", 1e-6, 1e6, "a size > 0");
        return x == null || y == null || z == null ? null : new Vec3Dist.Constant(x, y, z);
    }

    /** A uniform scale (number) or per-axis [x, y, z]; all factors > 0. */
    private Vec3Dist scale(JsonNode node, String p) {
        if (node.isNumber()) {
            Double s = in.number(node, p, 1e-6, 1e6, "a scale > 0");
            return s == null ? null : new Vec3Dist.Constant(s, s, s);
        }
        Vec3Dist.Constant v = dist.vector(node, p);
        if (v != null && (v.x() <= 0 || v.y() <= 0 || v.z() <= 0)) {
            in.error(p, "expected scale factors > 0, got [" + v.x() + ", " + v.y() + ", " + v.z() + "]");
            return null;
        }
        return v;
    }
}
