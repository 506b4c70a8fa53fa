package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the value forms of template v1: literals, {@code uniform}, {@code choice}, {@code int} and
 * {@code hsv}. A distribution is a one-key object naming it; anything else is a literal.
 *
 * <p>Thread safety: one per file read, like its {@link NodeReader}.
 */
final class DistributionReader {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private final NodeReader in;

    DistributionReader(NodeReader in) { this.in = in; }

    /** A number in [min, max]: literal, uniform or choice. */
    NumberDist number(JsonNode node, String p, double min, double max, String expected) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("uniform", "choice"));
        if (dist == null) {
            if (node != null && node.isObject()) return null;
            Double v = in.number(node, p, min, max, expected);
            return v == null ? null : new NumberDist.Constant(v);
        }
        String q = NodeReader.child(p, dist.getKey());
        if (dist.getKey().equals("choice")) {
            List<Double> values = in.list(dist.getValue(), q, e -> in.number(e.node(), e.pointer(), min, max, expected));
            if (values == null) return null;
            if (values.isEmpty()) { in.error(q, "expected at least one value"); return null; }
            return values.size() == dist.getValue().size() ? new NumberDist.Choice(values) : null;
        }
        JsonNode range = dist.getValue();
        if (!range.isArray() || range.size() != 2) {
            in.error(q, "expected [min, max], got " + NodeReader.describe(range));
            return null;
        }
        Double lo = in.number(range.get(0), NodeReader.child(q, 0), min, max, expected);
        Double hi = in.number(range.get(1), NodeReader.child(q, 1), min, max, expected);
        if (lo == null || hi == null) return null;
        if (lo > hi) { in.error(q, "expected min <= max, got [" + lo + ", " + hi + "]"); return null; }
        return new NumberDist.Uniform(lo, hi);
    }

    /** An integer count: literal or {@code {"int": [min, max]}}. */
    IntDist integer(JsonNode node, String p, int min, int max) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("int"));
        if (dist == null) {
            if (node != null && node.isObject()) return null;
            Integer v = in.integer(node, p, min, max);
            return v == null ? null : new IntDist.Constant(v);
        }
        String q = NodeReader.child(p, "int");
        JsonNode range = dist.getValue();
        if (!range.isArray() || range.size() != 2) {
            in.error(q, "expected [min, max], got " + NodeReader.describe(range));
            return null;
        }
        Integer lo = in.integer(range.get(0), NodeReader.child(q, 0), min, max);
        Integer hi = in.integer(range.get(1), NodeReader.child(q, 1), min, max);
        if (lo == null || hi == null) return null;
        if (lo > hi) { in.error(q, "expected min <= max, got [" + lo + ", " + hi + "]"); return null; }
        return new IntDist.Range(lo, hi);
    }

    /** A fixed [x, y, z]. */
    Vec3Dist.Constant vector(JsonNode node, String p) {
        if (node == null || !node.isArray() || node.size() != 3) {
            in.error(p, "expected [x, y, z], got " + NodeReader.describe(node));
            return null;
        }
        Double x = in.number(node.get(0), NodeReader.child(p, 0));
        Double y = in.number(node.get(1), NodeReader.child(p, 1));
        Double z = in.number(node.get(2), NodeReader.child(p, 2));
        return x == null || y == null || z == null ? null : new Vec3Dist.Constant(x, y, z);
    }

    /** A 3-vector: literal, uniform box or choice. */
    Vec3Dist vector3(JsonNode node, String p) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("uniform", "choice"));
        if (dist == null) return node != null && node.isObject() ? null : vector(node, p);
        String q = NodeReader.child(p, dist.getKey());
        JsonNode value = dist.getValue();
        if (dist.getKey().equals("choice")) {
            List<Vec3Dist.Constant> values = in.list(value, q, e -> vector(e.node(), e.pointer()));
            if (values == null) return null;
            if (values.isEmpty()) { in.error(q, "expected at least one [x, y, z]"); return null; }
            return values.size() == value.size() ? new Vec3Dist.Choice(values) : null;
        }
        if (!value.isArray() || value.size() != 2) {
            in.error(q, "expected [[minX, minY, minZ], [maxX, maxY, maxZ]], got " + NodeReader.describe(value));
            return null;
        }
        Vec3Dist.Constant lo = vector(value.get(0), NodeReader.child(q, 0));
        Vec3Dist.Constant hi = vector(value.get(1), NodeReader.child(q, 1));
        if (lo == null || hi == null) return null;
        if (lo.x() > hi.x() || lo.y() > hi.y() || lo.z() > hi.z()) {
            in.error(q, "expected each min <= max, got " + value);
            return null;
        }
        return new Vec3Dist.Uniform(lo, hi);
    }

    /** A colour: "#rrggbb", [r, g, b] in 0..1 (sRGB), hsv range or choice. */
    ColorDist color(JsonNode node, String p) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("hsv", "choice"));
        if (dist == null) return node != null && node.isObject() ? null : fixedColor(node, p);
        String q = NodeReader.child(p, dist.getKey());
        JsonNode value = dist.getValue();
        if (dist.getKey().equals("choice")) {
            List<ColorDist> values = in.list(value, q, e -> fixedColor(e.node(), e.pointer()));
            if (values == null) return null;
            if (values.isEmpty()) { in.error(q, "expected at least one colour"); return null; }
            return values.size() == value.size() ? new ColorDist.Choice(values) : null;
        }
        if (!value.isArray() || value.size() != 2) {
            in.error(q, "expected [[hDeg, s, v], [hDeg, s, v]], got " + NodeReader.describe(value));
            return null;
        }
        double[] lo = hsv(value.get(0), NodeReader.child(q, 0));
        double[] hi = hsv(value.get(1), NodeReader.child(q, 1));
        if (lo == null || hi == null) return null;
        if (lo[0] > hi[0] || lo[1] > hi[1] || lo[2] > hi[2]) {
            in.error(q, "expected each min <= max, got " + value);
            return null;
        }
        return new ColorDist.Hsv(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    }

    private double[] hsv(JsonNode node, String p) {
        if (node == null || !node.isArray() || node.size() != 3) {
            in.error(p, "expected [hDeg, s, v], got " + NodeReader.describe(node));
            return null;
        }
        Double h = in.number(node.get(0), NodeReader.child(p, 0), -360, 720, "a hue in degrees, -360..720");
        Double s = in.number(node.get(1), NodeReader.child(p, 1), 0, 1, "a saturation in 0..1");
        Double v = in.number(node.get(2), NodeReader.child(p, 2), 0, 1, "a value in 0..1");
        return h == null || s == null || v == null ? null : new double[] {h, s, v};
    }

    private ColorDist.Constant fixedColor(JsonNode node, String p) {
        if (node != null && node.isTextual()) {
            String s = node.textValue();
            if (!HEX.matcher(s).matches()) {
                in.error(p, "expected a colour \"#rrggbb\", got \"" + s + "\"");
                return null;
            }
            int rgb = Integer.parseInt(s.substring(1), 16);
            return new ColorDist.Constant((rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
        }
        if (node == null || !node.isArray() || node.size() != 3) {
            in.error(p, "expected a colour \"#rrggbb\" or [r, g, b] in 0..1, got " + NodeReader.describe(node));
            return null;
        }
        Double r = in.number(node.get(0), NodeReader.child(p, 0), 0, 1, "a component in 0..1");
        Double g = in.number(node.get(1), NodeReader.child(p, 1), 0, 1, "a component in 0..1");
        Double b = in.number(node.get(2), NodeReader.child(p, 2), 0, 1, "a component in 0..1");
        return r == null || g == null || b == null ? null : new ColorDist.Constant(r, g, b);
    }

    /**
     * The (name, parameters) of a one-key distribution object, or null when the node is not an
     * object (a literal). An object that is not a known distribution is an error (and null).
     */
    private Map.Entry<String, JsonNode> distribution(JsonNode node, String p, List<String> allowed) {
        if (node == null || !node.isObject()) return null;
        if (node.size() != 1 || !allowed.contains(node.fieldNames().next())) {
            in.error(p, "expected a literal or one of {" + String.join("|", allowed) + ": ...}, got "
                    + (node.size() == 0 ? "an empty object" : "{" + String.join(", ", iterable(node)) + "}"));
            return null;
        }
        return node.fields().next();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
