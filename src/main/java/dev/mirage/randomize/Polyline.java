package dev.mirage.randomize;

import org.joml.Vector3d;

/** A path of straight segments, addressed by the fraction of its length (0 = first point, 1 = last). */
final class Polyline {
    private final double[][] points;
    private final double[] cumulative;

    Polyline(double[][] points) {
        if (points.length < 2) throw new IllegalArgumentException("a path needs two points");
        this.points = points;
        cumulative = new double[points.length];
        for (int i = 1; i < points.length; i++) cumulative[i] = cumulative[i - 1] + distance(points[i - 1], points[i]);
    }

    double length() {
        return cumulative[cumulative.length - 1];
    }

    /** The point at fraction {@code t} of the length. */
    Vector3d at(double t) {
        int i = segment(t);
        double s = Math.max(0, Math.min(1, (t * length() - cumulative[i]) / (cumulative[i + 1] - cumulative[i])));
        double[] a = points[i], b = points[i + 1];
        return new Vector3d(a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2]));
    }

    /** The unit direction of travel at fraction {@code t}. */
    Vector3d direction(double t) {
        int i = segment(t);
        double[] a = points[i], b = points[i + 1];
        return new Vector3d(b[0] - a[0], b[1] - a[1], b[2] - a[2]).normalize();
    }

    private int segment(double t) {
        double d = Math.max(0, Math.min(1, t)) * length();
        for (int i = 0; i < points.length - 2; i++) if (d <= cumulative[i + 1]) return i;
        return points.length - 2;
    }

    private static double distance(double[] a, double[] b) {
        double x = b[0] - a[0], y = b[1] - a[1], z = b[2] - a[2];
        return Math.sqrt(x * x + y * y + z * z);
    }
}
