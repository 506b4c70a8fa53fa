package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sky, sun, exposure, overcast and fog, each checked on rendered pixels against values computed here
 * by hand: the analytic sky's luminance in a pixel's direction (the paper's formulas, not the code's),
 * the fog's sun lobe (Henyey–Greenstein ratio), the height-fog transmittance (the analytic integral),
 * shadow contrast falling with cloud cover, auto exposure keeping the street's mean brightness in a
 * band from noon to night, and a replay reproducing the bytes with every new field.
 */
class DaylightTest {
    static final int W = 160, H = 120;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path render(String name, String scene, int w, int h) throws IOException {
        Path file = tmp.resolve(name + ".json");
        Files.writeString(file, scene);
        Path out = tmp.resolve(name);
        CliRun r = CliRun.render(file, out, 1, 0, w, h);
        assertEquals(0, r.exit(), r.describe());
        return out;
    }

    private static double linear(int srgb8) {
        double c = srgb8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double[] pixel(Path out, int x, int y) {
        int p = DecodedPng.rgb8(out.resolve("rgb/000000.png")).at(x, y);
        return new double[] {linear(p >> 16 & 0xff), linear(p >> 8 & 0xff), linear(p & 0xff)};
    }

    /** Unit world direction through the centre of pixel (x, y) of a camera at eye looking at target (up +Y). */
    static double[] ray(double[] eye, double[] target, double fovDeg, int w, int h, int x, int y) {
        double[] f = normalize(sub(target, eye));
        double[] r = normalize(cross(f, new double[] {0, 1, 0}));
        double[] u = cross(r, f);
        double focal = h / 2.0 / Math.tan(Math.toRadians(fovDeg) / 2);
        double a = (x + 0.5 - w / 2.0) / focal, b = -(y + 0.5 - h / 2.0) / focal;
        return normalize(new double[] {f[0] + a * r[0] + b * u[0], f[1] + a * r[1] + b * u[1], f[2] + a * r[2] + b * u[2]});
    }

    /** The pixel where world point p lands. */
    static int[] project(double[] eye, double[] target, double fovDeg, int w, int h, double[] p) {
        double[] f = normalize(sub(target, eye));
        double[] r = normalize(cross(f, new double[] {0, 1, 0}));
        double[] u = cross(r, f);
        double[] d = sub(p, eye);
        double focal = h / 2.0 / Math.tan(Math.toRadians(fovDeg) / 2);
        double z = dot(d, f);
        return new int[] {(int) Math.floor(w / 2.0 + focal * dot(d, r) / z), (int) Math.floor(h / 2.0 - focal * dot(d, u) / z)};
    }

    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
    static double[] normalize(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }

    /** Zenith luminance (kcd/m²), Preetham et al. 1999, appendix A.2. */
    static double zenithY(double t, double thetaS) {
        double chi = (4.0 / 9.0 - t / 120.0) * (Math.PI - 2 * thetaS);
        return (4.0453 * t - 4.9710) * Math.tan(chi) - 0.2155 * t + 2.4192;
    }

    /** The Perez distribution of luminance with the paper's coefficients for turbidity t. */
    static double perezY(double t, double theta, double gamma) {
        double a = 0.1787 * t - 1.4630, b = -0.3554 * t + 0.4275, c = -0.0227 * t + 5.3251, d = 0.1206 * t - 2.5771,
                e = -0.0670 * t + 0.3703;
        return (1 + a * Math.exp(b / Math.cos(theta))) * (1 + c * Math.exp(d * gamma) + e * Math.cos(gamma) * Math.cos(gamma));
    }

    static double luminance(double[] c) {
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void skyPixelMatchesPreethamLuminance() throws IOException {
        double t = 3, elevation = 35, azimuth = 60, ev = 15;
        Path out = render("sky", """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 8, -10], "fovDeg": 50, "exposure": { "ev": %s } },
                  "sun": { "elevationDeg": %s, "azimuthDeg": %s },
                  "sky": { "model": "preetham", "turbidity": %s, "nightGlowRadiance": 0 },
                  "objects": [ { "shape": "box", "position": [0, 0, 20] } ] }
                """.formatted(ev, elevation, azimuth, t), W, H);
        double factor = 1000 / (1.2 * Math.pow(2, ev));
        double thetaS = Math.toRadians(90 - elevation);
        double[] toward = {Math.cos(Math.toRadians(elevation)) * Math.cos(Math.toRadians(azimuth)), Math.sin(Math.toRadians(elevation)),
                -Math.cos(Math.toRadians(elevation)) * Math.sin(Math.toRadians(azimuth))};
        for (int[] px : new int[][] {{80, 60}, {20, 100}, {150, 10}}) {
            double[] dir = ray(new double[] {0, 1, 0}, new double[] {0, 8, -10}, 50, W, H, px[0], px[1]);
            double theta = Math.acos(dir[1]), gamma = Math.acos(dot(dir, toward));
            double expected = zenithY(t, thetaS)
                    * perezY(t, theta, gamma) / perezY(t, 0, thetaS);
            double measured = luminance(pixel(out, px[0], px[1])) / factor;
            assertEquals(expected, measured, 0.03 * expected, "pixel " + px[0] + "," + px[1]);
        }
        JsonNode meta = JSON.readTree(out.resolve("meta/000000.json").toFile());
        assertEquals("preetham", meta.at("/sky/model").asText());
        assertEquals(factor, meta.at("/exposure/factor").asDouble(), 1e-12);
        // background stays background in the labels
        assertEquals(0, DecodedPng.gray16(out.resolve("instance/000000.png")).at(80, 60));
        assertEquals(0, DecodedPng.gray16(out.resolve("depth/000000.png")).at(80, 60));
    }

    private String street(double elevation, boolean lights) throws IOException {
        ObjectNode s = (ObjectNode) JSON.readTree(Path.of("scenes/street.json").toFile());
        ((ObjectNode) s.get("camera")).put("exposure", "auto");
        ObjectNode sun = s.putObject("sun");
        sun.put("elevationDeg", elevation);
        sun.put("azimuthDeg", 120);
        s.putObject("sky").put("model", "preetham").put("turbidity", 3);
        if (lights) {
            ObjectNode l = s.putArray("lights").addObject();
            l.put("type", "point");
            l.put("count", 6);
            l.putObject("position").putArray("uniform").add(JSON.readTree("[-5, 6, -70]")).add(JSON.readTree("[5, 6, -5]"));
            l.set("color", JSON.readTree("{\"kelvin\": 2200}"));
            l.put("intensity", 0.3);
            l.put("rangeM", 25);
        }
        return JSON.writeValueAsString(s);
    }

    private static double meanSrgb(Path out) {
        DecodedPng rgb = DecodedPng.rgb8(out.resolve("rgb/000000.png"));
        double sum = 0;
        int w = rgb.width(), h = rgb.height();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int p = rgb.at(x, y);
                sum += (p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff);
            }
        return sum / (3.0 * w * h);
    }

    /** The band: mean sRGB 40..170 of 255 at noon (sun 60° up), dusk (2°) and night (−20°, six street lights). */
    @Test
    void autoExposureKeepsTheStreetInABandFromNoonToNight() throws IOException {
        double noon = meanSrgb(render("noon", street(60, false), 320, 180));
        double dusk = meanSrgb(render("dusk", street(2, false), 320, 180));
        double night = meanSrgb(render("night", street(-20, true), 320, 180));
        for (double m : new double[] {noon, dusk, night}) assertTrue(m >= 40 && m <= 170, "noon " + noon + ", dusk " + dusk + ", night " + night);
        assertTrue(night < noon && night < dusk, "night stays darker: noon " + noon + ", dusk " + dusk + ", night " + night);
    }

    private String fogScene(double azimuth) {
        return """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 1, -10], "fovDeg": 40 },
                  "sun": { "elevationDeg": 10, "azimuthDeg": %s, "intensity": 1 },
                  "sky": { "color": "#ffffff", "intensity": 0.5 },
                  "weather": { "fog": { "visibilityM": 200, "color": "#404040", "sunScatter": 0.4 } },
                  "objects": [ { "shape": "box", "position": [0, 0, 20] } ] }
                """.formatted(azimuth);
    }

    @Test
    void fogIsBrighterTowardTheSunByThePhaseFunction() throws IOException {
        double g = 0.7, fog = linear(0x40);
        double sunH = Math.sin(Math.toRadians(10)), sky = 0.5;
        double w = 0.4 * sunH / (sunH + sky);
        double[] dir = ray(new double[] {0, 1, 0}, new double[] {0, 1, -10}, 40, W, H, 80, 60);
        double[] expected = new double[2];
        double[] measured = new double[2];
        double[] azimuths = {90, 270};
        for (int i = 0; i < 2; i++) {
            double a = Math.toRadians(azimuths[i]), e = Math.toRadians(10);
            double[] toward = {Math.cos(e) * Math.cos(a), Math.sin(e), -Math.cos(e) * Math.sin(a)};
            double p = (1 - g * g) / Math.pow(1 + g * g - 2 * g * dot(dir, toward), 1.5);
            expected[i] = fog * (1 + w * (p - 1));
            measured[i] = pixel(render("fog" + i, fogScene(azimuths[i]), W, H), 80, 60)[1];
            assertEquals(expected[i], measured[i], 0.02 * expected[i], "sun azimuth " + azimuths[i]);
        }
        assertEquals(expected[0] / expected[1], measured[0] / measured[1], 0.03 * expected[0] / expected[1]);
        assertTrue(measured[0] > 2 * measured[1]);
    }

    @Test
    void heightFogTransmittanceIsTheIntegralAlongTheRay() throws IOException {
        String scene = """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" }, %s
                  "camera": { "position": [0, 10, 0], "lookAt": [0, 0, -20], "fovDeg": 40 },
                  "sun": { "elevationDeg": 50, "azimuthDeg": 200, "intensity": 0.8 },
                  "sky": { "intensity": 0.2 },
                  "objects": [ { "shape": "plane", "size": [400, 400], "color": "#c0c0c0", "material": { "roughness": 1 } } ] }
                """;
        double clear = pixel(render("clear", scene.formatted(""), W, H), 80, 60)[1];
        double visibility = 100, falloff = 5;
        double foggy = pixel(render("height", scene.formatted("""
                "weather": { "fog": { "visibilityM": %s, "color": "#000000", "heightFalloffM": %s } },""".formatted(visibility, falloff)), W, H), 80, 60)[1];
        double[] dir = ray(new double[] {0, 10, 0}, new double[] {0, 0, -20}, 40, W, H, 80, 60);
        double d = 10 / -dir[1]; // to the ground plane y = 0
        double y0 = 10, y1 = 0, sigma = 3.912 / visibility;
        double expected = Math.exp(-sigma * d * falloff * (Math.exp(-y0 / falloff) - Math.exp(-y1 / falloff)) / (y1 - y0));
        assertEquals(expected, foggy / clear, 0.02 * expected);
        assertTrue(Math.abs(expected - Math.exp(-sigma * d)) > 0.1, "differs from fog of one density");
    }

    @Test
    void cloudCoverSoftensShadows() throws IOException {
        double[] eye = {0, 12, 8}, target = {0, 0, 0};
        int[] shadow = project(eye, target, 50, W, H, new double[] {-2, 0, 0});
        int[] lit = project(eye, target, 50, W, H, new double[] {-6, 0, 0});
        double previous = Double.POSITIVE_INFINITY;
        double first = 0;
        for (double cover : new double[] {0, 0.5, 1}) {
            Path out = render("cover" + cover, """
                    { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                      "camera": { "position": [0, 12, 8], "lookAt": [0, 0, 0], "fovDeg": 50 },
                      "sun": { "elevationDeg": 40, "azimuthDeg": 0, "intensity": 0.9 },
                      "sky": { "intensity": 0.25, "cloudCover": %s },
                      "objects": [ { "shape": "plane", "size": [100, 100], "color": "#a0a0a0", "material": { "roughness": 1 } },
                                   { "shape": "box", "size": [2, 2, 2], "position": [0, 1, 0] } ] }
                    """.formatted(cover), W, H);
            double l = pixel(out, lit[0], lit[1])[1], s = pixel(out, shadow[0], shadow[1])[1];
            double contrast = (l - s) / l;
            assertTrue(contrast < previous, "cover " + cover + ": contrast " + contrast + " after " + previous);
            if (cover == 0) first = contrast;
            previous = contrast;
        }
        assertTrue(first > 0.5, "a clear sky casts a dark shadow: " + first);
        assertTrue(previous < 0.5 * first, "overcast halves the contrast at least: " + previous + " vs " + first);
    }

    /** Programs outlive frames: a clouded frame's wider shadow filter must not stay for the clear frame after it. */
    @Test
    void framesRenderTheSameAloneAsAfterCloudedOnes() throws IOException {
        Path file = tmp.resolve("clouds.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                  "camera": { "position": [0, 12, 8], "lookAt": [0, 0, 0], "fovDeg": 50 },
                  "sun": { "elevationDeg": 40, "azimuthDeg": 0 },
                  "sky": { "cloudCover": { "choice": [0, 1] } },
                  "objects": [ { "shape": "plane", "size": [100, 100] }, { "shape": "box", "size": [2, 2, 2], "position": [0, 1, 0] } ] }
                """);
        Path all = tmp.resolve("all");
        assertEquals(0, CliRun.render(file, all, 6, 3, W, H).exit());
        for (int i = 1; i < 6; i++) {
            Path alone = tmp.resolve("alone" + i);
            assertEquals(0, CliRun.render(file, alone, 1, 3, W, H, "--from", Integer.toString(i)).exit());
            String f = "rgb/%06d.png".formatted(i);
            assertArrayEquals(Files.readAllBytes(all.resolve(f)), Files.readAllBytes(alone.resolve(f)), f);
        }
    }

    @Test
    void replayReproducesAFrameWithEveryNewField() throws IOException {
        String scene = """
                { "mirage": 1, "image": { "width": 160, "height": 120 },
                  "camera": { "position": { "uniform": [[-1, 1.5, 0], [1, 2, 1]] }, "lookAt": [0, 1, -20], "fovDeg": 50,
                              "exposure": "auto" },
                  "sun": { "elevationDeg": { "uniform": [5, 40] }, "azimuthDeg": { "uniform": [0, 360] } },
                  "sky": { "model": "preetham", "turbidity": { "uniform": [2, 6] }, "cloudCover": { "uniform": [0, 0.8] } },
                  "weather": { "fog": { "visibilityM": { "uniform": [80, 300] }, "sunScatter": 0.5, "heightFalloffM": 20 } },
                  "categories": [ { "id": 1, "name": "box" } ],
                  "objects": [ { "shape": "plane", "size": [200, 200], "color": "#707070" },
                               { "shape": "box", "category": "box", "count": 4, "position": { "uniform": [[-4, 0.5, -30], [4, 0.5, -5]] } } ] }
                """;
        Path file = tmp.resolve("replay.json");
        Files.writeString(file, scene);
        Path first = tmp.resolve("first");
        CliRun r = CliRun.render(file, first, 2, 7, W, H);
        assertEquals(0, r.exit(), r.describe());
        Path again = tmp.resolve("again");
        r = CliRun.render(file, again, 1, 0, W, H, "--replay", first.resolve("meta/000001.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertArrayEquals(Files.readAllBytes(first.resolve("rgb/000001.png")), Files.readAllBytes(again.resolve("rgb/000001.png")));
        JsonNode meta = JSON.readTree(first.resolve("meta/000001.json").toFile());
        assertEquals("auto", meta.at("/exposure/mode").asText());
        assertTrue(meta.at("/sky/turbidity").isNumber() && meta.at("/sky/cloudCover").isNumber());
        assertEquals(20, meta.at("/weather/fogHeightFalloffM").asDouble());
        assertEquals(0.5, meta.at("/weather/fogSunScatter").asDouble());
        JsonNode coco = JSON.readTree(first.resolve("annotations/coco.json").toFile());
        JsonNode conditions = coco.at("/images/1/conditions");
        assertEquals("preetham", conditions.path("skyModel").asText());
        assertEquals(meta.at("/exposure/factor").asDouble(), conditions.path("exposureFactor").asDouble());
        assertTrue(conditions.path("visibilityM").isNumber() && conditions.path("timeOfDay").isTextual());
    }
}
