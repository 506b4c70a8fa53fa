package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.dataset.ModelBounds;
import dev.mirage.label.Box3d;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SamplingSpec.Range;
import dev.mirage.template.TemplateError;
import dev.mirage.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.joml.Matrix4d;
import org.joml.Vector3dc;

/**
 * Tests one frame against a template's conditions: {@link Condition.Sampled} against the values
 * the sampler logged, {@link Condition.Labels} against the frame's annotations exactly as its
 * meta file and the COCO file hold them. Pure functions.
 */
final class FrameConditions {
    private FrameConditions() {}

    /**
     * Whether every value logged under the condition's field lies in its range (or is one of its
     * labels); a field that drew nothing this frame (an entry with no instances) passes.
     *
     * @throws TemplateException at the condition when the field draws vectors and no component is
     *                           named, or draws labels where numbers are asked (and the reverse)
     */
    static boolean test(Condition.Sampled c, Map<String, List<Object>> logged, Path templateFile) {
        List<Object> values = logged.get(c.field());
        if (values == null) return true;
        for (Object v : values) {
            if (v instanceof String label) {
                if (c.oneOf().isEmpty()) throw wrong(c, templateFile, "oneOf", "draws choice labels (such as \""
                        + label + "\"): expected \"oneOf\": [labels] instead of min/max");
                if (!c.oneOf().contains(label)) return false;
                continue;
            }
            double x;
            if (v instanceof double[] vector) {
                if (c.component() == null) throw wrong(c, templateFile, "sampled", "draws vectors: expected \"component\": 0, 1 or 2");
                x = vector[c.component()];
            } else {
                if (c.component() != null) throw wrong(c, templateFile, "component", "draws single numbers: expected no \"component\"");
                x = ((Number) v).doubleValue();
            }
            if (!c.oneOf().isEmpty()) throw wrong(c, templateFile, "oneOf", "draws numbers: expected \"min\"/\"max\" instead of \"oneOf\"");
            if (!c.range().contains(x)) return false;
        }
        return true;
    }

    private static TemplateException wrong(Condition.Sampled c, Path file, String field, String what) {
        return new TemplateException(file, List.of(new TemplateError(c.pointer() + "/" + field, c.field() + " " + what, c.location())));
    }

    /** Whether the number of matching annotations lies in the condition's {@code count}. */
    static boolean test(Condition.Labels c, JsonNode annotations) {
        return c.count().contains(matches(c, annotations));
    }

    /** As {@link #test(Condition.Labels, JsonNode)}, with each instance's object name for {@code object}. */
    static boolean test(Condition.Labels c, JsonNode annotations, IntFunction<String> objectName) {
        return c.count().contains(matches(c, annotations, objectName));
    }

    /** The object name of each instance id of a frame (its template entry's or variant's name). */
    static IntFunction<String> objectNames(FrameScene frame) {
        Map<Integer, String> names = new java.util.HashMap<>();
        for (ObjectInstance o : frame.objects()) if (o.instanceId() != 0) names.put(o.instanceId(), o.name());
        return names::get;
    }

    /**
     * How many non-crowd annotations (COCO annotation objects, as the meta file holds them) are of
     * the condition's category and within each of its ranges.
     */
    static int matches(Condition.Labels c, JsonNode annotations) {
        return matches(c, annotations, id -> null);
    }

    /** As {@link #matches(Condition.Labels, JsonNode)}; {@code object} compares {@code objectName} of the annotation's instance. */
    static int matches(Condition.Labels c, JsonNode annotations, IntFunction<String> objectName) {
        int n = 0;
        for (JsonNode a : annotations) {
            if (a.path("iscrowd").asInt() != 0) continue;
            if (c.object() != null && !c.object().equals(objectName.apply(a.path("instance_id").asInt()))) continue;
            if (c.categoryId() != 0 && a.path("category_id").asInt() != c.categoryId()) continue;
            if (!within(c.occlusion(), a.get("occlusion")) || !within(c.truncation(), a.get("truncation"))) continue;
            if (!c.boxWidthPx().contains(a.path("bbox").path(2).asDouble())) continue;
            if (!c.boxHeightPx().contains(a.path("bbox").path(3).asDouble())) continue;
            if (!c.visiblePixels().contains(a.path("area").asDouble())) continue;
            if (!c.distanceM().equals(Range.ANY) && !c.distanceM().contains(distanceM(a))) continue;
            if (!c.lateralM().equals(Range.ANY) && !c.lateralM().contains(lateralM(a))) continue;
            n++;
        }
        return n;
    }

    /**
     * The most annotations {@code c} could count in {@code frame}, from the scene alone: its labeled
     * instances of the category whose oriented box's centre lies within {@code distanceM}. A frame's
     * annotations are a subset of its instances and their {@code bbox3d} centres are these same
     * numbers, so a frame with fewer than {@code count.min} such instances fails {@code c} whatever
     * it looks like, and need not be rendered.
     *
     * @param bounds each object's model-space box, as the meta writer uses it
     */
    static int mostMatches(Condition.Labels c, FrameScene frame, ModelBounds bounds) {
        int n = 0;
        for (ObjectInstance o : frame.objects()) {
            if (o.categoryId() == 0 || (c.categoryId() != 0 && o.categoryId() != c.categoryId())) continue;
            if (c.object() != null && !c.object().equals(o.name())) continue;
            if (!c.distanceM().equals(Range.ANY) || !c.lateralM().equals(Range.ANY)) {
                ModelBounds.Box b = bounds.of(o.source());
                Vector3dc centre = Box3d.of(frame.camera(), b.min(), b.max(),
                        new Matrix4d(o.modelToWorld()).mul(b.frameToModel())).centre();
                // the same arithmetic as distanceM(annotation) and lateralM(annotation) on the written centre
                double d = Math.sqrt(centre.x() * centre.x() + centre.y() * centre.y() + centre.z() * centre.z());
                if (!c.distanceM().contains(d) || !c.lateralM().contains(Math.abs(centre.x()))) continue;
            }
            n++;
        }
        return n;
    }

    /** Distance from the camera to the centre of the annotation's {@code bbox3d} (camera coordinates). */
    static double distanceM(JsonNode annotation) {
        JsonNode centre = annotation.path("bbox3d").path("centre");
        double x = centre.path(0).asDouble(), y = centre.path(1).asDouble(), z = centre.path(2).asDouble();
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Sideways offset of the annotation's {@code bbox3d} centre from the camera's line of sight, |x| (camera coordinates). */
    static double lateralM(JsonNode annotation) {
        return Math.abs(annotation.path("bbox3d").path("centre").path(0).asDouble());
    }

    /** An unmeasured value (no field) meets only an unbounded range. */
    private static boolean within(Range range, JsonNode value) {
        if (range.equals(Range.ANY)) return true;
        return value != null && value.isNumber() && range.contains(value.doubleValue());
    }
}
