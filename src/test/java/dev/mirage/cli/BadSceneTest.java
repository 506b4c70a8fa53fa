package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wrong scene file is bad input: {@code render} and {@code validate} exit 2 with one line on
 * stderr that names the file and the JSON pointer of the mistake, never a stack trace, and
 * {@code render} creates no output folder.
 */
class BadSceneTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path BENCH_GLB = Path.of("assets/bench/scene.glb").toAbsolutePath();

    @TempDir
    Path tmp;

    /**
     * One broken scene.
     *
     * @param name     what is wrong, for the test's display name
     * @param fileName the scene's file name (its extension picks JSON or YAML)
     * @param text     the file's contents
     * @param pointer  the JSON pointer the message must name ("/" for the whole file)
     * @param detail   further text the message must hold (the value found, a line number)
     */
    record BadScene(String name, String fileName, String text, String pointer, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadScene> badScenes() {
        return Stream.of(
                new BadScene("JSON syntax error", "syntax.json", """
                        {
                          "mirage": 1,
                          "image": { "width": 64 "height": 48 },
                          "objects": []
                        }
                        """, "/", "line 3"),
                new BadScene("YAML syntax error", "syntax.yaml", """
                        mirage: 1
                        image: {width: 64, height: 48
                        objects: []
                        """, "/", "line 3"),
                new BadScene("duplicate field", "duplicate.json",
                        TinyScene.JSON.replace("\"mirage\": 1,", "\"mirage\": 1, \"mirage\": 1,"), "/", "mirage"),
                new BadScene("empty file", "empty.json", "", "/", "empty"),
                bad("unknown camera field", "/camera/fovDegree", "unknown field",
                        s -> ((ObjectNode) s.get("camera")).put("fovDegree", 50)),
                bad("wrong type", "/image/width", "\"wide\"", s -> ((ObjectNode) s.get("image")).put("width", "wide")),
                bad("field of view out of range", "/camera/fovDeg", "500",
                        s -> ((ObjectNode) s.get("camera")).put("fovDeg", 500)),
                bad("uniform with min > max", "/camera/fovDeg/uniform", "min <= max",
                        s -> ((ObjectNode) s.get("camera")).putObject("fovDeg").putArray("uniform").add(60).add(40)),
                bad("missing asset file", "/objects/0/asset", "nothing-here.glb",
                        s -> objects(s).insertObject(0).put("asset", "props/nothing-here.glb")),
                bad("asset that is not a model", "/objects/0/asset", "README.md",
                        s -> objects(s).insertObject(0).put("asset", Path.of("README.md").toAbsolutePath().toString())),
                bad("asset node that does not exist", "/objects/0/node", "nope",
                        s -> objects(s).insertObject(0).put("asset", BENCH_GLB.toString()).put("node", "nope")),
                bad("unknown category", "/objects/1/category", "\"truck\"",
                        s -> ((ObjectNode) objects(s).get(1)).put("category", "truck")),
                bad("unknown top-level field", "/colour", "unknown field", s -> s.put("colour", "red")),
                bad("missing version", "/mirage", "missing", s -> s.remove("mirage")),
                bad("future version", "/mirage", "2", s -> s.put("mirage", 2)));
    }

    /** render: exit 2, one line naming file and pointer, no stack trace, no output folder. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenes")
    void renderRefusesIt(BadScene bad) {
        Path scene = write(bad);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.render(scene, out, 1, 0, 32, 24);
        assertOneClearError(run, scene, bad);
        assertFalse(Files.exists(out), "output folder created for a bad scene");
    }

    /** validate: exit 2 with the same message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenes")
    void validateRefusesIt(BadScene bad) {
        Path scene = write(bad);
        CliRun run = CliRun.of("validate", scene.toString());
        assertOneClearError(run, scene, bad);
        assertEquals("", run.out(), "nothing on stdout");
    }

    /**
     * Scenes whose values pass one by one but sample into an impossible frame: a camera on its own
     * look-at point, a sun direction of zero.
     */
    static Stream<BadScene> impossibleScenes() {
        return Stream.of(
                bad("camera on its look-at point", "/camera/lookAt", "look-at",
                        s -> ((ObjectNode) s.get("camera")).putArray("lookAt").add(0).add(2).add(6)),
                bad("zero sun direction", "/sun/direction", "non-zero",
                        s -> s.putObject("sun").putArray("direction").add(0).add(0).add(0)));
    }

    /** An impossible frame is bad input too: exit 2, its pointer, no stack trace. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleScenes")
    void impossibleFrameIsBadInput(BadScene bad) {
        Path scene = write(bad);
        for (CliRun run : new CliRun[] {CliRun.render(scene, tmp.resolve("out"), 1, 0, 32, 24),
                CliRun.of("validate", scene.toString())}) {
            assertEquals(2, run.exit(), run.describe());
            assertTrue(run.err().contains(bad.pointer() + ": ") && run.err().contains(bad.detail()), run.describe());
            assertFalse(run.err().contains("at dev.mirage") || run.err().contains("Exception"), run.describe());
        }
    }

    /**
     * ... and is refused like every other scene mistake: the message names the file, and render
     * writes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleScenes")
    void impossibleFrameIsRefusedLikeAnyBadScene(BadScene bad) {
        renderRefusesIt(bad);
        validateRefusesIt(bad);
    }

    /** The example scenes validate, and an asset node that exists is accepted. */
    @Test
    void goodScenesValidate() {
        for (Path scene : new Path[] {Path.of("scenes/street.json"),
                write(bad("asset node that exists", "", "", s -> objects(s).insertObject(0)
                        .put("asset", BENCH_GLB.toString()).put("node", "car_01")))}) {
            CliRun run = CliRun.of("validate", scene.toString());
            assertEquals(0, run.exit(), run.describe());
            assertTrue(run.out().startsWith(scene + ": ok"), run.describe());
        }
    }

    /**
     * A wrong value is named by its pointer and by its line and column, in JSON and in YAML; the
     * expected place is found in the text written.
     */
    @Test
    void wrongValueIsNamedByLineAndColumn() {
        for (String[] scene : new String[][] {{"sizes.json", TinyScene.JSON.replace("\"size\": [1, 1, 1]", "\"size\": [1, -1, 1]")},
                {"sizes.yaml", TinyScene.YAML.replace("size: [1, 1, 1]", "size: [1, -1, 1]")}}) {
            String text = scene[1];
            Path file = TinyScene.write(tmp, scene[0], text);
            int at = text.indexOf("-1");
            long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            int column = at - text.lastIndexOf('\n', at);
            CliRun run = CliRun.of("validate", file.toString());
            assertEquals(2, run.exit(), run.describe());
            assertEquals("mirage: " + file + ": /objects/1/size/1 (line " + line + ", column " + column
                    + "): expected a size > 0, got -1", run.err().strip(), run.describe());
        }
    }

    private static void assertOneClearError(CliRun run, Path scene, BadScene bad) {
        assertEquals(2, run.exit(), run.describe());
        String err = run.err();
        String first = err.lines().findFirst().orElse("");
        // the pointer, then its line and column where the file holds the value: "/camera/fovDeg (line 4, column 61): "
        String named = "mirage: " + scene + ": " + bad.pointer();
        assertTrue(first.startsWith(named + ": ") || first.startsWith(named + " (line ")
                || first.startsWith(named + " (in the object starting at line "), "names file and pointer "
                + bad.pointer() + ": " + err);
        assertTrue(first.contains(bad.detail()), "says " + bad.detail() + ": " + err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertFalse(err.contains("at dev.mirage") || err.contains("Exception"), "no stack trace: " + err);
    }

    /** A {@link TinyScene} with one edit, as JSON. */
    private static BadScene bad(String name, String pointer, String detail, Consumer<ObjectNode> edit) {
        try {
            ObjectNode scene = (ObjectNode) JSON.readTree(TinyScene.JSON);
            edit.accept(scene);
            return new BadScene(name, name.replace(' ', '-') + ".json",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scene), pointer, detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode objects(ObjectNode scene) {
        return (ArrayNode) scene.get("objects");
    }

    private Path write(BadScene bad) {
        try {
            return Files.writeString(tmp.resolve(bad.fileName()), bad.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
