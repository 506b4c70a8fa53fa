package dev.mirage.label;

import dev.mirage.scene.Camera;
import dev.mirage.scene.Lens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joml.Matrix3d;
import org.joml.Matrix3dc;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * An object's oriented 3D box seen from one camera: the set {@code boxToWorld · p} for p in
 * [min, max] (the {@code box3d} of a meta record), expressed in camera coordinates (metres, x right,
 * y up, looking down −z), with its pixel projection, its 2D extent and a truncation estimate.
 *
 * <p><b>Box frame.</b> {@link #centre()} is the image of the box's midpoint; {@link #rotation()} is
 * camera-from-box, its columns the box's x, y and z axes in camera coordinates (unit vectors);
 * {@link #size()} is the box's extent along those axes, scale included. When boxToWorld shears (a
 * non-uniform scale of a rotated asset node) its columns are made orthonormal in the order x, y, z
 * and the sizes are measured along the original columns, so centre, size and rotation describe the
 * nearest true box; a mirroring boxToWorld gets its z axis reversed so that the rotation is proper
 * (a box is symmetric, so the set of points is unchanged). The {@link #corners()} are always the
 * exact images of the box's corners.
 *
 * <p><b>Corners.</b> Corner {@code i} is the box-frame point whose x is max when bit 0 of i is set
 * (else min), y is max when bit 1 is set and z is max when bit 2 is set.
 *
 * <p><b>Projection.</b> A camera point (X, Y, Z) in front of the camera (Z &lt; 0) lands at pixel
 * u = cx + fx·X/(−Z), v = cy − fy·Y/(−Z), in design.md's pixel-edge coordinates (origin at the image's
 * top-left corner, pixel (x, y) covers [x, x+1) × [y, y+1)), as {@link Camera} documents. "In front"
 * means at or beyond the near plane −Z ≥ nearM of the {@link Pinhole}.
 *
 * <p><b>Near plane.</b> Boxes that cross the camera plane are clipped to the near plane before their
 * extent is taken: the extent is that of the corners in front of the near plane plus the points where
 * the box's 12 edges cross it (the vertices of the clipped box, so the extent is exact). A box wholly
 * behind the near plane has no extent and truncation 1.
 *
 * <p><b>Truncation</b> = 1 − area(extent ∩ image) / area(extent), where extent is the axis-aligned
 * 2D box of the (near-clipped) projection and the image is [0, width] × [0, height]: 0 for a box whose
 * projection lies inside the image, 1 for one wholly outside it (or behind the camera). The ratio is
 * computed per axis (the area ratio is the product of the width and height ratios); along an axis on
 * which the extent has zero length the ratio is 1 inside the image and 0 outside. It measures the
 * box, not the visible mask; near-clipping makes a box that reaches behind the camera project very
 * large, so such a box reads as mostly truncated, as it is.
 *
 * <p>Thread safety: immutable.
 */
public final class Box3d {
    /** Corner index pairs joined by the box's 12 edges (corners differing in one bit). */
    private static final int[][] EDGES = edges();

    private final Vector3d centre;
    private final Vector3d size;
    private final Matrix3d rotation;
    private final Vector3d[] corners;
    private final Vector3d upInCamera;

    private Box3d(Vector3d centre, Vector3d size, Matrix3d rotation, Vector3d[] corners, Vector3d upInCamera) {
        this.centre = centre;
        this.size = size;
        this.rotation = rotation;
        this.corners = corners;
        this.upInCamera = upInCamera;
    }

    /**
     * A pinhole camera's intrinsics and image size, in the pixel-edge convention.
     *
     * @param fx     horizontal focal length, pixels, &gt; 0
     * @param fy     vertical focal length, pixels, &gt; 0
     * @param cx     principal point, pixels from the image's left edge
     * @param cy     principal point, pixels from the image's top edge
     * @param width  image width, pixels, &gt; 0
     * @param height image height, pixels, &gt; 0
     * @param nearM  distance of the near plane along the view axis, metres, &gt; 0: points closer than it
     *               are not "in front" (the renderer draws nothing there either)
     * @param lens   the lens distortion applied after the pinhole projection ({@link Lens#NONE}: none)
     * @param lensFieldRadius the lens's {@link Lens#maxRadius()}, computed once
     */
    public record Pinhole(double fx, double fy, double cx, double cy, int width, int height, double nearM, Lens lens,
                          double lensFieldRadius) {
        /** An undistorted pinhole. */
        public Pinhole(double fx, double fy, double cx, double cy, int width, int height, double nearM) {
            this(fx, fy, cx, cy, width, height, nearM, Lens.NONE, Double.POSITIVE_INFINITY);
        }

        public Pinhole {
            java.util.Objects.requireNonNull(lens);
            if (!(fx > 0 && fy > 0 && Double.isFinite(fx) && Double.isFinite(fy)))
                throw new IllegalArgumentException("focal lengths " + fx + ", " + fy + ": expected finite and > 0");
            if (!Double.isFinite(cx) || !Double.isFinite(cy))
                throw new IllegalArgumentException("principal point " + cx + ", " + cy + ": expected finite");
            if (width <= 0 || height <= 0)
                throw new IllegalArgumentException("image " + width + "x" + height + ": expected positive size");
            if (!(nearM > 0 && Double.isFinite(nearM)))
                throw new IllegalArgumentException("near plane " + nearM + " m: expected finite and > 0");
        }

        /** The camera's own intrinsics, image size and near plane. */
        public static Pinhole of(Camera camera) {
            double[] k = camera.intrinsics();
            return new Pinhole(k[0], k[4], k[2], k[5], camera.width(), camera.height(), camera.nearM(), camera.lens(),
                    camera.lens().maxRadius());
        }

        /**
         * From a row-major 3×3 K as meta records hold it ({@code [fx 0 cx; 0 fy cy; 0 0 1]}).
         *
         * @throws IllegalArgumentException when K has skew or a last row other than (0, 0, 1)
         */
        public static Pinhole of(double[] kRowMajor, int width, int height, double nearM) {
            if (kRowMajor.length != 9) throw new IllegalArgumentException("K has " + kRowMajor.length + " entries: expected 9");
            if (kRowMajor[1] != 0 || kRowMajor[3] != 0 || kRowMajor[6] != 0 || kRowMajor[7] != 0 || kRowMajor[8] != 1)
                throw new IllegalArgumentException("K " + java.util.Arrays.toString(kRowMajor)
                        + ": expected [fx 0 cx; 0 fy cy; 0 0 1] (no skew)");
            return new Pinhole(kRowMajor[0], kRowMajor[4], kRowMajor[2], kRowMajor[5], width, height, nearM);
        }

        /** True when the camera point is at or beyond the near plane. */
        public boolean inFront(Vector3dc cameraPoint) {
            return -cameraPoint.z() >= nearM;
        }

        /**
         * The pixel a camera point lands on, through the lens. A point the lens does not image (past
         * {@link Lens#maxRadius()}) lands a million pixels out along its direction, outside any image.
         *
         * @throws IllegalArgumentException when the point is not in front of the camera (Z ≥ 0)
         */
        public Pixel project(Vector3dc cameraPoint) {
            double depth = -cameraPoint.z();
            if (!(depth > 0)) throw new IllegalArgumentException("point " + cameraPoint + " is not in front of the camera");
            double x = cameraPoint.x() / depth, y = -cameraPoint.y() / depth;
            if (!lens.identity()) {
                double[] d = lens.distort(x, y, lensFieldRadius);
                if (d == null) {
                    double r = Math.hypot(x, y);
                    return new Pixel(cx + 1e6 * x / r, cy + 1e6 * y / r);
                }
                x = d[0];
                y = d[1];
            }
            return new Pixel(cx + fx * x, cy + fy * y);
        }
    }

    /** A point on the image in pixel-edge coordinates (u right, v down, origin at the top-left corner). */
    public record Pixel(double u, double v) {}

    /**
     * An axis-aligned rectangle in pixel-edge coordinates, left ≤ right and top ≤ bottom (a COCO box
     * [x, y, w, h] is the rectangle (x, y, x+w, y+h)).
     */
    public record Rect(double left, double top, double right, double bottom) {
        public Rect {
            if (!(left <= right && top <= bottom))
                throw new IllegalArgumentException("rectangle " + left + "," + top + " .. " + right + "," + bottom
                        + ": expected left <= right and top <= bottom");
        }

        public double width() { return right - left; }

        public double height() { return bottom - top; }

        public double area() { return width() * height(); }

        /** This rectangle clamped to the image [0, width] × [0, height]; zero-sized when outside it. */
        public Rect clippedTo(int width, int height) {
            double l = clamp(left, width), r = clamp(right, width), t = clamp(top, height), b = clamp(bottom, height);
            return new Rect(l, t, r, b);
        }

        private static double clamp(double value, int size) { return Math.max(0, Math.min(size, value)); }
    }

    /**
     * The box as KITTI-style labels describe it: upright, with a height along world up, a length
     * along its longer horizontal axis and a width along the shorter one, all in camera coordinates.
     *
     * @param heightM      extent along the box axis most aligned with world up
     * @param widthM       the shorter of the other two extents
     * @param lengthM      the longer of the other two extents (the first of x, z in box-frame order on a tie)
     * @param bottomCentre centre of the face lower along world up, camera coordinates
     * @param lengthAxis   unit vector along the length axis, pointing the box frame's positive way
     * @param heightAxisIndex box-frame index (0 x, 1 y, 2 z) of the height axis
     * @param lengthAxisIndex box-frame index of the length axis
     */
    public record Upright(double heightM, double widthM, double lengthM, Vector3dc bottomCentre, Vector3dc lengthAxis,
                          int heightAxisIndex, int lengthAxisIndex) {
        public Upright {
            bottomCentre = new Vector3d(bottomCentre);
            lengthAxis = new Vector3d(lengthAxis);
        }
    }

    /**
     * The box seen from a camera.
     *
     * @param min        box-frame minimum corner, metres, 3 values
     * @param max        box-frame maximum corner, metres, each ≥ min's
     * @param boxToWorld affine box-frame-to-world transform
     */
    public static Box3d of(Camera camera, double[] min, double[] max, Matrix4dc boxToWorld) {
        return of(camera.worldToCamera(), min, max, boxToWorld);
    }

    /**
     * The box seen from a camera with this world-to-camera transform (camera x right, y up, looking
     * down −z; world +y up).
     */
    public static Box3d of(Matrix4dc worldToCamera, double[] min, double[] max, Matrix4dc boxToWorld) {
        checkCorner("min", min);
        checkCorner("max", max);
        for (int k = 0; k < 3; k++)
            if (min[k] > max[k]) throw new IllegalArgumentException("box min " + min[k] + " > max " + max[k] + " on axis " + k);
        Matrix4d cameraFromBox = new Matrix4d(worldToCamera).mul(boxToWorld);
        Vector3d[] corners = new Vector3d[8];
        for (int i = 0; i < 8; i++)
            corners[i] = cameraFromBox.transformPosition(new Vector3d(
                    (i & 1) != 0 ? max[0] : min[0], (i & 2) != 0 ? max[1] : min[1], (i & 4) != 0 ? max[2] : min[2]));
        Vector3d centre = cameraFromBox.transformPosition(
                new Vector3d((min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2));
        Vector3d[] columns = new Vector3d[3];
        double[] extent = new double[3];
        for (int k = 0; k < 3; k++) {
            columns[k] = cameraFromBox.getColumn(k, new Vector3d());
            double length = columns[k].length();
            if (!(length > 1e-12) || !Double.isFinite(length))
                throw new IllegalArgumentException("boxToWorld collapses box axis " + k + ":\n" + boxToWorld);
            extent[k] = (max[k] - min[k]) * length;
        }
        Vector3d x = new Vector3d(columns[0]).normalize();
        Vector3d y = new Vector3d(columns[1]).fma(-columns[1].dot(x), x);
        if (!(y.length() > 1e-9)) throw new IllegalArgumentException("boxToWorld maps box axes x and y onto one line:\n" + boxToWorld);
        y.normalize();
        Vector3d z = new Vector3d(x).cross(y);
        Matrix3d rotation = new Matrix3d().setColumn(0, x).setColumn(1, y).setColumn(2, z);
        Vector3d up = worldToCamera.transformDirection(new Vector3d(0, 1, 0)).normalize();
        return new Box3d(centre, new Vector3d(extent[0], extent[1], extent[2]), rotation, corners, up);
    }

    private static void checkCorner(String name, double[] corner) {
        if (corner == null || corner.length != 3)
            throw new IllegalArgumentException("box " + name + ": expected 3 values");
        for (double c : corner)
            if (!Double.isFinite(c)) throw new IllegalArgumentException("box " + name + " " + java.util.Arrays.toString(corner) + ": expected finite");
    }

    /** Centre of the box, camera coordinates, metres. */
    public Vector3dc centre() { return centre; }

    /** Extent along the box's x, y and z axes, metres. */
    public Vector3dc size() { return size; }

    /** Camera-from-box rotation: column k is box axis k in camera coordinates. */
    public Matrix3dc rotation() { return rotation; }

    /** Box axis k (0 x, 1 y, 2 z) in camera coordinates, a unit vector. */
    public Vector3d axis(int k) { return rotation.getColumn(k, new Vector3d()); }

    /** World up (+Y) in camera coordinates, a unit vector. */
    public Vector3dc upInCamera() { return upInCamera; }

    /** Corner {@code i} (see the class notes for the order), camera coordinates. */
    public Vector3dc corner(int i) { return corners[i]; }

    /** The 8 corners in index order, camera coordinates. */
    public List<Vector3dc> corners() { return List.of(corners); }

    /** Where corner {@code i} lands in the image; empty when it is not in front of the near plane. */
    public Optional<Pixel> cornerPixel(int i, Pinhole camera) {
        return camera.inFront(corners[i]) ? Optional.of(camera.project(corners[i])) : Optional.empty();
    }

    /**
     * The axis-aligned 2D box of the projection of the part of the box in front of the near plane,
     * not clipped to the image; empty when the whole box is behind the near plane.
     */
    public Optional<Rect> projectedExtent(Pinhole camera) {
        List<Vector3d> points = new ArrayList<>(16);
        for (Vector3d c : corners) if (camera.inFront(c)) points.add(c);
        if (points.isEmpty()) return Optional.empty();
        for (int[] e : EDGES) {
            Vector3d a = corners[e[0]], b = corners[e[1]];
            if (camera.inFront(a) == camera.inFront(b)) continue;
            double t = (-camera.nearM() - a.z) / (b.z - a.z);
            Vector3d crossing = new Vector3d(b).sub(a).mul(t).add(a);
            crossing.z = -camera.nearM();
            points.add(crossing);
        }
        double left = Double.POSITIVE_INFINITY, top = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (Vector3d p : points) {
            Pixel px = camera.project(p);
            left = Math.min(left, px.u());
            right = Math.max(right, px.u());
            top = Math.min(top, px.v());
            bottom = Math.max(bottom, px.v());
        }
        return Optional.of(new Rect(left, top, right, bottom));
    }

    /**
     * {@link #projectedExtent} clipped to the image [0, width] × [0, height]; empty when the box is
     * behind the near plane or its projection misses the image (no overlap of positive area).
     */
    public Optional<Rect> imageExtent(Pinhole camera) {
        return projectedExtent(camera).map(r -> r.clippedTo(camera.width(), camera.height())).filter(r -> r.area() > 0);
    }

    /** Truncation in 0..1 as the class notes define it: 1 − (extent clipped to the image) / extent. */
    public double truncation(Pinhole camera) {
        Optional<Rect> extent = projectedExtent(camera);
        if (extent.isEmpty()) return 1;
        Rect r = extent.get();
        double inside = insideFraction(r.left(), r.right(), camera.width()) * insideFraction(r.top(), r.bottom(), camera.height());
        return Math.max(0, Math.min(1, 1 - inside));
    }

    /** Fraction of [lo, hi] inside [0, size]; for a zero-length interval, 1 inside and 0 outside. */
    private static double insideFraction(double lo, double hi, int size) {
        if (hi - lo <= 0) return lo >= 0 && hi <= size ? 1 : 0;
        return Math.max(0, Math.min(hi, size) - Math.max(lo, 0)) / (hi - lo);
    }

    /**
     * The box as an upright object: its height axis is the box axis most aligned with world up, its
     * length axis the longer of the other two (box-frame order x, y, z decides ties).
     */
    public Upright upright() {
        int h = 0;
        for (int k = 1; k < 3; k++) if (Math.abs(axis(k).dot(upInCamera)) > Math.abs(axis(h).dot(upInCamera))) h = k;
        int a = h == 0 ? 1 : 0, b = h == 2 ? 1 : 2;
        int l = size.get(b) > size.get(a) ? b : a, w = l == a ? b : a;
        Vector3d heightAxis = axis(h);
        double sign = heightAxis.dot(upInCamera) < 0 ? -1 : 1;
        Vector3d bottom = new Vector3d(centre).fma(-sign * size.get(h) / 2, heightAxis);
        return new Upright(size.get(h), size.get(w), size.get(l), bottom, axis(l), h, l);
    }

    private static int[][] edges() {
        int[][] out = new int[12][];
        int n = 0;
        for (int i = 0; i < 8; i++)
            for (int bit = 1; bit < 8; bit <<= 1)
                if ((i & bit) == 0) out[n++] = new int[] {i, i | bit};
        return out;
    }

    @Override
    public String toString() {
        return "Box3d[centre " + centre + ", size " + size + "]";
    }
}
