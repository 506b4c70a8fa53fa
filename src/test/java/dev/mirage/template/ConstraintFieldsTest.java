package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SamplingSpec.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code constraints}, {@code coverage} and {@code sampling} blocks: what they read into, and every mistake at its pointer. */
class ConstraintFieldsTest {
    @TempDir
    Path dir;

    private static final String SCENE = """
            {
              "mirage": 1,
              "image": { "width": 64, "height": 48 },
              "variables": { "hour": { "uniform": [0, 24] } },
              "camera": { "position": [0, 1.5, 5], "lookAt": [0, 1, 0], "fovDeg": 50 },
              "categories": [ { "id": 3, "name": "pedestrian" } ],
              "objects": [ { "shape": "person", "category": "pedestrian", "yawDeg": { "uniform": [0, 360] } } ]BLOCKS
            }
            """;

    private Path write(String blocks) throws IOException {
        return Files.writeString(dir.resolve("scene.json"), SCENE.replace("BLOCKS", blocks));
    }

    @Test
    void withoutTheBlocksNothingIsChecked() throws IOException {
        SceneTemplate t = TemplateReader.read(write(""));
        assertEquals(SamplingSpec.NONE, t.sampling());
        assertFalse(t.sampling().active());
    }

    @Test
    void constraintsAndBinsReadWithTheirPointersAndLines() throws IOException {
        SceneTemplate t = TemplateReader.read(write("""
                ,
                  "constraints": [
                    { "sampled": "/variables/hour", "min": 6, "max": 18 },
                    { "category": "pedestrian", "count": [1, 2], "occlusion": [0.4, 0.8], "boxHeightPx": { "min": 20 },
                      "distanceM": { "max": 30 } }
                  ],
                  "coverage": { "bins": [ { "name": "dusk", "frames": 3, "where": [ { "sampled": "/objects/0/yawDeg", "max": 90 } ] },
                                          { "name": "rest", "frames": 1 } ] },
                  "sampling": { "maxAttempts": 7 }"""));
        SamplingSpec s = t.sampling();
        assertEquals(7, s.maxAttempts());
        assertTrue(s.readsLabels());
        Condition.Sampled hour = (Condition.Sampled) s.constraints().get(0);
        assertEquals("/constraints/0", hour.pointer());
        assertEquals("/variables/hour", hour.field());
        assertEquals(new Range(6, 18), hour.range());
        assertEquals(9, hour.location().line());
        Condition.Labels people = (Condition.Labels) s.constraints().get(1);
        assertEquals(3, people.categoryId(), "the category's id from /categories");
        assertEquals(new Range(1, 2), people.count());
        assertEquals(new Range(0.4, 0.8), people.occlusion());
        assertEquals(new Range(20, Double.POSITIVE_INFINITY), people.boxHeightPx());
        assertEquals(new Range(Double.NEGATIVE_INFINITY, 30), people.distanceM());
        assertEquals(Range.ANY, people.truncation());
        assertEquals(10, people.location().line());
        assertEquals(4, s.coverage().blockFrames());
        assertEquals("dusk", s.coverage().bins().get(0).name());
        assertEquals("/coverage/bins/0/where/0", s.coverage().bins().get(0).where().get(0).pointer());
        assertTrue(s.coverage().bins().get(1).where().isEmpty());
    }

    @Test
    void aLabelConditionCountsAtLeastOneByDefault() throws IOException {
        SceneTemplate t = TemplateReader.read(write(", \"constraints\": [ { \"category\": \"pedestrian\" } ]"));
        Condition.Labels c = (Condition.Labels) t.sampling().constraints().get(0);
        assertEquals(new Range(1, Double.POSITIVE_INFINITY), c.count());
        assertEquals(SamplingSpec.DEFAULT_MAX_ATTEMPTS, t.sampling().maxAttempts());
        assertNull(t.sampling().coverage());
    }

    @Test
    void everyMistakeIsReportedAtItsPointer() throws IOException {
        Path file = write("""
                ,
                  "constraints": [
                    { "sampled": "/variables/minute", "min": 1 },
                    { "sampled": "/camera/fovDeg", "max": 60 },
                    { "sampled": "/variables/hour", "min": 9, "max": 3 },
                    { "sampled": "/variables/hour" },
                    { "category": "cyclist" },
                    { "category": "pedestrian", "occlusion": [0.2, 1.5], "count": { "min": -1 }, "colour": "red" },
                    { "category": "pedestrian", "boxHeightPx": [30, 20] },
                    "pedestrian"
                  ],
                  "coverage": { "bins": [ { "name": "a", "frames": 0 }, { "name": "a", "frames": 1, "where": {} } ] },
                  "sampling": { "maxAttempts": 0, "retries": 3 }""");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        Map<String, String> byPointer = new TreeMap<>();
        e.errors().forEach(x -> byPointer.merge(x.pointer(), x.message(), (a, b) -> a + " | " + b));
        assertTrue(byPointer.get("/constraints/0/sampled").contains("no such field"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/1/sampled").contains("fixed at 50"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/2").contains("min <= max"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/3").contains("\"min\", \"max\" or \"oneOf\""), byPointer.toString());
        assertTrue(byPointer.get("/constraints/4/category").contains("\"cyclist\""), byPointer.toString());
        assertTrue(byPointer.get("/constraints/5/occlusion/1").contains("0..1"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/5/count/min").contains("[0, "), byPointer.toString());
        assertTrue(byPointer.get("/constraints/5/colour").startsWith("unknown field"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/6/boxHeightPx").contains("min <= max"), byPointer.toString());
        assertTrue(byPointer.get("/constraints/7").contains("expected an object"), byPointer.toString());
        assertTrue(byPointer.get("/coverage/bins/0/frames").contains("[1, "), byPointer.toString());
        assertTrue(byPointer.get("/coverage/bins/1/name").contains("unique"), byPointer.toString());
        assertTrue(byPointer.get("/coverage/bins/1/where").contains("expected an array"), byPointer.toString());
        assertTrue(byPointer.get("/sampling/maxAttempts").contains("[1, "), byPointer.toString());
        assertTrue(byPointer.get("/sampling/retries").startsWith("unknown field"), byPointer.toString());
        assertEquals(15, byPointer.size(), byPointer.toString());
        // each at its line in the file
        TemplateError fixed = e.errors().stream().filter(x -> x.pointer().equals("/constraints/1/sampled")).findFirst().orElseThrow();
        assertEquals(10, fixed.location().line());
        assertTrue(e.getMessage().startsWith(file + ": 15 errors"), e.getMessage());
    }

    @Test
    void aCountAboveWhatAFrameCanHoldIsAMistake() throws IOException {
        Path file = write("""
                ,
                  "constraints": [ { "category": "pedestrian", "count": { "min": 2 } }, { "count": [1, 1] } ],
                  "coverage": { "bins": [ { "name": "crowd", "frames": 1, "where": [ { "count": { "min": 4 } } ] } ] }""");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertEquals("/constraints/0/count", e.errors().get(0).pointer());
        assertTrue(e.errors().get(0).message().contains("at most 1 objects of \"pedestrian\""), e.getMessage());
        assertEquals("/coverage/bins/0/where/0/count", e.errors().get(1).pointer());
        assertTrue(e.errors().get(1).message().contains("at most 1 labeled objects"), e.getMessage());
    }

    @Test
    void anObjectNameMustNameAnEntry() throws IOException {
        String scene = SCENE.replace("\"shape\": \"person\",", "\"name\": \"walker\", \"shape\": \"person\",");
        Path ok = Files.writeString(dir.resolve("ok.json"), scene.replace("BLOCKS",
                ", \"constraints\": [ { \"category\": \"pedestrian\", \"object\": \"walker\" } ]"));
        assertEquals("walker", ((Condition.Labels) TemplateReader.read(ok).sampling().constraints().get(0)).object());
        Path bad = Files.writeString(dir.resolve("bad.json"), scene.replace("BLOCKS",
                ", \"constraints\": [ { \"category\": \"pedestrian\", \"object\": \"child\" } ]"));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(bad));
        assertEquals("/constraints/0/object", e.errors().get(0).pointer());
        assertTrue(e.errors().get(0).message().contains("walker"), e.getMessage());
    }

    @Test
    void aRangeMissingEveryValueOfItsVariableIsAMistake() throws IOException {
        Path file = write("""
                ,
                  "constraints": [ { "sampled": "/variables/hour", "min": 25 }, { "sampled": "/variables/hour", "max": 24 } ]""");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals("/constraints/0", e.errors().get(0).pointer());
        assertTrue(e.errors().get(0).message().contains("(0.0 to 24.0), got >= 25"), e.getMessage());
    }

    @Test
    void aVectorFieldNeedsItsComponentAndANumberNone() throws IOException {
        Path file = write("""
                ,
                  "constraints": [ { "sampled": "/objects/0/position", "max": 1 },
                                   { "sampled": "/objects/0/yawDeg", "component": 1, "max": 1 },
                                   { "sampled": "/objects/0/position", "component": 2, "max": 1 } ]""");
        // the person gets a random position: a vector
        Files.writeString(file, Files.readString(file).replace("\"yawDeg\": { \"uniform\": [0, 360] }",
                "\"position\": { \"uniform\": [[0, 0, 0], [1, 1, 1]] }, \"yawDeg\": { \"uniform\": [0, 360] }"));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(java.util.List.of("/constraints/0/sampled", "/constraints/1/component"),
                e.errors().stream().map(TemplateError::pointer).toList(), e.getMessage());
    }

    @Test
    void occlusionNeedsVisibilityMeasured() throws IOException {
        Path file = write("""
                ,
                  "labels": { "visibility": false },
                  "constraints": [ { "category": "pedestrian", "truncation": { "max": 0.1 } } ]""");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals("/constraints/0/truncation", e.errors().get(0).pointer());
        assertTrue(e.errors().get(0).message().contains("\"visibility\": true"), e.getMessage());
    }

    @Test
    void axesCombineIntoBinsWithProductQuotas() throws IOException {
        SceneTemplate t = TemplateReader.read(write("""
                ,
                  "coverage": { "axes": [
                    { "name": "time", "bins": [ { "name": "day", "frames": 3, "where": [ { "sampled": "/variables/hour", "min": 7 } ] },
                                                { "name": "night", "frames": 1, "where": [ { "sampled": "/variables/hour", "max": 5 } ] } ] },
                    { "name": "people", "bins": [ { "name": "near", "frames": 1, "where": [ { "category": "pedestrian", "distanceM": { "max": 10 } } ] },
                                                  { "name": "any", "frames": 2 } ] }
                  ] }"""));
        var bins = t.sampling().coverage().bins();
        assertEquals(java.util.List.of("day/near", "day/any", "night/near", "night/any"),
                bins.stream().map(SamplingSpec.Bin::name).toList());
        assertEquals(java.util.List.of(3, 6, 1, 2), bins.stream().map(SamplingSpec.Bin::frames).toList());
        assertEquals(12, t.sampling().coverage().blockFrames());
        assertEquals(java.util.List.of("/coverage/axes/0/bins/1/where/0", "/coverage/axes/1/bins/0/where/0"),
                bins.get(2).where().stream().map(Condition::pointer).toList());
        assertTrue(bins.get(3).where().size() == 1 && bins.get(3).where().get(0) instanceof Condition.Sampled);
    }

    @Test
    void binsAndAxesAreMistakesAtTheirPointers() throws IOException {
        TemplateException both = assertThrows(TemplateException.class, () -> TemplateReader.read(write(
                ", \"coverage\": { \"bins\": [ { \"name\": \"a\", \"frames\": 1 } ], \"axes\": [] }")));
        assertEquals("/coverage", both.errors().get(0).pointer());
        TemplateException slash = assertThrows(TemplateException.class, () -> TemplateReader.read(write(
                ", \"coverage\": { \"axes\": [ { \"bins\": [ { \"name\": \"a/b\", \"frames\": 1 } ] }, { \"bins\": [] } ] }")));
        assertEquals(java.util.List.of("/coverage/axes/0/bins/0/name", "/coverage/axes/1/bins"),
                slash.errors().stream().map(TemplateError::pointer).toList());
    }

    @Test
    void emptyCoverageIsAMistake() throws IOException {
        Path file = write(", \"coverage\": { \"bins\": [] }");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals("/coverage/bins", e.errors().get(0).pointer());
    }
}
