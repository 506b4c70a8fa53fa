package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The atmosphere of a frame. Fog is set as meteorological optical range (visibility) V: light
 * travelling d metres keeps the fraction {@code T(d) = exp(−3.912 · d / V)} (5% contrast left at V,
 * Koschmieder), and the rest is replaced by the fog's own colour.
 *
 *
 * <p>In-scattering toward the sun: the fog's radiance looking along v is
 * {@code color · (1 + w · (P(v·s) − 1))}, P the Henyey–Greenstein phase function with g = 0.7 times
 * 4π (so P averages 1 over the sphere and the fog keeps its mean colour), w = {@code fogSunScatter}
 * (0..1, 0 = isotropic fog as before; the renderer scales it by the sun's share of the light).
 *
 * <p>Height falloff H: the extinction is σ(y) = (3.912 / V) · exp(−y / H) above the ground (y = 0), so
 * V is the visibility at ground level, and light crossing from y0 to y1 over d metres keeps
 * exp(−(3.912 / V) · d · H · (e^(−y0/H) − e^(−y1/H)) / (y1 − y0)) (the integral along the straight ray).
 *
 * @param fogVisibilityM  visibility in metres; {@link Double#POSITIVE_INFINITY} for clear air
 * @param fogColorLinear  the in-scattered colour (linear RGB, radiance as seen from far away; under an
 *                        analytic sky, a reflectance times the daylight on a white horizontal surface)
 * @param fogSunScatter   w, 0..1
 * @param fogHeightFalloffM H in metres; {@link Double#POSITIVE_INFINITY} for fog of one density
 * @param precipitation   rain, snow, wet and snow-covered surfaces ({@link Precipitation#NONE} for none)
 * @param fogDepthReturn  the least two-way transmittance T(camera → surface)² at which the depth sensor
 *                        still reads a surface, as an active sensor (time of flight, lidar) loses its
 *                        return in fog; 0 (default) keeps the true depth everywhere
 */
public record Weather(double fogVisibilityM, Vector3dc fogColorLinear, double fogSunScatter, double fogHeightFalloffM,
                      Precipitation precipitation, double fogDepthReturn) {
    /** Henyey–Greenstein asymmetry of the sun lobe. */
    public static final double PHASE_G = 0.7;

    /** Extinction coefficient × visibility: ln(1 / 0.02) for the 2% contrast threshold (3.912). */
    public static final double KOSCHMIEDER = 3.912;

    /** Clear air. */
    public static final Weather CLEAR = new Weather(Double.POSITIVE_INFINITY, new Vector3d());

    public Weather {
        if (!(fogVisibilityM > 0)) throw new IllegalArgumentException("visibility " + fogVisibilityM);
        fogColorLinear = new Vector3d(fogColorLinear);
        if (!(fogSunScatter >= 0 && fogSunScatter <= 1)) throw new IllegalArgumentException("sun scatter " + fogSunScatter);
        if (!(fogHeightFalloffM > 0)) throw new IllegalArgumentException("height falloff " + fogHeightFalloffM);
        java.util.Objects.requireNonNull(precipitation);
        if (!(fogDepthReturn >= 0 && fogDepthReturn < 1)) throw new IllegalArgumentException("depth return " + fogDepthReturn);
    }

    /** Fog with its lobe and profile, and precipitation; the depth sensor reads true depth. */
    public Weather(double fogVisibilityM, Vector3dc fogColorLinear, double fogSunScatter, double fogHeightFalloffM,
                   Precipitation precipitation) {
        this(fogVisibilityM, fogColorLinear, fogSunScatter, fogHeightFalloffM, precipitation, 0);
    }

    /** The same air with a depth sensor that loses surfaces below this two-way transmittance. */
    public Weather withDepthReturn(double minTwoWayTransmittance) {
        return new Weather(fogVisibilityM, fogColorLinear, fogSunScatter, fogHeightFalloffM, precipitation, minTwoWayTransmittance);
    }

    /** Fog of one density, scattering evenly, and no precipitation. */
    public Weather(double fogVisibilityM, Vector3dc fogColorLinear) {
        this(fogVisibilityM, fogColorLinear, 0, Double.POSITIVE_INFINITY, Precipitation.NONE);
    }

    /** Fog with its sun lobe and height profile, and no precipitation. */
    public Weather(double fogVisibilityM, Vector3dc fogColorLinear, double fogSunScatter, double fogHeightFalloffM) {
        this(fogVisibilityM, fogColorLinear, fogSunScatter, fogHeightFalloffM, Precipitation.NONE);
    }

    /** Fog of one density, scattering evenly, with {@code precipitation}. */
    public Weather(double fogVisibilityM, Vector3dc fogColorLinear, Precipitation precipitation) {
        this(fogVisibilityM, fogColorLinear, 0, Double.POSITIVE_INFINITY, precipitation);
    }

    /** The same air with {@code precipitation}. */
    public Weather with(Precipitation precipitation) {
        return new Weather(fogVisibilityM, fogColorLinear, fogSunScatter, fogHeightFalloffM, precipitation, fogDepthReturn);
    }
    /** Whether the fog thins with height. */
    public boolean heightFalloff() {
        return fogHeightFalloffM < Double.POSITIVE_INFINITY;
    }

    /** 4π × the Henyey–Greenstein phase function at cos θ (averages 1 over the sphere). */
    public static double phase(double cosTheta) {
        double g = PHASE_G;
        return (1 - g * g) / Math.pow(1 + g * g - 2 * g * cosTheta, 1.5);
    }

    /**
     * The share of light crossing from {@code from} to {@code to} (world, y up) through this fog,
     * with the height falloff when there is one.
     */
    public double transmittance(org.joml.Vector3dc from, org.joml.Vector3dc to) {
        double d = from.distance(to);
        if (!heightFalloff()) return transmittance(d);
        double h = fogHeightFalloffM, y0 = from.y(), y1 = to.y();
        double k = (y1 - y0) / h;
        double mean = Math.abs(k) > 1e-6 ? Math.exp(-y0 / h) * -Math.expm1(-k) / k : Math.exp(-y0 / h);
        return Math.exp(-extinctionPerMetre() * d * mean);
    }

    /** True when there is fog. */
    public boolean foggy() {
        return fogVisibilityM < Double.POSITIVE_INFINITY;
    }

    /** Extinction coefficient in 1/m: 3.912 / V (0 in clear air). */
    public double extinctionPerMetre() {
        return foggy() ? KOSCHMIEDER / fogVisibilityM : 0;
    }

    /** The share of light that crosses {@code distanceM} metres of this air. */
    public double transmittance(double distanceM) {
        return Math.exp(-extinctionPerMetre() * distanceM);
    }
}
