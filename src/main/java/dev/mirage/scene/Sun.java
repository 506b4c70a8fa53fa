package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The sun: a directional light that casts shadows.
 *
 * @param towardSun   unit vector from the scene toward the sun (world frame)
 * @param colorLinear linear RGB colour of the light
 * @param intensity   a white surface facing the sun reflects this much (linear)
 */
public record Sun(Vector3dc towardSun, Vector3dc colorLinear, double intensity) {
    public Sun {
        if (towardSun.length() < 1e-9) throw new IllegalArgumentException("zero sun direction");
        // a vector already of unit length keeps its bits, so a frame replayed from its meta file is exact
        towardSun = Math.abs(towardSun.length() - 1) < 1e-12 ? new Vector3d(towardSun) : new Vector3d(towardSun).normalize();
        colorLinear = new Vector3d(colorLinear);
        if (intensity < 0) throw new IllegalArgumentException("intensity " + intensity);
    }

    /** Degrees above the horizon. */
    public double elevationDeg() {
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, towardSun.y()))));
    }

    /** Degrees about +Y in [0, 360): 0 = +X, 90 = −Z. */
    public double azimuthDeg() {
        double azimuth = Math.toDegrees(Math.atan2(-towardSun.z(), towardSun.x()));
        return azimuth < 0 ? azimuth + 360 : azimuth;
    }

    /** Unit vector toward the sun from elevation above the horizon and azimuth (0 = +X, 90 = −Z). */
    public static Vector3d towardSun(double elevationRadians, double azimuthRadians) {
        double c = Math.cos(elevationRadians);
        return new Vector3d(c * Math.cos(azimuthRadians), Math.sin(elevationRadians), -c * Math.sin(azimuthRadians));
    }
}
