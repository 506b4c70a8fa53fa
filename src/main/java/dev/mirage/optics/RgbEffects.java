package dev.mirage.optics;

import dev.mirage.randomize.SplitMix64;
import dev.mirage.scene.Camera;

/**
 * The camera's effects on RGB in linear light (3 floats per pixel, row-major, top row first, values
 * 0..1): vignetting, lateral chromatic aberration and sensor noise. Pure functions of their inputs;
 * noise is a function of (seed, pixel, channel) alone, never of thread timing.
 *
 * <p>Thread safety: stateless.
 */
public final class RgbEffects {
    private RgbEffects() {}

    /**
     * Light falloff: every pixel × (1 − strength + strength·cos⁴θ), θ the angle off the optical axis
     * of its centre, cos²θ = 1 / (1 + r²/f²) with r its distance from the principal point.
     */
    public static void vignette(float[] rgb, Camera camera, double strength) {
        int w = camera.width(), h = camera.height();
        double f2 = camera.focalPixels() * camera.focalPixels();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double du = x + 0.5 - camera.cx(), dv = y + 0.5 - camera.cy();
                double cos2 = 1 / (1 + (du * du + dv * dv) / f2);
                float g = (float) (1 - strength + strength * cos2 * cos2);
                int i = 3 * (y * w + x);
                rgb[i] *= g;
                rgb[i + 1] *= g;
                rgb[i + 2] *= g;
            }
    }

    /** The scale of the red channel about the principal point (blue's is 2 − this). */
    public static double redScale(Camera camera, double shiftPx) {
        return 1 + shiftPx / farthestCorner(camera);
    }

    /** Distance from the principal point to the image corner farthest from it, pixels. */
    static double farthestCorner(Camera camera) {
        double dx = Math.max(camera.cx(), camera.width() - camera.cx()), dy = Math.max(camera.cy(), camera.height() - camera.cy());
        return Math.hypot(dx, dy);
    }

    /**
     * Lateral chromatic aberration: red magnified about the principal point by s = 1 + shift / D and
     * blue by 2 − s (D the distance to the farthest corner), so at distance r from the principal point
     * red moves outward by shift·r/D pixels and blue inward by as many; green stays. Sampled bilinearly.
     */
    public static float[] chromaticAberration(float[] rgb, Camera camera, double shiftPx) {
        int w = camera.width(), h = camera.height();
        double sr = redScale(camera, shiftPx), sb = 2 - sr;
        float[] out = rgb.clone();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double du = x + 0.5 - camera.cx(), dv = y + 0.5 - camera.cy();
                int i = 3 * (y * w + x);
                out[i] = channel(rgb, w, h, 0, camera.cx() + du / sr - 0.5, camera.cy() + dv / sr - 0.5);
                out[i + 2] = channel(rgb, w, h, 2, camera.cx() + du / sb - 0.5, camera.cy() + dv / sb - 0.5);
            }
        return out;
    }

    /** Bilinear sample of one channel at pixel-centre coordinates, edges clamped. */
    private static float channel(float[] rgb, int w, int h, int k, double cx, double cy) {
        int x0 = (int) Math.floor(cx), y0 = (int) Math.floor(cy);
        double fx = cx - x0, fy = cy - y0;
        int xa = clamp(x0, w), xb = clamp(x0 + 1, w), ya = clamp(y0, h), yb = clamp(y0 + 1, h);
        double top = rgb[3 * (ya * w + xa) + k] * (1 - fx) + rgb[3 * (ya * w + xb) + k] * fx;
        double bottom = rgb[3 * (yb * w + xa) + k] * (1 - fx) + rgb[3 * (yb * w + xb) + k] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }

    /**
     * Sensor noise: s + √(shot·s)·n₁ + read·n₂, clamped to [0, 1], with n₁, n₂ standard normal (a
     * Gaussian stand-in for Poisson shot noise, whose variance grows with the signal, plus signal-free
     * read noise): variance shot·s + read². Both normals of value j come from one Box–Muller pair
     * seeded by {@code mix(seed + j·φ)}: exactly two draws per value, whatever the image holds.
     */
    public static void noise(float[] rgb, double shot, double read, long seed) {
        for (int j = 0; j < rgb.length; j++) {
            long h1 = SplitMix64.mix(seed + 0x9E3779B97F4A7C15L * (j + 1L)), h2 = SplitMix64.mix(h1);
            double u1 = ((h1 >>> 11) + 1) * 0x1.0p-53, u2 = (h2 >>> 11) * 0x1.0p-53;
            double radius = Math.sqrt(-2 * Math.log(u1)), angle = 2 * Math.PI * u2;
            double s = Math.max(0, rgb[j]);
            double v = s + Math.sqrt(shot * s) * radius * Math.cos(angle) + read * radius * Math.sin(angle);
            rgb[j] = (float) Math.max(0, Math.min(1, v));
        }
    }
}
