package dev.mirage.infrared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.Sky;
import dev.mirage.scene.Thermal;
import dev.mirage.scene.Weather;
import dev.mirage.sensor.SurfaceImage;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class ThermalCameraTest {
    private static final ThermalAtmosphere AIR = ThermalAtmosphere.of(Planck.LWIR, new Thermal(288.15, 0.6, List.of()),
            Weather.CLEAR, new Sky(new Vector3d(0.5), 1));

    /** A w×h image of one surface at kelvin, emissivity 1, range rangeM everywhere. */
    private static float[] uniform(ThermalCamera camera, int w, int h, double kelvin, float rangeM, long seed, long pattern) {
        float[] s = new float[4 * w * h];
        for (int i = 0; i < w * h; i++) {
            s[4 * i] = (float) kelvin;
            s[4 * i + 1] = 1;
        }
        float[] range = new float[w * h];
        java.util.Arrays.fill(range, rangeM);
        return camera.apparentKelvin(new SurfaceImage(w, h, s), range, new float[w * h], AIR, seed, pattern);
    }

    @Test
    void centikelvinRoundsAndClamps() {
        short[] ck = ThermalCamera.centikelvin(new float[] {293.154f, 293.156f, 0f, 700f, -5f});
        assertEquals(29315, ck[0] & 0xFFFF);
        assertEquals(29316, ck[1] & 0xFFFF);
        assertEquals(0, ck[2]);
        assertEquals(65535, ck[3] & 0xFFFF);
        assertEquals(0, ck[4]);
    }

    @Test
    void netdIsTheNoiseStandardDeviation() {
        ThermalCamera camera = new ThermalCamera(Planck.LWIR, 0.1, 0, ThermalCamera.Agc.LINEAR);
        float[] k = uniform(camera, 200, 100, 300, 1f, 7, 0);
        double mean = 0, var = 0;
        for (float v : k) mean += v;
        mean /= k.length;
        for (float v : k) var += (v - mean) * (v - mean);
        assertEquals(0.1, Math.sqrt(var / k.length), 0.005);
        assertArrayEquals(k, uniform(camera, 200, 100, 300, 1f, 7, 0), "same seed, same noise");
    }

    @Test
    void fixedPatternStaysAcrossFramesAndTemporalNoiseDoesNot() {
        ThermalCamera camera = new ThermalCamera(Planck.LWIR, 0, 0.2, ThermalCamera.Agc.LINEAR);
        float[] a = uniform(camera, 64, 64, 300, 1f, 1, 42), b = uniform(camera, 64, 64, 300, 1f, 2, 42);
        assertArrayEquals(a, b);
        float[] c = uniform(camera, 64, 64, 300, 1f, 1, 43);
        assertTrue(!java.util.Arrays.equals(a, c));
        // columns share an offset: the mean over a column varies much more than pixel noise averaged over 64 rows would
        double[] columns = new double[64];
        for (int i = 0; i < a.length; i++) columns[i % 64] += a[i] / 64.0;
        double spread = java.util.Arrays.stream(columns).map(v -> (v - 300) * (v - 300)).average().orElseThrow();
        assertTrue(Math.sqrt(spread) > 0.1, "column offsets " + Math.sqrt(spread));
    }

    @Test
    void automaticGainKeepsOrderAndUsesTheRange() {
        float[] kelvin = new float[1000];
        for (int i = 0; i < kelvin.length; i++) kelvin[i] = 280 + 30f * i / kelvin.length;
        for (ThermalCamera.Agc agc : ThermalCamera.Agc.values()) {
            byte[] grey = new ThermalCamera(Planck.LWIR, 0, 0, agc).grey8(kelvin);
            for (int i = 1; i < grey.length; i++) assertTrue((grey[i] & 0xFF) >= (grey[i - 1] & 0xFF), agc + " at " + i);
            assertTrue((grey[0] & 0xFF) < 10 && (grey[grey.length - 1] & 0xFF) > 245, agc.toString());
        }
        // a small hot object over a uniform background still gets grey levels of its own under equalization
        float[] scene = new float[10000];
        java.util.Arrays.fill(scene, 285f);
        for (int i = 0; i < 100; i++) scene[i] = 310f;
        byte[] grey = new ThermalCamera(Planck.LWIR, 0, 0, ThermalCamera.Agc.HISTOGRAM).grey8(scene);
        assertEquals(255, grey[0] & 0xFF);
        assertEquals(0, grey[5000] & 0xFF);
    }

    @Test
    void skyIsColderThanTheAirAndWarmerAtTheHorizon() {
        double zenith = Planck.LWIR.temperature(AIR.environment(1)), low = Planck.LWIR.temperature(AIR.environment(0.1));
        assertTrue(zenith < 288.15 - 20, "clear-sky zenith " + zenith);
        assertTrue(low > zenith && low < 288.15, "10° above the horizon " + low);
        ThermalAtmosphere overcast = ThermalAtmosphere.of(Planck.LWIR, new Thermal(288.15, 0.6, List.of()), Weather.CLEAR,
                new Sky(new Vector3d(0.5), 1, Sky.Model.FLAT, 2, 1, Sky.DEFAULT_NIGHT_GLOW));
        assertTrue(Planck.LWIR.temperature(overcast.environment(1)) > 285, "overcast zenith");
    }

    @Test
    void absoluteHumidityMatchesTables() {
        // saturated air at 20 °C holds 17.3 g/m³ of water; at 0 °C 4.85 g/m³
        assertEquals(17.3 * 0.6, ThermalAtmosphere.absoluteHumidity(293.15, 0.6), 0.1);
        assertEquals(4.85, ThermalAtmosphere.absoluteHumidity(273.15, 1), 0.05);
    }
}
