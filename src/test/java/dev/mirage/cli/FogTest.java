package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fog set as visibility V: a wall d metres away keeps exp(−3.912·d/V) of its light (checked on the
 * rendered pixel, black fog so the ratio is the transmittance), masks and depth do not move, and
 * meta and COCO record the condition and each object's transmittance.
 */
class FogTest {
    static final int W = 160, H = 120;

    @TempDir
    Path tmp;

    private Path render(String name, String weather) throws IOException {
        Path scene = tmp.resolve(name + ".json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" }, %s
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1], "fovDeg": 40 },
                  "sun": { "elevationDeg": 0, "azimuthDeg": 270, "intensity": 0.6 },
                  "sky": { "intensity": 0.2 },
                  "categories": [ { "id": 1, "name": "wall" } ],
                  "objects": [ { "shape": "box", "category": "wall", "size": [40, 40, 1], "position": [0, 0, -20.5],
                                 "color": "#ffffff", "material": { "roughness": 1 } } ] }
                """.formatted(weather));
        Path out = tmp.resolve(name);
        CliRun r = CliRun.render(scene, out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        return out;
    }

    private static double linear(int srgb8) {
        double c = srgb8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear green of the centre pixel, whose ray meets the wall 20 m away. */
    private static double centre(Path out) {
        DecodedPng rgb = DecodedPng.rgb8(out.resolve("rgb/000000.png"));
        return linear(rgb.at(W / 2, H / 2) >> 8 & 0xff);
    }

    @Test
    void transmittanceFollowsVisibility() throws IOException {
        Path clear = render("clear", "");
        double l0 = centre(clear);
        assertTrue(l0 > 0.3 && l0 < 0.95, "unclipped wall radiance " + l0);
        for (double visibility : new double[] {113, 50}) {
            Path foggy = render("fog" + (int) visibility, """
                    "weather": { "fog": { "visibilityM": %s, "color": "#000000" } },""".formatted(visibility));
            double expected = Math.exp(-3.912 * 20 / visibility);
            double measured = centre(foggy) / l0;
            assertEquals(expected, measured, 0.02 * expected, "V = " + visibility + " m");
            // labels stay true: fog moves no mask and no depth
            for (String f : new String[] {"instance/000000.png", "depth/000000.png"})
                assertArrayEquals(Files.readAllBytes(clear.resolve(f)), Files.readAllBytes(foggy.resolve(f)), f);
            JsonNode meta = new ObjectMapper().readTree(foggy.resolve("meta/000000.json").toFile());
            assertEquals(visibility, meta.at("/weather/fogVisibilityM").asDouble());
            // the wall's box centre is 20.5 m away
            assertEquals(Math.exp(-3.912 * 20.5 / visibility), meta.at("/annotations/0/fog_transmittance").asDouble(), 1e-6);
            JsonNode coco = new ObjectMapper().readTree(foggy.resolve("annotations/coco.json").toFile());
            assertEquals(visibility, coco.at("/images/0/weather/fogVisibilityM").asDouble());
        }
    }

    /**
     * An active depth sensor loses surfaces whose two-way transmittance T² drops below
     * {@code depthReturn}: with V = 50 m and 0.1, ground beyond d = 50·ln 10 / (2·3.912) = 14.7 m reads 0.
     * The camera 1.5 m above a ground plane looks straight ahead, so the ground at image row v lies
     * t = 1.5·f / (v − cy) along the axis, at distance t·|(x, −(v − cy)/f, −1)|.
     */
    @Test
    void depthInDenseFogReadsNoSurfaceBeyondTheSensorsReturn() throws IOException {
        Path dir = tmp.resolve("ground");
        Files.createDirectories(dir);
        String template = """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" }, %s
                  "camera": { "position": [0, 1.5, 0], "lookAt": [0, 1.5, -1], "fovDeg": 40 },
                  "categories": [ { "id": 1, "name": "post" } ],
                  "objects": [ { "shape": "plane", "size": [400, 400] },
                               { "shape": "box", "category": "post", "size": [1, 3, 1], "position": [0, 1.5, -30] } ] }
                """;
        Path clear = dir.resolve("clear.json"), fog = dir.resolve("fog.json");
        Files.writeString(clear, template.formatted(""));
        Files.writeString(fog, template.formatted("\"weather\": { \"fog\": { \"visibilityM\": 50, \"depthReturn\": 0.1 } },"));
        assertEquals(0, CliRun.render(clear, dir.resolve("c"), 1, 0, W, H).exit());
        CliRun r = CliRun.render(fog, dir.resolve("f"), 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        DecodedPng d0 = DecodedPng.gray16(dir.resolve("c/depth/000000.png")), d1 = DecodedPng.gray16(dir.resolve("f/depth/000000.png"));
        double f = H / 2.0 / Math.tan(Math.toRadians(20)), limit = 50 * Math.log(10) / (2 * 3.912);
        int kept = 0, lost = 0;
        for (int v = H / 2 + 2; v < H; v++) {
            for (int u = 0; u < W; u += 7) {
                double x = (u + 0.5 - W / 2.0) / f, y = (v + 0.5 - H / 2.0) / f;
                double t = 1.5 / y, distance = t * Math.sqrt(x * x + y * y + 1);
                if (d0.at(u, v) == 0 || Math.abs(distance - limit) < 0.3) continue;
                if (distance < limit) {
                    assertEquals(d0.at(u, v), d1.at(u, v), "kept at " + u + "," + v + " (" + distance + " m)");
                    kept++;
                } else {
                    assertEquals(0, d1.at(u, v), "lost at " + u + "," + v + " (" + distance + " m)");
                    lost++;
                }
            }
        }
        assertTrue(kept > 50 && lost > 20, kept + " kept, " + lost + " lost");
        assertEquals(0, d1.at(W / 2, H / 2 - 5), "the post 30 m away is lost to the sensor");
        assertArrayEquals(Files.readAllBytes(dir.resolve("c/instance/000000.png")), Files.readAllBytes(dir.resolve("f/instance/000000.png")),
                "labels keep the true geometry");
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("f/meta/000000.json").toFile());
        assertEquals(0.1, meta.at("/weather/fogDepthReturn").asDouble(), 1e-12);
    }
}
