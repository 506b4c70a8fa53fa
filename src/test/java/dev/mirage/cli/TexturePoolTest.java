package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Texture pools: an image tiled on a plane lands where the documented mapping puts it (checked at
 * pixels projected by hand), the pool's images are swapped per instance, and a broken image is a
 * user mistake (exit 2) naming the field.
 */
class TexturePoolTest {
    static final int W = 160, H = 120;
    static final int[][] QUADRANTS = { // image quadrants: [row half][column half], top row first
            {0xff0000, 0x00ff00},
            {0x0000ff, 0xffffff}};

    @TempDir
    Path tmp;

    private Path quadrantImage(String name) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++) image.setRGB(x, y, QUADRANTS[y / 32][x / 32]);
        Path file = tmp.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /**
     * The documented mapping for an up-facing face, worked by hand: texture (u, v) = (x, −z) / tile,
     * repeating; v = 0 is the image's bottom row.
     */
    private static int expectedColour(double x, double z, double tile) {
        double u = x / tile - Math.floor(x / tile), v = -z / tile - Math.floor(-z / tile);
        int column = u < 0.5 ? 0 : 1, rowFromTop = v < 0.5 ? 1 : 0;
        return QUADRANTS[rowFromTop][column];
    }

    @Test
    void aTiledImageLandsWhereTheMappingPutsIt() throws IOException {
        quadrantImage("quadrants.png");
        Path scene = tmp.resolve("textured.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                  "camera": { "position": [0, 10, 0], "lookAt": [0, 0, 0], "fovDeg": 40 },
                  "sun": { "elevationDeg": 90, "intensity": 1 }, "sky": { "intensity": 0.2 },
                  "objects": [ { "shape": "plane", "size": [4, 4], "color": "#ffffff",
                                 "material": { "texture": "quadrants.png", "patternScaleM": 4, "roughness": 1 } } ] }
                """);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene, out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        DecodedPng rgb = DecodedPng.rgb8(out.resolve("rgb/000000.png"));
        // looking straight down, the image's right is +X and its up is −Z
        double f = H / 2.0 / Math.tan(Math.toRadians(20));
        int checked = 0;
        for (double x = -1.75; x <= 1.75; x += 0.5) {
            for (double z = -1.75; z <= 1.75; z += 0.5) {
                int px = (int) Math.floor(W / 2.0 + f * x / 10), py = (int) Math.floor(H / 2.0 + f * z / 10);
                int expected = expectedColour(x, z, 4), got = rgb.at(px, py);
                for (int shift = 0; shift <= 16; shift += 8) {
                    boolean on = (expected >> shift & 0xff) != 0;
                    int level = got >> shift & 0xff;
                    assertTrue(on ? level > 120 : level < 40, String.format("x %.2f z %.2f: pixel (%d, %d) is %06x, expected like %06x",
                            x, z, px, py, got, expected));
                }
                checked++;
            }
        }
        assertEquals(64, checked);
    }

    @Test
    void aPoolGivesInstancesDifferentImagesAndMetaNamesThem() throws IOException {
        quadrantImage("a.png");
        quadrantImage("b.png");
        Path scene = tmp.resolve("pool.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 3, 8], "lookAt": [0, 0, 0] },
                  "objects": [ { "shape": "box", "count": 6, "color": "#ffffff",
                                 "material": { "texture": { "choice": ["a.png", "b.png"] } },
                                 "placement": { "region": { "min": [-4, -4], "max": [4, 4] } } } ] }
                """);
        Path out = tmp.resolve("pool-out");
        CliRun r = CliRun.render(scene, out, 3, 0, 64, 48);
        assertEquals(0, r.exit(), r.describe());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/%06d.json".formatted(i)).toFile());
            for (JsonNode o : meta.get("objects")) used.add(o.at("/surface/texture").asText());
        }
        assertEquals(Set.of("a.png", "b.png"), used);
    }

    @Test
    void replayTellsApartTwoImagesOfTheSameName() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        quadrantImage("a/tex.png");
        BufferedImage plain = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) plain.setRGB(x, y, 0x00ff00);
        ImageIO.write(plain, "png", tmp.resolve("b/tex.png").toFile());
        Path scene = tmp.resolve("same-name.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 3, 8], "lookAt": [0, 0, 0] },
                  "objects": [ { "shape": "box", "position": [-1.5, 0.5, 0], "color": "#ffffff", "material": { "texture": "a/tex.png" } },
                               { "shape": "box", "position": [1.5, 0.5, 0], "color": "#ffffff", "material": { "texture": "b/tex.png" } } ] }
                """);
        Path out = tmp.resolve("same-out"), again = tmp.resolve("same-again");
        assertEquals(0, CliRun.render(scene, out, 1, 0, 64, 48).exit());
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/000000.json").toFile());
        assertEquals("a/tex.png", meta.at("/objects/0/surface/texture").asText());
        assertEquals("b/tex.png", meta.at("/objects/1/surface/texture").asText());
        CliRun r = CliRun.render(scene, again, 1, 0, 64, 48, "--replay", out.resolve("meta/000000.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve("rgb/000000.png")), Files.readAllBytes(again.resolve("rgb/000000.png"))));
    }

    @Test
    void anImageThatDoesNotDecodeIsAUserMistake() throws IOException {
        Files.writeString(tmp.resolve("broken.png"), "not a png");
        Path scene = tmp.resolve("broken.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 3, 8], "lookAt": [0, 0, 0] },
                  "objects": [ { "shape": "box", "material": { "texture": "broken.png" } } ] }
                """);
        Path out = tmp.resolve("broken-out");
        CliRun r = CliRun.render(scene, out, 1, 0, 64, 48);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/material/texture") && r.err().contains("broken.png"), r.describe());
        assertFalse(r.err().contains("at dev.mirage"), r.describe());
        assertFalse(Files.exists(out.resolve("dataset.json")), "nothing written");
    }
}
