package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.FrameScene;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The value forms as a user writes them, drawn through the whole sampler: each distribution's mean
 * and variance over many frames against theory, weighted choices against their weights, variables
 * read in several places of one frame.
 */
class ValueFormsTest {
    private static final int FRAMES = 100_000;

    @TempDir
    Path dir;

    private SceneTemplate read(String objects, String extra) throws IOException {
        Path file = dir.resolve("forms.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 64, "height": 48 }, %s
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0] },
                  "objects": [ %s ] }
                """.formatted(extra, objects));
        return TemplateReader.read(file);
    }

    /** Mean and variance of one scalar over frames, read from the sample log. */
    private static double[] moments(SceneTemplate t, String pointer, int component) {
        double sum = 0, sq = 0;
        long n = 0;
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        for (int i = 0; i < FRAMES; i++) {
            for (Object v : sampler.logged(7, i).log().values().get(pointer)) {
                double x = v instanceof double[] a ? a[component] : (Double) v;
                sum += x;
                sq += x * x;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, sq / n - mean * mean};
    }

    @Test
    void normalHasItsMeanAndVariance() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"yawDeg\": { \"normal\": { \"mean\": 30, \"sd\": 4 } } }", "");
        double[] m = moments(t, "/objects/0/yawDeg", 0);
        // standard error of the mean 4/sqrt(1e5) = 0.013; of the variance 16*sqrt(2/1e5) = 0.07
        assertEquals(30, m[0], 0.06);
        assertEquals(16, m[1], 0.35);
    }

    @Test
    void truncatedNormalMatchesTheHalfNormal() throws IOException {
        // N(0, 2) truncated to [0, inf): a half-normal with mean 2*sqrt(2/pi) and variance 4*(1 - 2/pi)
        SceneTemplate t = read("{ \"shape\": \"box\", \"yawDeg\": { \"normal\": { \"mean\": 0, \"sd\": 2, \"min\": 0 } } }", "");
        double[] m = moments(t, "/objects/0/yawDeg", 0);
        assertEquals(2 * Math.sqrt(2 / Math.PI), m[0], 0.03);
        assertEquals(4 * (1 - 2 / Math.PI), m[1], 0.05);
    }

    @Test
    void logUniformHasItsMean() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"scale\": { \"logUniform\": [0.1, 10] } }", "");
        double[] m = moments(t, "/objects/0/scale", 0);
        // mean (b - a) / ln(b / a); variance (b^2 - a^2) / (2 ln(b/a)) - mean^2
        double mean = 9.9 / Math.log(100);
        double var = (100 - 0.01) / (2 * Math.log(100)) - mean * mean;
        assertEquals(mean, m[0], 0.03);
        assertEquals(var, m[1], 0.25);
    }

    @Test
    void pointsOnASphereHaveZeroMeanAndAThirdOfR2PerAxis() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"position\": { \"sphere\": { \"center\": [1, 2, 3], \"radius\": 2 } } }", "");
        for (int axis = 0; axis < 3; axis++) {
            double[] m = moments(t, "/objects/0/position", axis);
            assertEquals(new double[] {1, 2, 3}[axis], m[0], 0.03, "axis " + axis);
            assertEquals(4 / 3.0, m[1], 0.03, "axis " + axis);
        }
    }

    @Test
    void pointsInADiskFillItsArea() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"position\": { \"disk\": { \"center\": [0, 0.5, 0], \"radius\": 3 } } }", "");
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        double r2 = 0;
        for (int i = 0; i < FRAMES; i++) {
            var p = sampler.frame(7, i).objects().get(0).position();
            assertEquals(0.5, p.y(), 0.0, "a disk is horizontal");
            assertTrue(p.x() * p.x() + p.z() * p.z() <= 9 + 1e-9);
            r2 += p.x() * p.x() + p.z() * p.z();
        }
        // uniform in area: E[r^2] = R^2 / 2
        assertEquals(4.5, r2 / FRAMES, 0.05);
    }

    @Test
    void weightedChoiceFollowsItsWeightsAndNeverTakesWeightZero() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"yawDeg\": { \"choice\": { \"values\": [0, 90, 180], \"weights\": [1, 3, 0] } } }", "");
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        int[] counts = new int[3];
        for (int i = 0; i < FRAMES; i++) counts[(int) (sampler.frame(7, i).objects().get(0).yawDeg() / 90)]++;
        assertEquals(0, counts[2]);
        // p = 0.25, sd of the count sqrt(1e5 * 0.25 * 0.75) = 137: 600 is over 4 sd
        assertEquals(FRAMES / 4.0, counts[0], 600);
    }

    @Test
    void weightedVariantsAreChosenByWeight() throws IOException {
        SceneTemplate t = read("""
                { "count": 1, "position": [0, 0, 0],
                  "variants": [ { "shape": "box", "weight": 1 }, { "shape": "sphere", "weight": 4, "name": "ball" } ] }
                """, "");
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        int balls = 0;
        for (int i = 0; i < 20_000; i++) if (sampler.frame(3, i).objects().get(0).name().equals("ball")) balls++;
        // p = 0.8, sd sqrt(2e4 * 0.16) = 57
        assertEquals(16_000, balls, 300);
    }

    @Test
    void oneVariableDrivesSeveralFieldsOfAFrame() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"yawDeg\": { \"var\": \"hour\", \"map\": [[6, 0], [18, 180]] } }", """
                "variables": { "hour": { "uniform": [6, 18] } },
                "sun": { "elevationDeg": { "var": "hour", "map": [[6, 0], [12, 60], [18, 0]] },
                         "intensity": { "var": "hour", "map": [[6, 0.1], [12, 1.2], [18, 0.1]] } },
                """);
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        for (int i = 0; i < 200; i++) {
            var s = sampler.logged(5, i);
            double hour = (Double) s.log().values().get("/variables/hour").get(0);
            FrameScene f = s.scene();
            // each field is the map at the same hour, computed here by hand
            double elevation = hour <= 12 ? (hour - 6) * 10 : (18 - hour) * 10;
            double intensity = hour <= 12 ? 0.1 + (hour - 6) / 6 * 1.1 : 0.1 + (18 - hour) / 6 * 1.1;
            assertEquals(Math.sin(Math.toRadians(elevation)), f.sun().towardSun().y(), 1e-9, "frame " + i);
            assertEquals(intensity, f.sun().intensity(), 1e-9, "frame " + i);
            assertEquals((hour - 6) * 15, f.objects().get(0).yawDeg(), 1e-9, "frame " + i);
        }
    }

    @Test
    void frame517AloneEqualsFrame517OfAFullRunFromFrameZero() throws IOException {
        SceneTemplate t = read("""
                { "variants": [ { "shape": "box" }, { "shape": "sphere" } ], "count": { "int": [1, 6] },
                  "size": [{ "normal": [1, 0.1] }, 1, 1], "color": { "kelvin": { "uniform": [2000, 9000] } },
                  "material": { "pattern": { "choice": ["none", "noise"] } },
                  "placement": { "region": { "min": [-5, -5], "max": [5, 5] }, "facing": "camera" } }
                """, "\"variables\": { \"v\": { \"normal\": [0, 1] } },");
        FrameSampler full = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        FrameScene inRun = null;
        for (int i = 0; i <= 517; i++) inRun = full.frame(42, i);
        FrameScene alone = new FrameSampler(t, new dev.mirage.asset.AssetLibrary()).frame(42, 517);
        assertEquals(inRun, alone);
        assertTrue(!inRun.equals(full.frame(42, 516)), "and frames differ from each other");
    }

    @Test
    void kelvinColoursGetBluerWithTemperature() throws IOException {
        SceneTemplate t = read("{ \"shape\": \"box\", \"color\": { \"kelvin\": { \"choice\": [2000, 6500, 12000] } } }", "");
        FrameSampler sampler = new FrameSampler(t, new dev.mirage.asset.AssetLibrary());
        Map<Long, double[]> byRatio = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            var c = sampler.frame(1, i).objects().get(0).colorLinear();
            assertEquals(1.0, Math.max(c.x(), Math.max(c.y(), c.z())), 1e-12, "brightest component is 1");
            byRatio.put(Math.round(c.z() / c.x() * 1000), new double[] {c.x(), c.z()});
        }
        assertEquals(3, byRatio.size(), "three temperatures, three colours");
        List<double[]> sorted = List.copyOf(byRatio.values());
        assertTrue(sorted.get(0)[1] < 0.2 && sorted.get(0)[0] == 1.0, "2000 K is orange: little blue");
        assertTrue(sorted.get(2)[1] == 1.0 && sorted.get(2)[0] < 0.9, "12000 K is blue: less red");
    }
}
