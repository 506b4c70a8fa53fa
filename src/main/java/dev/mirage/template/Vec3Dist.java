package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * A 3-vector, fixed or drawn per use. In files: {@code [x, y, z]} where each component may itself be
 * any number form ({@code [0, {"uniform": [1, 2]}, {"var": "h"}]}),
 * {@code {"uniform": [[minX, minY, minZ], [maxX, maxY, maxZ]]}} (a box, each axis independently),
 * {@code {"choice": [[x, y, z], ...]}} (optionally weighted), or a shape around a centre:
 * {@code {"sphere"|"hemisphere"|"disk"|"ball": {"center": [x, y, z], "radius": r}}} — uniform on the
 * sphere's surface, on its upper half (y ≥ centre), in the horizontal disk (area), or in the ball (volume).
 */
public sealed interface Vec3Dist {
    /** Draws a vector into a new value. */
    Vector3d sample(RandomGenerator rng);

    /** True when every draw gives the same vector and draws nothing. */
    default boolean fixed() { return false; }

    record Constant(double x, double y, double z) implements Vec3Dist {
        public Vector3d sample(RandomGenerator rng) { return new Vector3d(x, y, z); }
        @Override public boolean fixed() { return true; }
    }

    /** Each component drawn from its own number form, x then y then z. */
    record PerAxis(NumberDist x, NumberDist y, NumberDist z) implements Vec3Dist {
        public Vector3d sample(RandomGenerator rng) {
            double a = x.sample(rng), b = y.sample(rng), c = z.sample(rng);
            return new Vector3d(a, b, c);
        }
    }

    /** One number drawn once and used for all three components (a uniform scale). */
    record Isotropic(NumberDist value) implements Vec3Dist {
        public Vector3d sample(RandomGenerator rng) {
            double v = value.sample(rng);
            return new Vector3d(v, v, v);
        }
    }

    record Uniform(Constant min, Constant max) implements Vec3Dist {
        public Uniform {
            if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z())
                throw new IllegalArgumentException("min " + min + " exceeds max " + max);
        }
        public Vector3d sample(RandomGenerator rng) {
            double x = min.x() + (max.x() - min.x()) * rng.nextDouble();
            double y = min.y() + (max.y() - min.y()) * rng.nextDouble();
            double z = min.z() + (max.z() - min.z()) * rng.nextDouble();
            return new Vector3d(x, y, z);
        }
    }

    record Choice(List<Constant> values, double[] weights) implements Vec3Dist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
            if (weights != null) weights = Weights.check(weights, values.size());
        }
        public Choice(List<Constant> values) { this(values, null); }
        public Vector3d sample(RandomGenerator rng) { return values.get(Weights.pick(rng, weights, values.size())).sample(rng); }
    }

    /** Uniform over a shape of radius {@code radius} around {@code center}. */
    record Around(Shape shape, Constant center, double radius) implements Vec3Dist {
        /** Where in the shape. */
        public enum Shape { SPHERE, HEMISPHERE, DISK, BALL }

        public Around {
            if (!(radius > 0)) throw new IllegalArgumentException("radius " + radius);
        }
        public Vector3d sample(RandomGenerator rng) {
            Vector3d unit = switch (shape) {
                case SPHERE -> Sampling.onSphere(rng);
                case HEMISPHERE -> Sampling.onHemisphere(rng);
                case DISK -> Sampling.inDisk(rng);
                case BALL -> Sampling.inBall(rng);
            };
            return unit.mul(radius).add(center.x(), center.y(), center.z());
        }
    }
}
