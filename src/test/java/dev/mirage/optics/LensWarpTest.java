package dev.mirage.optics;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.Lens;
import dev.mirage.sensor.AmodalCoverage;
import dev.mirage.sensor.InstanceImage;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** The remap table and the amodal counts that go with it. */
class LensWarpTest {
    static final Camera PINHOLE = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(70), 0.1, 100, 203, 153,
            0, 97.3, 80.1);

    @Test
    void theInterpolatedTableMatchesTheExactOneWhereItSamplesTheImage() {
        for (Lens lens : new Lens[] {Lens.brownConrady(-0.35, 0.1, 0.002, -0.001, 0.02), Lens.fisheye(0.05, -0.02, 0.01, 0),
                Lens.brownConrady(0.3, 0.1, 0, 0, 0)}) {
            Camera c = PINHOLE.with(lens, CameraEffects.NONE);
            LensWarp fast = LensWarp.of(c), exact = LensWarp.exact(c);
            double worst = 0;
            String where = "";
            for (int y = 0; y < c.height(); y++)
                for (int x = 0; x < c.width(); x++) {
                    double[] a = fast.source(x, y), b = exact.source(x, y);
                    assertEquals(a == null, b == null, lens + " at " + x + ", " + y);
                    // only sources inside the rendered image are ever sampled
                    boolean inside = b != null && b[0] > -1 && b[1] > -1 && b[0] < c.width() + 1 && b[1] < c.height() + 1;
                    if (inside && Math.hypot(a[0] - b[0], a[1] - b[1]) > worst) {
                        worst = Math.hypot(a[0] - b[0], a[1] - b[1]);
                        where = x + "," + y + " fast " + a[0] + "," + a[1] + " exact " + b[0] + "," + b[1];
                    }
                    double[] d = b == null ? null : c.distortPixel(b[0], b[1]);
                    if (d != null) {
                        assertEquals(x + 0.5, d[0], 1e-3);
                        assertEquals(y + 0.5, d[1], 1e-3);
                    }
                }
            assertTrue(worst < 0.05, lens + ": " + worst + " px at " + where);
        }
    }

    @Test
    void amodalCountsKeepThePinholeRatios() {
        InstanceImage before = new InstanceImage(4, 1, new int[] {1, 1, 2, 0});
        InstanceImage after = new InstanceImage(4, 1, new int[] {1, 1, 1, 1});
        AmodalCoverage scaled = LensWarp.scale(new AmodalCoverage(new long[] {0, 4, 3}, new long[] {0, 8, 3}), before, after);
        assertEquals(8, scaled.inImage(1)); // visible 2 → 4: ×2
        assertEquals(16, scaled.total(1));
        assertEquals(0, scaled.inImage(2)); // the lens lost it
        assertFalse(LensWarp.scale(AmodalCoverage.none(), before, after).measured());
    }
}
