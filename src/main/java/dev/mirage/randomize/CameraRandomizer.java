package dev.mirage.randomize;

import dev.mirage.scene.Camera;
import dev.mirage.scene.Bloom;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.Lens;
import dev.mirage.template.CameraEffectsSpec;
import dev.mirage.template.LensSpec;
import dev.mirage.template.NumberDist;
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
        return new Camera(position, lookAt, fovY, spec.nearM(), spec.farM(), image.width(), image.height(), roll, cx, cy,
                lens(spec.lens(), rng, log), effects(spec.effects(), image.height(), rng, log));
    }

    /** The lens, drawn after every other camera value so templates without one keep their draws. */
    static Lens lens(LensSpec spec, RandomGenerator rng, SampleLog log) {
        if (spec == null) return Lens.NONE;
        double k1 = Logged.number(spec.k1(), rng, log, "/camera/lens/k1");
        double k2 = Logged.number(spec.k2(), rng, log, "/camera/lens/k2");
        double k3 = Logged.number(spec.k3(), rng, log, "/camera/lens/k3");
        if (spec.model().equals("fisheye"))
            return Lens.fisheye(k1, k2, k3, Logged.number(spec.k4(), rng, log, "/camera/lens/k4"));
        double p1 = Logged.number(spec.p1(), rng, log, "/camera/lens/p1");
        double p2 = Logged.number(spec.p2(), rng, log, "/camera/lens/p2");
        return Lens.brownConrady(k1, k2, p1, p2, k3);
    }

    /** The effects, drawn after the lens. */
    static CameraEffects effects(CameraEffectsSpec spec, int height, RandomGenerator rng, SampleLog log) {
        if (spec == null) return CameraEffects.NONE;
        double shot = optional(spec.shotNoise(), rng, log, "/camera/effects/noise/shot");
        double read = optional(spec.readNoise(), rng, log, "/camera/effects/noise/read");
        double vignetting = optional(spec.vignetting(), rng, log, "/camera/effects/vignetting");
        double ca = optional(spec.chromaticAberrationPx(), rng, log, "/camera/effects/chromaticAberrationPx");
        double shutter = optional(spec.shutterS(), rng, log, "/camera/effects/motionBlur/shutterS");
        Vector3d velocity = spec.velocityMps() == null ? new Vector3d()
                : Logged.vector(spec.velocityMps(), rng, log, "/camera/effects/motionBlur/velocityMps");
        int jpeg = (int) Math.round(optional(spec.jpegQuality(), rng, log, "/camera/effects/jpegQuality"));
        Bloom bloom = Bloom.NONE;
        if (spec.bloom() != null) {
            double strength = Logged.number(spec.bloom().strength(), rng, log, "/camera/effects/bloom/strength");
            double threshold = spec.bloom().threshold() == null ? Bloom.DEFAULT_THRESHOLD
                    : Logged.number(spec.bloom().threshold(), rng, log, "/camera/effects/bloom/threshold");
            double radius = spec.bloom().radiusPx() == null ? Bloom.defaultRadiusPx(height)
                    : Logged.number(spec.bloom().radiusPx(), rng, log, "/camera/effects/bloom/radiusPx");
            double glare = spec.bloom().glare() == null ? 0 : Logged.number(spec.bloom().glare(), rng, log, "/camera/effects/bloom/glare");
            bloom = new Bloom(strength, threshold, radius, glare);
        }
        return new CameraEffects(shot, read, vignetting, ca, shutter, velocity, jpeg, bloom);
    }

    private static double optional(NumberDist d, RandomGenerator rng, SampleLog log, String pointer) {
        return d == null ? 0 : Logged.number(d, rng, log, pointer);
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
