package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * A 3-vector, fixed or drawn per frame. In files: {@code [x, y, z]},
 * {@code {"uniform": [[minX, minY, minZ], [maxX, maxY, maxZ]]}} (each axis independently) or
 * {@code {"choice": [[x, y, z], ...]}}.
 */
public sealed interface Vec3Dist {
    /** Draws a vector into a new value. */
    Vector3d sample(RandomGenerator rng);

    record Constant(double x, double y, double z) implements Vec3Dist {
        public Vector3d sample(RandomGenerator rng) { return new Vector3d(x, y, z); }
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

    record Choice(List<Constant> values) implements Vec3Dist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
        }
        public Vector3d sample(RandomGenerator rng) { return values.get(rng.nextInt(values.size())).sample(rng); }
    }
}
