package dev.mirage.template;

import org.joml.Vector3d;

/**
 * The colour of a black body (Planckian radiator) as linear sRGB, for light colours given as a
 * temperature in kelvin.
 *
 * <p>Planck's spectral radiance {@code B(λ, T) ∝ λ⁻⁵ / (exp(c₂ / (λ T)) - 1)}, with
 * {@code c₂ = hc/k = 1.438776877e-2 m·K}, is integrated by the trapezoid rule at 1 nm steps over
 * 380–780 nm against the CIE 1931 2° colour-matching functions, in the multi-lobe Gaussian fit of
 * Wyman, Sloan and Shirley ("Simple analytic approximations to the CIE XYZ color matching
 * functions", JCGT 2(2), 2013). The fit puts chromaticities within about 0.0015 of the CIE tables'
 * (Illuminant A, 2856 K: x = 0.4464, y = 0.4085 against 0.4476, 0.4074). XYZ goes to linear sRGB by
 * the matrix of the sRGB primaries with D65 white; negative components, which are out of the sRGB gamut, are
 * clamped to 0, and the result is scaled so its largest component is 1.
 *
 * <p>Note that a black body at 6504 K is not D65 white: D65 lies about 0.003 Δuv above the Planckian
 * locus, so the 6504 K radiator comes out slightly magenta (green ≈ 0.94).
 *
 * <p>Thread safety: stateless; call from any thread.
 */
public final class ColorTemperature {
    /** Lowest temperature accepted, in kelvin. */
    public static final double MIN_K = 1000;
    /** Highest temperature accepted, in kelvin. */
    public static final double MAX_K = 40000;

    private static final double C2_M_K = 1.438776877e-2;
    private static final int FIRST_NM = 380, LAST_NM = 780;
    private static final double[][] XYZ_TO_LINEAR_SRGB = {
            {3.2404542, -1.5371385, -0.4985314},
            {-0.9692660, 1.8760108, 0.0415560},
            {0.0556434, -0.2040259, 1.0572252}};
    /** x̄, ȳ, z̄ at each whole nanometre from 380 to 780. */
    private static final double[][] CMF = new double[LAST_NM - FIRST_NM + 1][];

    static {
        for (int nm = FIRST_NM; nm <= LAST_NM; nm++) CMF[nm - FIRST_NM] = matching(nm);
    }

    private ColorTemperature() {}

    /**
     * The linear sRGB colour of a black body at {@code kelvin}, scaled so its largest component is 1;
     * components are in [0, 1]. Red is 1 below about 6500 K, blue is 1 above.
     *
     * @param kelvin temperature in [{@value #MIN_K}, {@value #MAX_K}] K
     * @throws IllegalArgumentException for a temperature outside that range or NaN
     */
    public static Vector3d linearRgb(double kelvin) {
        if (!(kelvin >= MIN_K && kelvin <= MAX_K))
            throw new IllegalArgumentException("expected a temperature in [" + MIN_K + ", " + MAX_K + "] K, got " + kelvin);
        double[] xyz = new double[3];
        for (int nm = FIRST_NM; nm <= LAST_NM; nm++) {
            double weight = nm == FIRST_NM || nm == LAST_NM ? 0.5 : 1;
            double radiance = weight * planck(nm * 1e-9, kelvin);
            for (int k = 0; k < 3; k++) xyz[k] += radiance * CMF[nm - FIRST_NM][k];
        }
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) sum += XYZ_TO_LINEAR_SRGB[i][k] * xyz[k];
            rgb[i] = Math.max(0, sum);
        }
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        return new Vector3d(rgb[0] / max, rgb[1] / max, rgb[2] / max);
    }

    /** Planck's law up to a constant factor: λ⁻⁵ / (exp(c₂ / (λ T)) - 1), λ in metres. */
    private static double planck(double lambdaM, double kelvin) {
        return 1 / (Math.pow(lambdaM * 1e6, 5) * Math.expm1(C2_M_K / (lambdaM * kelvin)));
    }

    /** Wyman–Sloan–Shirley multi-lobe fit of the CIE 1931 2° observer, at {@code nm} nanometres. */
    private static double[] matching(double nm) {
        return new double[] {
                1.056 * lobe(nm, 599.8, 37.9, 31.0) + 0.362 * lobe(nm, 442.0, 16.0, 26.7)
                        - 0.065 * lobe(nm, 501.1, 20.4, 26.2),
                0.821 * lobe(nm, 568.8, 46.9, 40.5) + 0.286 * lobe(nm, 530.9, 16.3, 31.1),
                1.217 * lobe(nm, 437.0, 11.8, 36.0) + 0.681 * lobe(nm, 459.0, 26.0, 13.8)};
    }

    /** A Gaussian with peak 1 at {@code mu} and different widths below and above it. */
    private static double lobe(double nm, double mu, double sigmaBelow, double sigmaAbove) {
        double t = (nm - mu) / (nm < mu ? sigmaBelow : sigmaAbove);
        return Math.exp(-t * t / 2);
    }
}
