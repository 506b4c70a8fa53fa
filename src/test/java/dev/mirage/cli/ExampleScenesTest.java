package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in scenes/ validates and renders a labeled frame: the examples are fixtures too. */
class ExampleScenesTest {
    @TempDir
    Path tmp;

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("scenes")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAndRendersALabeledFrame(Path scene) throws IOException {
        CliRun validate = CliRun.of("validate", scene.toString());
        assertEquals(0, validate.exit(), validate.describe());
        Path out = tmp.resolve("out");
        CliRun render = CliRun.render(scene, out, 1, 1, 160, 120);
        assertEquals(0, render.exit(), render.describe());
        int annotations = new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile()).path("annotations").size();
        assertTrue(annotations > 0, scene + " shows no labeled object at 160x120");
    }
}
