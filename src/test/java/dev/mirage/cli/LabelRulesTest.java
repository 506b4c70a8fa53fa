package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template label rules and polygon output, end to end on the street scene. */
class LabelRulesTest {
    @TempDir
    Path tmp;

    JsonNode render(String labels) throws IOException {
        String street = Files.readString(Path.of("scenes/street.json"));
        Path scene = tmp.resolve("street.json");
        Files.writeString(scene, street.replace("\"labels\": { \"minVisiblePixels\": 25 }", "\"labels\": " + labels));
        Path out = tmp.resolve("out-" + Math.abs(labels.hashCode()));
        CliRun run = CliRun.of("render", scene.toString(), "-o", out.toString(), "-n", "2", "--width", "160", "--height", "120", "-q");
        assertEquals(0, run.exit(), run.describe());
        return new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile());
    }

    @Test
    void polygonsCoverTheMaskArea() throws IOException {
        JsonNode coco = render("{ \"minVisiblePixels\": 25, \"segmentation\": \"polygon\" }");
        assertTrue(coco.path("annotations").size() > 5);
        for (JsonNode a : coco.path("annotations")) {
            assertTrue(a.path("segmentation").isArray(), a.toString());
            double area = 0;
            for (JsonNode ring : a.path("segmentation")) {
                int n = ring.size() / 2;
                double twice = 0;
                for (int i = 0; i < n; i++) {
                    int j = (i + 1) % n;
                    twice += ring.get(2 * i).asDouble() * ring.get(2 * j + 1).asDouble() - ring.get(2 * j).asDouble() * ring.get(2 * i + 1).asDouble();
                }
                area += Math.abs(twice) / 2;
            }
            assertEquals(a.path("area").asDouble(), area, 0.02 * a.path("area").asDouble() + 1, a.toString());
        }
    }

    @Test
    void rulesDropSmallObjectsAndMarkOccludedOnesCrowd() throws IOException {
        JsonNode all = render("{ \"minVisiblePixels\": 1 }");
        JsonNode ruled = render("{ \"minVisiblePixels\": 1, \"rules\": ["
                + "{ \"category\": \"pole\", \"action\": \"drop\", \"minVisiblePixels\": 1000000 },"
                + "{ \"maxOcclusion\": 0.3, \"action\": \"crowd\" } ] }");
        long poles = 0, expectedCrowd = 0;
        for (JsonNode a : all.path("annotations")) {
            if (a.path("category_id").asInt() == 3) poles++;
            else if (a.path("occlusion").asDouble() > 0.3) expectedCrowd++;
        }
        assertTrue(poles > 0 && expectedCrowd > 0, "the street shows poles and occluded objects");
        assertEquals(all.path("annotations").size() - poles, ruled.path("annotations").size(), "every pole dropped");
        long crowd = 0;
        for (JsonNode a : ruled.path("annotations")) {
            assertNotEquals(3, a.path("category_id").asInt());
            boolean occluded = a.path("occlusion").asDouble() > 0.3;
            assertEquals(occluded ? 1 : 0, a.path("iscrowd").asInt(), a.toString());
            if (occluded) {
                crowd++;
                assertTrue(a.path("segmentation").has("counts"), "crowd annotations keep RLE");
            }
        }
        assertEquals(expectedCrowd, crowd);
    }

    @Test
    void badRulesNameTheirField() throws IOException {
        Path scene = tmp.resolve("bad.json");
        Files.writeString(scene, Files.readString(Path.of("scenes/street.json")).replace("\"labels\": { \"minVisiblePixels\": 25 }",
                "\"labels\": { \"rules\": [ { \"category\": \"tree\", \"action\": \"hide\", \"maxOcclusion\": 2 } ] }"));
        CliRun run = CliRun.of("validate", scene.toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("/labels/rules/0/category") && run.err().contains("/labels/rules/0/action")
                && run.err().contains("/labels/rules/0/maxOcclusion"), run.describe());
    }
}
