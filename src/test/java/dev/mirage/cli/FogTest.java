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
}
