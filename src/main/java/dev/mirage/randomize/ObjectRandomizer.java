package dev.mirage.randomize;

import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Places a frame's objects: count, pose and colour of every template entry, in file order.
 * Labeled objects (those with a category) get instance ids 1..N in that order.
 */
public final class ObjectRandomizer {
    private ObjectRandomizer() {}

    public static List<ObjectInstance> sample(SceneTemplate template, RandomGenerator rng) {
        List<ObjectInstance> out = new ArrayList<>();
        int nextId = 1;
        for (ObjectSpec spec : template.objects()) {
            int count = spec.count().sample(rng);
            int categoryId = spec.category() == null ? 0 : template.category(spec.category()).orElseThrow().id();
            for (int i = 0; i < count; i++) {
                int instanceId = categoryId == 0 ? 0 : nextId++;
                out.add(place(spec, instanceId, categoryId, rng));
            }
        }
        return out;
    }

    private static ObjectInstance place(ObjectSpec spec, int instanceId, int categoryId, RandomGenerator rng) {
        Vector3d position = spec.position().sample(rng);
        Vector3d rotationDeg = spec.rotationDeg().sample(rng);
        double yawDeg = spec.yawDeg().sample(rng);
        Vector3d scale = spec.scale().sample(rng).mul(spec.size().x(), spec.size().y(), spec.size().z());
        Vector3d color = spec.color() == null ? null : spec.color().sample(rng);
        return new ObjectInstance(instanceId, categoryId, name(spec), source(spec),
                modelToWorld(position, rotationDeg, yawDeg, scale), color, position, rotationDeg, yawDeg, scale);
    }

    /** T(position) · Ry(yaw) · Rz · Ry · Rx · S(scale), angles in degrees. */
    public static Matrix4d modelToWorld(Vector3d position, Vector3d rotationDeg, double yawDeg, Vector3d scale) {
        return new Matrix4d()
                .translate(position)
                .rotateY(Math.toRadians(yawDeg))
                .rotateZ(Math.toRadians(rotationDeg.z))
                .rotateY(Math.toRadians(rotationDeg.y))
                .rotateX(Math.toRadians(rotationDeg.x))
                .scale(scale);
    }

    private static MeshSource source(ObjectSpec spec) {
        if (spec.shape() != null) return new MeshSource.Primitive(MeshSource.PrimitiveKind.valueOf(spec.shape().name()));
        return new MeshSource.AssetNode(spec.asset(), spec.node());
    }

    private static String name(ObjectSpec spec) {
        if (spec.name() != null) return spec.name();
        if (spec.shape() != null) return spec.shape().name().toLowerCase(java.util.Locale.ROOT);
        String file = spec.asset().getFileName().toString();
        return spec.node() == null ? file : file + "#" + spec.node();
    }
}
