package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rain and snow change the colour image only: the same frame with and without them has identical
 * ids, depth and semantic images. Wet surfaces are darker and mirror the sun more sharply; snow
 * whitens up-facing surfaces and leaves walls alone; the condition is recorded, replayed and checked.
 */
class RainSnowTest {
    static final int W = 160, H = 120;

    @TempDir
    Path tmp;

    private Path scene(String name, String body) throws IOException {
        Path scene = tmp.resolve(name + ".json");
        Files.writeString(scene, "{ \"mirage\": 1, \"image\": { \"width\": 160, \"height\": 120, \"antiAliasing\": \"none\" }, " + body + " }");
        return scene;
    }

    private Path render(String name, String body) throws IOException {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.render(scene(name, body), out, 1, 4, W, H);
        assertEquals(0, r.exit(), r.describe());
        return out;
    }

    private static final String STREET = """
            "camera": { "position": [0, 1.6, 0], "lookAt": [0, 1, -20], "fovDeg": 55 },
            "sun": { "elevationDeg": 40, "azimuthDeg": 60 },
            "categories": [ { "id": 1, "name": "car" } ],
            "objects": [ { "shape": "plane", "size": [100, 100], "color": "#404040" },
                         { "shape": "box", "category": "car", "size": [4, 1.5, 1.8], "position": [1, 0.75, -9], "color": "#a02020" },
                         { "shape": "box", "category": "car", "size": [4, 1.5, 1.8], "position": [-3, 0.75, -16], "color": "#2040a0" } ]
            """;

    private static byte[] bytes(Path out, String file) throws IOException {
        return Files.readAllBytes(out.resolve(file));
    }

    @Test
    void rainAndSnowLeaveLabelsAndDepthExact() throws IOException {
        Path clear = render("clear", STREET);
        Path rain = render("rain", STREET + ", \"weather\": { \"rain\": { \"rateMmH\": 20, \"lensDrops\": 6 } }");
        Path snow = render("snow", STREET + ", \"weather\": { \"snow\": { \"rateMmH\": 2 } }");
        for (Path wet : new Path[] {rain, snow}) {
            for (String f : new String[] {"instance/000000.png", "depth/000000.png", "semantic/000000.png"})
                assertArrayEquals(bytes(clear, f), bytes(wet, f), wet.getFileName() + " " + f);
            assertFalse(Arrays.equals(bytes(clear, "rgb/000000.png"), bytes(wet, "rgb/000000.png")), wet + " changes the colour image");
        }
        JsonNode meta = new ObjectMapper().readTree(rain.resolve("meta/000000.json").toFile());
        assertEquals(20, meta.at("/weather/rainRateMmH").asDouble());
        assertEquals(1, meta.at("/weather/wetness").asDouble(), "wetness from the rain rate: min(1, R / 5)");
        assertTrue(meta.at("/weather/rainDrops").asInt() > 1000, meta.toString());
        assertEquals(6, meta.at("/weather/lensDrops").asInt());
        assertEquals(2, meta.at("/annotations").size(), "drops are never labeled");
        JsonNode coco = new ObjectMapper().readTree(rain.resolve("annotations/coco.json").toFile());
        assertEquals(20, coco.at("/images/0/weather/rainRateMmH").asDouble());
        assertEquals(1, coco.at("/images/0/weather/wetness").asDouble());
        assertEquals(20, coco.at("/images/0/conditions/rainRateMmH").asDouble(), "the conditions summary holds precipitation too");
        assertEquals(1, coco.at("/images/0/conditions/wetness").asDouble());
        JsonNode snowMeta = new ObjectMapper().readTree(snow.resolve("meta/000000.json").toFile());
        assertEquals(2, snowMeta.at("/weather/snowRateMmH").asDouble());
        assertEquals(1, snowMeta.at("/weather/snowCoverage").asDouble(), "coverage from the snow rate: min(1, R / 1 mm/h)");
        assertTrue(snowMeta.at("/weather/snowFlakes").asInt() > 1000, snowMeta.toString());
    }

    @Test
    void sameSeedSameBytesAndReplayRendersTheSameFrame() throws IOException {
        String weather = STREET + ", \"weather\": { \"rain\": { \"rateMmH\": { \"uniform\": [5, 30] }, \"streakLengthScale\": 1.5 },"
                + " \"snow\": { \"rateMmH\": 0.5, \"coverage\": 0.4 } }";
        weather = weather.replace("\"streakLengthScale\": 1.5", "\"streakLengthScale\": 1.5, \"lensDrops\": { \"int\": [1, 4] }");
        Path a = render("a", weather);
        Path b = render("b", weather);
        assertArrayEquals(bytes(a, "rgb/000000.png"), bytes(b, "rgb/000000.png"));
        Path replay = tmp.resolve("replay");
        CliRun r = CliRun.render(tmp.resolve("a.json"), replay, 1, 4, W, H, "--replay", a.resolve("meta/000000.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertArrayEquals(bytes(a, "rgb/000000.png"), bytes(replay, "rgb/000000.png"), "replay draws the same drops and flakes");
        JsonNode meta = new ObjectMapper().readTree(replay.resolve("meta/000000.json").toFile());
        assertEquals(0.4, meta.at("/weather/snowCoverage").asDouble());
        assertEquals(1.5, meta.at("/weather/streakLengthScale").asDouble());
    }

    private static double luma(DecodedPng png, int x, int y) {
        int p = png.at(x, y);
        return linear(p >> 16 & 0xff) * 0.2126 + linear(p >> 8 & 0xff) * 0.7152 + linear(p & 0xff) * 0.0722;
    }

    private static double linear(int srgb8) {
        double c = srgb8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** A grey rough plane seen from 3 m up; {@code sun} is the direction toward the sun. */
    private static String plane(String sun, String weather) {
        return """
                "camera": { "position": [0, 3, 0], "lookAt": [0, 0, -6], "fovDeg": 50 },
                "sun": { "direction": %s, "intensity": 0.8 }, "sky": { "intensity": 0.3 },
                "categories": [ { "id": 1, "name": "thing" } ],
                "objects": [ { "shape": "plane", "size": [200, 200], "color": "#808080", "material": { "roughness": 0.9 } } ] %s
                """.formatted(sun, weather);
    }

    @Test
    void wetPlaneIsDarkerAndMirrorsTheSunMoreSharply() throws IOException {
        // sun behind the camera: no highlight in view, the diffuse part dominates
        DecodedPng dry = DecodedPng.rgb8(render("dry", plane("[0, 1, 1]", "")).resolve("rgb/000000.png"));
        DecodedPng damp = DecodedPng.rgb8(render("damp", plane("[0, 1, 1]", ", \"weather\": { \"wetness\": 0.3 }")).resolve("rgb/000000.png"));
        double ratio = luma(damp, W / 2, H / 2) / luma(dry, W / 2, H / 2);
        assertTrue(ratio < 0.92 && ratio > 0.7, "porous surface darkened by water: " + ratio);
        // low sun ahead: the dry plane's highlight is broad and dim, the wet one's bright and narrow
        String ahead = "[0, 0.3, -1]";
        DecodedPng dryAhead = DecodedPng.rgb8(render("dryAhead", plane(ahead, "")).resolve("rgb/000000.png"));
        DecodedPng wetAhead = DecodedPng.rgb8(render("wetAhead", plane(ahead, ", \"weather\": { \"wetness\": 1 }")).resolve("rgb/000000.png"));
        double[] d = peakAndMedian(dryAhead), w = peakAndMedian(wetAhead);
        assertTrue(w[0] > 1.3 * d[0], "wet peak " + w[0] + " vs dry " + d[0]);
        assertTrue(w[0] / w[1] > 2 * d[0] / d[1], "wet peak/median " + w[0] / w[1] + " vs dry " + d[0] / d[1]);
    }

    private static double[] peakAndMedian(DecodedPng png) {
        double[] l = new double[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) l[y * W + x] = luma(png, x, y);
        Arrays.sort(l);
        return new double[] {l[l.length - 1], l[l.length / 2]};
    }

    @Test
    void snowWhitensUpFacingSurfacesOnly() throws IOException {
        String body = """
                "camera": { "position": [0, 3, 4], "lookAt": [0, 1, -4], "fovDeg": 50 },
                "sun": { "elevationDeg": 60, "azimuthDeg": 60 }, "sky": { "intensity": 0.4 },
                "categories": [ { "id": 1, "name": "wall" } ],
                "objects": [ { "shape": "plane", "size": [100, 100], "color": "#202020" },
                             { "shape": "box", "category": "wall", "size": [8, 6, 0.5], "position": [0, 3, -8], "color": "#a03020" } ]
                """;
        Path bare = render("bare", body);
        Path snowy = render("snowy", body + ", \"weather\": { \"snow\": { \"rateMmH\": 0, \"coverage\": 1 } }");
        DecodedPng before = DecodedPng.rgb8(bare.resolve("rgb/000000.png")), after = DecodedPng.rgb8(snowy.resolve("rgb/000000.png"));
        DecodedPng ids = DecodedPng.gray16(bare.resolve("instance/000000.png"));
        int ground = after.at(W / 2, H - 3);
        for (int shift : new int[] {16, 8, 0})
            assertTrue((ground >> shift & 0xff) > 200, "snow on the ground: " + Integer.toHexString(ground) + " was " + Integer.toHexString(before.at(W / 2, H - 3)));
        int wallX = W / 2, wallY = -1;
        for (int y = 0; y < H && wallY < 0; y++) if (ids.at(wallX, y) == 1 && ids.at(wallX, y + 8) == 1) wallY = y + 4;
        assertTrue(wallY >= 0, "the wall is in view");
        for (int shift : new int[] {16, 8, 0})
            assertEquals(before.at(wallX, wallY) >> shift & 0xff, after.at(wallX, wallY) >> shift & 0xff, 2.0, "the wall keeps its colour");
    }

    @Test
    void badWeatherFieldsAreNamed() throws IOException {
        Path scene = scene("bad", STREET + """
                , "weather": { "rain": { "rateMmH": -1, "drops": 3, "lensDrops": 40 }, "snow": { "coverage": 2 }, "wetness": "soaked" }
                """);
        CliRun r = CliRun.of("validate", scene.toString());
        assertEquals(2, r.exit(), r.describe());
        for (String pointer : new String[] {"/weather/rain/rateMmH", "/weather/rain/drops", "/weather/rain/lensDrops", "/weather/snow/rateMmH",
                "/weather/snow/coverage", "/weather/wetness"})
            assertTrue(r.err().contains(pointer), pointer + " in\n" + r.err());
    }
}
