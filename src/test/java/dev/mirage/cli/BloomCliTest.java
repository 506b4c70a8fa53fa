package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code camera.effects.bloom} end to end: a white box lit far beyond saturation on a black sky.
 * Meta and COCO record the bloom (with glare) with its defaults filled in, replay reproduces the frame, the glow
 * changes RGB only, strength 0 is no bloom byte for byte, and wrong fields are bad input naming
 * their pointer.
 */
class BloomCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int W = 96, H = 72;

    @TempDir
    static Path tmp;
    static Path first;

    static Path scene(String effects) throws IOException {
        Path file = Files.createTempFile(tmp, "scene", ".json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 96, "height": 72 },
                  "camera": { "position": [0, 2, 6], "lookAt": [0, 0.5, 0], "fovDeg": 60 %s },
                  "sky": { "color": "#000000", "intensity": 0 },
                  "sun": { "intensity": 20 },
                  "categories": [ { "id": 1, "name": "thing" } ],
                  "objects": [
                    { "shape": "plane", "size": [40, 40], "color": "#101010" },
                    { "shape": "box", "category": "thing", "size": [0.6, 0.6, 0.6], "position": [0, 0.3, 0], "color": "#ffffff" }
                  ] }
                """.formatted(effects == null ? "" : ", \"effects\": " + effects));
        return file;
    }

    static Path render(String name, String effects, int frames) throws IOException {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.render(scene(effects), out, frames, 5, W, H);
        assertEquals(0, r.exit(), r.describe());
        return out;
    }

    static byte[] bytes(Path folder, String file) throws IOException {
        return Files.readAllBytes(folder.resolve(file));
    }

    @BeforeAll
    static void renderWithBloom() throws IOException {
        first = render("first", "{ \"bloom\": { \"strength\": { \"uniform\": [0.5, 1] }, \"threshold\": 0.8, \"glare\": 0.5 } }", 2);
    }

    @Test
    void metaAndCocoRecordTheBloomWithItsDefaults() throws IOException {
        JsonNode meta = JSON.readTree(first.resolve("meta/000001.json").toFile());
        JsonNode bloom = meta.at("/camera/effects/bloom");
        double strength = bloom.get("strength").asDouble();
        assertTrue(strength >= 0.5 && strength <= 1, bloom.toString());
        assertEquals(0.8, bloom.get("threshold").asDouble());
        assertEquals(0.015 * H, bloom.get("radiusPx").asDouble(), 1e-12);
        assertEquals(0.5, bloom.get("glare").asDouble());
        assertEquals(strength, meta.get("sampled").get("/camera/effects/bloom/strength").get(0).asDouble(), meta.get("sampled").toString());
        JsonNode image = JSON.readTree(first.resolve("annotations/coco.json").toFile()).get("images").get(1);
        assertEquals(meta.at("/camera/effects"), image.get("camera_effects"));
    }

    @Test
    void replayReproducesTheFrame() throws IOException {
        Path replay = tmp.resolve("replay");
        CliRun r = CliRun.render(scene(null), replay, 1, 0, W, H, "--replay", first.resolve("meta/000001.json").toString());
        assertEquals(0, r.exit(), r.describe());
        for (String f : List.of("rgb/000001.png", "instance/000001.png", "depth/000001.png", "meta/000001.json"))
            assertArrayEquals(bytes(first, f), bytes(replay, f), f);
    }

    @Test
    void theGlowChangesRgbOnly() throws IOException {
        Path plain = render("plain", null, 1);
        assertArrayEquals(bytes(first, "instance/000000.png"), bytes(plain, "instance/000000.png"));
        assertArrayEquals(bytes(first, "depth/000000.png"), bytes(plain, "depth/000000.png"));
        assertFalse(Arrays.equals(bytes(first, "rgb/000000.png"), bytes(plain, "rgb/000000.png")));
        assertTrue(JSON.readTree(plain.resolve("meta/000000.json").toFile()).at("/camera/effects").isMissingNode());
    }

    @Test
    void strengthZeroIsNoBloom() throws IOException {
        Path plain = render("plain0", null, 1);
        Path zero = render("zero", "{ \"bloom\": { \"strength\": 0, \"radiusPx\": 20 } }", 1);
        for (String f : List.of("rgb/000000.png", "instance/000000.png", "depth/000000.png"))
            assertArrayEquals(bytes(plain, f), bytes(zero, f), f);
        assertTrue(JSON.readTree(zero.resolve("meta/000000.json").toFile()).at("/camera/effects").isMissingNode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "strength above 1 | { \"strength\": 2 } | /camera/effects/bloom/strength | 0..1",
            "strength missing | { \"threshold\": 0.5 } | /camera/effects/bloom/strength | missing",
            "strength text | { \"strength\": \"much\" } | /camera/effects/bloom/strength | ",
            "negative threshold | { \"strength\": 0.5, \"threshold\": -0.1 } | /camera/effects/bloom/threshold | 0..1",
            "zero radius | { \"strength\": 0.5, \"radiusPx\": 0 } | /camera/effects/bloom/radiusPx | 0.5..1000",
            "radius range too wide | { \"strength\": 0.5, \"radiusPx\": { \"uniform\": [2, 5000] } } | /camera/effects/bloom/radiusPx/uniform/1 | 0.5..1000",
            "glare above 1 | { \"strength\": 0.5, \"glare\": 1.5 } | /camera/effects/bloom/glare | 0..1",
            "unknown field | { \"strength\": 0.5, \"streaks\": 4 } | /camera/effects/bloom/streaks | ",
            "not an object | 0.5 | /camera/effects/bloom | "})
    void badFieldsAreBadInput(String name, String bloom, String pointer, String detail) throws IOException {
        CliRun run = CliRun.of("validate", scene("{ \"bloom\": " + bloom + " }").toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(pointer), run.describe());
        if (detail != null) assertTrue(run.err().contains(detail), run.describe());
        assertFalse(run.err().contains("Exception"), run.describe());
    }
}
