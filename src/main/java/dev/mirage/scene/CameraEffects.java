package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * What the camera's sensor and optics do to the RGB image after rendering (labels, depth and ids are
 * untouched; bloom is drawn by the renderer, the rest act after read-back). Every value at its default
 * does nothing. Immutable.
 *
 * @param shotNoise              shot noise: variance {@code shotNoise · s} in linear light s ∈ [0, 1] (0 off)
 * @param readNoise              read noise: standard deviation in linear light (0 off)
 * @param vignetting             strength v ∈ [0, 1]: linear light × (1 − v + v·cos⁴θ), θ the pixel's
 *                               angle off the optical axis (0 off)
 * @param chromaticAberrationPx  lateral chromatic aberration: red is scaled radially about the
 *                               principal point so that it moves outward by this many pixels at the
 *                               image's farthest corner, blue inward by as many (0 off; negative swaps)
 * @param shutterS               exposure time in seconds for motion blur (0 off)
 * @param velocityMps            the camera's velocity in world coordinates, metres per second
 * @param jpegQuality            JPEG quality 1..100 whose artifacts the RGB carries (0 off)
 * @param bloom                  bloom around strong lights, drawn by the renderer before read-back
 */
public record CameraEffects(double shotNoise, double readNoise, double vignetting, double chromaticAberrationPx,
                            double shutterS, Vector3dc velocityMps, int jpegQuality, Bloom bloom) {
    /** No effect at all. */
    public static final CameraEffects NONE = new CameraEffects(0, 0, 0, 0, 0, new Vector3d(), 0);

    /** Effects without bloom. */
    public CameraEffects(double shotNoise, double readNoise, double vignetting, double chromaticAberrationPx,
                         double shutterS, Vector3dc velocityMps, int jpegQuality) {
        this(shotNoise, readNoise, vignetting, chromaticAberrationPx, shutterS, velocityMps, jpegQuality, Bloom.NONE);
    }

    public CameraEffects {
        if (!(shotNoise >= 0 && Double.isFinite(shotNoise))) throw new IllegalArgumentException("shot noise " + shotNoise);
        if (!(readNoise >= 0 && Double.isFinite(readNoise))) throw new IllegalArgumentException("read noise " + readNoise);
        if (!(vignetting >= 0 && vignetting <= 1)) throw new IllegalArgumentException("vignetting " + vignetting);
        if (!Double.isFinite(chromaticAberrationPx)) throw new IllegalArgumentException("aberration " + chromaticAberrationPx);
        if (!(shutterS >= 0 && Double.isFinite(shutterS))) throw new IllegalArgumentException("shutter " + shutterS);
        if (jpegQuality < 0 || jpegQuality > 100) throw new IllegalArgumentException("jpeg quality " + jpegQuality);
        java.util.Objects.requireNonNull(bloom);
        velocityMps = new Vector3d(velocityMps);
        if (!velocityMps.isFinite()) throw new IllegalArgumentException("velocity " + velocityMps);
    }

    /** True when there is noise to add. */
    public boolean noisy() { return shotNoise > 0 || readNoise > 0; }

    /** True when motion blurs the image. */
    public boolean blurred() { return shutterS > 0 && velocityMps.lengthSquared() > 0; }

    /** True when nothing changes the image. */
    public boolean none() {
        return afterReadBackNone() && !bloom.on();
    }

    /** True when nothing changes the image after read-back (everything but the renderer's bloom). */
    public boolean afterReadBackNone() {
        return !noisy() && vignetting == 0 && chromaticAberrationPx == 0 && !blurred() && jpegQuality == 0;
    }
}
