package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.randomize.SplitMix64;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * Moments are checked against theory within 5 standard errors, the standard errors estimated from
 * the draws themselves (for the mean s/√n, for the variance √((m₄ - s⁴)/n), m₄ the sample's fourth
 * central moment). A correct sampler fails such a check with probability below 1e-6, and the fixed
 * seed makes each run the same; a sampler off by a few percent of a standard deviation fails it.
 * Reference constants come from closed forms evaluated to 50 digits outside this code base.
 */
class SamplingTest {
    private static final int N = 100_000;

    /** Sample mean and variance with their standard errors. */
    private record Moments(double mean, double variance, double meanError, double varianceError) {
        static Moments of(double[] xs) {
            double mean = 0;
            for (double x : xs) mean += x;
            mean /= xs.length;
            double m2 = 0, m4 = 0;
            for (double x : xs) {
                double d = (x - mean) * (x - mean);
                m2 += d;
                m4 += d * d;
            }
            m2 /= xs.length;
            m4 /= xs.length;
            return new Moments(mean, m2, Math.sqrt(m2 / xs.length), Math.sqrt(Math.max(m4 - m2 * m2, 0) / xs.length));
        }

        void assertMatches(double expectedMean, double expectedVariance) {
            assertEquals(expectedMean, mean, 5 * meanError, "mean");
            assertEquals(expectedVariance, variance, 5 * varianceError, "variance");
        }
    }

    private static double[] draws(long seed, ToDoubleFunction<RandomGenerator> sampler) {
        RandomGenerator rng = new SplitMix64(seed);
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) xs[i] = sampler.applyAsDouble(rng);
        return xs;
    }

    private static double fractionBelow(double[] xs, double t) {
        int n = 0;
        for (double x : xs) if (x < t) n++;
        return (double) n / xs.length;
    }

    /** A binomial fraction's tolerance: 5 standard errors √(p(1-p)/n). */
    private static double fractionTolerance(double p) {
        return 5 * Math.sqrt(p * (1 - p) / N);
    }

    @Test
    void standardNormalHasUnitMomentsAndNormalQuantiles() {
        double[] xs = draws(1, Sampling::standardNormal);
        Moments.of(xs).assertMatches(0, 1);
        // the shape, not only the moments: P(Z < -1.959963984540054) = 0.025, P(Z < 1) = Φ(1)
        assertEquals(0.025, fractionBelow(xs, -1.959963984540054), fractionTolerance(0.025));
        assertEquals(0.5, fractionBelow(xs, 0), fractionTolerance(0.5));
        assertEquals(0.8413447460685429, fractionBelow(xs, 1), fractionTolerance(0.84));
    }

    @Test
    void normalIsShiftedAndScaled() {
        Moments.of(draws(2, rng -> Sampling.normal(rng, 3, 2))).assertMatches(3, 4);
    }

    @Test
    void zeroSigmaGivesTheMeanAndStillDrawsOnce() {
        RandomGenerator a = new SplitMix64(3), b = new SplitMix64(3);
        assertEquals(7.5, Sampling.normal(a, 7.5, 0));
        assertEquals(7.5, Sampling.truncatedNormal(a, 7.5, 0, 0, 10));
        assertEquals(10, Sampling.truncatedNormal(a, 12, 0, 0, 10), "mean clamped into the interval");
        b.nextLong();
        b.nextLong();
        b.nextLong();
        assertEquals(b.nextLong(), a.nextLong(), "one draw per call");
    }

    @Test
    void truncatedNormalMatchesItsClosedFormMoments() {
        double a = -1, b = 2;
        double[] xs = draws(4, rng -> Sampling.truncatedNormal(rng, 0, 1, a, b));
        for (double x : xs) assertTrue(x >= a && x <= b, "in range: " + x);
        // mean = (φ(a) - φ(b)) / Z, var = 1 + (a φ(a) - b φ(b)) / Z - mean², Z = Φ(b) - Φ(a)
        double z = Sampling.normalCdf(b) - Sampling.normalCdf(a);
        double mean = (phi(a) - phi(b)) / z;
        double variance = 1 + (a * phi(a) - b * phi(b)) / z - mean * mean;
        assertEquals(0.229637179091329, mean, 1e-12, "closed form with this Φ against the 50-digit value");
        assertEquals(0.519762539211534, variance, 1e-12);
        Moments.of(xs).assertMatches(mean, variance);
    }

    @Test
    void truncatedNormalAboveTheMeanIsTheHalfNormal() {
        double[] xs = draws(5, rng -> Sampling.truncatedNormal(rng, 0, 1, 0, Double.POSITIVE_INFINITY));
        for (double x : xs) assertTrue(x >= 0 && Double.isFinite(x), "in range: " + x);
        Moments.of(xs).assertMatches(Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI);
    }

    @Test
    void truncatedNormalFarInTheUpperTailIsExact() {
        // lo = mean + 12 sigma: P(X > lo) = 1.8e-33, below what 1 - Φ can resolve
        double mean = 5, sigma = 0.5, lo = mean + 12 * sigma;
        double[] xs = draws(6, rng -> Sampling.truncatedNormal(rng, mean, sigma, lo, Double.POSITIVE_INFINITY));
        double[] standard = new double[N];
        for (int i = 0; i < N; i++) {
            assertTrue(xs[i] >= lo && Double.isFinite(xs[i]), "in range: " + xs[i]);
            standard[i] = (xs[i] - mean) / sigma;
        }
        // Z | Z > 12: mean 12.0822141752543, var 0.00667072633584586; P(Z < 12.1 | Z > 12) = 1 - Q(12.1)/Q(12)
        Moments.of(standard).assertMatches(12.0822141752543, 0.00667072633584586);
        assertEquals(0.702751931385469, fractionBelow(standard, 12.1), fractionTolerance(0.7));
    }

    @Test
    void truncatedNormalFarInTheLowerTailMirrorsTheUpper() {
        double[] xs = draws(7, rng -> Sampling.truncatedNormal(rng, 0, 1, Double.NEGATIVE_INFINITY, -12));
        for (double x : xs) assertTrue(x <= -12 && Double.isFinite(x), "in range: " + x);
        Moments.of(xs).assertMatches(-12.0822141752543, 0.00667072633584586);
    }

    @Test
    void truncatedNormalBeyondWhereItsMassUnderflowsStaysCloseToTheory() {
        // P(Z > 40) ≈ 3.7e-350 underflows; Z | 40 < Z < 41 has mean 40.0249688472073, var 0.000622668378591386.
        // The exponential tail approximation is off by ~1/(2·40²) relative in the spread, inside 5 standard errors.
        double[] xs = draws(8, rng -> Sampling.truncatedNormal(rng, 0, 1, 40, 41));
        for (double x : xs) assertTrue(x >= 40 && x <= 41, "in range: " + x);
        Moments.of(xs).assertMatches(40.0249688472073, 0.000622668378591386);
        RandomGenerator rng = new SplitMix64(9);
        for (int i = 0; i < 1000; i++) {
            double x = Sampling.truncatedNormal(rng, 1, 1e-300, 1e10, 1e11);
            assertTrue(x >= 1e10 && x <= 1e11, "overflowing standardization still in range: " + x);
        }
    }

    @Test
    void truncatedNormalWithAPointIntervalGivesThePoint() {
        assertEquals(2.0, Sampling.truncatedNormal(new SplitMix64(10), 0, 1, 2, 2));
    }

    @Test
    void logUniformHasAUniformLogarithm() {
        double lo = 1, hi = 100;
        double[] xs = draws(11, rng -> Sampling.logUniform(rng, lo, hi));
        for (double x : xs) assertTrue(x >= lo && x <= hi, "in range: " + x);
        // mean (hi - lo) / ln(hi/lo); ln X uniform on [0, ln 100], so var ln X = ln²100 / 12 and P(X < 10) = 1/2
        Moments m = Moments.of(xs);
        assertEquals((hi - lo) / Math.log(hi / lo), m.mean(), 5 * m.meanError());
        double[] logs = new double[N];
        for (int i = 0; i < N; i++) logs[i] = Math.log(xs[i]);
        Moments.of(logs).assertMatches(Math.log(10), Math.pow(Math.log(100), 2) / 12);
        assertEquals(0.5, fractionBelow(xs, 10), fractionTolerance(0.5));
    }

    private static double[][] coordinates(long seed, Function<RandomGenerator, Vector3d> sampler) {
        RandomGenerator rng = new SplitMix64(seed);
        double[][] c = new double[3][N];
        for (int i = 0; i < N; i++) {
            Vector3d v = sampler.apply(rng);
            c[0][i] = v.x;
            c[1][i] = v.y;
            c[2][i] = v.z;
        }
        return c;
    }

    private static double[] squares(double[] xs) {
        double[] s = new double[xs.length];
        for (int i = 0; i < xs.length; i++) s[i] = xs[i] * xs[i];
        return s;
    }

    private static double[] radiiSquared(double[][] c) {
        double[] r2 = new double[N];
        for (int i = 0; i < N; i++) r2[i] = c[0][i] * c[0][i] + c[1][i] * c[1][i] + c[2][i] * c[2][i];
        return r2;
    }

    private static void assertMeanNear(double expected, double[] xs, String what) {
        Moments m = Moments.of(xs);
        assertEquals(expected, m.mean(), 5 * m.meanError(), what);
    }

    @Test
    void sphereIsUniformAndUnit() {
        double[][] c = coordinates(12, Sampling::onSphere);
        for (double r2 : radiiSquared(c)) assertEquals(1, r2, 1e-12);
        // by symmetry each coordinate has mean 0 and, as x² + y² + z² = 1, E[x²] = E[y²] = E[z²] = 1/3
        for (int k = 0; k < 3; k++) {
            assertMeanNear(0, c[k], "mean of coordinate " + k);
            assertMeanNear(1.0 / 3, squares(c[k]), "mean square of coordinate " + k);
        }
    }

    @Test
    void hemisphereIsUniformOverTheUpperHalf() {
        double[][] c = coordinates(13, Sampling::onHemisphere);
        for (double r2 : radiiSquared(c)) assertEquals(1, r2, 1e-12);
        for (double y : c[1]) assertTrue(y >= 0, "y >= 0: " + y);
        // the upper half of the uniform sphere: E[y] = 1/2, E[x] = E[z] = 0, E[y²] = 1/3
        assertMeanNear(0.5, c[1], "E[y]");
        assertMeanNear(1.0 / 3, squares(c[1]), "E[y²]");
        assertMeanNear(0, c[0], "E[x]");
        assertMeanNear(0, c[2], "E[z]");
    }

    @Test
    void diskIsUniformInArea() {
        double[][] c = coordinates(14, Sampling::inDisk);
        for (double y : c[1]) assertEquals(0, y);
        double[] r2 = radiiSquared(c);
        for (double r : r2) assertTrue(r <= 1, "inside: r² = " + r);
        // uniform in area: P(r² < t) = t, so E[r²] = 1/2 and a quarter of the points lie within r = 1/2
        assertMeanNear(0.5, r2, "E[r²]");
        assertEquals(0.25, fractionBelow(r2, 0.25), fractionTolerance(0.25));
        assertMeanNear(0, c[0], "E[x]");
        assertMeanNear(0.25, squares(c[2]), "E[z²]");
    }

    @Test
    void ballIsUniformInVolume() {
        double[][] c = coordinates(15, Sampling::inBall);
        double[] r2 = radiiSquared(c);
        for (double r : r2) assertTrue(r <= 1, "inside: r² = " + r);
        // uniform in volume: P(r < t) = t³, so E[r²] = 3/5, P(r < 1/2) = 1/8 and E[x²] = 1/5
        assertMeanNear(0.6, r2, "E[r²]");
        assertEquals(0.125, fractionBelow(r2, 0.25), fractionTolerance(0.125));
        for (int k = 0; k < 3; k++) assertMeanNear(0.2, squares(c[k]), "E[x²] of coordinate " + k);
    }

    @Test
    void weightedIndexFollowsTheWeightsAndNeverPicksAZeroWeight() {
        double[] weights = {1, 0, 2, 3, 0, 4};
        int[] counts = new int[weights.length];
        RandomGenerator rng = new SplitMix64(16);
        for (int i = 0; i < N; i++) counts[Sampling.weightedIndex(rng, weights)]++;
        assertEquals(0, counts[1]);
        assertEquals(0, counts[4]);
        // Pearson's chi-square over the 4 positive weights has 3 degrees of freedom; P(χ²₃ > 21.1) = 1e-4
        double chiSquare = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) continue;
            double expected = N * weights[i] / 10;
            chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        assertTrue(chiSquare < 21.1, "chi-square " + chiSquare);
    }

    @Test
    void weightedIndexSkipsZeroWeightsAtTheEnds() {
        RandomGenerator rng = new SplitMix64(17);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(1, Sampling.weightedIndex(rng, new double[] {0, 1e-300, 0}));
            assertEquals(0, Sampling.weightedIndex(rng, new double[] {5, 0}));
        }
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertEquals(0.5, Sampling.normalCdf(0));
        assertRelative(0.8413447460685429, Sampling.normalCdf(1), 1e-14);
        assertRelative(0.0013498980316300945, Sampling.normalCdf(-3), 1e-13);
        assertRelative(0.30853753872598690, Sampling.normalCdf(-0.5), 1e-14);
        assertRelative(0.99379033467422386, Sampling.normalCdf(2.5), 1e-14);
        assertRelative(7.619853024160526e-24, Sampling.normalCdf(-10), 1e-13);
        assertRelative(2.7536241186062337e-89, Sampling.normalCdf(-20), 1e-13);
        assertRelative(5.7255712225245768e-300, Sampling.normalCdf(-37), 1e-12);
        assertEquals(0, Sampling.normalCdf(Double.NEGATIVE_INFINITY));
        assertEquals(1, Sampling.normalCdf(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Sampling.normalCdf(Double.NaN)));
        for (double z = -6; z <= 6; z += 0.125) assertEquals(1, Sampling.normalCdf(z) + Sampling.normalCdf(-z), 1e-15);
    }

    @Test
    void normalQuantileMatchesKnownValues() {
        assertEquals(0, Sampling.normalQuantile(0.5), 1e-16);
        assertRelative(1.9599639845400542, Sampling.normalQuantile(0.975), 1e-14);
        assertRelative(-0.52440051270804078, Sampling.normalQuantile(0.3), 1e-14);
        assertRelative(-6.3613409024040562, Sampling.normalQuantile(1e-10), 1e-14);
        assertRelative(-37.047096299361199, Sampling.normalQuantile(1e-300), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, Sampling.normalQuantile(0));
        assertEquals(Double.POSITIVE_INFINITY, Sampling.normalQuantile(1));
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        for (int i = -800; i <= 800; i++) {
            double z = i / 100.0, p = Sampling.normalCdf(z);
            // p itself is rounded by up to ulp(p)/2, which moves Φ⁻¹ by ulp(p)/(2φ(z)): large only for p near 1
            double tolerance = 1e-12 * Math.max(1, Math.abs(z)) + Math.ulp(p) / phi(z);
            assertEquals(z, Sampling.normalQuantile(p), tolerance, "z = " + z);
        }
    }

    @Test
    void sameSeedGivesTheSameSequenceWithFixedDrawCounts() {
        RandomGenerator a = new SplitMix64(42), b = new SplitMix64(42);
        for (int i = 0; i < 1000; i++) assertArrayEquals(mixedDraws(a), mixedDraws(b));
        // normal 1, truncated 1, log-uniform 1, sphere 2, hemisphere 2, disk 2, ball 3, weighted 1: 13 draws
        RandomGenerator c = new SplitMix64(43), d = new SplitMix64(43);
        mixedDraws(c);
        for (int i = 0; i < 13; i++) d.nextLong();
        assertEquals(d.nextLong(), c.nextLong());
    }

    private static double[] mixedDraws(RandomGenerator rng) {
        Vector3d sphere = Sampling.onSphere(rng), hemisphere = Sampling.onHemisphere(rng);
        Vector3d disk = Sampling.inDisk(rng), ball = Sampling.inBall(rng);
        return new double[] {Sampling.normal(rng, 1, 2), Sampling.truncatedNormal(rng, 0, 1, 3, 4),
                Sampling.logUniform(rng, 0.1, 10), sphere.x, sphere.y, sphere.z, hemisphere.x, hemisphere.y,
                hemisphere.z, disk.x, disk.z, ball.x, ball.y, ball.z, Sampling.weightedIndex(rng, new double[] {1, 2, 3})};
    }

    @Test
    void badParametersAreRejected() {
        RandomGenerator rng = new SplitMix64(0);
        assertThrows(IllegalArgumentException.class, () -> Sampling.normal(rng, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.normal(rng, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.truncatedNormal(rng, 0, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.truncatedNormal(rng, 0, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.truncatedNormal(rng, 0, 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Sampling.truncatedNormal(rng, 0, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Sampling.logUniform(rng, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.logUniform(rng, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.logUniform(rng, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.weightedIndex(rng, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Sampling.weightedIndex(rng, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Sampling.weightedIndex(rng, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Sampling.weightedIndex(rng, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Sampling.normalQuantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> Sampling.normalQuantile(Double.NaN));
        assertFalse(Double.isNaN(Sampling.normalQuantile(Double.MIN_VALUE)));
    }

    private static double phi(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }

    private static void assertRelative(double expected, double actual, double relative) {
        assertEquals(expected, actual, Math.abs(expected) * relative, () -> "relative " + Math.abs(actual / expected - 1));
    }
}
