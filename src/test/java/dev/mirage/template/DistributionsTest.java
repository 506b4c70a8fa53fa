package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.randomize.SplitMix64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionsTest {
    private static final int DRAWS = 100_000;

    private static RandomGenerator rng() { return new SplitMix64(12345); }

    @Test
    void uniformStaysInRangeWithMeanAtMidpoint() {
        NumberDist d = new NumberDist.Uniform(2, 10);
        RandomGenerator rng = rng();
        double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < DRAWS; i++) {
            double v = d.sample(rng);
            assertTrue(v >= 2 && v <= 10, "draw " + i + " = " + v);
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // sd of one draw is 8/sqrt(12) = 2.31, of the mean 2.31/sqrt(1e5) = 0.0073: 0.05 is ~7 sd
        assertEquals(6.0, sum / DRAWS, 0.05);
        // and it fills the range: the extremes of 1e5 draws lie within 0.01 of the ends
        assertTrue(lo < 2.01 && hi > 9.99, "range covered: [" + lo + ", " + hi + "]");
    }

    @Test
    void degenerateUniformIsItsValue() {
        assertEquals(3.5, new NumberDist.Uniform(3.5, 3.5).sample(rng()));
        assertThrows(IllegalArgumentException.class, () -> new NumberDist.Uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new NumberDist.Uniform(Double.NaN, 1));
    }

    @Test
    void constantDrawsNothing() {
        RandomGenerator a = rng(), b = rng();
        assertEquals(7.0, new NumberDist.Constant(7).sample(a));
        assertEquals(b.nextLong(), a.nextLong(), "a constant must not advance the stream");
    }

    @Test
    void choiceYieldsOnlyListedValuesAndEachOfThem() {
        List<Double> values = List.of(0.0, 180.0, 3.0, 177.0, -4.0);
        NumberDist d = new NumberDist.Choice(values);
        Map<Double, Integer> seen = new HashMap<>();
        RandomGenerator rng = rng();
        for (int i = 0; i < 10_000; i++) seen.merge(d.sample(rng), 1, Integer::sum);
        assertEquals(Set.copyOf(values), seen.keySet());
        // each has probability 1/5: 2000 expected, sd 40
        seen.values().forEach(n -> assertEquals(2000, n, 200));
        assertEquals(-4.0, d.min());
        assertEquals(180.0, d.max());
        assertThrows(IllegalArgumentException.class, () -> new NumberDist.Choice(List.of()));
    }

    @Test
    void intRangeIsInclusiveOfBothEnds() {
        IntDist d = new IntDist.Range(3, 7);
        Set<Integer> seen = new TreeSet<>();
        RandomGenerator rng = rng();
        for (int i = 0; i < 10_000; i++) seen.add(d.sample(rng));
        assertEquals(Set.of(3, 4, 5, 6, 7), seen);
        assertEquals(7, d.max());
    }

    @Test
    void singletonIntRangeAndConstant() {
        RandomGenerator rng = rng();
        for (int i = 0; i < 100; i++) assertEquals(5, new IntDist.Range(5, 5).sample(rng));
        assertEquals(9, new IntDist.Constant(9).sample(rng));
        assertEquals(9, new IntDist.Constant(9).max());
        assertThrows(IllegalArgumentException.class, () -> new IntDist.Range(4, 3));
    }

    @Test
    void vectorUniformStaysInItsBox() {
        Vec3Dist d = new Vec3Dist.Uniform(new Vec3Dist.Constant(-1, 0, 5), new Vec3Dist.Constant(1, 0, 6));
        RandomGenerator rng = rng();
        for (int i = 0; i < 10_000; i++) {
            Vector3d v = d.sample(rng);
            assertTrue(v.x >= -1 && v.x <= 1 && v.y == 0 && v.z >= 5 && v.z <= 6, v.toString());
        }
    }

    // ---- colours -----------------------------------------------------------------------------

    @Test
    void hexColourDecodesToLinear() {
        // "#ff8000" is sRGB (255, 128, 0)/255. Decoding 128/255 = 0.50196 by hand:
        // ((0.50196 + 0.055) / 1.055)^2.4 = 0.527925^2.4 = 0.2158605
        Vector3d c = new ColorDist.Constant(1, 128 / 255.0, 0).sample(rng());
        assertEquals(1.0, c.x, 1e-12);
        assertEquals(0.2158605, c.y, 1e-7);
        assertEquals(0.0, c.z, 1e-12);
    }

    @Test
    void srgbDecodeUsesTheLinearSegmentNearBlack() {
        // below 0.04045 the curve is v / 12.92
        assertEquals(0.04 / 12.92, ColorDist.toLinear(0.04), 1e-15);
        // 0.5 -> ((0.555)/1.055)^2.4 = 0.2140411
        assertEquals(0.2140411, ColorDist.toLinear(0.5), 1e-7);
        assertEquals(1.0, ColorDist.toLinear(1.0), 1e-15);
    }

    @ParameterizedTest(name = "hsv({0}, {1}, {2}) = ({3}, {4}, {5})")
    @CsvSource({
            "0,    1,   1,   1,   0,   0",
            "120,  1,   1,   0,   1,   0",
            "240,  1,   1,   0,   0,   1",
            "60,   1,   1,   1,   1,   0",
            "180,  1,   1,   0,   1,   1",
            "300,  1,   1,   1,   0,   1",
            "30,   1,   1,   1,   0.5, 0",
            "360,  1,   1,   1,   0,   0",
            "-120, 1,   1,   0,   0,   1",
            "480,  1,   1,   0,   1,   0",
            "0,    0,   0.4, 0.4, 0.4, 0.4",
            "200,  0,   0.7, 0.7, 0.7, 0.7",
            "120,  0.5, 0.8, 0.4, 0.8, 0.4",
    })
    void hsvToRgbByHand(double h, double s, double v, double r, double g, double b) {
        ColorDist.Constant c = ColorDist.fromHsv(h, s, v);
        assertEquals(r, c.r(), 1e-12, "r");
        assertEquals(g, c.g(), 1e-12, "g");
        assertEquals(b, c.b(), 1e-12, "b");
    }

    @Test
    void hsvRangeSamplesDecodeToLinear() {
        // a degenerate range is one colour: hue 0, s 1, v 0.5 is sRGB (0.5, 0, 0) -> linear (0.2140411, 0, 0)
        Vector3d c = new ColorDist.Hsv(0, 1, 0.5, 0, 1, 0.5).sample(rng());
        assertEquals(0.2140411, c.x, 1e-7);
        assertEquals(0, c.y, 1e-12);
        assertEquals(0, c.z, 1e-12);
    }

    @Test
    void hsvRangeStaysInsideItsValueBounds() {
        // v bounds the largest sRGB component; s = 0 makes grey
        ColorDist d = new ColorDist.Hsv(0, 0, 0.2, 360, 0, 0.6);
        RandomGenerator rng = rng();
        for (int i = 0; i < 1000; i++) {
            Vector3d c = d.sample(rng);
            assertEquals(c.x, c.y, 1e-12);
            assertEquals(c.y, c.z, 1e-12);
            assertTrue(c.x >= ColorDist.toLinear(0.2) - 1e-12 && c.x <= ColorDist.toLinear(0.6) + 1e-12, c.toString());
        }
    }

    @Test
    void colourChoiceYieldsEachListedColour() {
        ColorDist d = new ColorDist.Choice(List.of(new ColorDist.Constant(1, 0, 0), new ColorDist.Constant(0, 0, 1)));
        Set<Vector3d> seen = new java.util.HashSet<>();
        RandomGenerator rng = rng();
        for (int i = 0; i < 1000; i++) seen.add(d.sample(rng));
        assertEquals(Set.of(new Vector3d(1, 0, 0), new Vector3d(0, 0, 1)), seen);
    }
}
