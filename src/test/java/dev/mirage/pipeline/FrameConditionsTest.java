package dev.mirage.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SamplingSpec.Range;
import dev.mirage.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditions tested on hand-made annotations and sampled values. */
class FrameConditionsTest {
    private static final Range ANY = Range.ANY;
    private static final Path FILE = Path.of("scene.json");

    private static JsonNode annotations(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private static Condition.Labels labels(int category, Range count, Range occlusion, Range height, Range distance) {
        return new Condition.Labels("/constraints/0", null, category == 0 ? null : "c" + category, category, count, occlusion, ANY,
                height, ANY, ANY, distance);
    }

    /** Three pedestrians (id 1): 30 px tall at 5 m, half hidden; 10 px at 20 m; a crowd one; and a car (id 2). */
    private static final String FRAME = """
            [ {"category_id": 1, "iscrowd": 0, "bbox": [0, 0, 10, 30], "area": 200, "occlusion": 0.5, "truncation": 0,
               "bbox3d": {"centre": [3, 0, -4]}},
              {"category_id": 1, "iscrowd": 0, "bbox": [0, 0, 4, 10], "area": 30, "occlusion": 0.0, "truncation": 0,
               "bbox3d": {"centre": [0, 0, -20]}},
              {"category_id": 1, "iscrowd": 1, "bbox": [0, 0, 10, 40], "area": 300, "occlusion": 0.6, "truncation": 0,
               "bbox3d": {"centre": [0, 0, -3]}},
              {"category_id": 2, "iscrowd": 0, "bbox": [0, 0, 50, 40], "area": 1500, "occlusion": 0.7, "truncation": 0,
               "bbox3d": {"centre": [0, 0, -8]}} ]""";

    @Test
    void labelConditionsCountTheMatchingNonCrowdAnnotations() throws Exception {
        JsonNode a = annotations(FRAME);
        Range one = new Range(1, Double.POSITIVE_INFINITY);
        assertEquals(2, FrameConditions.matches(labels(1, one, ANY, ANY, ANY), a), "crowd annotations do not count");
        assertEquals(3, FrameConditions.matches(labels(0, one, ANY, ANY, ANY), a), "no category: every category");
        assertEquals(1, FrameConditions.matches(labels(1, one, new Range(0.4, 0.8), ANY, ANY), a));
        assertEquals(1, FrameConditions.matches(labels(1, one, ANY, new Range(20, 1e9), ANY), a));
        assertEquals(1, FrameConditions.matches(labels(1, one, ANY, ANY, new Range(0, 5)), a), "|(3, 0, -4)| = 5 m");
        assertEquals(0, FrameConditions.matches(labels(1, one, ANY, ANY, new Range(0, 4.99)), a));
        assertTrue(FrameConditions.test(labels(1, one, ANY, ANY, ANY), a));
        assertFalse(FrameConditions.test(labels(1, new Range(3, 5), ANY, ANY, ANY), a));
        assertTrue(FrameConditions.test(labels(2, new Range(0, 0), ANY, new Range(0, 30), ANY), a), "no car under 30 px");
        assertFalse(FrameConditions.test(labels(1, one, ANY, ANY, ANY), annotations("[]")));
    }

    /** Near the ego lane: the pedestrian 3 m to the side is outside 2 m of the line of sight, the one straight ahead inside. */
    @Test
    void lateralOffsetIsTheSidewaysDistanceFromTheLineOfSight() throws Exception {
        JsonNode a = annotations(FRAME);
        Range one = new Range(1, Double.POSITIVE_INFINITY);
        Condition.Labels near = new Condition.Labels("/constraints/0", null, "c1", 1, one, ANY, ANY, ANY, ANY, ANY, ANY, new Range(0, 2));
        assertEquals(1, FrameConditions.matches(near, a));
        Condition.Labels side = new Condition.Labels("/constraints/0", null, "c1", 1, one, ANY, ANY, ANY, ANY, ANY, ANY, new Range(2.5, 3.5));
        assertEquals(1, FrameConditions.matches(side, a), "|x| = 3 m");
        Condition.Labels both = new Condition.Labels("/constraints/0", null, "c1", 1, one, ANY, ANY, ANY, ANY, ANY, new Range(0, 10),
                new Range(0, 2));
        assertEquals(0, FrameConditions.matches(both, a), "the one ahead is 20 m away, the near one 3 m aside");
    }

    /** {@code object} counts only the annotations whose instance comes from the named entry: a child among adults. */
    @Test
    void anObjectNameSelectsTheEntry() throws Exception {
        JsonNode a = annotations("""
                [ {"category_id": 1, "iscrowd": 0, "instance_id": 1, "bbox": [0, 0, 4, 10], "area": 30, "bbox3d": {"centre": [0, 0, -9]}},
                  {"category_id": 1, "iscrowd": 0, "instance_id": 2, "bbox": [0, 0, 4, 10], "area": 30, "bbox3d": {"centre": [0, 0, -30]}} ]""");
        Map<Integer, String> names = Map.of(1, "pedestrian", 2, "child");
        Range one = new Range(1, Double.POSITIVE_INFINITY);
        Condition.Labels child = new Condition.Labels("/constraints/0", null, "c1", 1, one, ANY, ANY, ANY, ANY, ANY, ANY, ANY, "child");
        assertEquals(1, FrameConditions.matches(child, a, names::get));
        Condition.Labels nearChild = new Condition.Labels("/constraints/0", null, "c1", 1, one, ANY, ANY, ANY, ANY, ANY,
                new Range(0, 20), ANY, "child");
        assertFalse(FrameConditions.test(nearChild, a, names::get), "the child is 30 m away; the adult at 9 m does not count");
        assertEquals(0, FrameConditions.matches(child, a), "without names nothing is a child");
    }

    @Test
    void anUnmeasuredOcclusionMeetsNoOcclusionRange() throws Exception {
        JsonNode a = annotations("[ {\"category_id\": 1, \"iscrowd\": 0, \"bbox\": [0, 0, 4, 10], \"area\": 30, \"bbox3d\": {\"centre\": [0, 0, -2]}} ]");
        assertEquals(0, FrameConditions.matches(labels(1, new Range(1, 9), new Range(0, 1), ANY, ANY), a));
        assertEquals(1, FrameConditions.matches(labels(1, new Range(1, 9), ANY, ANY, ANY), a));
    }

    private static Condition.Sampled sampled(String field, Integer component, Range range, List<String> oneOf) {
        return new Condition.Sampled("/constraints/1", null, field, component, range, oneOf);
    }

    @Test
    void sampledConditionsHoldForEveryLoggedValue() {
        Map<String, List<Object>> log = Map.of("/variables/hour", List.of(7.5), "/objects/1/yawDeg", List.of(10.0, 200.0),
                "/camera/position", List.of(new double[] {1, 1.7, 3}), "/objects/0/variants", List.of("sedan", "bus"));
        assertTrue(FrameConditions.test(sampled("/variables/hour", null, new Range(6, 18), List.of()), log, FILE));
        assertFalse(FrameConditions.test(sampled("/variables/hour", null, new Range(8, 18), List.of()), log, FILE));
        assertFalse(FrameConditions.test(sampled("/objects/1/yawDeg", null, new Range(0, 180), List.of()), log, FILE),
                "one instance out of range fails the frame");
        assertTrue(FrameConditions.test(sampled("/camera/position", 1, new Range(1.5, 1.8), List.of()), log, FILE));
        assertFalse(FrameConditions.test(sampled("/camera/position", 2, new Range(1.5, 1.8), List.of()), log, FILE));
        assertTrue(FrameConditions.test(sampled("/objects/0/variants", null, ANY, List.of("bus", "sedan")), log, FILE));
        assertFalse(FrameConditions.test(sampled("/objects/0/variants", null, ANY, List.of("bus")), log, FILE));
        assertTrue(FrameConditions.test(sampled("/objects/5/yawDeg", null, new Range(0, 1), List.of()), log, FILE),
                "nothing drawn (no instances): nothing breaks it");
    }

    @Test
    void aConditionOfTheWrongKindForItsFieldIsATemplateMistake() {
        Map<String, List<Object>> log = Map.of("/camera/position", List.of(new double[] {1, 1.7, 3}),
                "/objects/0/variants", List.of("sedan"), "/variables/hour", List.of(3.0));
        TemplateException vector = assertThrows(TemplateException.class,
                () -> FrameConditions.test(sampled("/camera/position", null, new Range(0, 1), List.of()), log, FILE));
        assertEquals("/constraints/1/sampled", vector.errors().get(0).pointer());
        assertTrue(vector.getMessage().contains("\"component\""), vector.getMessage());
        assertThrows(TemplateException.class,
                () -> FrameConditions.test(sampled("/objects/0/variants", null, new Range(0, 1), List.of()), log, FILE));
        assertThrows(TemplateException.class,
                () -> FrameConditions.test(sampled("/variables/hour", 0, new Range(0, 1), List.of()), log, FILE));
    }
}
