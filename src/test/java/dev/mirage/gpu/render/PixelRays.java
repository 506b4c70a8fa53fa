package dev.mirage.gpu.render;

import dev.mirage.scene.Camera;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * An independent pinhole model for render tests: the world ray through a pixel centre, the pixel a
 * world point lands in, and sRGB decoding of the colour image, computed from the camera's eye,
 * target and field of view alone (not through {@link Camera}'s matrices).
 */
final class PixelRays {
    final int width, height;
    final Vector3d eye, forward, right, up;
    final double focal, fovDeg;

    PixelRays(Vector3d eye, Vector3d target, double fovDeg, int width, int height) {
        this.width = width;
        this.height = height;
        this.eye = new Vector3d(eye);
        forward = new Vector3d(target).sub(eye).normalize();
        right = new Vector3d(forward).cross(0, 1, 0).normalize();
        up = new Vector3d(right).cross(forward);
        this.fovDeg = fovDeg;
        focal = height / 2.0 / Math.tan(Math.toRadians(fovDeg) / 2);
    }

    Camera camera() {
        return new Camera(eye, new Vector3d(eye).add(forward), Math.toRadians(fovDeg), 0.05, 100, width, height);
    }

    /** Direction through the centre of pixel (x, y), scaled to unit length along the view axis. */
    Vector3d ray(int x, int y) {
        return new Vector3d(forward)
                .add(new Vector3d(right).mul((x + 0.5 - width / 2.0) / focal))
                .sub(new Vector3d(up).mul((y + 0.5 - height / 2.0) / focal));
    }

    /** Where the ray through pixel (x, y) meets the plane y = planeY, or null if it does not. */
    Vector3d hitPlaneY(int x, int y, double planeY) {
        Vector3d d = ray(x, y);
        if (Math.abs(d.y) < 1e-12) return null;
        double t = (planeY - eye.y) / d.y;
        return t <= 0 ? null : new Vector3d(d).mul(t).add(eye);
    }

    /** Continuous pixel coordinates (u, v) of a world point, origin top-left. */
    double[] project(Vector3d p) {
        Vector3d d = new Vector3d(p).sub(eye);
        double z = d.dot(forward);
        return new double[] {width / 2.0 + focal * d.dot(right) / z, height / 2.0 - focal * d.dot(up) / z};
    }

    static double decodeSrgb(int byteValue) {
        double c = byteValue / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The most an 8-bit sRGB round trip can move a linear value near {@code linear}: half a code step. */
    static double halfStep(double linear) {
        double c = Math.min(1, Math.max(0, linear));
        double srgb = c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        double upper = Math.min(1, srgb + 0.5 / 255);
        double decoded = upper <= 0.04045 ? upper / 12.92 : Math.pow((upper + 0.055) / 1.055, 2.4);
        return decoded - c;
    }

    /** Linear value of channel {@code channel} (0 = R) at pixel (x, y) of an sRGB image. */
    static double linear(byte[] rgb, int width, int x, int y, int channel) {
        return decodeSrgb(rgb[3 * (y * width + x) + channel] & 0xFF);
    }

    /** Translate · scale placement of a unit primitive. */
    static Matrix4d placed(Vector3d centre, Vector3d size) {
        return new Matrix4d().translation(centre).scale(size);
    }
}
