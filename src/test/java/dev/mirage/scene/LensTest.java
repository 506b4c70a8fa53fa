package dev.mirage.scene;

import static org.junit.jupiter.api.Assertions.*;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** The distortion formulas, their inverse and the lens's field. */
class LensTest {
    static final Lens BARREL = Lens.brownConrady(-0.3, 0.05, 0.002, -0.001, 0.01);
    static final Lens FISHEYE = Lens.fisheye(0.1, -0.03, 0.01, -0.002);

    @Test
    void brownConradyFollowsOpenCv() {
        double x = 0.3, y = -0.2, r2 = x * x + y * y;
        double radial = 1 - 0.3 * r2 + 0.05 * r2 * r2 + 0.01 * r2 * r2 * r2;
        double[] d = BARREL.distort(x, y);
        assertEquals(x * radial + 2 * 0.002 * x * y - 0.001 * (r2 + 2 * x * x), d[0], 1e-15);
        assertEquals(y * radial + 0.002 * (r2 + 2 * y * y) + 2 * -0.001 * x * y, d[1], 1e-15);
        assertArrayEquals(new double[] {-0.3, 0.05, 0.002, -0.001, 0.01}, BARREL.openCvCoefficients());
    }

    @Test
    void fisheyeFollowsOpenCv() {
        double x = 0.5, y = 0.4, r = Math.hypot(x, y), t = Math.atan(r);
        double td = t * (1 + 0.1 * t * t - 0.03 * Math.pow(t, 4) + 0.01 * Math.pow(t, 6) - 0.002 * Math.pow(t, 8));
        double[] d = FISHEYE.distort(x, y);
        assertEquals(td / r * x, d[0], 1e-15);
        assertEquals(td / r * y, d[1], 1e-15);
    }

    @Test
    void undistortInvertsDistortOverTheField() {
        for (Lens lens : new Lens[] {BARREL, FISHEYE, Lens.brownConrady(0.2, 0.1, 0, 0, 0)})
            for (double x = -0.9; x <= 0.9; x += 0.15)
                for (double y = -0.7; y <= 0.7; y += 0.1) {
                    double[] d = lens.distort(x, y);
                    if (d == null) continue;
                    double[] u = lens.undistort(d[0], d[1]);
                    assertNotNull(u, lens + " at " + x + ", " + y);
                    assertEquals(x, u[0], 1e-9);
                    assertEquals(y, u[1], 1e-9);
                }
    }

    @Test
    void theFieldEndsWhereTheProfileTurnsBack() {
        Lens lens = Lens.brownConrady(-0.3, 0, 0, 0, 0);
        // d/dr (r − 0.3 r³) = 1 − 0.9 r² = 0
        assertEquals(Math.sqrt(1 / 0.9), lens.maxRadius(), 1e-9);
        assertNull(lens.distort(1.2, 0));
        // a distorted radius past the profile's peak comes from nowhere
        assertNull(lens.undistort(0.8, 0));
        assertEquals(Double.POSITIVE_INFINITY, Lens.NONE.maxRadius());
        assertEquals(10, Lens.brownConrady(0.1, 0, 0, 0, 0).maxRadius());
    }

    @Test
    void identityAndValidation() {
        assertTrue(Lens.NONE.identity());
        assertTrue(Lens.brownConrady(0, 0, 0, 0, 0).identity());
        assertFalse(Lens.fisheye(0, 0, 0, 0).identity(), "the fisheye model bends even with zero coefficients");
        assertThrows(IllegalArgumentException.class, () -> new Lens(Lens.Model.BROWN_CONRADY, 0, 0, 0, 0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Lens(Lens.Model.FISHEYE, 0, 0, 0, 0, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Lens.fisheye(Double.NaN, 0, 0, 0));
    }

    @Test
    void cameraPixelsRoundTrip() {
        Camera c = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(60), 0.1, 100, 320, 240, 0, 150, 110)
                .with(BARREL, CameraEffects.NONE);
        double[] d = c.distortPixel(40, 30);
        double[] u = c.undistortPixel(d[0], d[1]);
        assertEquals(40, u[0], 1e-6);
        assertEquals(30, u[1], 1e-6);
        assertArrayEquals(new double[] {150, 110}, c.distortPixel(150, 110), 1e-12);
        assertEquals(Lens.NONE, c.pinhole().lens());
    }
}
