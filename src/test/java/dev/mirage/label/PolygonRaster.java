package dev.mirage.label;

import java.util.Arrays;
import java.util.List;

/**
 * Two rasterisers of COCO polygons written for the tests, independent of {@link Polygons}: a
 * brute-force even-odd test of every pixel centre, and a port of pycocotools' {@code rleFrPoly}
 * ({@code maskApi.c}), which is what {@code COCO.annToMask} runs on polygon segmentations. Both
 * return row-major masks (origin top-left) and take the union of several polygons, as
 * pycocotools' {@code frPyObjects} + {@code merge} does.
 */
public final class PolygonRaster {
    private PolygonRaster() {}

    /** Every pixel whose centre has an odd crossing count to its left, unioned over the polygons. */
    public static boolean[] evenOdd(List<double[]> polygons, int width, int height) {
        boolean[] mask = new boolean[width * height];
        for (double[] p : polygons) {
            int n = p.length / 2;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double cx = x + 0.5, cy = y + 0.5;
                    boolean inside = false;
                    for (int i = 0; i < n; i++) {
                        int j = (i + 1) % n;
                        double ax = p[2 * i], ay = p[2 * i + 1], bx = p[2 * j], by = p[2 * j + 1];
                        if (ay > by) { // the same arithmetic for an edge walked either way
                            double t = ax; ax = bx; bx = t;
                            t = ay; ay = by; by = t;
                        }
                        if (ay <= cy && cy < by && cx > ax + (cy - ay) * (bx - ax) / (by - ay)) inside = !inside;
                    }
                    if (inside) mask[y * width + x] = true;
                }
            }
        }
        return mask;
    }

    /** pycocotools: {@code annToMask} of an annotation whose segmentation is these polygons. */
    public static boolean[] pycocotools(List<double[]> polygons, int width, int height) {
        boolean[] mask = new boolean[width * height];
        for (double[] p : polygons) {
            long[] runs = rleFrPoly(p, p.length / 2, height, width);
            long pos = 0;
            for (int i = 0; i < runs.length; i++) {
                if ((i & 1) == 1) {
                    for (long k = pos; k < pos + runs[i]; k++) mask[(int) (k % height) * width + (int) (k / height)] = true;
                }
                pos += runs[i];
            }
        }
        return mask;
    }

    /** A line-by-line port of {@code rleFrPoly(R, xy, k, h, w)}; returns the RLE counts. */
    static long[] rleFrPoly(double[] xy, int k, int h, int w) {
        double scale = 5;
        int[] x = new int[k + 1], y = new int[k + 1];
        for (int j = 0; j < k; j++) x[j] = (int) (scale * xy[j * 2] + .5);
        x[k] = x[0];
        for (int j = 0; j < k; j++) y[j] = (int) (scale * xy[j * 2 + 1] + .5);
        y[k] = y[0];
        int m = 0;
        for (int j = 0; j < k; j++) m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
        int[] u = new int[m], v = new int[m];
        m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1], t;
            int dx = Math.abs(xe - xs), dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                t = xs; xs = xe; xe = t;
                t = ys; ys = ye; ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        k = m;
        m = 0;
        int[] bx = new int[k], by = new int[k];
        for (int j = 1; j < k; j++) {
            if (u[j] == u[j - 1]) continue;
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / scale - .5;
            if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) continue;
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = (yd + .5) / scale - .5;
            if (yd < 0) yd = 0;
            else if (yd > h) yd = h;
            yd = Math.ceil(yd);
            bx[m] = (int) xd;
            by[m] = (int) yd;
            m++;
        }
        k = m;
        long[] a = new long[k + 1];
        for (int j = 0; j < k; j++) a[j] = (long) bx[j] * h + by[j];
        a[k++] = (long) h * w;
        Arrays.sort(a, 0, k);
        long p = 0;
        for (int j = 0; j < k; j++) {
            long t = a[j];
            a[j] -= p;
            p = t;
        }
        long[] b = new long[k];
        int j = 0;
        m = 0;
        b[m++] = a[j++];
        while (j < k) {
            if (a[j] > 0) {
                b[m++] = a[j++];
            } else {
                j++;
                if (j < k) b[m - 1] += a[j++];
            }
        }
        return Arrays.copyOf(b, m);
    }
}
