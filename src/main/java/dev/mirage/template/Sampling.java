package dev.mirage.template;

import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * Draws from the distributions that scene templates name, and the standard normal distribution
 * function and quantile they are built on.
 *
 * <p>Every sampler is a pure function of the generator's stream: it reads a fixed number of
 * {@link RandomGenerator#nextLong()} values per call, whatever the parameters (including degenerate
 * ones such as {@code sigma = 0}), so two streams from the same seed stay aligned draw for draw. Each
 * draw is mapped to the open interval (0, 1) as {@code u = (floor(L / 2^11) + 1/2) / 2^53}, which keeps
 * logarithms and quantiles finite. Samplers never use the generator's {@code nextGaussian} or
 * {@code nextExponential}, whose algorithms and draw counts are not fixed across implementations.
 *
 * <p>Thread safety: stateless; the generator passed in must be confined to the calling thread.
 */
public final class Sampling {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double INV_SQRT_2PI = 1 / SQRT_2PI;
    private static final double TWO_PI = 2 * Math.PI;

    // W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969), as in ANORM.
    private static final double[] CODY_A = {2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
            18154.981253343561249, 0.065682337918207449113};
    private static final double[] CODY_B = {47.20258190468824187, 976.09855173777669322, 10260.932208618978205,
            45507.789335026729956};
    private static final double[] CODY_C = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
            597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
            9842.7148383839780218, 1.0765576773720192317e-8};
    private static final double[] CODY_D = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
            6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
            19685.429676859990727};
    private static final double[] CODY_P = {0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
            0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303};
    private static final double[] CODY_Q = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
            0.00378239633202758244, 7.29751555083966205e-5};
    // P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003).
    private static final double[] ACKLAM_A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] ACKLAM_B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] ACKLAM_C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] ACKLAM_D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};

    private Sampling() {}

    /**
     * A standard normal draw by inversion, {@code z = Φ⁻¹(u)}, from one draw; |z| ≤ 8.3.
     */
    public static double standardNormal(RandomGenerator rng) {
        return normalQuantile(unit(rng));
    }

    /**
     * A normal draw {@code mean + sigma Φ⁻¹(u)} from one draw; {@code sigma = 0} gives {@code mean}.
     *
     * @throws IllegalArgumentException when {@code mean} is not finite or {@code sigma} is negative or not finite
     */
    public static double normal(RandomGenerator rng, double mean, double sigma) {
        checkNormal(mean, sigma);
        double z = standardNormal(rng);
        return sigma == 0 ? mean : mean + sigma * z;
    }

    /**
     * A draw from the normal distribution N(mean, sigma²) restricted to [lo, hi], by exact inversion
     * from one draw: with {@code a = (lo - mean)/sigma}, {@code b = (hi - mean)/sigma},
     * {@code x = mean + sigma Φ⁻¹(Φ(a) + u (Φ(b) - Φ(a)))}. Bounds may be infinite.
     *
     * <p>When the interval lies in the upper tail it is mirrored into the lower tail first, where Φ is
     * relatively accurate down to 1e-308, so intervals many sigmas from the mean (lo = mean + 12 sigma,
     * say) are still sampled exactly. Only when the interval's probability is below 1e-290 (the
     * interval beyond about 36 sigma) does the sampler fall back to the exponential density
     * {@code ∝ exp(-|c| |x - c|)} from the standardized endpoint c nearest the mean: the first-order
     * expansion of exp(-x²/2) about c, whose neglected factor exp(-(x - c)²/2) is within about
     * 1/(2c²) < 4e-4 of 1 where the mass lies. A zero {@code sigma} or {@code lo == hi} gives {@code mean} clamped to [lo, hi].
     * The result always lies in [lo, hi].
     *
     * @throws IllegalArgumentException when {@code sigma < 0}, {@code lo > hi}, a bound is NaN, or
     *                                  the interval holds no finite number
     */
    public static double truncatedNormal(RandomGenerator rng, double mean, double sigma, double lo, double hi) {
        checkNormal(mean, sigma);
        if (!(lo <= hi) || lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY)
            throw new IllegalArgumentException("expected lo <= hi bounding a finite number, got [" + lo + ", " + hi + "]");
        double u = unit(rng);
        if (sigma == 0 || lo == hi) return clamp(mean, lo, hi);
        double a = (lo - mean) / sigma, b = (hi - mean) / sigma;
        boolean mirrored = a > -b;
        if (mirrored) {
            double t = a;
            a = -b;
            b = -t;
            u = 1 - u;
        }
        double x = standardTruncated(u, a, b);
        if (mirrored) x = -x;
        if (Double.isNaN(x)) return mirrored ? lo : hi;
        return clamp(mean + sigma * x, lo, hi);
    }

    /** Inverts the truncated standard normal on [a, b] with a + b ≤ 0; NaN when b overflowed to -∞. */
    private static double standardTruncated(double u, double a, double b) {
        double pa = normalCdf(a), mass = normalCdf(b) - pa;
        // above 1e-290, u * mass (u >= 2^-54) stays a positive normal number, so the quantile is finite
        if (mass >= 1e-290) return clamp(normalQuantile(pa + u * mass), a, b);
        double rate = -b, width = b - a;
        if (!(rate * width > 1e-9)) return a + u * width;
        return b + Math.log1p((1 - u) * Math.expm1(-rate * width)) / rate;
    }

    /**
     * The standard normal distribution function {@code Φ(z) = P(Z ≤ z)}, by W. J. Cody's rational
     * Chebyshev approximations (Math. Comp. 23, 1969; ACM TOMS algorithm 715), relative error about
     * 1e-15 over the whole range, including the lower tail down to Φ(-37.5) ≈ 1e-308.
     */
    public static double normalCdf(double z) {
        if (Double.isNaN(z)) return z;
        double y = Math.abs(z);
        if (y <= 0.66291) return 0.5 + z * centralRatio(z * z);
        double tail = y >= 40 ? 0 : gaussian(y) * tailRatio(y);
        return z > 0 ? 1 - tail : tail;
    }

    /** Cody's ratio R with Φ(z) = 1/2 + z R(z²) for |z| ≤ 0.66291. */
    private static double centralRatio(double zz) {
        double num = CODY_A[4] * zz, den = zz;
        for (int i = 0; i < 3; i++) {
            num = (num + CODY_A[i]) * zz;
            den = (den + CODY_B[i]) * zz;
        }
        return (num + CODY_A[3]) / (den + CODY_B[3]);
    }

    /** Cody's ratio R with P(Z > y) = exp(-y²/2) R(y) for y > 0.66291. */
    private static double tailRatio(double y) {
        if (y <= Math.sqrt(32)) {
            double num = CODY_C[8] * y, den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + CODY_C[i]) * y;
                den = (den + CODY_D[i]) * y;
            }
            return (num + CODY_C[7]) / (den + CODY_D[7]);
        }
        double w = 1 / (y * y), num = CODY_P[5] * w, den = w;
        for (int i = 0; i < 4; i++) {
            num = (num + CODY_P[i]) * w;
            den = (den + CODY_Q[i]) * w;
        }
        return (INV_SQRT_2PI - w * (num + CODY_P[4]) / (den + CODY_Q[4])) / y;
    }

    /** exp(-y²/2), with y split as y₁ + (y - y₁), y₁ a multiple of 1/16, so that y² rounds no error into the exponent. */
    private static double gaussian(double y) {
        double y1 = Math.floor(y * 16) / 16;
        return Math.exp(-y1 * y1 / 2) * Math.exp(-(y - y1) * (y + y1) / 2);
    }

    /**
     * The standard normal quantile {@code Φ⁻¹(p)}: P. J. Acklam's rational approximation (relative
     * error 1.15e-9) refined by one Halley step {@code x -= e / (1 + x e / 2)} with
     * {@code e = (Φ(x) - p) √(2π) exp(x²/2)}, giving about 1e-15 relative. The step works on
     * {@code min(p, 1 - p)} so the residual is taken where Φ is relatively accurate. Φ⁻¹(0) = -∞,
     * Φ⁻¹(1) = +∞.
     *
     * @throws IllegalArgumentException when {@code p} is outside [0, 1] or NaN
     */
    public static double normalQuantile(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("expected a probability in [0, 1], got " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        double q = Math.min(p, 1 - p);
        double x = acklamLowerHalf(q);
        double e = (normalCdf(x) - q) * SQRT_2PI * Math.exp(x * x / 2);
        if (Double.isFinite(e)) x -= e / (1 + x * e / 2);
        return p > 0.5 ? -x : x;
    }

    /** Acklam's approximation of Φ⁻¹(q) for 0 < q ≤ 1/2. */
    private static double acklamLowerHalf(double q) {
        double[] a = ACKLAM_A, b = ACKLAM_B, c = ACKLAM_C, d = ACKLAM_D;
        if (q < 0.02425) {
            double t = Math.sqrt(-2 * Math.log(q));
            return (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
                    / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
        }
        double s = q - 0.5, r = s * s;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * A log-uniform draw on [lo, hi], {@code lo (hi/lo)^u}, from one draw: its logarithm is uniform,
     * its density is {@code 1 / (x ln(hi/lo))} and its mean {@code (hi - lo) / ln(hi/lo)}.
     *
     * @throws IllegalArgumentException unless {@code 0 < lo <= hi < ∞}
     */
    public static double logUniform(RandomGenerator rng, double lo, double hi) {
        if (!(lo > 0 && lo <= hi && hi < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("expected 0 < lo <= hi < infinity, got [" + lo + ", " + hi + "]");
        double u = unit(rng);
        return clamp(Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))), lo, hi);
    }

    /**
     * A unit vector uniform on the sphere, from two draws: by Archimedes' hat-box theorem
     * {@code y = 1 - 2u₁} is uniform, and {@code φ = 2π u₂}; {@code (√(1-y²) cos φ, y, √(1-y²) sin φ)}.
     */
    public static Vector3d onSphere(RandomGenerator rng) {
        return around(1 - 2 * unit(rng), TWO_PI * unit(rng));
    }

    /**
     * A unit vector uniform on the upper hemisphere (y ≥ 0, +Y up), from two draws: {@code y = u₁},
     * {@code φ = 2π u₂}, as {@link #onSphere}. E[y] = 1/2.
     */
    public static Vector3d onHemisphere(RandomGenerator rng) {
        return around(unit(rng), TWO_PI * unit(rng));
    }

    /**
     * A point (x, 0, z) uniform in area over the unit disk in the XZ plane, from two draws:
     * {@code r = √u₁}, {@code φ = 2π u₂}. E[r²] = 1/2.
     */
    public static Vector3d inDisk(RandomGenerator rng) {
        double r = Math.sqrt(unit(rng)), phi = TWO_PI * unit(rng);
        return new Vector3d(r * Math.cos(phi), 0, r * Math.sin(phi));
    }

    /**
     * A point uniform in volume over the unit ball, from three draws: a direction by
     * {@link #onSphere} scaled by {@code r = ∛u₃}. E[r²] = 3/5.
     */
    public static Vector3d inBall(RandomGenerator rng) {
        Vector3d v = onSphere(rng);
        return v.mul(Math.cbrt(unit(rng)));
    }

    private static Vector3d around(double y, double phi) {
        double r = Math.sqrt(Math.max(0, 1 - y * y));
        return new Vector3d(r * Math.cos(phi), y, r * Math.sin(phi));
    }

    /**
     * An index i drawn with probability {@code weights[i] / Σ weights}, from one draw: the first i
     * whose running sum exceeds {@code u Σ weights}. An index whose weight is 0 is never returned.
     *
     * @throws IllegalArgumentException when {@code weights} is empty, holds a negative or non-finite
     *                                  weight, or sums to 0
     */
    public static int weightedIndex(RandomGenerator rng, double[] weights) {
        if (weights.length == 0) throw new IllegalArgumentException("expected at least one weight, got none");
        double total = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0 && w < Double.POSITIVE_INFINITY))
                throw new IllegalArgumentException("weights/" + i + ": expected a finite weight >= 0, got " + w);
            total += w;
            if (w > 0) lastPositive = i;
        }
        if (!(total > 0 && total < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("expected weights with a positive finite sum, got " + total);
        double target = unit(rng) * total, sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (sum > target) return i;
        }
        return lastPositive; // target rounded up to the total
    }

    /** One draw mapped to the open interval (0, 1): the midpoints of 2^52 equal cells (exact in a double, never 1). */
    private static double unit(RandomGenerator rng) {
        return ((rng.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    private static void checkNormal(double mean, double sigma) {
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("expected a finite mean, got " + mean);
        if (!(sigma >= 0 && sigma < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("expected a finite sigma >= 0, got " + sigma);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
