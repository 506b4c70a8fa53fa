package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import dev.mirage.asset.Person;
import java.util.List;
import org.joml.Matrix4d;

/**
 * A pedestrian built on {@link Person}'s body (same skeleton and joints), scaled to a height, in a
 * walking pose, dressed: skin, a recolorable shirt, trousers, shoes and hair. Faces +Z, its own
 * left +X, on y = 0. Parts: {@code head}, {@code torso}, {@code arm_l}, {@code arm_r},
 * {@code leg_l}, {@code leg_r}.
 */
final class Pedestrian implements Generator {
    @Override public String name() { return "pedestrian"; }
    @Override public String category() { return "person"; }
    @Override public String description() { return "Adult or child pedestrian in a walking pose; faces +Z, shirt recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("age", "adult", List.of("adult", "child"), "a child has a larger head for its height"),
                ParamSpec.number("heightM", "m", 1.75, 0.9, 2.1, "standing height"),
                ParamSpec.number("strideDeg", "deg", 15, 0, 35, "leg swing about the hips (arms swing the other way)"),
                ParamSpec.number("buildRatio", "ratio", 1, 0.8, 1.3, "width and depth relative to average"));
    }

    @Override
    public Model make(Params p) {
        // a swung leg lifts the body's lowest point off the ground: build, then scale the body so
        // that from its lowest point to the top of its head it is heightM, and lower it onto y = 0
        Model first = make(p, 1, 0);
        double lo = first.bounds().min().y(), hi = first.bounds().max().y();
        if (lo == 0) return first;
        double s = hi / (hi - lo); // hi is heightM: the head's top
        return make(p, s, -lo * s);
    }

    private Model make(Params p, double scale, double dropM) {
        double h = p.num("heightM"), build = p.num("buildRatio");
        boolean child = p.word("age").equals("child");
        double k = scale * h / Person.REFERENCE_HEIGHT_M;
        Matrix4d toModel = new Matrix4d().translate(0, dropM, 0).scale(k * build, k, k * build);
        ModelBuilder m = new ModelBuilder("pedestrian");
        Outfit.dress(m, Person.pieces(p.num("strideDeg")), toModel, child, null);
        return m.build();
    }
}
