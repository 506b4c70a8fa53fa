package dev.mirage.scene;

/**
 * Lens distortion in OpenCV's conventions, applied in normalized image coordinates x = (u − cx)/fx,
 * y = (v − cy)/fy (x right, y down), so users can undistort with {@code cv2.undistort} (Brown–Conrady,
 * coefficients {@code [k1, k2, p1, p2, k3]}) or {@code cv2.fisheye.undistortImage} ({@code [k1..k4]})
 * and the meta file's K.
 *
 * <ul>
 *   <li><b>Brown–Conrady</b>: r² = x² + y², radial = 1 + k1·r² + k2·r⁴ + k3·r⁶,
 *       x' = x·radial + 2·p1·x·y + p2·(r² + 2x²), y' = y·radial + p1·(r² + 2y²) + 2·p2·x·y.</li>
 *   <li><b>Fisheye</b> (equidistant, Kannala–Brandt): r = √(x² + y²), θ = atan r,
 *       θd = θ·(1 + k1·θ² + k2·θ⁴ + k3·θ⁶ + k4·θ⁸), (x', y') = (θd / r)·(x, y).</li>
 * </ul>
 *
 * <p>The forward map is only used where the radial profile still grows ({@link #maxRadius()}): past
 * the radius where it turns back, points are outside the lens's field and {@link #distort} reports them
 * so, because the polynomial would otherwise fold far-away points back into the image.
 *
 * <p>Immutable.
 *
 * @param model which formula; {@link Model#NONE} is the identity
 * @param k1    radial coefficient
 * @param k2    radial coefficient
 * @param k3    radial coefficient
 * @param k4    radial coefficient (fisheye only; 0 for Brown–Conrady)
 * @param p1    tangential coefficient (Brown–Conrady only; 0 for fisheye)
 * @param p2    tangential coefficient (Brown–Conrady only; 0 for fisheye)
 */
public record Lens(Model model, double k1, double k2, double k3, double k4, double p1, double p2) {
    /** A distortion-free (pinhole) lens. */
    public static final Lens NONE = new Lens(Model.NONE, 0, 0, 0, 0, 0, 0);

    /** Largest normalized radius considered (about 84° off axis for a pinhole). */
    static final double RADIUS_CAP = 10;

    /** The distortion formula, with the name template and meta files use. */
    public enum Model {
        NONE("none"), BROWN_CONRADY("brown-conrady"), FISHEYE("fisheye");

        private final String key;

        Model(String key) { this.key = key; }

        /** The name in template and meta files. */
        public String key() { return key; }
    }

    public Lens {
        java.util.Objects.requireNonNull(model);
        for (double c : new double[] {k1, k2, k3, k4, p1, p2})
            if (!Double.isFinite(c)) throw new IllegalArgumentException("lens coefficient " + c + ": expected finite");
        if (model == Model.BROWN_CONRADY && k4 != 0) throw new IllegalArgumentException("brown-conrady has no k4");
        if (model == Model.FISHEYE && (p1 != 0 || p2 != 0)) throw new IllegalArgumentException("fisheye has no p1, p2");
    }

    /** Brown–Conrady with OpenCV's five coefficients. */
    public static Lens brownConrady(double k1, double k2, double p1, double p2, double k3) {
        return new Lens(Model.BROWN_CONRADY, k1, k2, k3, 0, p1, p2);
    }

    /** OpenCV's fisheye model. */
    public static Lens fisheye(double k1, double k2, double k3, double k4) {
        return new Lens(Model.FISHEYE, k1, k2, k3, k4, 0, 0);
    }

    /** True when this lens changes nothing (no model, or all coefficients 0 for Brown–Conrady). */
    public boolean identity() {
        return model == Model.NONE
                || model == Model.BROWN_CONRADY && k1 == 0 && k2 == 0 && k3 == 0 && p1 == 0 && p2 == 0;
    }

    /** The coefficients in OpenCV's order: {@code [k1, k2, p1, p2, k3]}, {@code [k1, k2, k3, k4]} or none. */
    public double[] openCvCoefficients() {
        switch (model) {
            case BROWN_CONRADY: return new double[] {k1, k2, p1, p2, k3};
            case FISHEYE: return new double[] {k1, k2, k3, k4};
            default: return new double[0];
        }
    }

    /**
     * The distorted normalized point of an undistorted one, or null when it lies past
     * {@link #maxRadius()} (outside what the lens images).
     */
    public double[] distort(double x, double y) {
        return distort(x, y, maxRadius());
    }

    /** {@link #distort(double, double)} with {@link #maxRadius()} computed once by the caller (it costs a scan). */
    public double[] distort(double x, double y, double limit) {
        if (identity()) return new double[] {x, y};
        if (x * x + y * y > limit * limit) return null;
        return distortUnchecked(x, y);
    }

    private double[] distortUnchecked(double x, double y) {
        double r2 = x * x + y * y;
        switch (model) {
            case BROWN_CONRADY: {
                double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
                return new double[] {x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x),
                        y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y};
            }
            case FISHEYE: {
                double r = Math.sqrt(r2);
                if (r < 1e-12) return new double[] {x, y};
                double t = Math.atan(r), t2 = t * t;
                double td = t * (1 + t2 * (k1 + t2 * (k2 + t2 * (k3 + t2 * k4))));
                return new double[] {x * td / r, y * td / r};
            }
            default: return new double[] {x, y};
        }
    }

    /**
     * The undistorted normalized point whose distortion is (xd, yd), by Newton iterations from
     * (xd, yd), or null when there is none within {@link #maxRadius()}.
     */
    public double[] undistort(double xd, double yd) {
        return undistort(xd, yd, maxRadius());
    }

    /**
     * {@link #undistort(double, double)} with the lens's {@link #maxRadius()} computed once by the
     * caller (it costs a scan; a remap over a whole image needs it once).
     */
    public double[] undistort(double xd, double yd, double limit) {
        if (identity()) return new double[] {xd, yd};
        return model == Model.FISHEYE ? undistortFisheye(xd, yd, limit) : undistortBrownConrady(xd, yd, limit);
    }

    /** Fisheye: the radial map is one-dimensional in θ; Newton on θd(θ) = r_d. */
    private double[] undistortFisheye(double xd, double yd, double limit) {
        double rd = Math.hypot(xd, yd);
        if (rd < 1e-15) return new double[] {xd, yd};
        double top = Math.atan(limit), t = Math.min(rd, top);
        for (int i = 0; i < 50; i++) {
            double t2 = t * t;
            double g = t * (1 + t2 * (k1 + t2 * (k2 + t2 * (k3 + t2 * k4)))) - rd;
            double slope = 1 + t2 * (3 * k1 + t2 * (5 * k2 + t2 * (7 * k3 + t2 * 9 * k4)));
            if (!(slope > 0)) return null;
            double next = Math.max(0, Math.min(top, t - g / slope));
            boolean done = Math.abs(next - t) < 1e-15;
            t = next;
            if (done) break;
        }
        double t2 = t * t;
        if (t > top || Math.abs(t * (1 + t2 * (k1 + t2 * (k2 + t2 * (k3 + t2 * k4)))) - rd) > 1e-9) return null;
        double scale = Math.tan(t) / rd;
        return new double[] {xd * scale, yd * scale};
    }

    /** Brown–Conrady: two-dimensional Newton with the analytic Jacobian, damped at the field's edge. */
    private double[] undistortBrownConrady(double xd, double yd, double limit) {
        double x = xd, y = yd, ex = 0, ey = 0;
        for (int i = 0; i < 50; i++) {
            double r2 = x * x + y * y;
            double g = 1 + r2 * (k1 + r2 * (k2 + r2 * k3)), dg = k1 + r2 * (2 * k2 + r2 * 3 * k3);
            ex = x * g + 2 * p1 * x * y + p2 * (r2 + 2 * x * x) - xd;
            ey = y * g + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y - yd;
            if (ex * ex + ey * ey < 1e-26) break;
            double a = g + 2 * x * x * dg + 2 * p1 * y + 6 * p2 * x;
            double b = 2 * x * y * dg + 2 * p1 * x + 2 * p2 * y;
            double d = g + 2 * y * y * dg + 6 * p1 * y + 2 * p2 * x;
            double det = a * d - b * b;
            if (!(Math.abs(det) > 1e-12)) return null;
            double dx = (d * ex - b * ey) / det, dy = (a * ey - b * ex) / det;
            double step = Math.hypot(dx, dy), most = 0.5 * limit;
            if (step > most) { dx *= most / step; dy *= most / step; }
            x -= dx;
            y -= dy;
        }
        if (x * x + y * y > limit * limit || Math.hypot(ex, ey) > 1e-9) return null;
        return new double[] {x, y};
    }

    /**
     * The normalized undistorted radius up to which the radial profile grows (the lens's field),
     * at most {@link #RADIUS_CAP}; a fisheye stops short of 90° off axis.
     */
    public double maxRadius() {
        if (model == Model.NONE) return Double.POSITIVE_INFINITY;
        // the first zero of the profile's slope: a coarse scan, then bisection
        double top = model == Model.FISHEYE ? Math.atan(RADIUS_CAP) : RADIUS_CAP, step = top / 2000;
        for (double lo = 0; lo < top; lo += step) {
            double hi = Math.min(top, lo + step);
            if (slope(hi) > 0) continue;
            for (int i = 0; i < 50; i++) {
                double mid = (lo + hi) / 2;
                if (slope(mid) > 0) lo = mid; else hi = mid;
            }
            return model == Model.FISHEYE ? Math.tan(lo) : lo;
        }
        return RADIUS_CAP;
    }

    /** d(radial profile)/d(radius or θ) of the radial terms. */
    private double slope(double r) {
        double s = r * r;
        return model == Model.FISHEYE ? 1 + s * (3 * k1 + s * (5 * k2 + s * (7 * k3 + s * 9 * k4)))
                : 1 + s * (3 * k1 + s * (5 * k2 + s * 7 * k3));
    }
}
