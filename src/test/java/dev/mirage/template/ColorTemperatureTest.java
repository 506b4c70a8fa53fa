package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * Black-body colours against published CIE 1931 chromaticities of the Planckian locus. The
 * implementation's colour-matching functions are an analytic fit whose chromaticities stray up to
 * about 0.0015 from the CIE tables'; that moves a normalized linear sRGB component by under 0.01,
 * hence the tolerances below.
 */
class ColorTemperatureTest {
    /** Linear sRGB of chromaticity (x, y), largest component 1, by the sRGB (D65) matrix. */
    private static Vector3d fromChromaticity(double x, double y) {
        double bigX = x / y, bigZ = (1 - x - y) / y;
        Vector3d rgb = new Vector3d(
                3.2404542 * bigX - 1.5371385 - 0.4985314 * bigZ,
                -0.9692660 * bigX + 1.8760108 + 0.0415560 * bigZ,
                0.0556434 * bigX - 0.2040259 + 1.0572252 * bigZ);
        return rgb.div(Math.max(rgb.x, Math.max(rgb.y, rgb.z)));
    }

    private static void assertNear(Vector3d expected, Vector3d actual, double tolerance) {
        assertEquals(expected.x, actual.x, tolerance, () -> "red of " + actual + " against " + expected);
        assertEquals(expected.y, actual.y, tolerance, () -> "green of " + actual + " against " + expected);
        assertEquals(expected.z, actual.z, tolerance, () -> "blue of " + actual + " against " + expected);
    }

    @Test
    void illuminantAIsTheBlackBodyAt2856K() {
        // CIE standard illuminant A is a Planckian radiator at 2856 K: x = 0.44757, y = 0.40745
        assertNear(fromChromaticity(0.44757, 0.40745), ColorTemperature.linearRgb(2856), 0.015);
    }

    @Test
    void blackBodyAt6504KIsNearWhiteButBelowD65() {
        Vector3d c = ColorTemperature.linearRgb(6504);
        // D65 itself, (0.31271, 0.32902), maps to (1, 1, 1); the Planckian locus at 6504 K, (0.3135, 0.3236),
        // lies about 0.003 Δuv below it, toward magenta, which in linear sRGB is (1, 0.943, 0.993):
        // red and blue within 0.01 of 1, green 5–6 % low. The fit's error adds under 0.01.
        assertNear(fromChromaticity(0.31271, 0.32902), new Vector3d(1, 1, 1), 0.001);
        assertNear(fromChromaticity(0.3135, 0.3236), c, 0.01);
        assertTrue(c.y > 0.92 && c.y < 0.97, "green " + c.y);
        assertTrue(c.z > 0.98, "blue " + c.z);
    }

    @Test
    void warmWhiteIsRedHeavy() {
        Vector3d c = ColorTemperature.linearRgb(2700);
        assertEquals(1, c.x);
        assertTrue(c.x > c.y && c.y > c.z, "red > green > blue: " + c);
        // cooler than illuminant A, whose blue is 0.126 in linear sRGB (0.35 after the sRGB transfer curve)
        assertTrue(c.z > 0.07 && c.z < 0.126, "blue " + c.z);
        assertTrue(c.y > 0.35 && c.y < 0.45, "green " + c.y);
    }

    @Test
    void hotSkyIsBlueHeavy() {
        Vector3d c = ColorTemperature.linearRgb(10000);
        assertEquals(1, c.z);
        assertTrue(c.z > c.y && c.y > c.x, "blue > green > red: " + c);
        // the Planckian locus at 10000 K, (0.2807, 0.2884)
        assertNear(fromChromaticity(0.2807, 0.2884), c, 0.01);
    }

    @Test
    void blueToRedRatioRisesWithTemperature() {
        double previous = -1;
        for (int kelvin = 1500; kelvin <= 20000; kelvin += 100) {
            Vector3d c = ColorTemperature.linearRgb(kelvin);
            double ratio = c.z / c.x;
            // below about 1900 K blue is out of gamut and clamped to 0, so the ratio may stay at 0 there
            assertTrue(ratio > previous || ratio == 0 && previous == 0, kelvin + " K: " + ratio + " after " + previous);
            previous = ratio;
        }
        assertTrue(previous > 2, "20000 K is clearly blue: " + previous);
    }

    @Test
    void componentsLieInTheUnitRangeWithMaximumOne() {
        for (double kelvin : new double[] {1000, 1234.5, 3000, 5500, 6500, 7500, 25000, 40000}) {
            Vector3d c = ColorTemperature.linearRgb(kelvin);
            for (double v : new double[] {c.x, c.y, c.z}) assertTrue(v >= 0 && v <= 1, kelvin + " K: " + c);
            assertEquals(1, Math.max(c.x, Math.max(c.y, c.z)));
        }
    }

    @Test
    void temperaturesOutsideTheRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ColorTemperature.linearRgb(999));
        assertThrows(IllegalArgumentException.class, () -> ColorTemperature.linearRgb(40001));
        assertThrows(IllegalArgumentException.class, () -> ColorTemperature.linearRgb(Double.NaN));
    }
}
