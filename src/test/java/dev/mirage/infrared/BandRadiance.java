package dev.mirage.infrared;

/**
 * An independent reference for in-band blackbody radiance: the Widger–Woodall series for the
 * integral of Planck's law, ∫ₓ^∞ t³ / (eᵗ − 1) dt = Σₙ e^(−nx) (x³/n + 3x²/n² + 6x/n³ + 6/n⁴),
 * x = hc / (λkT), and its inverse by bisection. Shares no code with {@link Planck}.
 */
public final class BandRadiance {
    private static final double H = 6.62607015e-34, C = 2.99792458e8, K = 1.380649e-23;

    private BandRadiance() {}

    /** W·m⁻²·sr⁻¹ between the wavelengths (µm) of a blackbody at kelvin. */
    public static double of(double kelvin, double fromUm, double toUm) {
        double x1 = H * C / (fromUm * 1e-6 * K * kelvin), x2 = H * C / (toUm * 1e-6 * K * kelvin);
        double scale = 2 * Math.pow(K * kelvin, 4) / (Math.pow(H, 3) * C * C);
        return scale * (tail(x2) - tail(x1));
    }

    public static double lwir(double kelvin) {
        return of(kelvin, 8, 14);
    }

    /** The blackbody temperature whose LWIR radiance is {@code radiance}. */
    public static double lwirTemperature(double radiance) {
        double lo = 100, hi = 1200;
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (lwir(mid) < radiance) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double tail(double x) {
        double sum = 0;
        for (int n = 1; n <= 200; n++) {
            double term = Math.exp(-n * x) * (x * x * x / n + 3 * x * x / ((double) n * n) + 6 * x / ((double) n * n * n)
                    + 6 / ((double) n * n * n * n));
            sum += term;
            if (term < 1e-18 * sum) break;
        }
        return sum;
    }
}
