package dev.mirage.infrared;

import dev.mirage.randomize.SplitMix64;
import dev.mirage.sensor.SurfaceImage;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A thermal (LWIR) camera: in-band radiance at the sensor from the rendered surface attributes,
 * then the camera's response.
 *
 * <p><b>Radiance.</b> A surface pixel at range r with temperature T, emissivity ε and reflected ray
 * whose vertical component is u leaves {@code ε B(T) + (1 − ε) E(u)}, E the sky or ground radiance
 * ({@link ThermalAtmosphere#environment}); the air then passes {@code τ(r)} of it and adds its own
 * ({@link ThermalAtmosphere#atSensor}). A pixel with no surface sees the sky along its ray, E(v).
 *
 * <p><b>Response.</b> The radiometric image is the apparent (brightness) temperature of that
 * radiance, the blackbody temperature giving it ({@link Planck#temperature}), plus temporal noise
 * of standard deviation NETD (fresh every frame) and fixed-pattern noise (the same every frame of a
 * dataset: per column and per pixel offsets whose combined standard deviation is the fixed-pattern
 * level). Written as uint16 centikelvin ({@link #centikelvin}); the 8-bit image is made by automatic
 * gain control ({@link Agc}).
 *
 * @param band          the camera's band
 * @param netdK         noise-equivalent temperature difference, kelvin (0: none)
 * @param fixedPatternK standard deviation of the fixed-pattern offsets, kelvin (0: none)
 * @param agc           how the 8-bit image is stretched
 */
public record ThermalCamera(Planck band, double netdK, double fixedPatternK, Agc agc) {
    /** How temperatures become 8-bit grey levels, frame by frame, as a thermal camera's AGC does. */
    public enum Agc {
        /** Linear between the 1st and 99th percentile of the frame's temperatures (at least 4 K apart). */
        LINEAR,
        /** Plateau histogram equalization (bins of 0.05 K capped at 3 % of the pixels), as most thermal cores do. */
        HISTOGRAM
    }

    /** A 640×512-class uncooled core: NETD 50 mK, no fixed pattern, histogram AGC. */
    public static final ThermalCamera DEFAULT = new ThermalCamera(Planck.LWIR, 0.05, 0, Agc.HISTOGRAM);

    public ThermalCamera {
        java.util.Objects.requireNonNull(band);
        java.util.Objects.requireNonNull(agc);
        if (!(netdK >= 0) || !(fixedPatternK >= 0)) throw new IllegalArgumentException("noise " + netdK + ", " + fixedPatternK);
    }

    /**
     * Apparent temperature per pixel, kelvin, row-major.
     *
     * @param surface   the rendered temperature, emissivity and reflected-ray direction per pixel
     * @param rangeM    distance from the camera per pixel, 0 where no surface is
     * @param viewUp    world vertical component of each pixel's unit view ray (for the sky)
     * @param noiseSeed seed of this frame's temporal noise
     * @param patternSeed seed of the fixed pattern (the same for every frame of a dataset)
     */
    public float[] apparentKelvin(SurfaceImage surface, float[] rangeM, float[] viewUp, ThermalAtmosphere air,
                                  long noiseSeed, long patternSeed) {
        return apparentKelvin(surface, rangeM, viewUp, air, noiseSeed, fixedPattern(surface.width(), surface.height(), patternSeed));
    }

    /**
     * As {@link #apparentKelvin(SurfaceImage, float[], float[], ThermalAtmosphere, long, long)} with the
     * fixed pattern already made ({@link #fixedPattern}; a run makes it once).
     *
     * @param pattern per pixel offsets in kelvin, or null for none
     */
    public float[] apparentKelvin(SurfaceImage surface, float[] rangeM, float[] viewUp, ThermalAtmosphere air,
                                  long noiseSeed, float[] pattern) {
        int n = surface.width() * surface.height();
        float[] out = new float[n];
        float[] s = surface.data();
        EnvironmentTable env = new EnvironmentTable(air);
        RandomGenerator noise = netdK > 0 ? new SplitMix64(noiseSeed) : null;
        for (int i = 0; i < n; i++) {
            double radiance;
            float r = rangeM[i];
            if (r > 0) {
                double e = s[4 * i + 1];
                double leaving = e * band.radiance(s[4 * i]) + (1 - e) * env.at(s[4 * i + 2]);
                radiance = air.atSensor(leaving, r);
            } else {
                radiance = env.at(viewUp[i]);
            }
            double t = band.temperature(radiance);
            if (noise != null) t += netdK * noise.nextGaussian();
            if (pattern != null) t += pattern[i];
            out[i] = (float) t;
        }
        return out;
    }

    /**
     * Column and pixel offsets with combined standard deviation {@link #fixedPatternK}, 3:1 in variance;
     * null when the camera has none.
     */
    public float[] fixedPattern(int w, int h, long seed) {
        if (fixedPatternK <= 0) return null;
        RandomGenerator g = new SplitMix64(seed);
        double column = fixedPatternK * Math.sqrt(0.75), pixel = fixedPatternK * 0.5;
        float[] columns = new float[w];
        for (int x = 0; x < w; x++) columns[x] = (float) (column * g.nextGaussian());
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) out[i] = (float) (columns[i % w] + pixel * g.nextGaussian());
        return out;
    }

    /** Kelvin as uint16 centikelvin (0.01 K steps; 0..655.35 K), rounded half up, clamped. */
    public static short[] centikelvin(float[] kelvin) {
        short[] out = new short[kelvin.length];
        for (int i = 0; i < kelvin.length; i++) {
            double ck = Math.floor(kelvin[i] * 100.0 + 0.5);
            out[i] = (short) (int) Math.max(0, Math.min(65535, ck));
        }
        return out;
    }

    /** The 8-bit image of a frame's temperatures, under this camera's AGC. */
    public byte[] grey8(float[] kelvin) {
        return agc == Agc.LINEAR ? linear(kelvin) : plateau(kelvin);
    }

    static byte[] linear(float[] kelvin) {
        float[] sorted = kelvin.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) (0.01 * (sorted.length - 1))], hi = sorted[(int) (0.99 * (sorted.length - 1))];
        double mid = (lo + hi) / 2, span = Math.max(hi - lo, 4);
        lo = mid - span / 2;
        byte[] out = new byte[kelvin.length];
        for (int i = 0; i < kelvin.length; i++) {
            long v = Math.round((kelvin[i] - lo) / span * 255);
            out[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return out;
    }

    /** Plateau equalization: the histogram's cumulative sum, each 0.05 K bin capped at 3 % of the pixels. */
    static byte[] plateau(float[] kelvin) {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float k : kelvin) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        double binK = 0.05;
        int bins = (int) Math.min(1 << 16, Math.floor((max - min) / binK) + 1);
        double scale = bins > 1 ? (bins - 1) / (double) (max - min) : 0;
        long[] hist = new long[bins];
        for (float k : kelvin) hist[(int) ((k - min) * scale)]++;
        long cap = Math.max(1, (long) (0.03 * kelvin.length));
        double[] cumulative = new double[bins];
        double sum = 0;
        for (int b = 0; b < bins; b++) {
            sum += Math.min(hist[b], cap);
            cumulative[b] = sum;
        }
        byte[] out = new byte[kelvin.length];
        if (sum == 0) return out;
        double first = Math.min(hist[0], cap);
        double spread = Math.max(sum - first, 1);
        for (int i = 0; i < kelvin.length; i++) {
            double c = cumulative[(int) ((kelvin[i] - min) * scale)] - first;
            out[i] = (byte) Math.round(255 * Math.max(0, c) / spread);
        }
        return out;
    }

    /** The environment radiance tabulated over the vertical component of a direction, −1..1. */
    private static final class EnvironmentTable {
        private static final int STEPS = 2048;
        private final double[] values = new double[STEPS + 1];

        EnvironmentTable(ThermalAtmosphere air) {
            for (int i = 0; i <= STEPS; i++) values[i] = air.environment(-1 + 2.0 * i / STEPS);
        }

        double at(double up) {
            if (up <= 0) return values[0];
            double x = (Math.min(up, 1) + 1) * STEPS / 2;
            int i = Math.min((int) x, STEPS - 1);
            double f = x - i;
            return values[i] + (values[i + 1] - values[i]) * f;
        }
    }
}
