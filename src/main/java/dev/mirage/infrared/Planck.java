package dev.mirage.infrared;

/**
 * Blackbody radiance integrated over a wavelength band (Planck's law), and its inverse: the
 * temperature a blackbody would need to give a radiance ("apparent" or brightness temperature,
 * what a radiometric thermal camera reports).
 *
 * <p>{@code L(T) = ∫ 2hc² / λ⁵ / (exp(hc / (λkT)) − 1) dλ} over [λ₁, λ₂], in W·m⁻²·sr⁻¹, integrated
 * by Simpson's rule on 400 intervals and tabulated every 0.5 K from {@link #MIN_K} to {@link #MAX_K};
 * between table points it is interpolated linearly (error under 10⁻⁴ K in the LWIR band), and
 * inverted on the same table (strictly increasing), starting from a second table of temperatures
 * at radiances evenly spaced in their logarithm.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class Planck {
    /** Coldest tabulated temperature; radiance below it reads as this. */
    public static final double MIN_K = 50;
    /** Hottest tabulated temperature; radiance above it reads as this. */
    public static final double MAX_K = 1500;
    private static final double STEP_K = 0.5;
    private static final double H = 6.62607015e-34;
    private static final double C = 2.99792458e8;
    private static final double K = 1.380649e-23;
    private static final int INTERVALS = 400;

    /** The LWIR band of uncooled microbolometers, 8–14 µm. */
    public static final Planck LWIR = new Planck(8e-6, 14e-6);

    private final double fromM;
    private final double toM;
    private final double[] table;
    /** Temperatures at radiances spaced evenly in their logarithm: the starting point of {@link #temperature}. */
    private final double[] inverse;
    private final double logMin;
    private final double inverseScale;
    private static final int INVERSE = 8192;

    /**
     * @param fromM shortest wavelength in metres
     * @param toM   longest wavelength in metres
     */
    public Planck(double fromM, double toM) {
        if (!(fromM > 0 && toM > fromM)) throw new IllegalArgumentException("band " + fromM + ".." + toM + " m");
        this.fromM = fromM;
        this.toM = toM;
        table = new double[(int) Math.round((MAX_K - MIN_K) / STEP_K) + 1];
        for (int i = 0; i < table.length; i++) table[i] = integrate(MIN_K + i * STEP_K);
        logMin = Math.log(table[0]);
        inverseScale = (INVERSE - 1) / (Math.log(table[table.length - 1]) - logMin);
        inverse = new double[INVERSE];
        int lo = 0;
        for (int k = 0; k < INVERSE; k++) {
            double r = Math.exp(logMin + k / inverseScale);
            while (lo < table.length - 2 && table[lo + 1] <= r) lo++;
            inverse[k] = MIN_K + (lo + Math.max(0, Math.min(1, (r - table[lo]) / (table[lo + 1] - table[lo])))) * STEP_K;
        }
    }

    /** The band (or the LWIR one when it is 8–14 µm) for wavelengths in micrometres. */
    public static Planck band(double fromUm, double toUm) {
        return fromUm == 8 && toUm == 14 ? LWIR : new Planck(fromUm * 1e-6, toUm * 1e-6);
    }

    /** Spectral radiance of a blackbody, W·m⁻²·sr⁻¹ per metre of wavelength. */
    static double spectral(double lambdaM, double kelvin) {
        double l5 = lambdaM * lambdaM * lambdaM * lambdaM * lambdaM;
        return 2 * H * C * C / l5 / Math.expm1(H * C / (lambdaM * K * kelvin));
    }

    private double integrate(double kelvin) {
        double step = (toM - fromM) / INTERVALS;
        double sum = spectral(fromM, kelvin) + spectral(toM, kelvin);
        for (int i = 1; i < INTERVALS; i++) sum += (i % 2 == 1 ? 4 : 2) * spectral(fromM + i * step, kelvin);
        return sum * step / 3;
    }

    /** In-band radiance of a blackbody at {@code kelvin}, W·m⁻²·sr⁻¹ (clamped to the table's range). */
    public double radiance(double kelvin) {
        double x = (kelvin - MIN_K) / STEP_K;
        if (!(x > 0)) return table[0];
        if (x >= table.length - 1) return table[table.length - 1];
        int i = (int) x;
        double f = x - i;
        return table[i] + (table[i + 1] - table[i]) * f;
    }

    /** The blackbody temperature whose in-band radiance is {@code radiance} (clamped to the table's range). */
    public double temperature(double radiance) {
        if (!(radiance > table[0])) return MIN_K;
        if (radiance >= table[table.length - 1]) return MAX_K;
        // a first guess from the inverse table (uniform in log radiance), then the bracketing forward entries
        double x = (Math.log(radiance) - logMin) * inverseScale;
        int j = Math.min((int) x, inverse.length - 2);
        double guess = inverse[j] + (inverse[j + 1] - inverse[j]) * (x - j);
        int lo = Math.max(0, Math.min(table.length - 2, (int) ((guess - MIN_K) / STEP_K)));
        while (lo > 0 && table[lo] > radiance) lo--;
        while (lo < table.length - 2 && table[lo + 1] <= radiance) lo++;
        return MIN_K + (lo + (radiance - table[lo]) / (table[lo + 1] - table[lo])) * STEP_K;
    }
}
