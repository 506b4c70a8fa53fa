package dev.mirage.randomize;

import dev.mirage.scene.Camera;
import dev.mirage.template.SceneTemplate.CameraSpec;
import dev.mirage.template.SceneTemplate.ImageSpec;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * Samples the camera of a frame: where (a position, or a point along a path, optionally at a fixed
 * mounting height), where it looks (a target with optional cone jitter, yaw and pitch, or along the
 * path), roll, and the lens (field of view or focal length, principal point).
 */
public final class CameraRandomizer {
    private CameraRandomizer() {}

    /**
     * @throws SamplingException when a draw puts the camera on its own look-at point
     */
    public static Camera sample(CameraSpec spec, ImageSpec image, RandomGenerator rng) {
        return sample(spec, image, rng, new SampleLog());
    }

    public static Camera sample(CameraSpec spec, ImageSpec image, RandomGenerator rng, SampleLog log) {
        Vector3d position;
        Vector3d pathDirection = null;
        if (spec.path() != null) {
            double at = Logged.number(spec.pathAt(), rng, log, "/camera/path/at");
            Polyline path = new Polyline(spec.path());
            position = path.at(at);
            pathDirection = path.direction(at);
        } else {
            position = Logged.vector(spec.position(), rng, log, "/camera/position");
        }
        if (spec.heightM() != null) position.y = Logged.number(spec.heightM(), rng, log, "/camera/heightM");
        Vector3d lookAt;
        if (spec.lookAt() != null) {
            lookAt = Logged.vector(spec.lookAt(), rng, log, "/camera/lookAt");
            if (position.distance(lookAt) < 1e-6)
                throw new SamplingException("/camera/lookAt", String.format("expected a look-at point away from the camera position, got both at [%s, %s, %s]",
                        position.x, position.y, position.z));
            if (spec.lookAtJitterDeg() != null) {
                double jitter = Math.toRadians(Logged.number(spec.lookAtJitterDeg(), rng, log, "/camera/lookAtJitterDeg"));
                Vector3d toTarget = new Vector3d(lookAt).sub(position);
                Vector3d dir = inCone(new Vector3d(toTarget).normalize(), jitter, rng);
                lookAt = dir.mul(toTarget.length()).add(position);
            }
        } else {
            // on a path, yawDeg turns the view from the path's heading (a camera mounted on a vehicle)
            double heading = pathDirection == null ? 0 : Math.atan2(-pathDirection.x, -pathDirection.z);
            double yaw = heading + (spec.yawDeg() != null ? Math.toRadians(Logged.number(spec.yawDeg(), rng, log, "/camera/yawDeg")) : 0);
            double pitch = Math.toRadians(Logged.number(spec.pitchDeg(), rng, log, "/camera/pitchDeg"));
            lookAt = new Vector3d(-Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), -Math.cos(yaw) * Math.cos(pitch)).add(position);
        }
        double roll = Math.toRadians(Logged.number(spec.rollDeg(), rng, log, "/camera/rollDeg"));
        double fovY;
        if (spec.fovDeg() != null) {
            fovY = Math.toRadians(Logged.number(spec.fovDeg(), rng, log, "/camera/fovDeg"));
        } else {
            double focal = Logged.number(spec.focalLengthMm(), rng, log, "/camera/focalLengthMm");
            fovY = 2 * Math.atan(spec.sensorHeightMm() / 2 / focal);
        }
        double cx = image.width() / 2.0, cy = image.height() / 2.0;
        if (spec.principalPointPx() != null) {
            cx = Logged.number(spec.principalPointPx()[0], rng, log, "/camera/principalPointPx/0");
            cy = Logged.number(spec.principalPointPx()[1], rng, log, "/camera/principalPointPx/1");
        }
        return new Camera(position, lookAt, fovY, spec.nearM(), spec.farM(), image.width(), image.height(), roll, cx, cy);
    }

    /** A unit direction uniform over the cone of half-angle {@code halfAngle} around unit {@code axis} (two draws). */
    static Vector3d inCone(Vector3d axis, double halfAngle, RandomGenerator rng) {
        double cosT = 1 - rng.nextDouble() * (1 - Math.cos(halfAngle));
        double phi = 2 * Math.PI * rng.nextDouble();
        double sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT));
        Vector3d u = Math.abs(axis.y) < 0.9 ? new Vector3d(0, 1, 0).cross(axis).normalize() : new Vector3d(1, 0, 0).cross(axis).normalize();
        Vector3d v = new Vector3d(axis).cross(u);
        return new Vector3d(axis).mul(cosT).add(u.mul(sinT * Math.cos(phi))).add(v.mul(sinT * Math.sin(phi)));
    }
}
