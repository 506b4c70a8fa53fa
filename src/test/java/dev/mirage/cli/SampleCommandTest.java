package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mirage sample}: statistics of the drawn parameters without rendering. The checks read the
 * output generically (any pointer the sampler logs), naming only fields the templates randomize.
 */
class SampleCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@link TinyScene} with a uniform field of view, a uniform camera position and 1..3 boxes of random yaw. */
    static final String RANDOM_SCENE = """
            {
              "mirage": 1,
              "image": { "width": 64, "height": 48 },
              "camera": { "position": { "uniform": [[-1, 1.5, 5], [1, 2.5, 7]] }, "lookAt": [0, 0.5, 0],
                          "fovDeg": { "uniform": [30, 60] } },
              "categories": [ { "id": 1, "name": "box" } ],
              "objects": [
                { "shape": "plane", "size": [20, 20] },
                { "shape": "box", "category": "box", "count": { "int": [1, 3] }, "size": [1, 1, 1],
                  "position": [0, 0.5, 0], "yawDeg": { "uniform": [0, 360] } }
              ]
            }
            """;

    @TempDir
    Path tmp;

    /** fovDeg uniform in [30, 60] over 10,000 frames: mean 45 and sd 30/√12 within 0.2; nothing written. */
    @Test
    void uniformFieldOfViewHasItsMeanAndSd() throws IOException {
        Path scene = TinyScene.write(tmp, "scene.json", RANDOM_SCENE);
        CliRun run = CliRun.of("sample", scene.toString(), "-n", "10000", "--seed", "3");
        assertEquals(0, run.exit(), run.describe());
        String[] fov = row(run.out(), "/camera/fovDeg");
        assertEquals("10000", fov[1], run.out());
        assertEquals(45, Double.parseDouble(fov[2]), 0.2, run.out());
        assertEquals(30 / Math.sqrt(12), Double.parseDouble(fov[3]), 0.2, run.out());
        assertTrue(Double.parseDouble(fov[4]) >= 30 && Double.parseDouble(fov[8]) <= 60, run.out());
        for (String axis : new String[] {"x", "y", "z"}) assertNotNull(row(run.out(), "/camera/position." + axis), run.out());
        assertTrue(Pattern.compile("(?m)^sampled 10000 frames in \\d+\\.\\d\\d s \\(\\d+ frames/s\\)$").matcher(run.out()).find(),
                run.out());
        assertEquals("", run.err());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(scene), files.toList(), "sample writes no dataset (nor anything else) without --plot/--json");
        }
    }

    /**
     * --plot: one decodable PNG of a fixed size per parameter (three panels for a vector) and per
     * varying count, all shown by index.html; --json: histograms whose counts sum to each count.
     */
    @Test
    void plotsAndJsonCoverEveryParameter() throws IOException {
        Path scene = TinyScene.write(tmp, "scene.json", RANDOM_SCENE);
        Path plots = tmp.resolve("plots/nested"), json = tmp.resolve("stats.json");
        CliRun run = CliRun.of("sample", scene.toString(), "-n", "2000", "--plot", plots.toString(), "--json", json.toString());
        assertEquals(0, run.exit(), run.describe());

        JsonNode root = JSON.readTree(json.toFile());
        assertEquals(2000, root.path("frames").asInt());
        List<JsonNode> histogrammed = new ArrayList<>();
        int vectors = 0, expectedPlots = 0;
        for (JsonNode p : root.path("parameters")) {
            expectedPlots++;
            switch (p.path("kind").asText()) {
                case "number" -> histogrammed.add(p);
                case "vector" -> {
                    vectors++;
                    p.path("components").forEach(histogrammed::add);
                }
                case "choice" -> assertEquals(p.path("count").asLong(),
                        sum(p.path("options").findValues("count")), p.toString());
                default -> throw new AssertionError("kind " + p.path("kind"));
            }
        }
        root.path("valuesPerFrame").forEach(histogrammed::add);
        expectedPlots += root.path("valuesPerFrame").size();
        assertTrue(vectors >= 1 && !root.path("valuesPerFrame").isEmpty(), root.toString());
        for (JsonNode n : histogrammed) {
            long count = n.path("count").asLong();
            assertTrue(count > 0, n.toString());
            assertEquals(count, sum(List.of(n.path("histogram").path("counts"))), n.toString());
            assertEquals(n.path("histogram").path("counts").size() + 1, n.path("histogram").path("edges").size());
        }
        // Instances per frame of the box entry: int [1, 3].
        assertTrue(Stream.of(root.path("valuesPerFrame")).flatMap(a -> a.findParents("min").stream())
                .anyMatch(n -> n.path("min").asDouble() == 1 && n.path("max").asDouble() == 3), root.toString());

        Set<String> pngs = new TreeSet<>();
        try (Stream<Path> files = Files.list(plots)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".png")).forEach(pngs::add);
        }
        assertEquals(expectedPlots, pngs.size(), pngs.toString());
        String index = Files.readString(plots.resolve("index.html"));
        for (String png : pngs) {
            BufferedImage image = ImageIO.read(plots.resolve(png).toFile());
            assertNotNull(image, png + " does not decode");
            assertEquals(360, image.getHeight(), png);
            assertTrue(image.getWidth() == 560 || image.getWidth() == 3 * 560, png + ": width " + image.getWidth());
            assertTrue(index.contains("src=\"" + png + "\""), "index.html shows " + png);
        }
        assertEquals(3 * 560, ImageIO.read(plots.resolve("camera.position.png").toFile()).getWidth());
        assertEquals(560, ImageIO.read(plots.resolve("camera.fovDeg.png").toFile()).getWidth());
        assertTrue(run.out().contains(expectedPlots + " plots in "), run.out());
    }

    /** Frame i depends only on (template, seed, i): the same command gives the same JSON; --from moves the frames. */
    @Test
    void sameFramesSameStatistics() throws IOException {
        Path scene = TinyScene.write(tmp, "scene.json", RANDOM_SCENE);
        Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json"), c = tmp.resolve("c.json");
        assertEquals(0, CliRun.of("sample", scene.toString(), "-n", "50", "--from", "50", "--json", a.toString()).exit());
        CliRun again = CliRun.of("sample", scene.toString(), "-n", "50", "--from", "50", "--json", b.toString());
        assertEquals(0, CliRun.of("sample", scene.toString(), "-n", "50", "--json", c.toString()).exit());
        assertTrue(again.out().startsWith(scene + ": 50 frames (50..99), seed 0"), again.out());
        assertEquals(Files.readString(a), Files.readString(b));
        assertNotEquals(Files.readString(a), Files.readString(c));
    }

    /** A bad template is bad input: exit 2, one line naming the file and the pointer, no stack trace. */
    @Test
    void badTemplateNamesThePointer() {
        Path scene = TinyScene.write(tmp, "bad.json", RANDOM_SCENE.replace("[30, 60]", "[60, 30]"));
        CliRun run = CliRun.of("sample", scene.toString(), "-n", "10");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().startsWith("mirage: " + scene + ": /camera/fovDeg/uniform (line "), run.describe());
        assertTrue(run.err().contains("expected min <= max"), run.describe());
        assertEquals(1, run.err().strip().lines().count(), run.describe());
        assertFalse(run.err().contains("at dev.mirage") || run.err().contains("Exception"), run.describe());
        assertEquals("", run.out());
    }

    @Test
    void missingSceneIsBadInput() {
        String scene = tmp.resolve("nowhere.json").toString();
        CliRun run = CliRun.of("sample", scene, "-n", "10");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(scene) && run.err().contains("no such file"), run.describe());
        assertFalse(run.err().contains("at dev.mirage"), run.describe());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"-n, 0", "-n, -5", "--from, -1", "--from, 2147483647"})
    void badCountsAreUsageErrors(String option, String value) {
        Path scene = TinyScene.write(tmp, "scene.json", RANDOM_SCENE);
        List<String> args = new ArrayList<>(List.of("sample", scene.toString(), option, value));
        if (!option.equals("-n")) args.addAll(List.of("-n", "2"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().startsWith("mirage: ") && run.err().contains(option.equals("-n") ? "--frames" : option), run.describe());
        assertFalse(run.err().contains("at dev.mirage"), run.describe());
    }

    /**
     * No GL: in a child JVM where libEGL cannot load (render there fails with exit 3), sample
     * succeeds, and the JVM never even loaded an EGL or GL binding or a class of {@code dev.mirage.gpu} (but
     * the {@code --gl} option's enum).
     */
    @Test
    void neverTouchesGl() throws IOException, InterruptedException {
        Path scene = TinyScene.write(tmp, "scene.json", RANDOM_SCENE);
        List<String> noEgl = List.of("-Dorg.lwjgl.egl.libname=" + tmp.resolve("no/libEGL.so.1"));
        try (ChildCli render = ChildCli.start(tmp.resolve("render.log"), noEgl,
                List.of("render", scene.toString(), "-o", tmp.resolve("out").toString(), "-n", "1", "--quiet"))) {
            assertEquals(3, render.awaitExit(Duration.ofMinutes(2)), "this JVM cannot reach GL\n" + render.output());
        }
        Path classes = tmp.resolve("classes.log");
        List<String> options = new ArrayList<>(noEgl);
        options.add("-Xlog:class+load=info:file=" + classes);
        try (ChildCli sample = ChildCli.start(tmp.resolve("sample.log"), options,
                List.of("sample", scene.toString(), "-n", "100", "--plot", tmp.resolve("plots").toString()))) {
            assertEquals(0, sample.awaitExit(Duration.ofMinutes(2)), sample.output());
            assertTrue(sample.output().contains("sampled 100 frames"), sample.output());
        }
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("dev.mirage.pipeline.SampleJob"), "the class log works");
        assertFalse(loaded.contains("org.lwjgl.egl.") || loaded.contains("org.lwjgl.opengl."), "an EGL/GL binding was loaded");
        // picocli loads the --gl option's enum of the other commands when it builds the command tree; nothing else of gpu.
        Set<String> gpu = new TreeSet<>(Pattern.compile("dev\\.mirage\\.gpu\\.[\\w.$]+").matcher(loaded).results()
                .map(java.util.regex.MatchResult::group).toList());
        gpu.remove("dev.mirage.gpu.context.GlPlatform");
        assertEquals(Set.of(), gpu, "gpu classes loaded");
    }

    /** The row of {@code name} in the printed table, split on spaces (name, n, mean, sd, min, p5, median, p95, max). */
    private static String[] row(String out, String name) {
        return out.lines().filter(l -> l.startsWith(name + " ")).findFirst().map(l -> l.trim().split("\\s+")).orElse(null);
    }

    private static long sum(List<JsonNode> nodes) {
        long total = 0;
        for (JsonNode n : nodes) {
            if (n.isArray()) for (JsonNode c : n) total += c.asLong();
            else total += n.asLong();
        }
        return total;
    }
}
