package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.template.SamplingSpec.Bin;
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SamplingSpec.CoverageSpec;
import dev.mirage.template.SamplingSpec.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a template's {@code constraints}, {@code coverage} and {@code sampling} blocks into a
 * {@link SamplingSpec}, recording every mistake with its JSON pointer through the file's
 * {@link NodeReader}.
 *
 * <p>Thread safety: one per file read, like {@link NodeReader}.
 */
final class ConstraintReader {
    /** Most {@code sampling.maxAttempts}. */
    static final int MAX_ATTEMPTS = 100_000;
    /** Most frames in one coverage block. */
    static final int MAX_BLOCK_FRAMES = 1_000_000;

    private static final Set<String> SAMPLED_FIELDS = Set.of("sampled", "component", "min", "max", "oneOf");
    /** The names of the template's entries and variants, for {@code object}; null when the objects did not read. */
    private java.util.Set<String> objectNames;
    private static final Set<String> LABEL_FIELDS = Set.of("category", "count", "occlusion", "truncation", "boxHeightPx",
            "boxWidthPx", "visiblePixels", "distanceM", "lateralM", "object");

    private final NodeReader in;
    private final JsonNode root;
    private final Supplier<SourceLocations> locations;
    private SourceLocations scanned;
    private Map<String, Integer> categoryIds = Map.of();
    private boolean visibility = true;

    /**
     * @param root      the whole template, to check that a {@code sampled} pointer names a randomized field
     * @param locations where each pointer's value starts in the file (scanned only when the blocks are present)
     */
    ConstraintReader(NodeReader in, JsonNode root, Supplier<SourceLocations> locations) {
        this.in = in;
        this.root = root;
        this.locations = locations;
    }

    /**
     * The blocks of {@code r}, the template's root object, checked against what the rest of the
     * template allows; null after recording an error.
     *
     * @param categories the template's categories (null when they were wrong)
     * @param labels     its labeling policy: occlusion and truncation need visibility (null when wrong)
     * @param objects    its entries, for the most objects of a category a frame can hold (null when wrong)
     * @param variables  its variables, for the values each can take
     */
    SamplingSpec read(JsonNode r, List<SceneTemplate.CategorySpec> categories, SceneTemplate.LabelSpec labels,
                      List<ObjectSpec> objects, Map<String, NumberDist> variables) {
        if (!r.has("constraints") && !r.has("coverage") && !r.has("sampling")) return SamplingSpec.NONE;
        Map<String, Integer> ids = new HashMap<>();
        if (categories != null) categories.forEach(c -> ids.put(c.name(), c.id()));
        this.categoryIds = ids;
        if (objects != null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            objects.forEach(o -> o.variants().forEach(v -> { if (v.name() != null) names.add(v.name()); }));
            this.objectNames = names;
        }
        this.visibility = labels == null || labels.visibility();
        SamplingSpec spec = read(r);
        if (spec == null) return null;
        List<Condition> all = new ArrayList<>(spec.constraints());
        if (spec.coverage() != null) spec.coverage().bins().forEach(b -> all.addAll(b.where()));
        for (Condition c : new java.util.LinkedHashSet<>(all)) {
            if (c instanceof Condition.Labels l && objects != null) checkCount(l, objects);
            if (c instanceof Condition.Sampled v) checkVariableRange(v, variables);
        }
        return spec;
    }

    private SourceLocation locate(String pointer) {
        if (scanned == null) scanned = locations.get();
        return scanned.find(pointer);
    }

    /** A label condition asking for more objects of a category than any frame can hold can never be met. */
    private void checkCount(Condition.Labels l, List<ObjectSpec> objects) {
        long most = objects.stream().mapToLong(o -> o.count().max() * o.variants().stream()
                .mapToLong(v -> labeledIn(v, l.category())).max().orElse(0)).sum();
        if (l.count().min() > most)
            in.error(l.pointer() + "/count", "expected a count a frame can hold: at most " + most + " "
                    + (l.category() == null ? "labeled objects" : "objects of \"" + l.category() + "\"")
                    + " per frame (the /objects entries' largest counts), got min " + (long) l.count().min()
                    + " (no frame can meet it)");
    }

    /** How many labeled objects of {@code category} (any when null) one instance of the variant makes. */
    private static long labeledIn(ObjectSpec.Variant v, String category) {
        long own = v.category() != null && (category == null || category.equals(v.category())) ? 1 : 0;
        return own + v.import_().parts().stream()
                .filter(part -> part.category() != null && (category == null || category.equals(part.category()))).count();
    }

    /** A condition on a variable whose range misses every value the variable can take can never be met. */
    private void checkVariableRange(Condition.Sampled v, Map<String, NumberDist> variables) {
        if (!v.field().startsWith("/variables/") || !v.oneOf().isEmpty()) return;
        NumberDist d = variables.get(v.field().substring("/variables/".length()));
        if (d != null && (v.range().max() < d.min() || v.range().min() > d.max()))
            in.error(v.pointer(), "expected a range that meets the values of " + v.field() + " (" + d.min() + " to "
                    + d.max() + "), got " + v.range() + " (no frame can meet it)");
    }

    /** The blocks of {@code r}; null after recording an error. */
    private SamplingSpec read(JsonNode r) {
        int before = in.errors().size();
        Integer maxAttempts = SamplingSpec.DEFAULT_MAX_ATTEMPTS;
        if (r.has("sampling")) {
            JsonNode s = in.object(r.get("sampling"), "/sampling", Set.of("maxAttempts"));
            if (s != null && s.has("maxAttempts"))
                maxAttempts = in.integer(s.get("maxAttempts"), "/sampling/maxAttempts", 1, MAX_ATTEMPTS);
        }
        List<Condition> constraints = r.has("constraints") ? conditions(r.get("constraints"), "/constraints") : List.of();
        CoverageSpec coverage = r.has("coverage") ? coverage(r.get("coverage")) : null;
        if (in.errors().size() > before || maxAttempts == null || constraints == null) return null;
        return new SamplingSpec(maxAttempts, constraints, coverage);
    }

    private List<Condition> conditions(JsonNode node, String pointer) {
        return in.list(node, pointer, this::condition);
    }

    /** {@code {"bins": [bin, ...]}}, or {@code {"axes": [{"name", "bins": [...]}, ...]}} for the bins' cross product. */
    private CoverageSpec coverage(JsonNode node) {
        JsonNode o = in.object(node, "/coverage", Set.of("bins", "axes"));
        if (o == null) return null;
        if (o.has("bins") == o.has("axes")) {
            in.error("/coverage", "expected either \"bins\" or \"axes\", got " + (o.has("bins") ? "both" : "neither"));
            return null;
        }
        List<Bin> bins = o.has("bins") ? bins(o.get("bins"), "/coverage/bins") : axes(o.get("axes"));
        if (bins == null) return null;
        long block = bins.stream().mapToLong(Bin::frames).sum();
        if (block > MAX_BLOCK_FRAMES) {
            in.error(o.has("bins") ? "/coverage/bins" : "/coverage/axes", "expected bins' frames to sum to at most "
                    + MAX_BLOCK_FRAMES + " (one block), got " + block);
            return null;
        }
        return new CoverageSpec(bins);
    }

    /** A non-empty array of bins with unique names; null after recording an error. */
    private List<Bin> bins(JsonNode node, String pointer) {
        Set<String> names = new HashSet<>();
        List<Bin> bins = in.list(node, pointer, e -> bin(e, names));
        if (bins == null) return null;
        if (node.isEmpty()) {
            in.error(pointer, "expected at least one bin, got an empty array");
            return null;
        }
        return bins.size() == node.size() ? bins : null;
    }

    /**
     * Each axis splits the frames by its own bins; the coverage bins are every combination (the
     * first axis varies slowest), named {@code "day/fog"}, holding the conditions of each part, with
     * quota the product of the parts' {@code frames}.
     */
    private List<Bin> axes(JsonNode node) {
        List<List<Bin>> axes = in.list(node, "/coverage/axes", e -> {
            JsonNode a = in.object(e.node(), e.pointer(), Set.of("name", "bins"));
            if (a == null) return null;
            if (a.has("name")) in.text(a.get("name"), e.pointer() + "/name");
            List<Bin> bins = bins(a.get("bins"), e.pointer() + "/bins");
            if (bins != null)
                for (int i = 0; i < bins.size(); i++)
                    if (bins.get(i).name().contains("/"))
                        in.error(e.pointer() + "/bins/" + i + "/name", "expected a name without \"/\" (it joins the "
                                + "names of a combination), got \"" + bins.get(i).name() + "\"");
            return bins;
        });
        if (axes == null || axes.size() != node.size()) return null;
        if (axes.isEmpty()) {
            in.error("/coverage/axes", "expected at least one axis, got an empty array");
            return null;
        }
        long cells = 1, block = 1;
        for (List<Bin> axis : axes) {
            cells *= axis.size();
            block *= axis.stream().mapToLong(Bin::frames).sum();
            if (block > MAX_BLOCK_FRAMES || cells > MAX_BLOCK_FRAMES) {
                in.error("/coverage/axes", "expected the axes' combinations to hold at most " + MAX_BLOCK_FRAMES
                        + " frames per block, got more");
                return null;
            }
        }
        List<Bin> out = List.of(new Bin("/coverage/axes", "", 1, List.of()));
        for (List<Bin> axis : axes) {
            List<Bin> next = new ArrayList<>();
            for (Bin a : out)
                for (Bin b : axis) {
                    List<Condition> where = new ArrayList<>(a.where());
                    where.addAll(b.where());
                    next.add(new Bin("/coverage/axes", a.name().isEmpty() ? b.name() : a.name() + "/" + b.name(),
                            a.frames() * b.frames(), where));
                }
            out = next;
        }
        return out;
    }

    private Bin bin(NodeReader.Element e, Set<String> names) {
        String p = e.pointer();
        JsonNode o = in.object(e.node(), p, Set.of("name", "frames", "where"));
        if (o == null) return null;
        String name = in.text(o.get("name"), p + "/name");
        if (name != null && !names.add(name)) in.error(p + "/name", "expected a unique bin name, got \"" + name + "\" again");
        Integer frames = in.integer(o.get("frames"), p + "/frames", 1, MAX_BLOCK_FRAMES);
        List<Condition> where = o.has("where") ? conditions(o.get("where"), p + "/where") : List.of();
        if (name == null || frames == null || where == null || (o.has("where") && where.size() != o.get("where").size()))
            return null;
        return new Bin(p, name, frames, where);
    }

    private Condition condition(NodeReader.Element e) {
        String p = e.pointer();
        if (e.node() != null && e.node().isObject() && e.node().has("sampled")) return sampled(e.node(), p);
        JsonNode o = in.object(e.node(), p, LABEL_FIELDS);
        if (o == null) return null;
        int before = in.errors().size();
        String category = null;
        int categoryId = 0;
        if (o.has("category")) {
            category = in.text(o.get("category"), p + "/category");
            if (category != null && !categoryIds.containsKey(category)) {
                in.error(p + "/category", "expected a name from /categories, got \"" + category + "\"");
            } else if (category != null) {
                categoryId = categoryIds.get(category);
            }
        }
        Range count = o.has("count") ? range(o.get("count"), p + "/count", 0, Integer.MAX_VALUE, true)
                : new Range(1, Double.POSITIVE_INFINITY);
        Range occlusion = optional(o, "occlusion", p, 0, 1, false);
        Range truncation = optional(o, "truncation", p, 0, 1, false);
        for (String f : List.of("occlusion", "truncation"))
            if (o.has(f) && !visibility)
                in.error(p + "/" + f, "expected \"labels\": {\"visibility\": true}: " + f + " is measured only then");
        Range height = optional(o, "boxHeightPx", p, 0, Double.MAX_VALUE, false);
        Range width = optional(o, "boxWidthPx", p, 0, Double.MAX_VALUE, false);
        Range pixels = optional(o, "visiblePixels", p, 0, Double.MAX_VALUE, false);
        Range distance = optional(o, "distanceM", p, 0, Double.MAX_VALUE, false);
        Range lateral = optional(o, "lateralM", p, 0, Double.MAX_VALUE, false);
        String object = o.has("object") ? in.text(o.get("object"), p + "/object") : null;
        if (object != null && objectNames != null && !objectNames.contains(object))
            in.error(p + "/object", "expected the name of an /objects entry or variant (" + String.join(", ", new java.util.TreeSet<>(objectNames))
                    + "), got \"" + object + "\"");
        if (in.errors().size() > before) return null;
        return new Condition.Labels(p, locate(p), category, categoryId, count, occlusion, truncation, height, width,
                pixels, distance, lateral, object);
    }

    private Range optional(JsonNode o, String field, String p, double lo, double hi, boolean integers) {
        return o.has(field) ? range(o.get(field), p + "/" + field, lo, hi, integers) : Range.ANY;
    }

    /** {@code [min, max]} or {@code {"min": a, "max": b}} (either end optional), within lo..hi. */
    private Range range(JsonNode node, String p, double lo, double hi, boolean integers) {
        Double min = null, max = null;
        if (node != null && node.isArray()) {
            if (node.size() != 2) {
                in.error(p, "expected [min, max], got an array of " + node.size());
                return null;
            }
            min = bound(node.get(0), p + "/0", lo, hi, integers);
            max = bound(node.get(1), p + "/1", lo, hi, integers);
            if (min == null || max == null) return null;
        } else {
            JsonNode o = in.object(node, p, Set.of("min", "max"));
            if (o == null) return null;
            if (!o.has("min") && !o.has("max")) {
                in.error(p, "expected [min, max] or an object with \"min\" and/or \"max\", got an empty object");
                return null;
            }
            if (o.has("min") && (min = bound(o.get("min"), p + "/min", lo, hi, integers)) == null) return null;
            if (o.has("max") && (max = bound(o.get("max"), p + "/max", lo, hi, integers)) == null) return null;
        }
        double a = min == null ? Double.NEGATIVE_INFINITY : min, b = max == null ? Double.POSITIVE_INFINITY : max;
        if (a > b) {
            in.error(p, "expected min <= max, got min " + min + " > max " + max + " (no frame can meet it)");
            return null;
        }
        return new Range(a, b);
    }

    private Double bound(JsonNode node, String p, double lo, double hi, boolean integers) {
        if (integers) {
            Integer v = in.integer(node, p, (int) lo, (int) Math.min(hi, Integer.MAX_VALUE));
            return v == null ? null : v.doubleValue();
        }
        return in.number(node, p, lo, hi, hi == 1 ? "a ratio in 0..1" : "a number >= " + (long) lo);
    }

    /** {@code {"sampled": "/variables/hour", "min": 7, "max": 19}}, or {@code "oneOf": [...]} for a choice's label. */
    private Condition sampled(JsonNode o, String p) {
        in.rejectUnknown(o, p, SAMPLED_FIELDS);
        int before = in.errors().size();
        String field = in.text(o.get("sampled"), p + "/sampled");
        if (field != null) checkField(field, p + "/sampled");
        Integer component = o.has("component") ? in.integer(o.get("component"), p + "/component", 0, 2) : null;
        Boolean vector = field == null || !field.startsWith("/") ? null : drawsVectors(root.at(field));
        if (vector == Boolean.TRUE && !o.has("component"))
            in.error(p + "/sampled", field + " draws vectors or colours: expected \"component\": 0, 1 or 2 beside it");
        if (vector == Boolean.FALSE && o.has("component"))
            in.error(p + "/component", field + " draws single numbers: expected no \"component\"");
        Double min = o.has("min") ? in.number(o.get("min"), p + "/min") : null;
        Double max = o.has("max") ? in.number(o.get("max"), p + "/max") : null;
        List<String> oneOf = new ArrayList<>();
        if (o.has("oneOf")) {
            List<String> read = in.list(o.get("oneOf"), p + "/oneOf", e -> in.text(e.node(), e.pointer()));
            if (read != null && read.isEmpty()) in.error(p + "/oneOf", "expected at least one value, got an empty array");
            if (read != null) oneOf.addAll(read);
            if (o.has("min") || o.has("max")) in.error(p + "/oneOf", "expected either \"oneOf\" or \"min\"/\"max\", got both");
        } else if (!o.has("min") && !o.has("max")) {
            in.error(p, "expected \"min\", \"max\" or \"oneOf\" beside \"sampled\"");
        }
        if (min != null && max != null && min > max)
            in.error(p, "expected min <= max, got min " + min + " > max " + max + " (no frame can meet it)");
        if (in.errors().size() > before) return null;
        Range range = new Range(min == null ? Double.NEGATIVE_INFINITY : min, max == null ? Double.POSITIVE_INFINITY : max);
        return new Condition.Sampled(p, locate(p), field, component, range, oneOf);
    }

    /** Distributions whose draws are vectors or colours. */
    private static final Set<String> VECTOR_FORMS = Set.of("sphere", "hemisphere", "disk", "ball", "hsv", "kelvin");

    /**
     * Whether the template field draws vectors (true), single numbers (false), or cannot tell from
     * its form (null: checked when the frame is sampled).
     */
    private static Boolean drawsVectors(JsonNode field) {
        if (field.isArray()) return true; // a per-axis vector
        if (!field.isObject() || field.size() != 1) return null;
        String form = field.fieldNames().next();
        JsonNode args = field.get(form);
        if (VECTOR_FORMS.contains(form)) return true;
        if (form.equals("uniform") || form.equals("logUniform"))
            return args.isArray() && args.size() == 2 ? args.get(0).isArray() : null;
        if (form.equals("normal") || form.equals("var")) return false;
        return null;
    }

    /** A {@code sampled} pointer must name a field of this template that a distribution fills. */
    private void checkField(String field, String p) {
        if (!field.startsWith("/")) {
            in.error(p, "expected the JSON pointer of a randomized template field, as meta \"sampled\" and "
                    + "mirage sample name them (\"/variables/hour\"), got \"" + field + "\"");
            return;
        }
        JsonNode target = root.at(field);
        if (target.isMissingNode()) {
            in.error(p, "expected the pointer of a field of this template, got \"" + field + "\" (no such field)");
        } else if (target.isValueNode()) {
            in.error(p, "expected a randomized field (a distribution), got \"" + field + "\", fixed at "
                    + NodeReader.describe(target) + ": it is never sampled");
        }
    }
}
