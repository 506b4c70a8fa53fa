package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sky model, cloud cover, exposure and fog extras: read when given, defaults when not, errors at their pointers. */
class DaylightFieldsTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scene.json");
        Files.writeString(file, text);
        return file;
    }

    private static String scene(String camera, String rest) {
        return """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 1, -1] %s }, %s
                  "objects": [ { "shape": "box" } ] }
                """.formatted(camera, rest);
    }

    @Test
    void defaultsLeaveEverythingAsBefore() throws IOException {
        SceneTemplate t = TemplateReader.read(write(scene("", "")));
        assertEquals(SceneTemplate.ExposureSpec.NONE, t.exposure());
        assertTrue(!t.sky().preetham() && t.sky().cloudCover() == null);
        assertNull(t.weather().fogSunScatter());
    }

    @Test
    void newFieldsAreRead() throws IOException {
        SceneTemplate t = TemplateReader.read(write(scene(", \"exposure\": \"auto\"", """
                "sky": { "model": "preetham", "turbidity": { "uniform": [2, 4] }, "cloudCover": 0.3, "nightGlowRadiance": 1e-4 },
                "weather": { "fog": { "visibilityM": 300, "sunScatter": 0.5, "heightFalloffM": 40 } },""")));
        assertEquals(SceneTemplate.ExposureMode.AUTO, t.exposure().mode());
        assertTrue(t.sky().preetham());
        assertEquals(new NumberDist.Constant(0.3), t.sky().cloudCover());
        assertEquals(new NumberDist.Constant(40), t.weather().fogHeightFalloffM());
        SceneTemplate fixed = TemplateReader.read(write(scene(", \"exposure\": { \"ev\": 14 }", "")));
        assertEquals(SceneTemplate.ExposureMode.FIXED, fixed.exposure().mode());
        assertEquals(new NumberDist.Constant(14), fixed.exposure().ev());
    }

    @Test
    void mistakesAreReportedAtTheirPointers() throws IOException {
        Path file = write(scene(", \"exposure\": \"bright\"", """
                "sky": { "model": "hosek", "turbidity": 12, "cloudCover": 1.5 },"""));
        assertEquals(Set.of("/camera/exposure", "/sky/model", "/sky/cloudCover", "/sky/turbidity"), pointers(file));
        Path fog = write(scene("", """
                "weather": { "fog": { "visibilityM": 300, "sunScatter": 2, "heightFalloffM": -1 } },"""));
        assertEquals(Set.of("/weather/fog/sunScatter", "/weather/fog/heightFalloffM"), pointers(fog));
    }

    private static Set<String> pointers(Path file) {
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        Set<String> pointers = new TreeSet<>();
        e.errors().forEach(err -> pointers.add(err.pointer()));
        return pointers;
    }
}
