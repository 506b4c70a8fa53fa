package dev.mirage.optics;

import dev.mirage.scene.Camera;
import dev.mirage.sensor.DepthImage;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Motion blur from the camera's translation during the shutter, on the pinhole image (before any lens
 * warp). A pixel's surface point (from its depth) is reprojected as the camera moves by
 * velocity·t for t in [−shutter/2, +shutter/2]; the pixel becomes the mean of the image along that
 * path, sampled bilinearly at N = clamp(⌈path length in pixels⌉, 1, 64) evenly spaced instants (a
 * gather blur: each pixel follows its own motion). Pixels with no surface (depth 0: sky, beyond
 * {@code farM}) are infinitely far and do not move under translation. Depth, ids and labels stay those
 * of the shutter's centre instant.
 *
 * <p>Thread safety: stateless.
 */
public final class MotionBlur {
    /** Most samples along one pixel's path. */
    static final int MAX_SAMPLES = 64;

    private MotionBlur() {}

    /** The blurred copy of linear RGB {@code rgb} (3 floats per pixel) seen by {@code camera}, whose depth is {@code depth}. */
    public static float[] apply(float[] rgb, DepthImage depth, Camera camera) {
        int w = camera.width(), h = camera.height();
        double f = camera.focalPixels(), cx = camera.cx(), cy = camera.cy();
        double shutter = camera.effects().shutterS();
        Matrix4d worldToCamera = camera.worldToCamera();
        // the camera moving by +v·t moves a fixed point by −R·v·t in camera coordinates
        Vector3d v = worldToCamera.transformDirection(new Vector3d(camera.effects().velocityMps()));
        float[] out = rgb.clone();
        float[] sample = new float[3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double z = depth.metresAt(x, y);
                if (!(z > 0)) continue;
                double xn = (x + 0.5 - cx) / f, yn = (y + 0.5 - cy) / f;
                double px = xn * z, py = -yn * z, pz = -z;
                double[] a = project(px + v.x * shutter / 2, py + v.y * shutter / 2, pz + v.z * shutter / 2, f, cx, cy);
                double[] b = project(px - v.x * shutter / 2, py - v.y * shutter / 2, pz - v.z * shutter / 2, f, cx, cy);
                if (a == null || b == null) continue;
                int n = (int) Math.max(1, Math.min(MAX_SAMPLES, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]))));
                if (n == 1) continue;
                double r = 0, g = 0, bl = 0;
                for (int s = 0; s < n; s++) {
                    double t = (s + 0.5) / n;
                    LensWarp.bilinear(rgb, w, h, (float) (a[0] + (b[0] - a[0]) * t - 0.5), (float) (a[1] + (b[1] - a[1]) * t - 0.5), sample, 0);
                    r += sample[0];
                    g += sample[1];
                    bl += sample[2];
                }
                int i = 3 * (y * w + x);
                out[i] = (float) (r / n);
                out[i + 1] = (float) (g / n);
                out[i + 2] = (float) (bl / n);
            }
        return out;
    }

    /** Pixel of a camera point, or null when it is not in front. */
    private static double[] project(double x, double y, double z, double f, double cx, double cy) {
        if (!(z < 0)) return null;
        return new double[] {cx + f * x / -z, cy - f * y / -z};
    }
}
