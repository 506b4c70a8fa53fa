package dev.mirage.infrared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanckTest {
    @Test
    void bandRadianceMatchesTheSeriesIntegral() {
        for (double t : new double[] {220, 273.15, 300, 310.15, 373.15, 600}) {
            double expected = BandRadiance.lwir(t);
            assertEquals(expected, Planck.LWIR.radiance(t), 2e-5 * expected, t + " K");
        }
        // a 300 K blackbody emits about 37.6 % of σT⁴ (459 W/m²) in 8–14 µm
        double exitance = Math.PI * Planck.LWIR.radiance(300);
        assertEquals(0.376 * 5.670374e-8 * Math.pow(300, 4), exitance, 2);
    }

    @Test
    void temperatureInvertsRadiance() {
        for (double t = 200; t < 900; t += 37.3) assertEquals(t, Planck.LWIR.temperature(Planck.LWIR.radiance(t)), 1e-3);
        double r = BandRadiance.lwir(305.5);
        assertEquals(305.5, Planck.LWIR.temperature(r), 0.01);
    }

    @Test
    void otherBandsAndClamping() {
        Planck mwir = Planck.band(3, 5);
        assertEquals(BandRadiance.of(500, 3, 5), mwir.radiance(500), 2e-5 * BandRadiance.of(500, 3, 5));
        assertEquals(Planck.MIN_K, Planck.LWIR.temperature(0));
        assertEquals(Planck.MAX_K, Planck.LWIR.temperature(1e9));
        assertTrue(Planck.LWIR.radiance(301) > Planck.LWIR.radiance(300));
    }
}
