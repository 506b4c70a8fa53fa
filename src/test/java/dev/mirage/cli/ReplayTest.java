package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame i is a pure function of (template, seed, i): rendered alone with {@code --from}, inside
 * another range, or again from its meta file with {@code --replay}, it has the same bytes; and a
 * hand-edited meta file renders the edit.
 */
class ReplayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int W = 96, H = 72;

    @TempDir
    static Path tmp;
    static Path scene;
    static Path range;

    @BeforeAll
    static void renderRange() throws IOException {
        scene = tmp.resolve("random.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 96, "height": 72 },
                  "variables": { "t": { "uniform": [0, 1] } },
                  "camera": { "position": [0, 2, 6], "lookAt": { "uniform": [[-0.3, 0.3, 0], [0.3, 0.8, 0]] },
                              "rollDeg": { "normal": [0, 3] }, "fovDeg": { "uniform": [45, 55] } },
                  "sun": { "elevationDeg": { "var": "t", "map": [[0, 20], [1, 70]] }, "azimuthDeg": { "uniform": [0, 360] } },
                  "categories": [ { "id": 1, "name": "thing" } ],
                  "lights": [ { "type": "point", "position": [0, 3, 2], "intensity": { "uniform": [1, 5] } } ],
                  "objects": [
                    { "shape": "plane", "size": [40, 40], "color": "#777777" },
                    { "variants": [ { "shape": "box" }, { "shape": "sphere", "weight": 2 } ], "category": "thing",
                      "count": { "int": [1, 3] }, "size": [1, 1, 1],
                      "material": { "pattern": { "choice": ["none", "checker"] }, "roughness": { "uniform": [0.2, 1] } },
                      "placement": { "region": { "min": [-3, -3], "max": [3, 1] }, "facing": "random" } }
                  ] }
                """);
        range = tmp.resolve("range");
        CliRun r = CliRun.render(scene, range, 4, 5, W, H, "--from", "515");
        assertEquals(0, r.exit(), r.describe());
    }

    private static final List<String> FILES = List.of("rgb/000517.png", "depth/000517.png", "instance/000517.png",
            "semantic/000517.png", "meta/000517.json");

    private static void assertSameFrame(Path a, Path b) throws IOException {
        for (String f : FILES)
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
    }

    @Test
    void aRangeHoldsExactlyItsFrames() throws IOException {
        for (int i = 515; i <= 518; i++) assertTrue(Files.isRegularFile(range.resolve("meta/%06d.json".formatted(i))));
        assertFalse(Files.exists(range.resolve("meta/000514.json")));
        assertFalse(Files.exists(range.resolve("meta/000519.json")));
        JsonNode coco = JSON.readTree(range.resolve("annotations/coco.json").toFile());
        assertEquals(4, coco.get("images").size());
        assertEquals(516, coco.get("images").get(0).get("id").asInt(), "image id = frame + 1");
    }

    @Test
    void frame517AloneEqualsFrame517OfARange() throws IOException {
        Path alone = tmp.resolve("alone");
        CliRun r = CliRun.render(scene, alone, 1, 5, W, H, "--from", "517");
        assertEquals(0, r.exit(), r.describe());
        assertSameFrame(range, alone);
    }

    @Test
    void replayRendersTheSameFrame() throws IOException {
        Path replay = tmp.resolve("replay");
        CliRun r = CliRun.render(scene, replay, 1, 0, W, H, "--replay", range.resolve("meta/000517.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertSameFrame(range, replay);
        JsonNode meta = JSON.readTree(range.resolve("meta/000517.json").toFile());
        assertTrue(meta.has("frameSeed"), "the frame's own seed is recorded");
        assertTrue(meta.path("sampled").has("/variables/t"), "the variable is recorded");
        assertTrue(meta.path("sampled").has("/camera/rollDeg"), "every randomized value is recorded");
    }

    @Test
    void everyFrameOfTheRangeReplaysToTheSameMetaFile() throws IOException {
        for (int i = 515; i <= 518; i++) {
            Path replay = tmp.resolve("replay-" + i);
            CliRun r = CliRun.render(scene, replay, 1, 0, W, H, "--replay", range.resolve("meta/%06d.json".formatted(i)).toString());
            assertEquals(0, r.exit(), r.describe());
            for (String dir : List.of("meta/%06d.json", "instance/%06d.png", "rgb/%06d.png")) {
                String f = dir.formatted(i);
                assertArrayEquals(Files.readAllBytes(range.resolve(f)), Files.readAllBytes(replay.resolve(f)), f + " differs");
            }
        }
    }

    @Test
    void replayFindsTheSceneFromTheDatasetWhenNoneIsGiven() throws IOException {
        Path replay = tmp.resolve("replay-no-scene");
        CliRun r = CliRun.of("render", "--replay", range.resolve("meta/000517.json").toString(), "-o", replay.toString(),
                "--width", String.valueOf(W), "--height", String.valueOf(H), "--quiet");
        assertEquals(0, r.exit(), r.describe());
        assertSameFrame(range, replay);
        // a meta file outside any dataset needs the scene named
        Path loose = tmp.resolve("loose.json");
        Files.copy(range.resolve("meta/000517.json"), loose);
        CliRun lost = CliRun.of("render", "--replay", loose.toString(), "-o", tmp.resolve("lost").toString(), "--quiet");
        assertEquals(2, lost.exit(), lost.describe());
        assertTrue(lost.err().contains("give the scene file"), lost.describe());
    }

    @Test
    void anEditedMetaFileRendersTheEdit() throws IOException {
        ObjectNode meta = (ObjectNode) JSON.readTree(range.resolve("meta/000517.json").toFile());
        // move the first labeled object 0.5 m along +X: its box must move right in the image
        ArrayNode objects = (ArrayNode) meta.get("objects");
        ObjectNode moved = null;
        for (JsonNode o : objects) if (o.get("instanceId").asInt() == 1) moved = (ObjectNode) o;
        ArrayNode position = (ArrayNode) moved.get("position");
        position.set(0, position.get(0).asDouble() + 0.5);
        Path edited = tmp.resolve("edited.json");
        Files.write(edited, JSON.writeValueAsBytes(meta));
        Path out = tmp.resolve("edited-out");
        CliRun r = CliRun.render(scene, out, 1, 0, W, H, "--replay", edited.toString());
        assertEquals(0, r.exit(), r.describe());
        JsonNode before = annotation(JSON.readTree(range.resolve("meta/000517.json").toFile()));
        JsonNode after = annotation(JSON.readTree(out.resolve("meta/000517.json").toFile()));
        JsonNode positionAfter = JSON.readTree(out.resolve("meta/000517.json").toFile()).at("/objects");
        boolean found = false;
        for (JsonNode o : positionAfter)
            if (o.get("instanceId").asInt() == 1) {
                assertEquals(position.get(0).asDouble(), o.at("/position/0").asDouble(), 0.0);
                found = true;
            }
        assertTrue(found);
        if (before != null && after != null)
            assertTrue(after.at("/bbox/0").asDouble() + after.at("/bbox/2").asDouble() / 2
                    > before.at("/bbox/0").asDouble() + before.at("/bbox/2").asDouble() / 2, "the box moved right");
    }

    private static JsonNode annotation(JsonNode meta) {
        for (JsonNode a : meta.get("annotations")) if (a.get("instance_id").asInt() == 1) return a;
        return null;
    }

    @Test
    void aBrokenMetaFileIsAUserMistake() throws IOException {
        ObjectNode meta = (ObjectNode) JSON.readTree(range.resolve("meta/000517.json").toFile());
        ((ObjectNode) meta.get("camera")).put("position", "here");
        Path bad = tmp.resolve("bad.json");
        Files.write(bad, JSON.writeValueAsBytes(meta));
        CliRun r = CliRun.render(scene, tmp.resolve("bad-out"), 1, 0, W, H, "--replay", bad.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("bad.json") && r.err().contains("/camera/position"), r.describe());
        assertFalse(r.err().contains("at dev.mirage"), "no stack trace");
    }
}
