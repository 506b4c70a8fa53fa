package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Command-line usage: argument mistakes exit 2 with a message naming the option and create no
 * output; --help, --version and info exit 0 and print what they promise.
 */
class CliUsageTest {
    static final String STREET = "scenes/street.json";

    @TempDir
    Path tmp;

    /** {@code render} without {@code -o}: picocli's missing-option error, exit 2. */
    @Test
    void renderWithoutOutputIsAUsageError() {
        CliRun run = CliRun.of("render", STREET);
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("--output"), run.describe());
        assertTrue(run.err().contains("mirage render --help"), "points to the command's help: " + run.err());
    }

    /** Values that parse but cannot be used: exit 2, the option named, no output folder created. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--frames, -1", "--gl, nonsense", "--width, 0", "--height, 20000", "--png-level, 10", "--workers, 0",
            "--seed, abc"})
    void badOptionValueIsAUsageError(String option, String value) {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("render", STREET, "-o", out.toString(), option, value);
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().startsWith("mirage: "), run.describe());
        assertTrue(run.err().contains(option), "names " + option + ": " + run.describe());
        assertFalse(run.err().contains("at dev.mirage"), "no stack trace: " + run.describe());
        assertFalse(Files.exists(out), "no output folder for a usage error");
    }

    /** {@code --gl} lists the values it accepts. */
    @Test
    void badGlValueListsTheChoices() {
        CliRun run = CliRun.of("render", STREET, "-o", tmp.resolve("out").toString(), "--gl", "nonsense");
        assertTrue(run.err().contains("auto, device or surfaceless"), run.describe());
    }

    /** A scene file that does not exist: bad input, exit 2, naming the file. */
    @Test
    void missingSceneFileIsBadInput() {
        String scene = tmp.resolve("nowhere.json").toString();
        CliRun render = CliRun.of("render", scene, "-o", tmp.resolve("out").toString());
        CliRun validate = CliRun.of("validate", scene);
        for (CliRun run : new CliRun[] {render, validate}) {
            assertEquals(2, run.exit(), run.describe());
            assertTrue(run.err().contains(scene) && run.err().contains("no such file"), run.describe());
        }
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** An unknown subcommand is a usage error. */
    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("bogus");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("bogus"), run.describe());
    }

    /**
     * The hint after a top-level usage error names a command that exists.
     */
    @Test
    void topLevelUsageHintNamesARealCommand() {
        CliRun run = CliRun.of("bogus");
        assertTrue(run.err().contains("Try 'mirage --help'."), run.describe());
    }

    /** --version prints "mirage" and a version, exit 0. */
    @Test
    void versionPrintsTheToolAndVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit(), run.describe());
        assertTrue(run.out().strip().matches("mirage \\S+"), run.describe());
    }

    /** --help lists the commands; render --help lists its options. Both exit 0. */
    @Test
    void helpListsCommandsAndOptions() {
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exit(), top.describe());
        for (String command : new String[] {"render", "validate", "info"})
            assertTrue(top.out().contains(command), "mentions " + command + ": " + top.describe());
        CliRun render = CliRun.of("render", "--help");
        assertEquals(0, render.exit(), render.describe());
        for (String option : new String[] {"--output", "--frames", "--seed", "--width", "--height", "--overwrite", "--gl"})
            assertTrue(render.out().contains(option), "mentions " + option + ": " + render.describe());
    }

    /** info opens GL and prints its version: OpenGL 4.x (4.5 core on llvmpipe). */
    @Test
    void infoPrintsAGl4Version() {
        CliRun run = CliRun.of("info");
        assertEquals(0, run.exit(), run.describe());
        String version = run.out().lines().filter(l -> l.startsWith("GL version:")).findFirst().orElse("");
        assertTrue(version.contains("4."), "GL version line: " + run.describe());
        assertTrue(run.out().contains("GL renderer:"), run.describe());
    }
}
