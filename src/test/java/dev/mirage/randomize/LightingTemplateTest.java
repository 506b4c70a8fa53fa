package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sun from the calendar, and point and spot lights, as a template asks for them. */
class LightingTemplateTest {
    @TempDir
    Path dir;

    private FrameScene frame(String extra, int index) throws IOException {
        Path file = dir.resolve("light.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 64, "height": 48 }, %s
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0] }, "objects": [] }
                """.formatted(extra));
        return new FrameSampler(TemplateReader.read(file), new AssetLibrary()).frame(3, index);
    }

    @Test
    void greenwichMiddayInJuneHasTheSunHighInTheSouth() throws IOException {
        FrameScene f = frame("""
                "sun": { "solar": { "date": "2024-06-21", "hour": 12, "latitudeDeg": 51.48, "longitudeDeg": 0 } },
                """, 0);
        Vector3d toward = new Vector3d(f.sun().towardSun());
        // elevation 90 - 51.48 + 23.44 = 61.96 degrees (less a little: 12:00 UTC is not quite solar noon)
        assertEquals(61.96, Math.toDegrees(Math.asin(toward.y)), 0.3);
        // south is +Z (north is -Z): the sun is toward +Z, hardly east or west
        assertTrue(toward.z > 0.4, toward.toString());
        assertEquals(0, toward.x, 0.03);
    }

    @Test
    void morningSunIsInTheEast() throws IOException {
        FrameScene f = frame("""
                "sun": { "solar": { "date": "2024-03-20", "hour": 8, "latitudeDeg": 40 } },
                """, 0);
        assertTrue(f.sun().towardSun().x() > 0.5, "east is +X: " + f.sun().towardSun());
        assertTrue(f.sun().towardSun().y() > 0, "above the horizon at 8:00");
    }

    @Test
    void lightsAreDrawnPerFrameAndSpotsAimAtTheirTarget() throws IOException {
        String lights = """
                "lights": [
                  { "type": "point", "count": { "int": [1, 3] }, "position": { "uniform": [[-5, 4, -5], [5, 6, 5]] },
                    "intensity": { "uniform": [5, 10] }, "rangeM": 20, "color": { "kelvin": 3000 } },
                  { "type": "spot", "position": [0, 8, 0], "target": [4, 0, 0], "intensity": 50,
                    "innerConeDeg": 10, "outerConeDeg": 15 } ],
                """;
        int[] points = new int[4];
        for (int i = 0; i < 300; i++) {
            FrameScene f = frame(lights, i);
            long spots = f.lights().stream().filter(l -> l.kind() == Light.Kind.SPOT).count();
            assertEquals(1, spots);
            int n = (int) f.lights().stream().filter(l -> l.kind() == Light.Kind.POINT).count();
            points[n]++;
            for (Light l : f.lights()) {
                if (l.kind() == Light.Kind.SPOT) {
                    Vector3d expected = new Vector3d(4, -8, 0).normalize();
                    assertEquals(0, expected.distance(new Vector3d(l.direction())), 1e-12);
                    assertEquals(15, l.outerConeDeg());
                } else {
                    assertTrue(l.position().y() >= 4 && l.position().y() <= 6);
                    assertTrue(l.colorLinear().x() == 1 && l.colorLinear().z() < 0.5, "3000 K is warm");
                }
            }
        }
        assertEquals(0, points[0]);
        for (int n = 1; n <= 3; n++) assertTrue(points[n] > 60, "count " + n + " drawn " + points[n] + " times");
    }
}
