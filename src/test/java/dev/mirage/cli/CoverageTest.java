package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage bins end to end: a run of whole blocks holds each bin's quota exactly, every frame meets
 * its bin's conditions by its written labels and conditions, and a shard assigns the same bins to
 * the same frames as the whole run.
 */
class CoverageTest {
    static final int W = 96, H = 64;

    /** Per block of 5 frames: 1 at night (sun at or below 0°), 2 with a pedestrian within 10 m, 2 of anything. */
    static final String COVERAGE = """
            ,
              "coverage": {
                "bins": [
                  { "name": "night", "frames": 1, "where": [ { "sampled": "/variables/hour", "max": 3 } ] },
                  { "name": "near-pedestrian", "frames": 2,
                    "where": [ { "category": "pedestrian", "distanceM": { "max": 10 }, "boxHeightPx": { "min": 4 } } ] },
                  { "name": "any", "frames": 2 }
                ]
              },
              "sampling": { "maxAttempts": 300 }""";

    @TempDir
    Path tmp;

    @Test
    void wholeBlocksHoldTheQuotasExactlyAndEachFrameMeetsItsBin() throws IOException {
        Path scene = TinyScene.write(tmp, "street.json", ConstraintsTest.SCENE.replace("CONSTRAINTS", COVERAGE));
        Path out = tmp.resolve("out");
        int frames = 10;
        CliRun r = CliRun.render(scene, out, frames, 3, W, H);
        assertEquals(0, r.exit(), r.describe());
        JsonNode coco = ConstraintsTest.read(out.resolve("annotations/coco.json"));
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < frames; i++) {
            String bin = ConstraintsTest.meta(out, i).get("sampling").get("bin").asText();
            counts.merge(bin, 1, Integer::sum);
            JsonNode image = coco.get("images").get(i);
            assertEquals(i + 1, image.get("id").asInt());
            assertEquals(bin, image.path("coverage_bin").asText(), "COCO carries the bin");
            double elevation = image.get("conditions").get("sunElevationDeg").asDouble();
            if (bin.equals("night")) // hour <= 3 is a sun at or below 0 degrees (-20 at midnight, 60 at noon)
                assertTrue(elevation <= 1e-3, "frame " + i + ": night bin, sun at " + elevation);
            if (bin.equals("near-pedestrian")) {
                boolean near = ConstraintsTest.annotationsOf(coco, i + 1).stream().anyMatch(a -> a.get("category_id").asInt() == 1
                        && a.get("iscrowd").asInt() == 0 && ConstraintsTest.distance(a) <= 10 && a.get("bbox").get(3).asDouble() >= 4);
                assertTrue(near, "frame " + i + ": near-pedestrian bin without a pedestrian within 10 m");
            }
        }
        assertEquals(Map.of("any", 4, "near-pedestrian", 4, "night", 2), counts, "two blocks of 5: quotas 1, 2, 2 each");
        JsonNode report = ConstraintsTest.read(out.resolve("annotations/acceptance.json"));
        assertEquals(3, report.get("bins").size());
        assertEquals("1/5", report.get("bins").get(0).get("quota").asText());
        assertEquals(2, report.get("bins").get(0).get("frames").asInt());
        assertTrue(r.out().contains("bin night"), r.describe());

        Path shard = tmp.resolve("shard");
        CliRun s = CliRun.render(scene, shard, frames, 3, W, H, "--shard", "0/4");
        assertEquals(0, s.exit(), s.describe());
        for (int i = 0; i < frames; i += 4) ConstraintsTest.assertSameFrame(out, shard, i);
    }
}
