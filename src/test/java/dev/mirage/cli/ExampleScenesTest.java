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
        var annotations = new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile()).path("annotations");
        assertTrue(annotations.size() > 0, scene + " shows no labeled object at 160x120");
        // What is visible lies inside the projection of the whole object: amodal box ⊇ bbox (1 px slack).
        for (var a : annotations) {
            var b = a.path("bbox");
            var m = a.path("amodal_bbox");
            assertEquals(4, m.size(), a.toString());
            assertTrue(m.get(0).asDouble() <= b.get(0).asDouble() + 1 && m.get(1).asDouble() <= b.get(1).asDouble() + 1
                    && m.get(0).asDouble() + m.get(2).asDouble() >= b.get(0).asDouble() + b.get(2).asDouble() - 1
                    && m.get(1).asDouble() + m.get(3).asDouble() >= b.get(1).asDouble() + b.get(3).asDouble() - 1, a.toString());
            // ... and inside the projection of its oriented 3D box, when the whole box is in front of the camera.
            var corners = a.path("bbox3d").path("corners_px");
            assertEquals(8, corners.size(), a.toString());
            boolean allInFront = true;
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (var c : corners) {
                if (c.isNull()) { allInFront = false; continue; }
                x0 = Math.min(x0, c.get(0).asDouble());
                x1 = Math.max(x1, c.get(0).asDouble());
                y0 = Math.min(y0, c.get(1).asDouble());
                y1 = Math.max(y1, c.get(1).asDouble());
            }
            if (allInFront)
                assertTrue(x0 <= b.get(0).asDouble() + 1 && y0 <= b.get(1).asDouble() + 1
                        && x1 >= b.get(0).asDouble() + b.get(2).asDouble() - 1 && y1 >= b.get(1).asDouble() + b.get(3).asDouble() - 1,
                        "3D box projection " + x0 + "," + y0 + ".." + x1 + "," + y1 + " must hold " + a);
        }
    }
}
