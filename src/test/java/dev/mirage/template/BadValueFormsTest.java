package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad parameter of a value form fails at its own JSON pointer, with what was expected. */
class BadValueFormsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "min > max                | { \"uniform\": [60, 40] }                                           | /camera/fovDeg/uniform          | min <= max",
            "negative sd              | { \"normal\": { \"mean\": 50, \"sd\": -1 } }                        | /camera/fovDeg/normal/sd        | standard deviation >= 0",
            "normal min >= max        | { \"normal\": { \"mean\": 50, \"sd\": 1, \"min\": 60, \"max\": 50 } } | /camera/fovDeg/normal           | min < max",
            "empty choice             | { \"choice\": [] }                                                 | /camera/fovDeg/choice           | at least one value",
            "weights summing to zero  | { \"choice\": { \"values\": [40, 50], \"weights\": [0, 0] } }       | /camera/fovDeg/choice/weights   | summing to more than 0",
            "weights of another count | { \"choice\": { \"values\": [40, 50], \"weights\": [1] } }          | /camera/fovDeg/choice/weights   | 2 weights",
            "negative weight          | { \"choice\": { \"values\": [40, 50], \"weights\": [1, -2] } }      | /camera/fovDeg/choice/weights/1 | a weight in 0..1e12",
            "weights past 1e12        | { \"choice\": { \"values\": [40, 50], \"weights\": [1e308, 1] } }     | /camera/fovDeg/choice/weights/0 | a weight in 0..1e12",
            "log-uniform from zero    | { \"logUniform\": [0, 50] }                                         | /camera/fovDeg/logUniform/0     | log-uniform",
            "unknown variable         | { \"var\": \"hour\" }                                              | /camera/fovDeg/var              | declared in /variables",
            "map out of order         | { \"var\": \"t\", \"map\": [[1, 40], [0, 50]] }                     | /camera/fovDeg/map/1            | x greater than",
            "variable out of range    | { \"var\": \"t\" }                                                 | /camera/fovDeg                  | ranges 0.0..500.0",
            "unknown form             | { \"gaussian\": [50, 5] }                                           | /camera/fovDeg                  | one of {uniform|normal",
    })
    void badFovFailsAtItsPointer(String what, String fov, String pointer, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "variables": { "t": { "uniform": [0, 500] } },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fovDeg": %s },
                  "objects": [] }
                """.formatted(fov));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(pointer, e.errors().get(0).pointer(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two areas        | { \"region\": { \"min\": [0, 0], \"max\": [1, 1] }, \"path\": [[0, 0, 0], [1, 0, 0]] } | /objects/0/placement          | exactly one of",
            "empty region     | { \"region\": { \"min\": [0, 0], \"max\": [0, 1] } }                                  | /objects/0/placement/region   | min < max",
            "lane headings    | { \"lanes\": { \"centersX\": [0, 3], \"headingDeg\": [0], \"z\": [-9, 0] } }          | /objects/0/placement/lanes/headingDeg | 2 headings",
            "facing lane      | { \"region\": { \"min\": [0, 0], \"max\": [1, 1] }, \"facing\": \"lane\" }            | /objects/0/placement/facing   | only with \"lanes\"",
            "one-point path   | { \"path\": [[0, 0, 0]] }                                                              | /objects/0/placement/path     | at least two points",
            "spacing, overlap | { \"region\": { \"min\": [0, 0], \"max\": [1, 1] }, \"noOverlap\": false, \"minSpacingM\": 2 } | /objects/0/placement/minSpacingM | only with",
    })
    void badPlacementFailsAtItsPointer(String what, String placement, String pointer, String expected) throws IOException {
        Path file = dir.resolve("bad-placement.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0] },
                  "objects": [ { "shape": "box", "placement": %s } ] }
                """.formatted(placement));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(pointer, e.errors().get(0).pointer(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains(expected), e.getMessage());
    }
}
