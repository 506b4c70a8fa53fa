package dev.mirage.scene;

import java.util.Objects;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The sky: the image background and a hemisphere ambient term. A {@link Model#FLAT} sky is one colour
 * times an intensity; a {@link Model#PREETHAM} sky is the analytic daylight sky of Preetham, Shirley
 * and Smits (1999) for the sun's place and the air's turbidity, with twilight, a night glow and cloud
 * cover (see {@link PreethamSky}); its radiance is in scene units (1 = 1000 cd/m², {@link Exposure}).
 *
 * @param colorLinear       linear RGB colour of a flat sky (background and ambient tint)
 * @param intensity         multiplier on a flat sky's ambient light
 * @param model             flat colour or the analytic daylight sky
 * @param turbidity         Preetham: haze, 1.7 (very clear) .. 10 (hazy)
 * @param cloudCover        0 (clear) .. 1 (overcast): dims the sun and greys the sky (both models)
 * @param nightGlowRadiance Preetham: sky radiance at the horizon at night (light pollution), scene units
 */
public record Sky(Vector3dc colorLinear, double intensity, Model model, double turbidity, double cloudCover,
                  double nightGlowRadiance) {
    /** How the sky is drawn. */
    public enum Model { FLAT, PREETHAM }

    /** Default night glow: 0.02 cd/m² at the horizon, a suburban sky. */
    public static final double DEFAULT_NIGHT_GLOW = 2e-5;

    public Sky {
        colorLinear = new Vector3d(colorLinear);
        Objects.requireNonNull(model);
        if (intensity < 0) throw new IllegalArgumentException("intensity " + intensity);
        if (!(turbidity >= 1.7 && turbidity <= 10)) throw new IllegalArgumentException("turbidity " + turbidity);
        if (!(cloudCover >= 0 && cloudCover <= 1)) throw new IllegalArgumentException("cloud cover " + cloudCover);
        if (!(nightGlowRadiance >= 0)) throw new IllegalArgumentException("night glow " + nightGlowRadiance);
    }

    /** A flat sky of one colour. */
    public Sky(Vector3dc colorLinear, double intensity) {
        this(colorLinear, intensity, Model.FLAT, 3, 0, DEFAULT_NIGHT_GLOW);
    }

    /** Whether the background is the analytic sky. */
    public boolean physical() {
        return model == Model.PREETHAM;
    }

    /** Kasten and Czeplak (1980): the share of direct sun left under this cloud cover, 1 − 0.75 · c^3.4. */
    public double sunThroughClouds() {
        return 1 - 0.75 * Math.pow(cloudCover, 3.4);
    }
}
