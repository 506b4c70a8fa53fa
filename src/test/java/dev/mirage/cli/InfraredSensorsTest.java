package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.infrared.BandRadiance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thermal, NIR, range and normal sensors against physics computed here, independently of the
 * renderer: a plate of known temperature, emissivity and distance in front of a camera 1.5 m up,
 * air at 15 °C and 60 % humidity, night (no sun), no sensor noise unless a test asks for it.
 * Expected radiances come from the Widger–Woodall series ({@link BandRadiance}), the atmosphere from
 * the model the README documents.
 */
class InfraredSensorsTest {
    static final int W = 64, H = 48;
    static final double AIR_K = 288.15, HUMIDITY = 0.6;

    @TempDir
    Path tmp;
    /** The thermal camera's NETD in the next plate rendered. */
    private double netdK = 0;

    /** Renders one plate {@code distanceM} in front of the camera, facing it, tilted by {@code tiltDeg} about x. */
    private Path plate(String name, double distanceM, double sizeM, double temperatureC, double emissivity, double tiltDeg,
                       String extra) throws IOException {
        Path scene = tmp.resolve(name + ".json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": %d, "height": %d, "antiAliasing": "none" },
                  "sensors": ["rgb", "thermal", "nir", "depth", "depth.exr", "range", "range.exr", "normals", "instance"],
                  "thermal": { "airTemperatureC": 15, "relativeHumidity": 0.6, "netdK": %s },
                  "nir": { "gain": 500, "readNoiseDn": 0, "intensityWSr": 5 },
                  "camera": { "position": [0, 1.5, 0], "lookAt": [0, 1.5, -1], "fovDeg": 30, "nearM": 0.1, "farM": 5000 },
                  "sun": { "elevationDeg": -10, "azimuthDeg": 0, "intensity": 0 },
                  "sky": { "intensity": 0.2 }, %s
                  "categories": [ { "id": 1, "name": "plate" } ],
                  "objects": [ { "shape": "box", "category": "plate", "size": [%s, %s, 0.02], "position": [0, 1.5, %s],
                                 "rotationDeg": [%s, 0, 0], "color": "#ffffff",
                                 "thermal": { "temperatureC": %s, "emissivity": %s } } ] }
                """.formatted(W, H, netdK, extra, sizeM, sizeM, -(distanceM + 0.01), tiltDeg, temperatureC, emissivity));
        Path out = tmp.resolve(name);
        CliRun r = CliRun.render(scene, out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        return out;
    }

    /** The radiometric temperature of the centre pixel, kelvin. */
    private static double centreKelvin(Path out) {
        return DecodedPng.gray16(out.resolve("infrared-radiometric/000000.png")).at(W / 2, H / 2) / 100.0;
    }

    /** Absolute humidity by the Magnus formula, g/m³. */
    private static double waterVapour() {
        double c = AIR_K - 273.15;
        return 216.7 * HUMIDITY * 6.112 * Math.exp(17.62 * c / (243.12 + c)) / AIR_K;
    }

    /** Apparent temperature of a blackbody-ish surface seen through d metres of air with extinction beta. */
    private static double throughAir(double leavingRadiance, double distanceM, double beta) {
        double t = Math.exp(-beta * distanceM);
        return BandRadiance.lwirTemperature(t * leavingRadiance + (1 - t) * BandRadiance.lwir(AIR_K));
    }

    @Test
    void aBlackbodyPlateReadsItsTemperatureAtCloseRange() throws IOException {
        Path out = plate("blackbody", 2, 1, 37, 1, 0, "");
        assertEquals(310.15, centreKelvin(out), 0.5);
        // the 8-bit image shows the warm plate brighter than the cold night sky around it
        DecodedPng grey = DecodedPng.gray8(out.resolve("infrared/000000.png"));
        assertTrue(grey.at(W / 2, H / 2) > grey.at(1, 1) + 100, "plate " + grey.at(W / 2, H / 2) + ", sky " + grey.at(1, 1));
        // an emissivity of 0.5 with the same temperature reads colder: half its own radiance, half the cold sky and ground
        assertTrue(centreKelvin(plate("grey", 2, 1, 37, 0.5, 0, "")) < 305);
    }

    @Test
    void attenuationGrowsWithDistanceAsModelled() throws IOException {
        double beta = 1e-5 + 1.6e-5 * waterVapour();
        double leaving = BandRadiance.lwir(333.15);
        double previous = Double.POSITIVE_INFINITY;
        for (double d : new double[] {10, 300, 1500}) {
            double measured = centreKelvin(plate("far" + (int) d, d, 0.2 * d, 60, 1, 0, ""));
            assertEquals(throughAir(leaving, d, beta), measured, 0.3, d + " m");
            assertTrue(measured < previous, "colder with distance");
            previous = measured;
        }
        assertTrue(previous < 333.15 - 4, "1.5 km of humid air takes several kelvin: " + previous);
        // fog of 200 m visibility adds 0.3 of its visible extinction (3.912 / V)
        double fogged = centreKelvin(plate("fog", 100, 20, 60, 1, 0,
                "\"weather\": { \"fog\": { \"visibilityM\": 200 } },"));
        assertEquals(throughAir(leaving, 100, beta + 0.3 * 3.912 / 200), fogged, 0.3);
        // rain of 10 mm/h adds 1.076 R^0.67 dB/km
        double rained = centreKelvin(plate("rain", 300, 60, 60, 1, 0,
                "\"weather\": { \"rain\": { \"rateMmH\": 10 } },"));
        assertEquals(throughAir(leaving, 300, beta + 1.076 * Math.pow(10, 0.67) / 4342.9), rained, 0.3);
    }

    @Test
    void aLowEmissivityPlateShowsTheSky() throws IOException {
        // tilted 30° up, the plate mirrors the sky 60° above the horizon into the camera
        Path out = plate("mirror", 3, 1, 30, 0.02, -30, "");
        double zenith = Math.min(0.1 + 0.015 * waterVapour(), 0.9);
        double skyEmissivity = 1 - Math.pow(1 - zenith, 1 / Math.sin(Math.toRadians(60)));
        double leaving = 0.02 * BandRadiance.lwir(303.15) + 0.98 * skyEmissivity * BandRadiance.lwir(AIR_K);
        double beta = 1e-5 + 1.6e-5 * waterVapour();
        double measured = centreKelvin(out);
        assertEquals(throughAir(leaving, 3, beta), measured, 0.5);
        assertTrue(measured < 303.15 - 30, "a 30 °C mirror reads as the cold sky: " + measured);
    }

    @Test
    void nirFallsOffAsTheInverseSquareOfRange() throws IOException {
        // white plate (reflectance 1 by its albedo), 5 W/sr on axis, gain 500: DN = 500 / π · 5 / r²
        double near = DecodedPng.gray8(plate("nir2", 2, 0.5, 15, 0.9, 0, "").resolve("nir/000000.png")).at(W / 2, H / 2);
        double far = DecodedPng.gray8(plate("nir4", 4, 0.5, 15, 0.9, 0, "").resolve("nir/000000.png")).at(W / 2, H / 2);
        assertEquals(500 / Math.PI * 5 / 4, near, 1.5);
        assertEquals(500 / Math.PI * 5 / 16, far, 1.5);
        assertEquals(4, near / far, 0.15);
    }

    @Test
    void rangeAndDepthAgreeThroughTheCameraModel() throws IOException {
        Path out = plate("geometry", 2, 1, 20, 0.9, 0, """
                "variables": {}, """);
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/000000.json").toFile());
        double f = meta.at("/camera/K/0/0").asDouble(), cx = meta.at("/camera/K/0/2").asDouble(), cy = meta.at("/camera/K/1/2").asDouble();
        float[] depth = ExrFile.read(out.resolve("depth/000000.exr")).channel("Y");
        ExrFile rangeFile = ExrFile.read(out.resolve("range/000000.exr"));
        assertEquals(W, rangeFile.width());
        float[] range = rangeFile.channel("Y");
        int surfaces = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                if (depth[i] == 0) {
                    assertEquals(0f, range[i]);
                    continue;
                }
                surfaces++;
                double u = (x + 0.5 - cx) / f, v = (y + 0.5 - cy) / f;
                assertEquals(depth[i] * Math.sqrt(1 + u * u + v * v), range[i], 1e-5 * range[i], "pixel " + x + ", " + y);
            }
        }
        assertTrue(surfaces > W * H / 20, "the plate covers pixels: " + surfaces);
        assertEquals(2.0, range[H / 2 * W + W / 2], 0.01);
        assertEquals(2000, DecodedPng.gray16(out.resolve("range/000000.png")).at(W / 2, H / 2), 10);
        // the plate faces the camera: its normal is camera +z, (128, 128, 255) in the PNG; the sky has none
        DecodedPng normals = DecodedPng.rgb8(out.resolve("normals/000000.png"));
        assertEquals(0x8080FF, normals.at(W / 2, H / 2), "normal " + Integer.toHexString(normals.at(W / 2, H / 2)));
        assertEquals(0, normals.at(0, 0));
        // COCO's image entry names every sensor's file
        JsonNode image = new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile()).at("/images/0");
        assertEquals("rgb/000000.png", image.path("file_name").asText());
        for (String key : new String[] {"thermal_file", "thermal_radiometric_file", "nir_file", "depth_exr_file", "range_file",
                "range_exr_file", "normals_file", "instance_file"})
            assertTrue(Files.isRegularFile(out.resolve(image.path(key).asText())), key + " " + image.path(key));
        assertFalse(image.has("semantic_file"), "semantic is not in the sensors list");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("dataset.json").toFile());
        assertEquals("[\"rgb\",\"thermal\",\"nir\",\"depth\",\"depth.exr\",\"range\",\"range.exr\",\"normals\",\"instance\"]",
                manifest.path("sensors").toString());
        assertFalse(Files.exists(out.resolve("semantic")));
    }

    /**
     * The example street: people read warmer than the air and cooler than skin, as clothed bodies
     * do; and replaying a frame's meta file (which records the air and every object's thermal
     * state) renders the same thermal and NIR images.
     */
    @Test
    void streetPeopleAreWarmAndReplayKeepsTheThermalState() throws IOException {
        Path scene = Path.of("scenes/street-infrared.json").toAbsolutePath();
        Path out = tmp.resolve("street");
        CliRun r = CliRun.render(scene, out, 1, 0, 320, 180, "--from", "3");
        assertEquals(0, r.exit(), r.describe());
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/000003.json").toFile());
        double air = meta.at("/thermal/airC").asDouble() + 273.15;
        DecodedPng ids = DecodedPng.gray16(out.resolve("instance/000003.png"));
        DecodedPng ck = DecodedPng.gray16(out.resolve("infrared-radiometric/000003.png"));
        int pedestrian = 0;
        for (JsonNode c : new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile()).path("categories"))
            if (c.path("name").asText().equals("pedestrian")) pedestrian = c.path("id").asInt();
        double sum = 0;
        int count = 0;
        for (JsonNode a : meta.path("annotations")) {
            if (a.path("category_id").asInt() != pedestrian) continue;
            for (int y = 0; y < 180; y++)
                for (int x = 0; x < 320; x++)
                    if (ids.at(x, y) == a.path("instance_id").asInt()) {
                        sum += ck.at(x, y) / 100.0;
                        count++;
                    }
        }
        assertTrue(count > 0, "pedestrians in frame 3");
        double mean = sum / count;
        assertTrue(mean > air + 4 && mean < 310.15, "people " + mean + " K in air of " + air + " K");
        Path replay = tmp.resolve("street-replay");
        r = CliRun.render(scene, replay, 1, 0, 320, 180, "--replay", out.resolve("meta/000003.json").toString());
        assertEquals(0, r.exit(), r.describe());
        for (String f : new String[] {"infrared-radiometric/000003.png", "infrared/000003.png", "nir/000003.png"})
            assertEquals(-1, Files.mismatch(out.resolve(f), replay.resolve(f)), f);
    }

    /** Two shards of a plate scene with every sensor merge into the files one run writes, byte for byte. */
    @Test
    void shardsOfEverySensorMergeIntoTheWholeRun() throws IOException {
        netdK = 0.3;
        Path whole = plate("whole", 2, 1, 37, 1, 0, "");
        Path scene = tmp.resolve("whole.json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("merge"));
        for (int k = 0; k < 2; k++) {
            Path shard = tmp.resolve("part-" + k);
            CliRun r = CliRun.render(scene, shard, 2, 0, W, H, "--shard", k + "/2");
            assertEquals(0, r.exit(), r.describe());
            args.add(shard.toString());
        }
        Path merged = tmp.resolve("merged");
        args.addAll(java.util.List.of("-o", merged.toString()));
        CliRun m = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, m.exit(), m.describe());
        for (String f : new String[] {"infrared/000000.png", "infrared-radiometric/000000.png", "nir/000000.png",
                "range/000000.exr", "depth/000000.exr", "normals/000000.png", "meta/000000.json"})
            assertEquals(-1, Files.mismatch(whole.resolve(f), merged.resolve(f)), f);
        assertTrue(Files.isRegularFile(merged.resolve("infrared-radiometric/000001.png")));
    }

    /**
     * Snow cover is at most 0 °C however warm the surface under it was meant to be: a 25 °C plate
     * lying nearly flat under full snow cover reads as 0 °C snow (with its reflection of the sky),
     * while the same plate standing up, where snow does not settle, keeps its 25 °C.
     */
    @Test
    void snowCoverIsAtMostFreezing() throws IOException {
        String snow = """
                "weather": { "snow": { "rateMmH": 0.01, "coverage": 1 } },""";
        double standing = centreKelvin(plate("snow-standing", 3, 1, 25, 1, 0, snow));
        assertEquals(298.15, standing, 0.5);
        // lying 80° back, seen 10° above grazing: emissivity 0.99 (1 − (1 − cos 80°)⁵); it mirrors a snowing
        // sky, which is at the air's temperature
        double emissivity = 0.99 * (1 - Math.pow(1 - Math.cos(Math.toRadians(80)), 5));
        double leaving = emissivity * BandRadiance.lwir(273.15) + (1 - emissivity) * BandRadiance.lwir(AIR_K);
        double beta = 1e-5 + 1.6e-5 * waterVapour() + 1.076 * Math.pow(0.02, 0.67) / 4342.9;
        double lying = centreKelvin(plate("snow-lying", 3, 1, 25, 1, -80, snow));
        assertEquals(throughAir(leaving, 3, beta), lying, 0.5);
        assertTrue(lying < 285, "not the plate's own 25 °C: " + lying);
    }

    @Test
    void sensorNoiseIsRepeatableAndTheSensorsListIsChecked() throws IOException {
        netdK = 0.5;
        Path a = plate("noise-a", 2, 1, 37, 1, 0, ""), b = plate("noise-b", 2, 1, 37, 1, 0, "");
        assertEquals(-1, Files.mismatch(a.resolve("infrared-radiometric/000000.png"), b.resolve("infrared-radiometric/000000.png")));
        // the noise is there: neighbouring plate pixels differ by about NETD
        DecodedPng ck = DecodedPng.gray16(a.resolve("infrared-radiometric/000000.png"));
        int differing = 0;
        for (int x = W / 2 - 5; x < W / 2 + 5; x++) if (ck.at(x, H / 2) != ck.at(x + 1, H / 2)) differing++;
        assertTrue(differing >= 8, "noisy pixels " + differing);
        Path scene = tmp.resolve("bad.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 64, "height": 48 }, "sensors": ["rgb", "lidar", "semantic.exr"], "thermal": { "agc": "auto" },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 1, -1] }, "objects": [] }
                """);
        CliRun r = CliRun.of("validate", scene.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/sensors/1") && r.err().contains("lidar"), r.err());
        assertTrue(r.err().contains("/sensors/2") && r.err().contains(".exr"), r.err());
        assertTrue(r.err().contains("/thermal/agc"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
