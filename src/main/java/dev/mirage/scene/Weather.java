package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The atmosphere of a frame. Fog is set as meteorological optical range (visibility) V: light
 * travelling d metres keeps the fraction {@code T(d) = exp(−3.912 · d / V)} (5% contrast left at V,
 * Koschmieder), and the rest is replaced by the fog's own colour.
 *
 * @param fogVisibilityM  visibility in metres; {@link Double#POSITIVE_INFINITY} for clear air
 * @param fogColorLinear  the in-scattered colour (linear RGB, radiance as seen from far away)
 * @param precipitation   rain, snow, wet and snow-covered surfaces ({@link Precipitation#NONE} for none)
 */
public record Weather(double fogVisibilityM, Vector3dc fogColorLinear, Precipitation precipitation) {
    /** Extinction coefficient × visibility: ln(1 / 0.02) for the 2% contrast threshold (3.912). */
    public static final double KOSCHMIEDER = 3.912;

    /** Clear air. */
    public static final Weather CLEAR = new Weather(Double.POSITIVE_INFINITY, new Vector3d());

    public Weather {
        if (!(fogVisibilityM > 0)) throw new IllegalArgumentException("visibility " + fogVisibilityM);
        fogColorLinear = new Vector3d(fogColorLinear);
        java.util.Objects.requireNonNull(precipitation);
    }

    /** Fog (or clear air) with no precipitation. */
    public Weather(double fogVisibilityM, Vector3dc fogColorLinear) {
        this(fogVisibilityM, fogColorLinear, Precipitation.NONE);
    }

    /** The same air with {@code precipitation}. */
    public Weather with(Precipitation precipitation) {
        return new Weather(fogVisibilityM, fogColorLinear, precipitation);
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
