package dev.mirage.optics;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.Lens;
import dev.mirage.sensor.AmodalCoverage;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import dev.mirage.sensor.RgbImage;
import dev.mirage.sensor.SensorFrame;
import java.util.Arrays;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Noise, vignetting, chromatic aberration, motion blur and JPEG artifacts on hand-made images. */
class RgbEffectsTest {
    static final int W = 320, H = 240;
    static final Camera CAMERA = new Camera(new Vector3d(), new Vector3d(0, 0, -1), Math.toRadians(60), 0.1, 100, W, H);

    static SensorFrame flat(int grey) {
        byte[] rgb = new byte[3 * W * H];
        Arrays.fill(rgb, (byte) grey);
        float[] depth = new float[W * H];
        Arrays.fill(depth, 5f);
        return new SensorFrame(new RgbImage(W, H, rgb), new DepthImage(W, H, depth), new InstanceImage(W, H, new int[W * H]),
                AmodalCoverage.none());
    }

    static CameraEffects effects(double shot, double read, double vignetting, double ca, int jpeg) {
        return new CameraEffects(shot, read, vignetting, ca, 0, new Vector3d(), jpeg);
    }

    static SensorFrame apply(CameraEffects fx, SensorFrame f, long seed) {
        return CameraOptics.apply(CAMERA.with(Lens.NONE, fx), f, seed, new LensWarp.Cache());
    }

    @Test
    void noiseKeepsTheMeanAndHasTheStatedVariance() {
        double shot = 0.01, read = 0.02;
        SensorFrame out = apply(effects(shot, read, 0, 0, 0), flat(124), 7);
        float[] in = CameraOptics.linear(flat(124).rgb()), noisy = CameraOptics.linear(out.rgb());
        double s = in[0], sum = 0, sum2 = 0;
        for (float v : noisy) { sum += v; sum2 += v * v; }
        double mean = sum / noisy.length, variance = sum2 / noisy.length - mean * mean;
        double expected = shot * s + read * read;
        // 230k samples: the mean's standard error is ~1e-4, the variance's ~0.3 %; 8-bit steps add ~1e-6
        assertEquals(s, mean, 5e-4, "mean");
        assertEquals(expected, variance, 0.03 * expected, "variance = shot·s + read²");
    }

    @Test
    void noiseIsAFunctionOfTheSeedAlone() {
        SensorFrame a = apply(effects(0.01, 0.01, 0, 0, 0), flat(100), 1);
        SensorFrame b = apply(effects(0.01, 0.01, 0, 0, 0), flat(100), 1);
        SensorFrame c = apply(effects(0.01, 0.01, 0, 0, 0), flat(100), 2);
        assertArrayEquals(a.rgb().data(), b.rgb().data());
        assertFalse(Arrays.equals(a.rgb().data(), c.rgb().data()));
    }

    @Test
    void noEffectReturnsTheFrameItself() {
        SensorFrame f = flat(90);
        assertSame(f, apply(CameraEffects.NONE, f, 3));
        // linear and back again is lossless for every byte
        byte[] all = new byte[3 * 256];
        for (int i = 0; i < all.length; i++) all[i] = (byte) (i / 3);
        assertArrayEquals(all, CameraOptics.srgb(CameraOptics.linear(new RgbImage(256, 1, all))));
    }

    @Test
    void vignettingFollowsCosineFourth() {
        double v = 0.7;
        SensorFrame out = apply(effects(0, 0, v, 0, 0), flat(200), 0);
        float[] lin = CameraOptics.linear(out.rgb());
        double s = CameraOptics.linear(flat(200).rgb())[0];
        double f = CAMERA.focalPixels();
        // the corner pixel's centre is (0.5, 0.5); the centre pixel's (160.5, 120.5)
        double cornerCos2 = 1 / (1 + (Math.pow(0.5 - 160, 2) + Math.pow(0.5 - 120, 2)) / (f * f));
        double centreCos2 = 1 / (1 + 0.5 / (f * f));
        double ratio = (1 - v + v * cornerCos2 * cornerCos2) / (1 - v + v * centreCos2 * centreCos2);
        double measured = lin[0] / lin[3 * (120 * W + 160)];
        assertEquals(ratio, measured, 0.01, "corner / centre");
        assertEquals(s, lin[3 * (120 * W + 160)], 0.01 * s, "the centre keeps its light");
    }

    /** Sub-pixel x of the rising edge of channel k on row y (where it crosses half way). */
    static double edge(float[] lin, int k, int y) {
        for (int x = 1; x < W; x++) {
            float a = lin[3 * (y * W + x - 1) + k], b = lin[3 * (y * W + x) + k];
            if (a < 0.5f && b >= 0.5f) return x - 0.5 + (0.5 - a) / (b - a);
        }
        return Double.NaN;
    }

    @Test
    void chromaticAberrationMovesRedOutAndBlueInByTheConfiguredShift() {
        double shift = 3;
        SensorFrame f = flat(0);
        byte[] rgb = f.rgb().data();
        int edgeX = 300; // a vertical edge near the right border: black left of it, white right
        for (int y = 0; y < H; y++) for (int x = edgeX; x < W; x++) for (int k = 0; k < 3; k++) rgb[3 * (y * W + x) + k] = (byte) 255;
        float[] lin = CameraOptics.linear(apply(effects(0, 0, 0, shift, 0), f, 0).rgb());
        int y = H / 2;
        double d = Math.hypot(W / 2.0, H / 2.0), r = edgeX - W / 2.0;
        double green = edge(lin, 1, y), red = edge(lin, 0, y), blue = edge(lin, 2, y);
        assertEquals(edgeX, green, 0.05, "green stays");
        assertEquals(shift * r / d, red - green, 0.1, "red moves outward by shift·r/D");
        assertEquals(-shift * r / d, blue - green, 0.1, "blue moves inward by as much");
        assertEquals(shift, (RgbEffects.redScale(CAMERA, shift) - 1) * d, 1e-9, "shift at the farthest corner");
    }

    @Test
    void jpegArtifactsAreDeterministicAndLossy() {
        SensorFrame f = flat(0);
        byte[] rgb = f.rgb().data();
        for (int i = 0; i < rgb.length; i++) rgb[i] = (byte) ((i * 37 / 3) % 256);
        SensorFrame a = apply(effects(0, 0, 0, 0, 20), f, 0), b = apply(effects(0, 0, 0, 0, 20), f, 0);
        assertArrayEquals(a.rgb().data(), b.rgb().data());
        assertFalse(Arrays.equals(rgb, a.rgb().data()));
        assertSame(f.instance(), a.instance());
        assertSame(f.depth(), a.depth());
    }

    @Test
    void motionBlurSmearsAlongTheReprojectedMotion() {
        SensorFrame f = flat(0);
        byte[] rgb = f.rgb().data();
        for (int y = 0; y < H; y++) for (int k = 0; k < 3; k++) rgb[3 * (y * W + 160) + k] = (byte) 255; // one bright column
        // sideways at 10 m/s for 0.01 s: 0.1 m at 5 m is f·0.1/5 ≈ 4.2 px of motion
        Camera moving = CAMERA.with(Lens.NONE, new CameraEffects(0, 0, 0, 0, 0.01, new Vector3d(10, 0, 0), 0));
        float[] lin = CameraOptics.linear(CameraOptics.apply(moving, f, 0, new LensWarp.Cache()).rgb());
        double total = 0, moment = 0;
        int lit = 0;
        for (int x = 0; x < W; x++) {
            double v = lin[3 * (120 * W + x) + 1];
            total += v;
            moment += v * (x + 0.5);
            if (v > 0.01) lit++;
        }
        double px = CAMERA.focalPixels() * 0.1 / 5;
        assertEquals(1.0, total, 0.05, "blur keeps the light");
        assertEquals(160.5, moment / total, 0.1, "centred on the shutter's middle instant");
        assertTrue(lit >= Math.floor(px) && lit <= Math.ceil(px) + 2, lit + " pixels lit for " + px + " px of motion");
        // the sky (depth 0) is infinitely far: translation does not move it
        SensorFrame sky = new SensorFrame(f.rgb(), new DepthImage(W, H, new float[W * H]), f.instance(), f.amodal());
        assertArrayEquals(rgb, CameraOptics.apply(moving, sky, 0, new LensWarp.Cache()).rgb().data());
    }
}
