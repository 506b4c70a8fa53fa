package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.Camera;
import dev.mirage.scene.ParticleSet;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * Particle counts follow the documented laws (number density above the smallest drawn size × the
 * view's volume), computed here from the published constants rather than through the class; particles
 * lie in the view slice, fall at their size's terminal speed, and come from the frame's stream alone.
 */
class PrecipitationParticlesTest {
    /** 320×240, 50° vertical field of view, looking down −Z from 1.5 m. */
    static final Camera CAMERA = new Camera(new Vector3d(0, 1.5, 0), new Vector3d(0, 1.5, -10), Math.toRadians(50), 0.1, 200, 320, 240);

    /** The slice's volume from its shape: a pyramid of the view's tangents, from 0.5 m to far. */
    private static double volume(double farM) {
        double tanY = Math.tan(Math.toRadians(25));
        double area = (2 * tanY * 320.0 / 240.0) * (2 * tanY);
        return area * (farM * farM * farM - 0.125) / 3;
    }

    private static long expectedRain(double rateMmH) {
        double lambda = 4.1 * Math.pow(rateMmH, -0.21);                   // Marshall–Palmer, per mm
        double perM3 = 8000 / lambda * Math.exp(-lambda * 1.5);          // N0 = 8000 /m³/mm, drops ≥ 1.5 mm
        return Math.round(perM3 * volume(8));
    }

    private static long expectedSnow(double rateMmH) {
        double lambda = 2.55 * Math.pow(rateMmH, -0.48);                 // Gunn–Marshall
        double perM3 = 3800 * Math.pow(rateMmH, -0.87) / lambda * Math.exp(-lambda * 2);
        return Math.round(perM3 * volume(12));
    }

    private static ParticleSet rain(double rate, long seed, int frame) {
        return PrecipitationParticles.rain(CAMERA, rate, FrameSeeds.stream(seed, frame, FrameSeeds.Concern.PARTICLES));
    }

    @Test
    void rainCountFollowsMarshallPalmer() {
        long last = 0;
        for (double rate : new double[] {1, 2.5, 10, 25}) {
            int n = rain(rate, 1, 0).count();
            assertEquals(expectedRain(rate), n, "rate " + rate);
            assertTrue(n > last, "more rain, more drops: " + n + " at " + rate);
            last = n;
        }
        // 10 mm/h in this 50° view: some ten thousand drops of at least 1.5 mm within 8 m
        assertTrue(last > 20000 && rain(10, 1, 0).count() > 5000 && rain(10, 1, 0).count() < 20000);
        assertEquals(0, rain(0, 1, 0).count());
        assertEquals(PrecipitationParticles.MAX_PARTICLES, rain(400, 1, 0).count(), "capped");
    }

    @Test
    void snowCountFollowsGunnMarshall() {
        for (double rate : new double[] {0.5, 1, 2})
            assertEquals(expectedSnow(rate), PrecipitationParticles.snow(CAMERA, rate,
                    FrameSeeds.stream(3, 0, FrameSeeds.Concern.PARTICLES)).count(), "rate " + rate);
    }

    @Test
    void dropsLieInTheViewAndFallAtTerminalSpeed() {
        ParticleSet set = rain(10, 7, 2);
        double tanY = Math.tan(Math.toRadians(25)), tanX = tanY * 320 / 240;
        for (int i = 0; i < set.count(); i++) {
            double x = set.value(i, 0), y = set.value(i, 1) - 1.5, depth = -set.value(i, 2);
            assertTrue(depth >= 0.5 - 1e-4 && depth <= 8 + 1e-4, "depth " + depth);
            assertTrue(Math.abs(x) <= tanX * depth + 1e-4 && Math.abs(y) <= tanY * depth + 1e-4, "inside the view");
            double dMm = set.value(i, 3) * 1000;
            assertTrue(dMm >= 1.5 - 1e-4 && dMm <= 6 + 1e-4, "diameter " + dMm);
            assertEquals(-(9.65 - 10.3 * Math.exp(-0.6 * dMm)), set.value(i, 5), 1e-4, "Atlas et al. fall speed");
            assertEquals(0, set.value(i, 4));
            assertEquals(0, set.value(i, 6));
        }
    }

    @Test
    void particlesComeFromTheFrameSeedAlone() {
        assertArrayEquals(values(rain(10, 5, 3)), values(rain(10, 5, 3)));
        assertTrue(!java.util.Arrays.equals(values(rain(10, 5, 3)), values(rain(10, 5, 4))), "another frame, other drops");
    }

    private static float[] values(ParticleSet set) {
        float[] v = new float[set.values().remaining()];
        set.values().get(v);
        return v;
    }
}
