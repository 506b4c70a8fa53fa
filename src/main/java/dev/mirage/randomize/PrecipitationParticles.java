package dev.mirage.randomize;

import dev.mirage.scene.Camera;
import dev.mirage.scene.ParticleSet;
import java.util.random.RandomGenerator;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * The falling rain drops and snow flakes of a frame, placed in the part of the camera's view where
 * they show: a frustum slice from {@link #NEAR_M} to {@link #RAIN_FAR_M} (rain) or
 * {@link #SNOW_FAR_M} (snow) metres in front of the camera. Pure: the same camera, rate and stream
 * give the same particles.
 *
 * <p><b>Rain</b> (Marshall–Palmer): drops of diameter D (mm) per m³ and mm, N(D) = N0·e^(−ΛD) with
 * N0 = 8000 m⁻³mm⁻¹ and Λ = 4.1·R^−0.21 mm⁻¹ for a rate R in mm/h. Only drops of at least
 * {@link #RAIN_MIN_DIAMETER_MM} make a streak that shows in an image, so the number density drawn is
 * n = N0/Λ · e^(−Λ·Dmin); diameters follow the same law above Dmin (Dmin plus an exponential of rate
 * Λ), capped at 6 mm where drops break up. Fall speed (Atlas et al. 1973): v = 9.65 − 10.3·e^(−0.6·D)
 * m/s, straight down.
 *
 * <p><b>Snow</b> (Gunn–Marshall 1958, R as melted water in mm/h, D the melted diameter):
 * N0 = 3800·R^−0.87 m⁻³mm⁻¹, Λ = 2.55·R^−0.48 mm⁻¹; flakes of at least {@link #SNOW_MIN_DIAMETER_MM}
 * melted are drawn, capped at 5 mm, each {@link #SNOW_FLAKE_SIZE} times its melted diameter across
 * (a fresh aggregate about 1/27 as dense as water). Fall speed (Locatelli and Hobbs 1974, aggregates,
 * of the flake's size in mm): v = 0.8·size^0.16 m/s, plus a horizontal drift
 * uniform in ±{@link #SNOW_DRIFT_MS} m/s on each axis.
 *
 * <p>The count is n × the slice's volume, rounded, and at most {@link #MAX_PARTICLES} (a rain of
 * about 50 mm/h or snow of about 5 mm/h reaches it in a 55° view); positions are uniform in the
 * slice's volume. Simplifications: no wind, no drop oscillation, no particles outside the view whose
 * streak would reach into it.
 */
public final class PrecipitationParticles {
    /** Nearest particle, metres in front of the camera. */
    public static final double NEAR_M = 0.5;
    /** Farthest rain drop drawn: beyond it a streak is a few pixels of a few percent contrast. */
    public static final double RAIN_FAR_M = 8;
    /** Farthest snow flake drawn. */
    public static final double SNOW_FAR_M = 12;
    /** Smallest drop drawn, mm. */
    public static final double RAIN_MIN_DIAMETER_MM = 1.5;
    /** Smallest flake drawn, mm. */
    public static final double SNOW_MIN_DIAMETER_MM = 2;
    /** A flake's size over its melted diameter. */
    public static final double SNOW_FLAKE_SIZE = 3;
    /** Horizontal drift of snow flakes, m/s on each axis. */
    public static final double SNOW_DRIFT_MS = 0.5;
    /** The most particles of one kind in a frame. */
    public static final int MAX_PARTICLES = 65536;

    private PrecipitationParticles() {}

    /** Marshall–Palmer drops of at least {@link #RAIN_MIN_DIAMETER_MM} per m³ at {@code rateMmH}. */
    public static double rainPerCubicMetre(double rateMmH) {
        if (rateMmH <= 0) return 0;
        double lambda = 4.1 * Math.pow(rateMmH, -0.21);
        return 8000 / lambda * Math.exp(-lambda * RAIN_MIN_DIAMETER_MM);
    }

    /** Gunn–Marshall flakes of at least {@link #SNOW_MIN_DIAMETER_MM} melted per m³ at {@code rateMmH}. */
    public static double snowPerCubicMetre(double rateMmH) {
        if (rateMmH <= 0) return 0;
        double lambda = 2.55 * Math.pow(rateMmH, -0.48);
        return 3800 * Math.pow(rateMmH, -0.87) / lambda * Math.exp(-lambda * SNOW_MIN_DIAMETER_MM);
    }

    /** The volume of the camera's view between {@code nearM} and {@code farM} metres, m³. */
    public static double viewVolume(Camera camera, double nearM, double farM) {
        double[] t = camera.tangents();
        return (t[1] - t[0]) * (t[3] - t[2]) * (farM * farM * farM - nearM * nearM * nearM) / 3;
    }

    /** How many particles a density gives in a slice: n × V rounded, at most {@link #MAX_PARTICLES}. */
    public static int count(double perCubicMetre, double volumeM3) {
        return (int) Math.min(MAX_PARTICLES, Math.round(perCubicMetre * volumeM3));
    }

    /** The rain drops of a frame. */
    public static ParticleSet rain(Camera camera, double rateMmH, RandomGenerator rng) {
        if (rateMmH <= 0) return ParticleSet.EMPTY;
        double lambda = 4.1 * Math.pow(rateMmH, -0.21);
        int n = count(rainPerCubicMetre(rateMmH), viewVolume(camera, NEAR_M, RAIN_FAR_M));
        float[] v = new float[n * ParticleSet.STRIDE];
        Matrix4d toWorld = camera.cameraToWorld();
        double[] t = camera.tangents();
        for (int i = 0; i < n; i++) {
            double d = Math.min(6, RAIN_MIN_DIAMETER_MM - Math.log(1 - rng.nextDouble()) / lambda);
            double speed = 9.65 - 10.3 * Math.exp(-0.6 * d);
            put(v, i, place(t, toWorld, RAIN_FAR_M, rng), d / 1000, 0, -speed, 0);
        }
        return new ParticleSet(v);
    }

    /** The snow flakes of a frame. */
    public static ParticleSet snow(Camera camera, double rateMmH, RandomGenerator rng) {
        if (rateMmH <= 0) return ParticleSet.EMPTY;
        double lambda = 2.55 * Math.pow(rateMmH, -0.48);
        int n = count(snowPerCubicMetre(rateMmH), viewVolume(camera, NEAR_M, SNOW_FAR_M));
        float[] v = new float[n * ParticleSet.STRIDE];
        Matrix4d toWorld = camera.cameraToWorld();
        double[] t = camera.tangents();
        for (int i = 0; i < n; i++) {
            double d = SNOW_FLAKE_SIZE * Math.min(5, SNOW_MIN_DIAMETER_MM - Math.log(1 - rng.nextDouble()) / lambda);
            double speed = 0.8 * Math.pow(d, 0.16);
            Vector3d p = place(t, toWorld, SNOW_FAR_M, rng);
            double dx = (rng.nextDouble() * 2 - 1) * SNOW_DRIFT_MS, dz = (rng.nextDouble() * 2 - 1) * SNOW_DRIFT_MS;
            put(v, i, p, d / 1000, dx, -speed, dz);
        }
        return new ParticleSet(v);
    }

    /** The most drops on the lens. */
    public static final int MAX_LENS_DROPS = 32;

    /**
     * {@code count} drops on the lens, uniform over the image, radii uniform in 2–7% of the image
     * height. Drawn after the rain and snow particles from the same stream.
     */
    public static java.util.List<dev.mirage.scene.LensDrop> lensDrops(int count, RandomGenerator rng) {
        java.util.List<dev.mirage.scene.LensDrop> drops = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++)
            drops.add(new dev.mirage.scene.LensDrop(rng.nextDouble(), rng.nextDouble(), 0.02 + 0.05 * rng.nextDouble()));
        return drops;
    }

    /** A point uniform in the view's volume from {@link #NEAR_M} to {@code farM}: depth with density ∝ z². */
    private static Vector3d place(double[] t, Matrix4d toWorld, double farM, RandomGenerator rng) {
        double a3 = NEAR_M * NEAR_M * NEAR_M, b3 = farM * farM * farM;
        double z = Math.cbrt(a3 + rng.nextDouble() * (b3 - a3));
        double x = z * (t[0] + rng.nextDouble() * (t[1] - t[0]));
        double y = z * (t[2] + rng.nextDouble() * (t[3] - t[2]));
        return toWorld.transformPosition(new Vector3d(x, y, -z));
    }

    private static void put(float[] v, int i, Vector3d p, double diameterM, double vx, double vy, double vz) {
        int o = i * ParticleSet.STRIDE;
        v[o] = (float) p.x;
        v[o + 1] = (float) p.y;
        v[o + 2] = (float) p.z;
        v[o + 3] = (float) diameterM;
        v[o + 4] = (float) vx;
        v[o + 5] = (float) vy;
        v[o + 6] = (float) vz;
    }
}
