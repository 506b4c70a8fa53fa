package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraints end to end: every written frame meets them, judged from the COCO file and meta files
 * alone (not the sampler's word); rejection sampling stays a function of (seed, frame index), so
 * ranges, shards and replays give the same bytes; frames taken at their first attempt are the
 * frames the template gives without constraints; an impossible constraint fails with exit 2 and its
 * statistics instead of looping.
 */
class ConstraintsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int FRAMES = 10, SEED = 7, W = 96, H = 64;

    /**
     * Up to two pedestrians and three cars on a street, the sun's elevation following the hour
     * (hour 6..18 is elevation 20°..60°).
     */
    static final String SCENE = """
            {
              "mirage": 1,
              "image": { "width": 96, "height": 64 },
              "variables": { "hour": { "uniform": [0, 24] } },
              "camera": { "position": [0, 1.6, 0], "lookAt": [0, 1.0, -20], "fovDeg": 50 },
              "sun": { "elevationDeg": { "var": "hour", "map": [[0, -20], [12, 60], [24, -20]] } },
              "categories": [ { "id": 1, "name": "pedestrian" }, { "id": 2, "name": "car" } ],
              "objects": [
                { "shape": "plane", "size": [200, 200] },
                { "shape": "person", "category": "pedestrian", "count": { "int": [0, 2] }, "size": [0.5, 1.75, 0.3],
                  "position": { "uniform": [[-5, 0.875, -40], [5, 0.875, -3]] } },
                { "shape": "box", "category": "car", "count": { "int": [0, 3] }, "size": [1.8, 1.5, 4.5],
                  "position": { "uniform": [[-6, 0.75, -40], [6, 0.75, -5]] } }
              ]CONSTRAINTS
            }
            """;

    static final String CONSTRAINTS = """
            ,
              "constraints": [
                { "sampled": "/variables/hour", "min": 6, "max": 18 },
                { "category": "pedestrian", "boxHeightPx": { "min": 8 }, "distanceM": { "max": 25 } },
                { "category": "car", "count": { "min": 1 }, "occlusion": { "max": 0.5 } }
              ],
              "sampling": { "maxAttempts": 400 }""";

    @TempDir
    static Path tmp;
    static Path scene, whole;
    static CliRun wholeRun;

    @BeforeAll
    static void renderWhole() {
        scene = TinyScene.write(tmp, "street.json", SCENE.replace("CONSTRAINTS", CONSTRAINTS));
        whole = tmp.resolve("whole");
        wholeRun = CliRun.render(scene, whole, FRAMES, SEED, W, H, "--stats-json", tmp.resolve("stats.json").toString());
        assertEquals(0, wholeRun.exit(), wholeRun.describe());
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static JsonNode meta(Path dataset, int frame) throws IOException {
        return read(dataset.resolve("meta/%06d.json".formatted(frame)));
    }

    static List<JsonNode> annotationsOf(JsonNode coco, int imageId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : coco.get("annotations")) if (a.get("image_id").asInt() == imageId) out.add(a);
        return out;
    }

    static double distance(JsonNode annotation) {
        JsonNode c = annotation.get("bbox3d").get("centre");
        return Math.sqrt(c.get(0).asDouble() * c.get(0).asDouble() + c.get(1).asDouble() * c.get(1).asDouble()
                + c.get(2).asDouble() * c.get(2).asDouble());
    }

    /** The dataset report shows the run's attempts: the sum over frames of their accepted attempt + 1, from the meta files. */
    @Test
    void theReportShowsAttemptsAndAcceptance() throws IOException {
        long attempts = 0;
        for (int i = 0; i < FRAMES; i++) attempts += meta(whole, i).at("/sampling/attempt").asLong() + 1;
        java.nio.file.Path page = tmp.resolve("report.html");
        CliRun r = CliRun.of("report", whole.toString(), "-o", page.toString());
        assertEquals(0, r.exit(), r.describe());
        String html = java.nio.file.Files.readString(page);
        assertTrue(html.contains("data-attempts=\"" + attempts + "\""), "attempts " + attempts + " in the report");
        assertTrue(html.contains("/constraints/2"), "each condition is listed");
    }

    @Test
    void everyFrameMeetsItsConstraintsByItsWrittenLabels() throws IOException {
        JsonNode coco = read(whole.resolve("annotations/coco.json"));
        assertEquals(FRAMES, coco.get("images").size());
        for (JsonNode image : coco.get("images")) {
            int id = image.get("id").asInt();
            // hour 6..18 is a sun at 20..60 degrees: checked from the written conditions, not the sampled hour
            double elevation = image.get("conditions").get("sunElevationDeg").asDouble();
            assertTrue(elevation >= 20 - 1e-3 && elevation <= 60 + 1e-3, "image " + id + ": sun at " + elevation);
            long pedestrians = 0, cars = 0;
            for (JsonNode a : annotationsOf(coco, id)) {
                if (a.get("iscrowd").asInt() != 0) continue;
                if (a.get("category_id").asInt() == 1 && a.get("bbox").get(3).asDouble() >= 8 && distance(a) <= 25) pedestrians++;
                if (a.get("category_id").asInt() == 2 && a.get("occlusion").asDouble() <= 0.5) cars++;
            }
            assertTrue(pedestrians >= 1, "image " + id + " holds a pedestrian at least 8 px tall within 25 m");
            assertTrue(cars >= 1, "image " + id + " holds a car at most half hidden");
        }
    }

    @Test
    void acceptanceStatisticsAddUpToTheMetaRecords() throws IOException {
        long attempts = 0, resampled = 0;
        for (int i = 0; i < FRAMES; i++) {
            JsonNode sampling = meta(whole, i).get("sampling");
            attempts += sampling.get("attempt").asLong() + 1;
            if (sampling.get("attempt").asInt() > 0) resampled++;
            assertEquals(SEED, sampling.get("datasetSeed").asLong());
        }
        assertTrue(resampled > 0, "some frames needed more than one attempt");
        JsonNode report = read(whole.resolve("annotations/acceptance.json"));
        assertEquals(FRAMES, report.get("frames").asLong());
        assertEquals(attempts, report.get("attempts").asLong());
        assertEquals((double) FRAMES / attempts, report.get("acceptanceRate").asDouble(), 1e-4);
        assertEquals(3, report.get("conditions").size());
        // the sampled condition is checked on every attempt; the label ones only after it passed
        JsonNode hour = report.get("conditions").get(0);
        assertEquals("/constraints/0", hour.get("pointer").asText());
        assertEquals(attempts, hour.get("checked").asLong());
        for (int c = 1; c <= 2; c++) {
            JsonNode labels = report.get("conditions").get(c);
            assertTrue(labels.get("checked").asLong() <= hour.get("passed").asLong(), labels.toString());
            assertTrue(labels.get("passed").asLong() >= FRAMES, "every frame passed it: " + labels);
        }
        // rendered: the attempts that passed the hour and whose scenes could hold the objects asked for
        long rendered = 0;
        for (int i = 0; i < FRAMES; i++) rendered += meta(whole, i).get("sampling").get("rendered").asLong();
        assertEquals(rendered, report.get("renderedAttempts").asLong());
        assertTrue(rendered >= FRAMES && rendered <= hour.get("passed").asLong(), "rendered " + rendered);
        assertTrue(rendered < hour.get("passed").asLong(), "some attempts were rejected from the scene alone, unrendered");
        assertTrue(wholeRun.out().contains("acceptance: " + FRAMES + " frames from " + attempts + " attempts"), wholeRun.describe());
        assertTrue(wholeRun.out().contains("/constraints/2"), wholeRun.describe());
        assertEquals(report, read(tmp.resolve("stats.json")).get("acceptance"), "--stats-json holds the same report");
    }

    @Test
    void rangesAndShardsGiveTheSameFramesAsTheWholeRun() throws IOException {
        Path range = tmp.resolve("range");
        CliRun r = CliRun.render(scene, range, 3, SEED, W, H, "--from", "4");
        assertEquals(0, r.exit(), r.describe());
        Path shard = tmp.resolve("shard");
        CliRun s = CliRun.render(scene, shard, FRAMES, SEED, W, H, "--shard", "1/3");
        assertEquals(0, s.exit(), s.describe());
        for (int i : new int[] {4, 5, 6}) assertSameFrame(whole, range, i);
        for (int i = 1; i < FRAMES; i += 3) assertSameFrame(whole, shard, i);
    }

    @Test
    void aResumedRunGivesTheWholeRunByteForByte() throws IOException {
        Path resumed = tmp.resolve("resumed");
        CliRun first = CliRun.render(scene, resumed, 4, SEED, W, H);
        assertEquals(0, first.exit(), first.describe());
        Files.delete(resumed.resolve("meta/000002.json")); // as if killed before frame 2's meta landed
        CliRun rest = CliRun.render(scene, resumed, FRAMES, SEED, W, H);
        assertEquals(0, rest.exit(), rest.describe());
        assertTrue(rest.out().contains((FRAMES - 3) + " frames rendered, 3 already present"), rest.describe());
        FolderSnapshot.of(whole).assertSameBytes(FolderSnapshot.of(resumed), "resumed run");
    }

    @Test
    void mergedShardsGiveTheWholeRunsLabelsAndStatistics() throws IOException {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int k = 0; k < 2; k++) {
            Path shard = tmp.resolve("half-" + k);
            CliRun s = CliRun.render(scene, shard, FRAMES, SEED, W, H, "--shard", k + "/2");
            assertEquals(0, s.exit(), s.describe());
            args.add(shard.toString());
        }
        Path merged = tmp.resolve("merged");
        args.addAll(List.of("-o", merged.toString()));
        CliRun m = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, m.exit(), m.describe());
        for (String f : List.of("annotations/coco.json", "annotations/acceptance.json"))
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f + " differs");
    }

    @Test
    void sampleDrawsThroughTheSampledConstraintsAndSaysWhatItCannotCheck() throws IOException {
        Path json = tmp.resolve("sample.json");
        CliRun r = CliRun.of("sample", scene.toString(), "-n", "400", "--seed", "1", "--json", json.toString());
        assertEquals(0, r.exit(), r.describe());
        JsonNode hour = null;
        for (JsonNode p : read(json).get("parameters")) if (p.get("pointer").asText().equals("/variables/hour")) hour = p;
        assertTrue(hour != null && hour.get("min").asDouble() >= 6 && hour.get("max").asDouble() <= 18, String.valueOf(hour));
        assertEquals(400, hour.get("count").asInt());
        // uniform 0..24 kept within 6..18: about half the attempts pass
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("400 frames from (\\d+) attempts").matcher(r.out());
        assertTrue(m.find(), r.out());
        int attempts = Integer.parseInt(m.group(1));
        assertTrue(attempts > 650 && attempts < 950, "attempts " + attempts);
        assertTrue(r.out().contains("2 condition(s) on labels need a render and were not checked"), r.out());
    }

    static void assertSameFrame(Path a, Path b, int frame) throws IOException {
        for (String f : List.of("rgb/%06d.png", "instance/%06d.png", "meta/%06d.json")) {
            String name = f.formatted(frame);
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name + " differs");
        }
    }

    @Test
    void framesTakenAtTheirFirstAttemptAreTheUnconstrainedFrames() throws IOException {
        Path plain = tmp.resolve("plain");
        CliRun r = CliRun.render(TinyScene.write(tmp.resolve("plain-scene"), "street.json", SCENE.replace("CONSTRAINTS", "")),
                plain, FRAMES, SEED, W, H);
        assertEquals(0, r.exit(), r.describe());
        assertFalse(meta(plain, 0).has("sampling"), "no sampling record without constraints");
        int first = 0, later = 0;
        for (int i = 0; i < FRAMES; i++) {
            String rgb = "rgb/%06d.png".formatted(i);
            boolean same = java.util.Arrays.equals(Files.readAllBytes(whole.resolve(rgb)), Files.readAllBytes(plain.resolve(rgb)));
            if (meta(whole, i).get("sampling").get("attempt").asInt() == 0) {
                first++;
                assertTrue(same, rgb + " was taken at attempt 0 and must be the unconstrained frame");
            } else {
                later++;
                assertFalse(same, rgb + " was resampled and must differ from the rejected first attempt");
            }
        }
        assertTrue(later > 0, "some frame was resampled (" + first + " taken at once)");
    }

    @Test
    void replayOfAResampledFrameGivesItsBytes() throws IOException {
        int frame = -1;
        for (int i = 0; i < FRAMES && frame < 0; i++)
            if (meta(whole, i).get("sampling").get("attempt").asInt() > 0) frame = i;
        assertTrue(frame >= 0, "some frame was resampled");
        Path again = tmp.resolve("replay");
        CliRun r = CliRun.render(scene, again, 1, 0, W, H, "--replay", whole.resolve("meta/%06d.json".formatted(frame)).toString());
        assertEquals(0, r.exit(), r.describe());
        assertSameFrame(whole, again, frame);
    }

    @Test
    void anImpossibleLabelConstraintFailsWithItsStatistics() throws IOException {
        // taller than the 64-pixel image: rendered and rejected by its labels every time
        String tooTall = """
                ,
                  "constraints": [
                    { "category": "pedestrian", "boxHeightPx": { "min": 100 } }
                  ],
                  "sampling": { "maxAttempts": 6 }""";
        // nearer than any pedestrian is placed: rejected from the scene alone, never rendered
        String tooNear = tooTall.replace("\"boxHeightPx\": { \"min\": 100 }", "\"count\": { \"min\": 2 }, \"distanceM\": { \"max\": 1 }");
        for (String impossible : List.of(tooTall, tooNear)) {
            Path folder = tmp.resolve("bad-" + Math.abs(impossible.hashCode()));
            Path bad = TinyScene.write(folder, "street.json", SCENE.replace("CONSTRAINTS", impossible));
            CliRun r = CliRun.render(bad, folder.resolve("out"), 4, 0, W, H);
            assertEquals(2, r.exit(), r.describe());
            String err = r.err();
            assertTrue(err.contains("street.json: /constraints/0 (line 16, column 5)"), err);
            assertTrue(err.contains("no sample of frame 0 met the conditions in 6 attempts ("), err);
            int rendered = Integer.parseInt(err.replaceAll("(?s).*in 6 attempts \\((\\d+) rendered\\).*", "$1"));
            if (impossible == tooTall) assertTrue(rendered > 0, "attempts with a pedestrian were rendered: " + err);
            else assertEquals(0, rendered, "the scene alone rules every attempt out: " + err);
            assertTrue(err.contains("passed 0 of 6 checks"), err);
            assertTrue(err.contains("raise /sampling/maxAttempts"), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
            assertFalse(Files.exists(folder.resolve("out/meta/000000.json")), "no frame written");
        }
    }

    @Test
    void aCountNoFrameCanHoldIsATemplateMistake() {
        String impossible = """
                ,
                  "constraints": [ { "category": "pedestrian", "count": { "min": 3 } } ]""";
        Path bad = TinyScene.write(tmp.resolve("bad-count"), "street.json", SCENE.replace("CONSTRAINTS", impossible));
        CliRun r = CliRun.of("validate", bad.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("street.json: /constraints/0/count (line 15"), r.err());
        assertTrue(r.err().contains("at most 2 objects of \"pedestrian\" per frame"), r.err());
    }

    @Test
    void anImpossibleSampledConstraintFailsBeforeAnyWrite() {
        // (the message also says how many attempts were rendered: none, for a sampled value)
        String impossible = """
                ,
                  "constraints": [ { "sampled": "/sun/elevationDeg", "min": 70 } ]""";
        Path bad = TinyScene.write(tmp.resolve("bad-hour"), "street.json", SCENE.replace("CONSTRAINTS", impossible));
        Path out = tmp.resolve("bad-hour-out");
        CliRun r = CliRun.render(bad, out, 4, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("street.json: /constraints/0 (line 15, column 20)"), r.err());
        assertTrue(r.err().contains("in 50 attempts (0 rendered)") && r.err().contains("passed 0 of 50 checks"), r.err());
        assertFalse(Files.exists(out.resolve("meta")), "nothing written");
    }
}
