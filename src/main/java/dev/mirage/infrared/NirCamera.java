package dev.mirage.infrared;

import dev.mirage.randomize.SplitMix64;
import dev.mirage.sensor.SurfaceImage;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A near-infrared camera with its own illuminator (850 or 940 nm LEDs beside the lens, as in
 * night-vision and in-cabin cameras), linear response, 8-bit output.
 *
 * <p>The shader computes each pixel's radiance ({@link SurfaceImage}'s fourth channel):
 * {@code ρ/π · (I · cos θ · beam(α) / r² · T² + Esun · max(n·l, 0) · shadow · T + Esky)}, ρ the
 * surface's NIR reflectance, I the illuminator's on-axis radiant intensity (W/sr), θ the angle
 * between the surface normal and the ray to the camera, α the angle off the beam's axis with
 * {@code beam(α) = exp(−2 (α / half-angle)²)}, r the range, T the fog's transmittance (so the
 * illuminator's light pays it twice), and the sun's and sky's share of the band by day. Digital
 * numbers are {@code gain · radiance} plus Gaussian read noise, rounded and clamped to 0..255.
 *
 * @param wavelengthNm  850 or 940
 * @param intensityWSr  the illuminator's on-axis radiant intensity, W/sr
 * @param beamHalfAngleDeg half-angle of the illuminator's beam, degrees
 * @param gain          digital numbers per unit of radiance, or NaN for automatic gain
 * @param readNoise     standard deviation of the read noise, digital numbers
 */
public record NirCamera(double wavelengthNm, double intensityWSr, double beamHalfAngleDeg, double gain, double readNoise) {
    /** An 850 nm camera with a 5 W/sr illuminator of ±30°, automatic gain, 1 DN of noise. */
    public static final NirCamera DEFAULT = new NirCamera(850, 5, 30, Double.NaN, 1);
    /** Automatic gain puts this digital number at the 99.5th percentile of the lit pixels. */
    public static final double AUTO_TARGET_DN = 220;
    /** Solar irradiance in the camera's band, W/m², with the sun at the zenith through clear air (850 nm, 50 nm filter). */
    public static final double SUN_BAND_IRRADIANCE = 45;

    public NirCamera {
        if (wavelengthNm != 850 && wavelengthNm != 940) throw new IllegalArgumentException("wavelength " + wavelengthNm + " nm");
        if (!(intensityWSr >= 0) || !(beamHalfAngleDeg > 0 && beamHalfAngleDeg <= 90) || !(readNoise >= 0)
                || !(Double.isNaN(gain) || gain > 0))
            throw new IllegalArgumentException("NIR camera " + this);
    }

    /** Sunlight in the band relative to 850 nm: water vapour absorbs much of it at 940 nm. */
    public double sunShare() {
        return wavelengthNm == 940 ? 0.35 : 1;
    }

    /**
     * Sunlight in the band on a surface facing the sun, W/m²: {@link #SUN_BAND_IRRADIANCE} × {@link #sunShare()}
     * × (1 − 0.75 × cloud cover), fading to 0 as the sun sets (× clamp(4 sin elevation, 0, 1)).
     */
    public double sunIrradiance(dev.mirage.scene.Sun sun, dev.mirage.scene.Sky sky) {
        return SUN_BAND_IRRADIANCE * sunShare() * (1 - 0.75 * sky.cloudCover()) * daylight(sun);
    }

    /** Skylight in the band on any surface, W/m²: 12 % of a clear sun's, fading with it. */
    public double skyIrradiance(dev.mirage.scene.Sun sun) {
        return 0.12 * SUN_BAND_IRRADIANCE * sunShare() * daylight(sun);
    }

    private static double daylight(dev.mirage.scene.Sun sun) {
        return Math.max(0, Math.min(1, 4 * sun.towardSun().y())) * (sun.intensity() > 0 ? 1 : 0);
    }

    /** The 8-bit image of a frame. */
    public byte[] grey8(SurfaceImage surface, long noiseSeed) {
        float[] s = surface.data();
        int n = surface.width() * surface.height();
        double g = Double.isNaN(gain) ? autoGain(s, n) : gain;
        RandomGenerator noise = readNoise > 0 ? new SplitMix64(noiseSeed) : null;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            double dn = g * s[SurfaceImage.CHANNELS * i + 3];
            if (noise != null) dn += readNoise * noise.nextGaussian();
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(dn)));
        }
        return out;
    }

    /**
     * The gain that puts {@link #AUTO_TARGET_DN} at the 99.5th percentile of the pixels with radiance,
     * taken over every 7th pixel (a camera's metering samples too; a full sort costs 30 ms a frame).
     */
    static double autoGain(float[] s, int n) {
        float[] lit = new float[n / 7 + 1];
        int count = 0;
        for (int i = 0; i < n; i += 7) {
            float v = s[SurfaceImage.CHANNELS * i + 3];
            if (v > 0) lit[count++] = v;
        }
        if (count == 0) return 1;
        Arrays.sort(lit, 0, count);
        return AUTO_TARGET_DN / lit[(int) (0.995 * (count - 1))];
    }
}
