package dev.mirage.asset.library;

import java.util.ArrayList;
import java.util.List;

/** 2D polygon helpers for profiles: ear-clipping triangulation and corner rounding. Stateless. */
public final class Polygons {
    private Polygons() {}

    /**
     * Triangles (index triples into {@code polygon}) covering a simple polygon of (x, y) points in
     * either winding. O(n²) ear clipping: fine for the few dozen points of a profile.
     */
    public static List<int[]> triangulate(double[][] polygon) {
        int n = polygon.length;
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < n; i++) left.add(i);
        double area = 0;
        for (int i = 0; i < n; i++) area += polygon[i][0] * polygon[(i + 1) % n][1] - polygon[(i + 1) % n][0] * polygon[i][1];
        double orient = Math.signum(area);
        List<int[]> out = new ArrayList<>();
        int guard = 0;
        while (left.size() > 3 && guard++ < n * n) {
            boolean clipped = false;
            for (int k = 0; k < left.size(); k++) {
                int a = left.get((k + left.size() - 1) % left.size()), b = left.get(k), c = left.get((k + 1) % left.size());
                if (orient * cross(polygon[a], polygon[b], polygon[c]) <= 1e-14) continue;
                boolean inside = false;
                for (int j : left) {
                    if (j == a || j == b || j == c) continue;
                    if (contains(polygon[a], polygon[b], polygon[c], polygon[j], orient)) { inside = true; break; }
                }
                if (inside) continue;
                out.add(new int[] {a, b, c});
                left.remove(k);
                clipped = true;
                break;
            }
            if (!clipped) break; // degenerate remainder: fan it
        }
        for (int k = 1; k + 1 < left.size(); k++) out.add(new int[] {left.get(0), left.get(k), left.get(k + 1)});
        return out;
    }

    private static double cross(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    private static boolean contains(double[] a, double[] b, double[] c, double[] p, double orient) {
        return orient * cross(a, b, p) >= 0 && orient * cross(b, c, p) >= 0 && orient * cross(c, a, p) >= 0;
    }

    /**
     * The polygon with each corner replaced by a circular arc of up to {@code radius} (limited to
     * 40 % of the shorter neighbouring edge), {@code steps} segments per arc. Radius 0: unchanged.
     */
    public static double[][] round(double[][] polygon, double radius, int steps) {
        if (radius <= 0) return polygon;
        int n = polygon.length;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] prev = polygon[(i + n - 1) % n], p = polygon[i], next = polygon[(i + 1) % n];
            double ax = prev[0] - p[0], ay = prev[1] - p[1], bx = next[0] - p[0], by = next[1] - p[1];
            double la = Math.hypot(ax, ay), lb = Math.hypot(bx, by);
            double cut = Math.min(radius, 0.4 * Math.min(la, lb));
            if (cut <= 1e-9) { out.add(p); continue; }
            double[] s = {p[0] + ax / la * cut, p[1] + ay / la * cut}, e = {p[0] + bx / lb * cut, p[1] + by / lb * cut};
            // a quadratic Bézier from s through the corner's pull to e approximates the arc
            for (int k = 0; k <= steps; k++) {
                double t = (double) k / steps, u = 1 - t;
                out.add(new double[] {u * u * s[0] + 2 * u * t * p[0] + t * t * e[0], u * u * s[1] + 2 * u * t * p[1] + t * t * e[1]});
            }
        }
        return out.toArray(new double[0][]);
    }
}
