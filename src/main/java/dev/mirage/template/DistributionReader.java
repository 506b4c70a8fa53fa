package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the value forms of a template: literals and one-key distribution objects
 * ({@code uniform}, {@code normal}, {@code logUniform}, {@code choice}, {@code int}, {@code hsv},
 * {@code kelvin}, {@code sphere}, {@code hemisphere}, {@code disk}, {@code ball}) and references to
 * per-frame variables ({@code {"var": "name", "map": [[x, y], ...]}}). Anything that is not an
 * object is a literal. Every bad parameter is an error at its JSON pointer.
 *
 * <p>Thread safety: one per file read, like its {@link NodeReader}.
 */
final class DistributionReader {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final List<String> NUMBER_FORMS = List.of("uniform", "normal", "logUniform", "choice", "var");

    private final NodeReader in;
    /** Variables declared so far, in order. */
    private final Map<String, NumberDist> variables = new LinkedHashMap<>();

    DistributionReader(NodeReader in) { this.in = in; }

    /** Declares a variable that later values may read. */
    void declare(String name, NumberDist value) { variables.put(name, value); }

    /** The variables declared, in order. */
    Map<String, NumberDist> variables() { return variables; }

    /** A number in [min, max] in any number form. */
    NumberDist number(JsonNode node, String p, double min, double max, String expected) {
        if (node != null && node.isObject() && node.has("var")) return variable(node, p, min, max, expected);
        Map.Entry<String, JsonNode> dist = distribution(node, p, NUMBER_FORMS);
        if (dist == null) {
            if (node != null && node.isObject()) return null;
            Double v = in.number(node, p, min, max, expected);
            return v == null ? null : new NumberDist.Constant(v);
        }
        String q = NodeReader.child(p, dist.getKey());
        JsonNode value = dist.getValue();
        switch (dist.getKey()) {
            case "choice": {
                Choice<Double> c = choice(value, q, e -> in.number(e.node(), e.pointer(), min, max, expected));
                return c == null ? null : new NumberDist.Choice(c.values, c.weights);
            }
            case "normal":
                return normal(value, q, min, max, expected);
            case "logUniform": {
                double[] r = range(value, q, Math.max(min, Double.MIN_VALUE), max, expected + " (log-uniform: > 0)");
                return r == null ? null : new NumberDist.LogUniform(r[0], r[1]);
            }
            default: {
                double[] r = range(value, q, min, max, expected);
                return r == null ? null : new NumberDist.Uniform(r[0], r[1]);
            }
        }
    }

    /** {@code [min, max]} with both in bounds and min ≤ max. */
    private double[] range(JsonNode value, String q, double min, double max, String expected) {
        if (!value.isArray() || value.size() != 2) {
            in.error(q, "expected [min, max], got " + NodeReader.describe(value));
            return null;
        }
        Double lo = in.number(value.get(0), NodeReader.child(q, 0), min, max, expected);
        Double hi = in.number(value.get(1), NodeReader.child(q, 1), min, max, expected);
        if (lo == null || hi == null) return null;
        if (lo > hi) { in.error(q, "expected min <= max, got [" + lo + ", " + hi + "]"); return null; }
        return new double[] {lo, hi};
    }

    /**
     * {@code {"mean": m, "sd": s, "min": lo, "max": hi}} or {@code [mean, sd]}. Draws outside the
     * field's valid range are impossible: the range truncates the normal (exactly, not by clamping).
     */
    private NumberDist normal(JsonNode value, String q, double min, double max, String expected) {
        Double mean, sd;
        double lo = min, hi = max;
        if (value.isArray()) {
            if (value.size() != 2) { in.error(q, "expected [mean, sd] or {mean, sd, min, max}, got " + NodeReader.describe(value)); return null; }
            mean = in.number(value.get(0), NodeReader.child(q, 0), min, max, expected);
            sd = in.number(value.get(1), NodeReader.child(q, 1), 0, Double.MAX_VALUE, "a standard deviation >= 0");
        } else {
            JsonNode o = in.object(value, q, Set.of("mean", "sd", "min", "max"));
            if (o == null) return null;
            mean = in.number(o.get("mean"), q + "/mean", min, max, expected);
            sd = in.number(o.get("sd"), q + "/sd", 0, Double.MAX_VALUE, "a standard deviation >= 0");
            if (o.has("min")) { Double v = in.number(o.get("min"), q + "/min", min, max, expected); if (v == null) return null; lo = v; }
            if (o.has("max")) { Double v = in.number(o.get("max"), q + "/max", min, max, expected); if (v == null) return null; hi = v; }
        }
        if (mean == null || sd == null) return null;
        if (!(lo < hi)) { in.error(q, "expected min < max, got [" + lo + ", " + hi + "]"); return null; }
        return new NumberDist.Normal(mean, sd, lo, hi);
    }

    /** {@code {"var": name}} with an optional {@code "map": [[x, y], ...]} (x strictly increasing). */
    private NumberDist variable(JsonNode node, String p, double min, double max, String expected) {
        JsonNode o = in.object(node, p, Set.of("var", "map"));
        if (o == null) return null;
        String name = in.text(o.get("var"), p + "/var");
        if (name == null) return null;
        NumberDist source = variables.get(name);
        if (source == null) {
            in.error(p + "/var", "expected a variable declared in /variables" + (variables.isEmpty() ? " (none are)"
                    : " before this use (" + String.join(", ", variables.keySet()) + ")") + ", got \"" + name + "\"");
            return null;
        }
        double[][] map = null;
        double lo = source.min(), hi = source.max();
        if (o.has("map")) {
            String q = p + "/map";
            List<double[]> points = in.list(o.get("map"), q, e -> point(e));
            if (points == null) return null;
            if (points.size() != o.get("map").size()) return null;
            if (points.isEmpty()) { in.error(q, "expected at least one [x, y] point"); return null; }
            for (int i = 1; i < points.size(); i++) {
                if (!(points.get(i)[0] > points.get(i - 1)[0])) {
                    in.error(NodeReader.child(q, i), "expected x greater than the previous point's (" + points.get(i - 1)[0]
                            + "), got " + points.get(i)[0]);
                    return null;
                }
            }
            map = points.toArray(new double[0][]);
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (double[] pt : map) { lo = Math.min(lo, pt[1]); hi = Math.max(hi, pt[1]); }
        }
        if (lo < min || hi > max) {
            in.error(p, "expected " + expected + ", but variable \"" + name + "\"" + (map == null ? "" : " through its map")
                    + " ranges " + lo + ".." + hi);
            return null;
        }
        return new NumberDist.Var(name, map, lo, hi);
    }

    private double[] point(NodeReader.Element e) {
        JsonNode n = e.node();
        if (n == null || !n.isArray() || n.size() != 2) {
            in.error(e.pointer(), "expected [x, y], got " + NodeReader.describe(n));
            return null;
        }
        Double x = in.number(n.get(0), NodeReader.child(e.pointer(), 0));
        Double y = in.number(n.get(1), NodeReader.child(e.pointer(), 1));
        return x == null || y == null ? null : new double[] {x, y};
    }

    /** An integer count: literal, {@code {"int": [min, max]}} or a choice. */
    IntDist integer(JsonNode node, String p, int min, int max) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("int", "choice"));
        if (dist == null) {
            if (node != null && node.isObject()) return null;
            Integer v = in.integer(node, p, min, max);
            return v == null ? null : new IntDist.Constant(v);
        }
        String q = NodeReader.child(p, dist.getKey());
        JsonNode range = dist.getValue();
        if (dist.getKey().equals("choice")) {
            Choice<Integer> c = choice(range, q, e -> in.integer(e.node(), e.pointer(), min, max));
            return c == null ? null : new IntDist.Choice(c.values, c.weights);
        }
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

    /** One word of {@code allowed}, or a choice of them. */
    TextDist text(JsonNode node, String p, List<String> allowed) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("choice"));
        if (dist == null) {
            if (node != null && node.isObject()) return null;
            String s = word(node, p, allowed);
            return s == null ? null : new TextDist.Constant(s);
        }
        String q = NodeReader.child(p, "choice");
        Choice<String> c = choice(dist.getValue(), q, e -> word(e.node(), e.pointer(), allowed));
        return c == null ? null : new TextDist.Choice(c.values, c.weights);
    }

    private String word(JsonNode node, String p, List<String> allowed) {
        String s = in.text(node, p);
        if (s != null && !allowed.contains(s)) {
            in.error(p, "expected one of " + allowed + ", got \"" + s + "\"");
            return null;
        }
        return s;
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

    /** A 3-vector in any vector form; each component within [min, max] where the form allows checking. */
    Vec3Dist vector3(JsonNode node, String p) {
        return vector3(node, p, -1e9, 1e9, "a coordinate");
    }

    Vec3Dist vector3(JsonNode node, String p, double min, double max, String expected) {
        if (node != null && node.isArray() && node.size() == 3) {
            boolean literal = true;
            for (JsonNode c : node) literal &= !c.isObject();
            if (literal) {
                Double x = in.number(node.get(0), NodeReader.child(p, 0), min, max, expected);
                Double y = in.number(node.get(1), NodeReader.child(p, 1), min, max, expected);
                Double z = in.number(node.get(2), NodeReader.child(p, 2), min, max, expected);
                return x == null || y == null || z == null ? null : new Vec3Dist.Constant(x, y, z);
            }
            NumberDist x = number(node.get(0), NodeReader.child(p, 0), min, max, expected);
            NumberDist y = number(node.get(1), NodeReader.child(p, 1), min, max, expected);
            NumberDist z = number(node.get(2), NodeReader.child(p, 2), min, max, expected);
            return x == null || y == null || z == null ? null : new Vec3Dist.PerAxis(x, y, z);
        }
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("uniform", "choice", "sphere", "hemisphere", "disk", "ball"));
        if (dist == null) return node != null && node.isObject() ? null : vector(node, p);
        String q = NodeReader.child(p, dist.getKey());
        JsonNode value = dist.getValue();
        switch (dist.getKey()) {
            case "choice": {
                Choice<Vec3Dist.Constant> c = choice(value, q, e -> vector(e.node(), e.pointer()));
                return c == null ? null : new Vec3Dist.Choice(c.values, c.weights);
            }
            case "uniform": {
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
            default: {
                JsonNode o = in.object(value, q, Set.of("center", "radius"));
                if (o == null) return null;
                Vec3Dist.Constant center = o.has("center") ? vector(o.get("center"), q + "/center") : new Vec3Dist.Constant(0, 0, 0);
                Double radius = in.number(o.get("radius"), q + "/radius", 1e-9, 1e9, "a radius > 0");
                if (center == null || radius == null) return null;
                return new Vec3Dist.Around(Vec3Dist.Around.Shape.valueOf(dist.getKey().toUpperCase(java.util.Locale.ROOT)), center, radius);
            }
        }
    }

    /** A colour: "#rrggbb", [r, g, b] in 0..1 (sRGB), hsv range, kelvin or choice. */
    ColorDist color(JsonNode node, String p) {
        Map.Entry<String, JsonNode> dist = distribution(node, p, List.of("hsv", "choice", "kelvin"));
        if (dist == null) return node != null && node.isObject() ? null : fixedColor(node, p);
        String q = NodeReader.child(p, dist.getKey());
        JsonNode value = dist.getValue();
        if (dist.getKey().equals("kelvin")) {
            NumberDist k = number(value, q, 1000, 40000, "a colour temperature in kelvin, 1000..40000");
            return k == null ? null : new ColorDist.Kelvin(k);
        }
        if (dist.getKey().equals("choice")) {
            Choice<ColorDist> c = choice(value, q, e -> color(e.node(), e.pointer()));
            return c == null ? null : new ColorDist.Choice(c.values, c.weights);
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

    /** The options of a choice and their weights (null: equal). */
    record Choice<T>(List<T> values, double[] weights) {}

    /** {@code [a, b, ...]} or {@code {"values": [...], "weights": [...]}}; every option read by {@code read}. */
    <T> Choice<T> choice(JsonNode value, String q, java.util.function.Function<NodeReader.Element, T> read) {
        JsonNode options = value;
        String optionsPointer = q;
        double[] weights = null;
        if (value.isObject()) {
            JsonNode o = in.object(value, q, Set.of("values", "weights"));
            if (o == null) return null;
            options = o.get("values");
            optionsPointer = q + "/values";
            if (o.has("weights")) {
                List<Double> w = in.list(o.get("weights"), q + "/weights",
                        e -> in.number(e.node(), e.pointer(), 0, 1e12, "a weight in 0..1e12"));
                if (w == null || w.size() != o.get("weights").size()) return null;
                if (options != null && options.isArray() && w.size() != options.size()) {
                    in.error(q + "/weights", "expected " + options.size() + " weights, one per value, got " + w.size());
                    return null;
                }
                if (w.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                    in.error(q + "/weights", "expected weights summing to more than 0");
                    return null;
                }
                weights = w.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        List<T> values = in.list(options, optionsPointer, read);
        if (values == null) return null;
        if (values.isEmpty() && options.size() == 0) { in.error(optionsPointer, "expected at least one value"); return null; }
        return values.size() == options.size() ? new Choice<>(values, weights) : null;
    }

    /**
     * The (name, parameters) of a one-key distribution object, or null when the node is not an
     * object (a literal). An object that is not a known distribution is an error (and null).
     */
    private Map.Entry<String, JsonNode> distribution(JsonNode node, String p, List<String> allowed) {
        if (node == null || !node.isObject()) return null;
        if (node.size() != 1 || !allowed.contains(node.fieldNames().next())) {
            in.error(p, "expected a literal or one of {" + String.join("|", allowed) + ": ...}, got "
                    + (node.size() == 0 ? "an empty object" : "{" + String.join(", ", names(node)) + "}"));
            return null;
        }
        return node.fields().next();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
