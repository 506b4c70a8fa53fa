package dev.mirage.optics;

import dev.mirage.scene.Camera;
import org.joml.Matrix4d;

/**
 * Each pixel's ray through the camera model (its lens included): the factor from planar z-depth to
 * range along the ray, {@code sqrt(1 + x² + y²)} with (x, y) the undistorted normalised image
 * coordinates of the pixel centre, and the world vertical component of the unit ray (for the sky a
 * thermal camera sees). Pixels the lens maps from nowhere get factor 0.
 *
 * @param rangePerDepth per pixel, row-major
 * @param up            per pixel, row-major
 */
public record CameraRays(float[] rangePerDepth, float[] up) {
    /** The rays of this camera's image. */
    public static CameraRays of(Camera camera) {
        int w = camera.width(), h = camera.height();
        float[] factor = new float[w * h], up = new float[w * h];
        Matrix4d toWorld = camera.cameraToWorld();
        double f = camera.focalPixels();
        boolean lens = !camera.lens().identity();
        // world y of a camera-space direction: the second row of the pose's rotation
        double ux = toWorld.m01(), uy = toWorld.m11(), uz = toWorld.m21();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double u = x + 0.5, v = y + 0.5;
                if (lens) {
                    double[] p = camera.undistortPixel(u, v);
                    if (p == null) continue;
                    u = p[0];
                    v = p[1];
                }
                double nx = (u - camera.cx()) / f, ny = -(v - camera.cy()) / f;
                double length = Math.sqrt(1 + nx * nx + ny * ny);
                factor[i] = (float) length;
                up[i] = (float) ((ux * nx + uy * ny - uz) / length);
            }
        }
        return new CameraRays(factor, up);
    }

    /** Range along each ray from planar depth (0 stays 0: no surface). */
    public float[] range(float[] depthM) {
        float[] out = new float[depthM.length];
        for (int i = 0; i < out.length; i++) out[i] = depthM[i] > 0 ? depthM[i] * rangePerDepth[i] : 0f;
        return out;
    }
}
