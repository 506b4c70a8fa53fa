package dev.mirage.optics;

import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.sensor.RgbImage;
import dev.mirage.sensor.SensorFrame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * What the camera does to a rendered (pinhole, effect-free) frame, after readback and on the CPU:
 * motion blur (on the pinhole image, from its depth), then the lens distortion warp of every sensor,
 * then chromatic aberration, vignetting and noise in linear light, then JPEG artifacts. A camera with
 * no lens and no effects gets its frame back unchanged.
 *
 * <p>Thread safety: stateless; the {@link LensWarp.Cache} is shared safely.
 */
public final class CameraOptics {
    private static final float[] TO_LINEAR = new float[256];
    private static final int ENCODE_STEPS = 65535;
    private static final byte[] TO_SRGB = new byte[ENCODE_STEPS + 1];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            TO_LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        for (int i = 0; i <= ENCODE_STEPS; i++) {
            double l = (double) i / ENCODE_STEPS;
            double c = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            TO_SRGB[i] = (byte) Math.round(c * 255);
        }
    }

    private CameraOptics() {}

    /**
     * The frame as the camera records it.
     *
     * @param noiseSeed seed of the sensor noise (from the frame's seed; see {@code FrameSeeds})
     */
    public static SensorFrame apply(Camera camera, SensorFrame frame, long noiseSeed, LensWarp.Cache lenses) {
        CameraEffects fx = camera.effects();
        boolean lens = !camera.lens().identity();
        if (!lens && fx.afterReadBackNone()) return frame;
        float[] rgb = linear(frame.rgb());
        if (fx.blurred()) rgb = MotionBlur.apply(rgb, frame.depth(), camera);
        if (lens) {
            LensWarp warp = lenses.of(camera);
            rgb = warp.warpRgb(rgb);
            frame = warp.warp(frame);
        }
        if (fx.chromaticAberrationPx() != 0) rgb = RgbEffects.chromaticAberration(rgb, camera, fx.chromaticAberrationPx());
        if (fx.vignetting() > 0) RgbEffects.vignette(rgb, camera, fx.vignetting());
        if (fx.noisy()) RgbEffects.noise(rgb, fx.shotNoise(), fx.readNoise(), noiseSeed);
        byte[] bytes = srgb(rgb);
        if (fx.jpegQuality() > 0) bytes = jpegRoundTrip(frame.width(), frame.height(), bytes, fx.jpegQuality());
        return frame.with(new RgbImage(frame.width(), frame.height(), bytes), frame.depth(), frame.instance(), frame.amodal());
    }

    /** 8-bit sRGB to linear floats. */
    public static float[] linear(RgbImage image) {
        byte[] b = image.data();
        float[] out = new float[b.length];
        for (int i = 0; i < b.length; i++) out[i] = TO_LINEAR[b[i] & 0xFF];
        return out;
    }

    /** Linear floats (clamped to 0..1) to 8-bit sRGB; an unchanged value returns its original byte. */
    public static byte[] srgb(float[] linear) {
        byte[] out = new byte[linear.length];
        for (int i = 0; i < linear.length; i++) {
            float l = linear[i];
            int step = l <= 0 ? 0 : l >= 1 ? ENCODE_STEPS : Math.round(l * ENCODE_STEPS);
            out[i] = TO_SRGB[step];
        }
        return out;
    }

    /** RGB bytes through the JPEG encoder the dataset writer uses ({@code --rgb-format jpeg}) at {@code quality} (1..100) and back. */
    static byte[] jpegRoundTrip(int width, int height, byte[] rgb, int quality) {
        try (dev.mirage.dataset.JpegEncoder encoder = new dev.mirage.dataset.JpegEncoder(quality)) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoder.encodeRgb8(width, height, rgb)));
            byte[] out = new byte[rgb.length];
            for (int y = 0, i = 0; y < height; y++)
                for (int x = 0; x < width; x++, i += 3) {
                    int p = decoded.getRGB(x, y);
                    out[i] = (byte) (p >> 16);
                    out[i + 1] = (byte) (p >> 8);
                    out[i + 2] = (byte) p;
                }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
