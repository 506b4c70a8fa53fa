package dev.mirage.template;

import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/** Placeholder until the exact version lands. */
public final class Sampling {
    private Sampling() {}
    public static double standardNormal(RandomGenerator rng) {
        double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    public static double normal(RandomGenerator rng, double mean, double sigma) { return mean + sigma * standardNormal(rng); }
    public static double truncatedNormal(RandomGenerator rng, double mean, double sigma, double lo, double hi) {
        return Math.max(lo, Math.min(hi, normal(rng, mean, sigma)));
    }
    public static double logUniform(RandomGenerator rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.nextDouble());
    }
    public static Vector3d onSphere(RandomGenerator rng) {
        double z = 2 * rng.nextDouble() - 1, phi = 2 * Math.PI * rng.nextDouble(), r = Math.sqrt(1 - z * z);
        return new Vector3d(r * Math.cos(phi), z, r * Math.sin(phi));
    }
    public static Vector3d onHemisphere(RandomGenerator rng) { Vector3d v = onSphere(rng); v.y = Math.abs(v.y); return v; }
    public static Vector3d inDisk(RandomGenerator rng) {
        double r = Math.sqrt(rng.nextDouble()), phi = 2 * Math.PI * rng.nextDouble();
        return new Vector3d(r * Math.cos(phi), 0, r * Math.sin(phi));
    }
    public static Vector3d inBall(RandomGenerator rng) { return onSphere(rng).mul(Math.cbrt(rng.nextDouble())); }
    public static int weightedIndex(RandomGenerator rng, double[] weights) {
        double sum = 0; for (double w : weights) sum += w;
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) { if (u < weights[i]) return i; u -= weights[i]; }
        for (int i = weights.length - 1; ; i--) if (weights[i] > 0) return i;
    }
}
