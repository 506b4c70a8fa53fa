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
 * A camera with a randomized lens and every effect, end to end: meta and COCO record them, the same
 * seed gives the same bytes, frames get different noise, replay reproduces a frame, and wrong lens
 * or effect fields are bad input naming their pointer.
 */
class CameraOpticsCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int W = 96, H = 72;
    static final String CAMERA = """
            "camera": { "position": [0, 2, 6], "lookAt": [0, 0.5, 0], "fovDeg": 60,
                        "lens": { "model": "brown-conrady", "k1": { "uniform": [-0.3, -0.1] }, "k2": 0.05, "p1": 0.001 },
                        "effects": { "noise": { "shot": 0.004, "read": 0.01 }, "vignetting": { "uniform": [0.2, 0.6] },
                                     "chromaticAberrationPx": 1.5, "jpegQuality": 80,
                                     "motionBlur": { "shutterS": 0.01, "velocityMps": [2, 0, -5] } } }""";

    @TempDir
    static Path tmp;
    static Path scene;
    static Path first;

    static Path scene(String camera) throws IOException {
        Path file = Files.createTempFile(tmp, "scene", ".json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 96, "height": 72 },
                  %s,
                  "categories": [ { "id": 1, "name": "thing" } ],
                  "objects": [
                    { "shape": "plane", "size": [40, 40], "color": "#777777" },
                    { "shape": "box", "category": "thing", "count": 2, "size": [1, 1, 1],
                      "position": { "uniform": [[-2, 0.5, -2], [2, 0.5, 1]] } }
                  ] }
                """.formatted(camera));
        return file;
    }

    @BeforeAll
    static void renderTwice() throws IOException {
        scene = scene(CAMERA);
        first = tmp.resolve("first");
        CliRun r = CliRun.render(scene, first, 3, 11, W, H);
        assertEquals(0, r.exit(), r.describe());
    }

    @Test
    void metaAndCocoRecordTheLensAndEffects() throws IOException {
        JsonNode camera = JSON.readTree(first.resolve("meta/000000.json").toFile()).get("camera");
        assertEquals("brown-conrady", camera.at("/distortion/model").asText());
        assertEquals(5, camera.at("/distortion/coefficients").size());
        assertEquals(0.05, camera.at("/distortion/coefficients/1").asDouble());
        assertEquals(80, camera.at("/effects/jpegQuality").asInt());
        JsonNode image = JSON.readTree(first.resolve("annotations/coco.json").toFile()).get("images").get(0);
        assertEquals(camera.get("distortion").get("coefficients"), image.at("/distortion/coefficients"));
        assertEquals(camera.get("K"), image.at("/distortion/K"));
        assertEquals(camera.get("effects"), image.get("camera_effects"));
        JsonNode sampled = JSON.readTree(first.resolve("meta/000000.json").toFile()).get("sampled");
        assertTrue(sampled.has("/camera/lens/k1") && sampled.has("/camera/effects/vignetting"), sampled.toString());
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        CliRun r = CliRun.render(scene, again, 3, 11, W, H, "--workers", "2");
        assertEquals(0, r.exit(), r.describe());
        for (String f : List.of("rgb/000001.png", "instance/000001.png", "depth/000001.png", "meta/000001.json", "annotations/coco.json"))
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }

    @Test
    void replayReproducesTheFrame() throws IOException {
        Path replay = tmp.resolve("replay");
        CliRun r = CliRun.render(scene, replay, 1, 0, W, H, "--replay", first.resolve("meta/000002.json").toString());
        assertEquals(0, r.exit(), r.describe());
        for (String f : List.of("rgb/000002.png", "instance/000002.png", "depth/000002.png", "meta/000002.json"))
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(replay.resolve(f)), f);
    }

    @Test
    void theLensAndEffectsChangeOnlyWhatTheyShould() throws IOException {
        // the same scene without effects: ids and depth are those of the distorted camera either way
        Path plain = tmp.resolve("plain");
        String noEffects = CAMERA.replaceAll("(?s),\\s*\"effects\".*\\} \\} \\}$", " }");
        assertFalse(noEffects.contains("effects"), noEffects);
        CliRun r = CliRun.render(scene(noEffects), plain, 1, 11, W, H);
        assertEquals(0, r.exit(), r.describe());
        assertArrayEquals(Files.readAllBytes(first.resolve("instance/000000.png")), Files.readAllBytes(plain.resolve("instance/000000.png")));
        assertArrayEquals(Files.readAllBytes(first.resolve("depth/000000.png")), Files.readAllBytes(plain.resolve("depth/000000.png")));
        assertFalse(Arrays.equals(Files.readAllBytes(first.resolve("rgb/000000.png")), Files.readAllBytes(plain.resolve("rgb/000000.png"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown model | { \"model\": \"fish\" } | | /camera/lens/model | fisheye",
            "k4 on brown-conrady | { \"model\": \"brown-conrady\", \"k4\": 0.1 } | | /camera/lens/k4 | fisheye",
            "p1 on fisheye | { \"model\": \"fisheye\", \"p1\": 0.1 } | | /camera/lens/p1 | brown-conrady",
            "unknown lens field | { \"model\": \"fisheye\", \"k9\": 1 } | | /camera/lens/k9 | ",
            "huge coefficient | { \"model\": \"fisheye\", \"k1\": { \"uniform\": [0, 1000] } } | | /camera/lens/k1/uniform/1 | -100..100",
            "negative noise | | { \"noise\": { \"shot\": -1 } } | /camera/effects/noise/shot | 0..1",
            "vignetting above 1 | | { \"vignetting\": 2 } | /camera/effects/vignetting | 0..1",
            "jpeg quality 0 | | { \"jpegQuality\": 0 } | /camera/effects/jpegQuality | 1..100",
            "motion blur without velocity | | { \"motionBlur\": { \"shutterS\": 0.01 } } | /camera/effects/motionBlur/velocityMps | missing",
            "unknown effect | | { \"flare\": 1 } | /camera/effects/flare | "})
    void badFieldsAreBadInput(String name, String lens, String effects, String pointer, String detail) throws IOException {
        String camera = "\"camera\": { \"position\": [0, 2, 6], \"lookAt\": [0, 0, 0]"
                + (lens == null ? "" : ", \"lens\": " + lens) + (effects == null ? "" : ", \"effects\": " + effects) + " }";
        CliRun run = CliRun.of("validate", scene(camera).toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(pointer), run.describe());
        if (detail != null) assertTrue(run.err().contains(detail), run.describe());
        assertFalse(run.err().contains("Exception"), run.describe());
    }
}
