package dev.mirage.scene;

import java.util.Objects;

/**
 * Rain, snow and what they leave on surfaces, for one frame. Falling particles change the colour
 * image only: they are never labeled and never enter depth or ids.
 *
 * @param rainRateMmH       rain rate in mm/h (0 for none)
 * @param streakLengthScale rain streak length as a multiple of fall speed × {@link #EXPOSURE_S}
 * @param wetness           0 dry .. 1 soaked with puddles on up-facing surfaces
 * @param snowRateMmH       snowfall as liquid-water equivalent in mm/h (0 for none)
 * @param snowCoverage      0 .. 1, the share of up-facing surfaces under snow
 * @param rain              the frame's rain drops (empty without rain)
 * @param snow              the frame's snow flakes (empty without snow)
 * @param lensDrops         water drops on the lens (colour only)
 */
public record Precipitation(double rainRateMmH, double streakLengthScale, double wetness, double snowRateMmH,
                            double snowCoverage, ParticleSet rain, ParticleSet snow, java.util.List<LensDrop> lensDrops) {
    /** The exposure time particles are blurred over, in seconds (1/60 s). */
    public static final double EXPOSURE_S = 1.0 / 60.0;

    /** Dry, clear weather. */
    public static final Precipitation NONE = new Precipitation(0, 1, 0, 0, 0, ParticleSet.EMPTY, ParticleSet.EMPTY);

    public Precipitation {
        if (!(rainRateMmH >= 0 && rainRateMmH < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("rain rate " + rainRateMmH);
        if (!(snowRateMmH >= 0 && snowRateMmH < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("snow rate " + snowRateMmH);
        if (!(streakLengthScale > 0 && streakLengthScale < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("streak length scale " + streakLengthScale);
        if (!(wetness >= 0 && wetness <= 1)) throw new IllegalArgumentException("wetness " + wetness);
        if (!(snowCoverage >= 0 && snowCoverage <= 1)) throw new IllegalArgumentException("snow coverage " + snowCoverage);
        Objects.requireNonNull(rain);
        Objects.requireNonNull(snow);
        lensDrops = java.util.List.copyOf(lensDrops);
    }

    /** Without drops on the lens. */
    public Precipitation(double rainRateMmH, double streakLengthScale, double wetness, double snowRateMmH,
                         double snowCoverage, ParticleSet rain, ParticleSet snow) {
        this(rainRateMmH, streakLengthScale, wetness, snowRateMmH, snowCoverage, rain, snow, java.util.List.of());
    }

    /**
     * The wetness rain of {@code rainRateMmH} leaves when the template sets none: R / 5 mm/h, at most
     * 1 (drizzle of 1 mm/h: damp, 0.2; from 5 mm/h, moderate rain, on: soaked, with puddles).
     */
    public static double wetnessFromRain(double rainRateMmH) {
        return Math.min(1, rainRateMmH / 5.0);
    }

    /** The snow cover snowfall of {@code snowRateMmH} leaves when the template sets none: R / 1 mm/h, at most 1. */
    public static double coverageFromSnow(double snowRateMmH) {
        return Math.min(1, snowRateMmH);
    }

    /** True when anything is set: precipitation, wet or snow-covered surfaces. */
    public boolean any() {
        return rainRateMmH > 0 || snowRateMmH > 0 || wetness > 0 || snowCoverage > 0;
    }
}
