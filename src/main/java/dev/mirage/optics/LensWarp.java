package dev.mirage.optics;

import dev.mirage.scene.Camera;
import dev.mirage.scene.Lens;
import dev.mirage.sensor.AmodalCoverage;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.sensor.NormalImage;
import dev.mirage.sensor.SurfaceImage;

/**
 * The remap from a lens-distorted image to the pinhole image the renderer drew: for every output
 * pixel centre, the pinhole position it shows (found by inverting the distortion with Newton
 * iterations), or none when the lens shows nothing there. The output is the same size and K as the
 * pinhole image, so with barrel distortion (k1 &lt; 0) its corners see past the rendered field and
 * stay empty (black, depth 0, id 0); with pincushion distortion the pinhole image's rim is cut off.
 *
 * <p>RGB is sampled bilinearly; depth and ids by nearest pixel, never blended, so every value in a
 * warped depth or id image is one the pinhole image holds (or 0). Built once per camera intrinsics
 * and lens ({@link Cache}).
 *
 * <p>Thread safety: immutable after construction; any thread may warp.
 */
public final class LensWarp {
    private final int width;
    private final int height;
    /** Source x, y (pixel-edge coordinates) per output pixel; NaN where the lens shows nothing. */
    private final float[] sourceX;
    private final float[] sourceY;

    private LensWarp(int width, int height, float[] sourceX, float[] sourceY) {
        this.width = width;
        this.height = height;
        this.sourceX = sourceX;
        this.sourceY = sourceY;
    }

    /** Spacing of the exactly solved grid, pixels; pixels between its nodes interpolate (see {@link #of}). */
    static final int GRID = 4;
    /** A cell whose centre the interpolation misses by more than this many pixels is solved at every pixel. */
    static final double CELL_TOLERANCE_PX = 0.01;

    /**
     * The remap of this camera's lens over its image. The inverse is solved exactly at every
     * {@link #GRID}-th pixel centre and interpolated bilinearly in between (the map is smooth: the
     * error stays below 0.05 px, see the tests); cells touching the edge of the lens's field are
     * solved exactly at every pixel, and so is every cell whose centre pixel the interpolation misses by
     * more than {@link #CELL_TOLERANCE_PX}.
     */
    public static LensWarp of(Camera camera) {
        int w = camera.width(), h = camera.height();
        int nx = (w - 1 + GRID - 1) / GRID + 1, ny = (h - 1 + GRID - 1) / GRID + 1;
        double[] gx = new double[nx * ny], gy = new double[nx * ny];
        Inverse inverse = new Inverse(camera);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                double[] p = inverse.at(Math.min(i * GRID, w - 1), Math.min(j * GRID, h - 1));
                gx[j * nx + i] = p == null ? Double.NaN : p[0];
                gy[j * nx + i] = p == null ? Double.NaN : p[1];
            }
        boolean[] exactCell = new boolean[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                int a = j * nx + i, b = j * nx + Math.min(i + 1, nx - 1), c = Math.min(j + 1, ny - 1) * nx + i;
                int d = c - i + Math.min(i + 1, nx - 1);
                if (exactCell[a]) { exactCell[a] = true; continue; }
                int x0 = i * GRID, x1 = Math.min(x0 + GRID, w - 1), y0 = j * GRID, y1 = Math.min(y0 + GRID, h - 1);
                int xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
                double tx = x1 == x0 ? 0 : (double) (xm - x0) / (x1 - x0), ty = y1 == y0 ? 0 : (double) (ym - y0) / (y1 - y0);
                double[] p = inverse.at(xm, ym);
                exactCell[a] = p == null
                        || Math.abs(lerp(lerp(gx[a], gx[b], tx), lerp(gx[c], gx[d], tx), ty) - p[0]) > CELL_TOLERANCE_PX
                        || Math.abs(lerp(lerp(gy[a], gy[b], tx), lerp(gy[c], gy[d], tx), ty) - p[1]) > CELL_TOLERANCE_PX;
            }
        float[] sx = new float[w * h], sy = new float[w * h];
        for (int y = 0; y < h; y++) {
            int j = y / GRID, y0 = j * GRID, y1 = Math.min(y0 + GRID, h - 1);
            double ty = y1 == y0 ? 0 : (double) (y - y0) / (y1 - y0);
            int jb = Math.min(j + 1, ny - 1);
            for (int x = 0; x < w; x++) {
                int i = x / GRID, x0 = i * GRID, x1 = Math.min(x0 + GRID, w - 1), ib = Math.min(i + 1, nx - 1);
                double tx = x1 == x0 ? 0 : (double) (x - x0) / (x1 - x0);
                int a = j * nx + i, b = j * nx + ib, c = jb * nx + i, d = jb * nx + ib;
                int o = y * w + x;
                if (exactCell[a]) {
                    double[] p = inverse.at(x, y);
                    sx[o] = p == null ? Float.NaN : (float) p[0];
                    sy[o] = p == null ? Float.NaN : (float) p[1];
                } else {
                    sx[o] = (float) lerp(lerp(gx[a], gx[b], tx), lerp(gx[c], gx[d], tx), ty);
                    sy[o] = (float) lerp(lerp(gy[a], gy[b], tx), lerp(gy[c], gy[d], tx), ty);
                }
            }
        }
        return new LensWarp(w, h, sx, sy);
    }

    /** The remap solved exactly at every pixel (for tests of the interpolated one). */
    static LensWarp exact(Camera camera) {
        int w = camera.width(), h = camera.height();
        float[] sx = new float[w * h], sy = new float[w * h];
        Inverse inverse = new Inverse(camera);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double[] p = inverse.at(x, y);
                sx[y * w + x] = p == null ? Float.NaN : (float) p[0];
                sy[y * w + x] = p == null ? Float.NaN : (float) p[1];
            }
        return new LensWarp(w, h, sx, sy);
    }

    /** Source position (pixel-edge coordinates) of table entry i, or null: for tests. */
    double[] source(int x, int y) {
        float u = sourceX[y * width + x], v = sourceY[y * width + x];
        return Float.isNaN(u) ? null : new double[] {u, v};
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** The pinhole position shown at a pixel centre of the distorted image. */
    private static final class Inverse {
        private final Lens lens;
        private final double f, cx, cy, limit;

        Inverse(Camera camera) {
            lens = camera.lens();
            f = camera.focalPixels();
            cx = camera.cx();
            cy = camera.cy();
            limit = lens.maxRadius();
        }

        double[] at(int x, int y) {
            double[] p = lens.undistort((x + 0.5 - cx) / f, (y + 0.5 - cy) / f, limit);
            return p == null ? null : new double[] {cx + f * p[0], cy + f * p[1]};
        }
    }

    /**
     * All sensors through the lens. Amodal coverage is scaled per instance by the ratio of its visible
     * pixels after and before the warp, so occlusion and truncation ratios stay those measured in the
     * pinhole image (documented in the README). RGB is left as it is: warp it with {@link #warpRgb}.
     */
    public SensorFrame warp(SensorFrame frame) {
        InstanceImage ids = warp(frame.instance());
        return new SensorFrame(frame.rgb(), warp(frame.depth()), ids, scale(frame.amodal(), frame.instance(), ids),
                frame.surface() == null ? null : new SurfaceImage(width, height, nearest(frame.surface().data(), SurfaceImage.CHANNELS)),
                frame.normals() == null ? null : new NormalImage(width, height, nearest(frame.normals().data(), 3)));
    }

    /** Interleaved float channels by nearest pixel (0 where the lens shows nothing). */
    private float[] nearest(float[] src, int channels) {
        float[] out = new float[src.length];
        for (int i = 0; i < sourceX.length; i++) {
            int s = nearest(i);
            if (s >= 0) System.arraycopy(src, channels * s, out, channels * i, channels);
        }
        return out;
    }

    /** Linear RGB (3 floats per pixel, row-major), sampled bilinearly between pixel centres. */
    public float[] warpRgb(float[] rgb) {
        if (rgb.length != 3 * sourceX.length)
            throw new IllegalArgumentException(rgb.length / 3 + " RGB pixels do not match the lens remap " + width + "x" + height);
        float[] out = new float[rgb.length];
        for (int i = 0; i < sourceX.length; i++) {
            float x = sourceX[i], y = sourceY[i];
            if (Float.isNaN(x) || x < 0 || y < 0 || x > width || y > height) continue;
            bilinear(rgb, width, height, x - 0.5f, y - 0.5f, out, 3 * i);
        }
        return out;
    }

    /** Bilinear sample of interleaved RGB at centre coordinates (cx, cy), edges clamped, into out[at..at+2]. */
    static void bilinear(float[] rgb, int width, int height, float cx, float cy, float[] out, int at) {
        int x0 = (int) Math.floor(cx), y0 = (int) Math.floor(cy);
        float fx = cx - x0, fy = cy - y0;
        int xa = clamp(x0, width), xb = clamp(x0 + 1, width), ya = clamp(y0, height), yb = clamp(y0 + 1, height);
        int a = 3 * (ya * width + xa), b = 3 * (ya * width + xb), c = 3 * (yb * width + xa), d = 3 * (yb * width + xb);
        for (int k = 0; k < 3; k++) {
            float top = rgb[a + k] + (rgb[b + k] - rgb[a + k]) * fx;
            float bottom = rgb[c + k] + (rgb[d + k] - rgb[c + k]) * fx;
            out[at + k] = top + (bottom - top) * fy;
        }
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }

    /** Depth by nearest pixel (0 where the lens shows nothing). */
    public DepthImage warp(DepthImage depth) {
        check(depth.width(), depth.height());
        float[] src = depth.data(), out = new float[src.length];
        for (int i = 0; i < out.length; i++) {
            int s = nearest(i);
            if (s >= 0) out[i] = src[s];
        }
        return new DepthImage(width, height, out);
    }

    /** Instance ids by nearest pixel (0 where the lens shows nothing). */
    public InstanceImage warp(InstanceImage ids) {
        check(ids.width(), ids.height());
        int[] src = ids.data(), out = new int[src.length];
        for (int i = 0; i < out.length; i++) {
            int s = nearest(i);
            if (s >= 0) out[i] = src[s];
        }
        return new InstanceImage(width, height, out);
    }

    /** The pinhole pixel that output pixel i shows, or −1. */
    private int nearest(int i) {
        float x = sourceX[i], y = sourceY[i];
        if (!(x >= 0 && y >= 0 && x < width && y < height)) return -1;
        return (int) y * width + (int) x;
    }

    private void check(int w, int h) {
        if (w != width || h != height)
            throw new IllegalArgumentException("image " + w + "x" + h + " does not match the lens remap " + width + "x" + height);
    }

    static AmodalCoverage scale(AmodalCoverage amodal, InstanceImage before, InstanceImage after) {
        if (!amodal.measured()) return amodal;
        long[] was = counts(before), now = counts(after);
        int n = Math.max(was.length, now.length);
        long[] inImage = new long[n], total = new long[n];
        for (int id = 1; id < n; id++) {
            long a = id < was.length ? was[id] : 0, b = id < now.length ? now[id] : 0;
            double ratio = a > 0 ? (double) b / a : 1;
            inImage[id] = Math.round(amodal.inImage(id) * ratio);
            total[id] = Math.round(amodal.total(id) * ratio);
        }
        return new AmodalCoverage(inImage, total);
    }

    private static long[] counts(InstanceImage ids) {
        int max = 0;
        for (int id : ids.data()) max = Math.max(max, id);
        long[] n = new long[max + 1];
        for (int id : ids.data()) n[id]++;
        return n;
    }

    /**
     * The last remap built, reused while frames share intrinsics and lens (a constant lens builds it
     * once per run). Thread safety: synchronized.
     */
    public static final class Cache {
        private record Key(int width, int height, double focal, double cx, double cy, Lens lens) {}

        private Key key;
        private LensWarp warp;

        public synchronized LensWarp of(Camera camera) {
            Key k = new Key(camera.width(), camera.height(), camera.focalPixels(), camera.cx(), camera.cy(), camera.lens());
            if (!k.equals(key)) {
                warp = LensWarp.of(camera);
                key = k;
            }
            return warp;
        }
    }
}
