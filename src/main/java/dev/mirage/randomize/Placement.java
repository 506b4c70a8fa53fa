package dev.mirage.randomize;

import dev.mirage.asset.Bounds;
import dev.mirage.scene.Camera;
import dev.mirage.template.ObjectSpec.PlacementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Places instances by rule in one frame: a point in the entry's area, a facing, the instance's
 * lowest point on the ground, and — when asked — a footprint that keeps {@code minSpacingM} from every
 * footprint placed before it in the frame. Footprints are the instance's box seen from above: the
 * rectangle of its model bounds turned by its yaw when it is otherwise upright, else the axis-aligned
 * rectangle around its turned box. A placement that fails {@code maxTries} times, or whose area is
 * already fuller than the new footprint allows, fails the frame with a message instead of looping.
 *
 * <p>Thread safety: not thread-safe; one per frame.
 */
final class Placement {
    /** Where an instance goes. */
    /**
     * Where an instance goes, and the draws that put it there.
     *
     * @param lane      the lane taken (lanes), else −1
     * @param jitterDeg the facing jitter drawn
     * @param distanceM the distance from the camera drawn (in front of the camera), else NaN
     */
    record Pose(Vector3d position, double yawDeg, int lane, double jitterDeg, double distanceM) {}

    private final Camera camera;
    private final List<double[][]> placed = new ArrayList<>();
    /** Room used so far per placement rule (by pointer), for the fast infeasibility check. */
    private final java.util.Map<String, Room> rooms = new java.util.HashMap<>();

    Placement(Camera camera) {
        this.camera = camera;
    }

    /** A pose, or null when there is no room and the rule says to skip the instance. */
    Pose place(PlacementSpec spec, Bounds model, Vector3d rotationDeg, double extraYawDeg, Vector3d scale, RandomGenerator rng) {
        double[][] first = null;
        for (int attempt = 0; attempt < spec.maxTries(); attempt++) {
            Candidate c = candidate(spec, model, rotationDeg, extraYawDeg, scale, rng);
            if (c == null) continue; // the lane drawn has no room left
            double jitter = spec.facingJitterDeg().sample(rng);
            double yaw = c.facingYawDeg + jitter + extraYawDeg;
            Vector3d position = c.point;
            Matrix4d turn = ObjectRandomizer.modelToWorld(new Vector3d(), rotationDeg, yaw, scale);
            Bounds turned = model.transform(turn);
            if (spec.onGround()) position.y = spec.groundY() - turned.min().y();
            double[][] footprint = footprint(model, turn, rotationDeg, position);
            if (first == null) {
                first = footprint;
                if (!roomFor(spec, footprint)) return null;
            }
            Pose pose = new Pose(position, yaw, c.lane, jitter, c.distanceM);
            if (!spec.noOverlap()) return pose; // floats free: neither blocks nor is blocked
            if (placed.stream().allMatch(other -> apart(footprint, other, spec.minSpacingM()))) {
                placed.add(footprint);
                Room room = rooms.computeIfAbsent(spec.pointer(), k -> new Room());
                room.used += area(footprint);
                double[] extent = extent(footprint);
                room.width = Math.max(room.width, extent[0]);
                room.depth = Math.max(room.depth, extent[1]);
                return pose;
            }
        }
        if (spec.skipWhenFull()) return null;
        throw new SamplingException(spec.pointer(), String.format(Locale.ROOT,
                "expected to place an instance without overlap (spacing %.2f m) in %d tries, but %d footprints already "
                        + "fill the area; enlarge the area, lower the count or minSpacingM, or raise maxTries",
                spec.minSpacingM(), spec.maxTries(), placed.size()));
    }

    /** Footprint area placed so far by one rule, and the widest and deepest footprint. */
    private static final class Room {
        double used, width, depth;
    }

    /**
     * False (or, unless the rule skips, a failure at once) when the area cannot hold another footprint: every footprint of a region lies
     * inside the region grown by the largest footprint's extent, so their areas cannot sum past it.
     */
    private boolean roomFor(PlacementSpec spec, double[][] footprint) {
        if (!spec.noOverlap() || spec.area() != PlacementSpec.Area.REGION) return true;
        Room room = rooms.getOrDefault(spec.pointer(), new Room());
        double[] extent = extent(footprint);
        double width = spec.regionMax()[0] - spec.regionMin()[0] + Math.max(room.width, extent[0]);
        double depth = spec.regionMax()[1] - spec.regionMin()[1] + Math.max(room.depth, extent[1]);
        double area = area(footprint);
        if (room.used + area <= width * depth) return true;
        if (spec.skipWhenFull()) return false;
        throw new SamplingException(spec.pointer(), String.format(Locale.ROOT,
                    "expected room for another instance: its footprint (%.2f m²) and the %.2f m² already placed exceed "
                            + "the %.2f m² the region and its footprints can cover; enlarge the area or lower the count",
                    area, room.used, width * depth));
    }

    /** Width (x) and depth (z) of a footprint's bounding rectangle. */
    private static double[] extent(double[][] poly) {
        double[] r = rectangle(poly);
        return new double[] {r[1] - r[0], r[3] - r[2]};
    }

    /** A footprint's bounding rectangle {minX, maxX, minZ, maxZ}. */
    private static double[] rectangle(double[][] poly) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, z0 = Double.POSITIVE_INFINITY, z1 = Double.NEGATIVE_INFINITY;
        for (double[] p : poly) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            z0 = Math.min(z0, p[1]);
            z1 = Math.max(z1, p[1]);
        }
        return new double[] {x0, x1, z0, z1};
    }

    private record Candidate(Vector3d point, double facingYawDeg, int lane, double distanceM) {}

    private Candidate candidate(PlacementSpec spec, Bounds model, Vector3d rotationDeg, double extraYawDeg, Vector3d scale,
                                RandomGenerator rng) {
        Vector3d point;
        double facing;
        int laneTaken = -1;
        double distanceTaken = Double.NaN;
        switch (spec.area()) {
            case REGION -> {
                double x = spec.regionMin()[0] + (spec.regionMax()[0] - spec.regionMin()[0]) * rng.nextDouble();
                double z = spec.regionMin()[1] + (spec.regionMax()[1] - spec.regionMin()[1]) * rng.nextDouble();
                point = new Vector3d(x, spec.groundY(), z);
                facing = 0;
            }
            case LANES -> {
                int lane = rng.nextInt(spec.laneCentersX().length);
                laneTaken = lane;
                double x = spec.laneCentersX()[lane] + spec.laneJitterM() * (2 * rng.nextDouble() - 1);
                facing = spec.laneHeadingDeg()[lane];
                double[] along = freeAlongLane(spec, x, model, rotationDeg, facing + extraYawDeg, scale);
                double u = rng.nextDouble();
                if (along == null) return null;
                point = new Vector3d(x, spec.groundY(), at(along, u));
            }
            case PATH -> {
                Polyline path = new Polyline(spec.path());
                double t = rng.nextDouble();
                point = path.at(t);
                Vector3d d = path.direction(t);
                facing = Math.toDegrees(Math.atan2(d.x, d.z));
            }
            default -> {
                if (camera == null) throw new IllegalStateException("placement in front of a camera without a camera");
                double m = spec.marginPx();
                if (2 * m >= Math.min(camera.width(), camera.height()))
                    throw new SamplingException(spec.pointer() + "/inFrontOfCamera/marginPx", "expected a margin under half the image's "
                            + "smaller side (" + camera.width() + "x" + camera.height() + "), got " + m);
                double u = m + (camera.width() - 2 * m) * rng.nextDouble();
                double v = m + (camera.height() - 2 * m) * rng.nextDouble();
                double distance = spec.distanceM().sample(rng);
                distanceTaken = distance;
                double f = camera.focalPixels();
                Vector3d ray = new Vector3d((u - camera.cx()) / f, (camera.cy() - v) / f, -1).normalize().mul(distance);
                point = camera.cameraToWorld().transformPosition(ray);
                facing = 0;
            }
        }
        switch (spec.facing()) {
            case "random" -> facing = 360 * rng.nextDouble();
            case "camera" -> facing = camera == null ? 0
                    : Math.toDegrees(Math.atan2(camera.position().x() - point.x, camera.position().z() - point.z));
            case "none" -> facing = 0;
            default -> { } // lane, path: the area's own facing
        }
        return new Candidate(point, facing, laneTaken, distanceTaken);
    }

    /**
     * The stretches of a lane (z intervals, flattened) where an instance centred at {@code x} would
     * keep its spacing from every footprint placed so far, judged by bounding rectangles; null when
     * none is left. Sampling z only there keeps a crowded lane from jamming: rejection alone leaves
     * gaps too short for a car that no number of tries fills. (The exact test still follows.)
     */
    private double[] freeAlongLane(PlacementSpec spec, double x, Bounds model, Vector3d rotationDeg, double yawDeg, Vector3d scale) {
        Matrix4d turn = ObjectRandomizer.modelToWorld(new Vector3d(), rotationDeg, yawDeg, scale);
        // the footprint with its origin at (x, 0): a model need not be centred on its origin
        double[] own = rectangle(footprint(model, turn, rotationDeg, new Vector3d(x, 0, 0)));
        double ox0 = own[0], ox1 = own[1], oz0 = own[2], oz1 = own[3];
        double gap = spec.minSpacingM();
        java.util.List<double[]> free = new java.util.ArrayList<>();
        free.add(new double[] {spec.laneZ()[0], spec.laneZ()[1]});
        if (spec.noOverlap()) {
            for (double[][] other : placed) {
                double[] r = rectangle(other);
                double x0 = r[0], x1 = r[1], z0 = r[2], z1 = r[3];
                if (x1 + gap <= ox0 || x0 - gap >= ox1) continue; // beside the lane
                // origins z in (b0, b1) would bring the footprints closer than the gap along z
                double b0 = z0 - oz1 - gap, b1 = z1 - oz0 + gap;
                java.util.List<double[]> next = new java.util.ArrayList<>();
                for (double[] f : free) {
                    if (b1 <= f[0] || b0 >= f[1]) next.add(f);
                    else {
                        if (b0 > f[0]) next.add(new double[] {f[0], b0});
                        if (b1 < f[1]) next.add(new double[] {b1, f[1]});
                    }
                }
                free = next;
            }
        }
        double total = 0;
        for (double[] f : free) total += f[1] - f[0];
        if (!(total > 0)) return null;
        double[] out = new double[free.size() * 2];
        for (int i = 0; i < free.size(); i++) {
            out[2 * i] = free.get(i)[0];
            out[2 * i + 1] = free.get(i)[1];
        }
        return out;
    }

    /** The point at fraction u of the total length of the intervals. */
    private static double at(double[] intervals, double u) {
        double total = 0;
        for (int i = 0; i < intervals.length; i += 2) total += intervals[i + 1] - intervals[i];
        double d = u * total;
        for (int i = 0; i < intervals.length; i += 2) {
            double length = intervals[i + 1] - intervals[i];
            if (d <= length) return intervals[i] + d;
            d -= length;
        }
        return intervals[intervals.length - 1];
    }

    /** Corners (x, z) of the footprint, counter-clockwise or clockwise, 4 points. */
    static double[][] footprint(Bounds model, Matrix4d turn, Vector3d rotationDeg, Vector3d position) {
        if (rotationDeg.x == 0 && rotationDeg.z == 0) {
            double[][] out = new double[4][];
            double[][] xz = {{model.min().x(), model.min().z()}, {model.max().x(), model.min().z()},
                    {model.max().x(), model.max().z()}, {model.min().x(), model.max().z()}};
            Vector3d p = new Vector3d();
            for (int i = 0; i < 4; i++) {
                turn.transformPosition(p.set(xz[i][0], 0, xz[i][1]));
                out[i] = new double[] {p.x + position.x, p.z + position.z};
            }
            return out;
        }
        Bounds b = model.transform(turn);
        double x0 = b.min().x() + position.x, x1 = b.max().x() + position.x;
        double z0 = b.min().z() + position.z, z1 = b.max().z() + position.z;
        return new double[][] {{x0, z0}, {x1, z0}, {x1, z1}, {x0, z1}};
    }

    static double area(double[][] poly) {
        double a = 0;
        for (int i = 0; i < poly.length; i++) {
            double[] p = poly[i], q = poly[(i + 1) % poly.length];
            a += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(a) / 2;
    }

    /** True when some edge normal of either convex polygon separates them by at least {@code gap}. */
    static boolean apart(double[][] a, double[][] b, double gap) {
        return separated(a, b, gap) || separated(b, a, gap);
    }

    private static boolean separated(double[][] edges, double[][] other, double gap) {
        for (int i = 0; i < edges.length; i++) {
            double[] p = edges[i], q = edges[(i + 1) % edges.length];
            double nx = q[1] - p[1], nz = p[0] - q[0];
            double len = Math.hypot(nx, nz);
            if (len == 0) continue;
            nx /= len;
            nz /= len;
            double aMin = Double.POSITIVE_INFINITY, aMax = Double.NEGATIVE_INFINITY;
            for (double[] v : edges) { double d = v[0] * nx + v[1] * nz; aMin = Math.min(aMin, d); aMax = Math.max(aMax, d); }
            double bMin = Double.POSITIVE_INFINITY, bMax = Double.NEGATIVE_INFINITY;
            for (double[] v : other) { double d = v[0] * nx + v[1] * nz; bMin = Math.min(bMin, d); bMax = Math.max(bMax, d); }
            if (bMin - aMax >= gap || aMin - bMax >= gap) return true;
        }
        return false;
    }
}
