package dev.mirage.scene;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * A pinhole camera for one frame: pose (looking from {@code position} at {@code lookAt}, +Y up,
 * looking down its own −Z as in glTF), vertical field of view, clip planes and image size.
 *
 * <p>Intrinsics follow the image convention of design.md: pixel (x, y) covers [x, x+1) × [y, y+1),
 * origin top-left, so the principal point of a centred camera is (width/2, height/2) and the point
 * at camera coordinates (X, Y, Z) with Z &lt; 0 lands at u = cx + fx·X/(−Z), v = cy − fy·Y/(−Z).
 *
 * <p>The {@code lens} distorts the pinhole image (see {@link Lens}; K stays the pinhole's), and the
 * {@code effects} act on the RGB image alone: bloom as the renderer draws it, the others after read-back.
 *
 * <p>Immutable; vectors are copied in and exposed read-only.
 */
public record Camera(Vector3dc position, Vector3dc lookAt, double fovYRadians, double nearM, double farM,
                     int width, int height, double rollRadians, double cx, double cy, Lens lens, CameraEffects effects) {

    /** A pinhole camera without sensor effects. */
    public Camera(Vector3dc position, Vector3dc lookAt, double fovYRadians, double nearM, double farM,
                  int width, int height, double rollRadians, double cx, double cy) {
        this(position, lookAt, fovYRadians, nearM, farM, width, height, rollRadians, cx, cy, Lens.NONE, CameraEffects.NONE);
    }

    /** A camera with no roll and the principal point at the image centre. */
    public Camera(Vector3dc position, Vector3dc lookAt, double fovYRadians, double nearM, double farM, int width, int height) {
        this(position, lookAt, fovYRadians, nearM, farM, width, height, 0, width / 2.0, height / 2.0);
    }

    public Camera {
        if (!Double.isFinite(rollRadians) || !Double.isFinite(cx) || !Double.isFinite(cy))
            throw new IllegalArgumentException("roll " + rollRadians + " principal point " + cx + ", " + cy);
        position = new Vector3d(position);
        lookAt = new Vector3d(lookAt);
        if (position.distance(lookAt) < 1e-9) throw new IllegalArgumentException("camera position equals its look-at point");
        if (!(fovYRadians > 0 && fovYRadians < Math.PI)) throw new IllegalArgumentException("fov " + fovYRadians);
        if (!(nearM > 0 && farM > nearM)) throw new IllegalArgumentException("near " + nearM + " far " + farM);
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        java.util.Objects.requireNonNull(lens);
        java.util.Objects.requireNonNull(effects);
    }

    /** This camera with another lens and effects. */
    public Camera with(Lens newLens, CameraEffects newEffects) {
        return new Camera(position, lookAt, fovYRadians, nearM, farM, width, height, rollRadians, cx, cy, newLens, newEffects);
    }

    /** This camera without lens distortion or effects: the pinhole the renderer draws. */
    public Camera pinhole() {
        return with(Lens.NONE, CameraEffects.NONE);
    }

    /**
     * Where the pinhole image's point (u, v) (pixel-edge coordinates) lands in the distorted image, or
     * null when the lens does not image it.
     */
    public double[] distortPixel(double u, double v) {
        if (lens.identity()) return new double[] {u, v};
        double f = focalPixels();
        double[] d = lens.distort((u - cx) / f, (v - cy) / f);
        return d == null ? null : new double[] {cx + f * d[0], cy + f * d[1]};
    }

    /** Where the distorted image's point (u, v) comes from in the pinhole image, or null when from nowhere. */
    public double[] undistortPixel(double u, double v) {
        if (lens.identity()) return new double[] {u, v};
        double f = focalPixels();
        double[] p = lens.undistort((u - cx) / f, (v - cy) / f);
        return p == null ? null : new double[] {cx + f * p[0], cy + f * p[1]};
    }

    /** Focal length in pixels, vertical (and horizontal: pixels are square). */
    public double focalPixels() {
        return height / 2.0 / Math.tan(fovYRadians / 2.0);
    }

    /** Intrinsic matrix K, row-major: [fx 0 cx; 0 fy cy; 0 0 1]. */
    public double[] intrinsics() {
        double f = focalPixels();
        return new double[] {f, 0, cx, 0, f, cy, 0, 0, 1};
    }

    /**
     * World-to-camera transform (GL convention: camera looks down −Z, +Y up). When the view
     * direction is vertical, +Z is used as the up hint instead of +Y.
     */
    public Matrix4d worldToCamera() {
        Vector3d dir = new Vector3d(lookAt).sub(position).normalize();
        Vector3d up = Math.abs(dir.y) > 0.999 ? new Vector3d(0, 0, dir.y > 0 ? 1 : -1) : new Vector3d(0, 1, 0);
        Matrix4d view = new Matrix4d().lookAt(position, lookAt, up);
        return rollRadians == 0 ? view : new Matrix4d().rotateZ(-rollRadians).mul(view);
    }

    /** True when the principal point is the image centre (a symmetric frustum). */
    public boolean centred() {
        return cx == width / 2.0 && cy == height / 2.0;
    }

    /**
     * The view's extent at unit depth: {left, right, bottom, top} as tangents (x right, y up), from
     * the focal length and principal point.
     */
    public double[] tangents() {
        double f = focalPixels();
        return new double[] {-cx / f, (width - cx) / f, -(height - cy) / f, cy / f};
    }

    /** Camera-to-world transform (the camera's pose). */
    public Matrix4d cameraToWorld() {
        return worldToCamera().invert();
    }

    /** OpenGL projection matrix matching {@link #intrinsics()} (off-axis when the principal point is not centred). */
    public Matrix4d projection() {
        if (centred()) return new Matrix4d().perspective(fovYRadians, (double) width / height, nearM, farM);
        double[] t = tangents();
        return new Matrix4d().frustum(t[0] * nearM, t[1] * nearM, t[2] * nearM, t[3] * nearM, nearM, farM);
    }
}
