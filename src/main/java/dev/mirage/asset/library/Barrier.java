package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * Road barriers along X (length), centred on the origin, on y = 0: a concrete "jersey" barrier
 * (sloped profile) or a striped plank barrier on two A-frame legs. Part: {@code barrier}.
 */
final class Barrier implements Generator {
    @Override public String name() { return "barrier"; }
    @Override public String category() { return "barrier"; }
    @Override public String description() { return "Concrete jersey barrier or striped plank barrier; length along X"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("style", "jersey", List.of("jersey", "plank"), "concrete jersey or plank on legs"),
                ParamSpec.number("lengthM", "m", 2.0, 0.8, 6, "length along X"),
                ParamSpec.number("heightM", "m", 0.8, 0.5, 1.3, "overall height"));
    }

    @Override
    public Model make(Params p) {
        double len = p.num("lengthM"), h = p.num("heightM"), half = len / 2;
        ModelBuilder m = new ModelBuilder("barrier");
        if (p.word("style").equals("jersey")) {
            double b = 0.3 * h, t = 0.1 * h; // half widths at the base and top
            double[][] profile = {{-b, 0}, {b, 0}, {b, 0.1 * h}, {0.55 * b, 0.32 * h}, {t, h}, {-t, h}, {-0.55 * b, 0.32 * h}, {-b, 0.1 * h}};
            // profile in (z, y), extruded along X
            m.part("barrier", Materials.concrete()).uvScale(1).extrudeX(profile, -half, half);
        } else {
            double plankH = 0.25 * h, legW = 0.05, foot = 0.35 * h;
            for (int s = -1; s <= 1; s += 2) {
                double x = s * (half - 0.1);
                m.part("barrier", Materials.metal("leg", 0.25, 0.25, 0.25)).box(x - legW / 2, 0, -legW / 2, x + legW / 2, h - 0.02, legW / 2);
                m.part("barrier", Materials.metal("leg", 0.25, 0.25, 0.25)).box(x - legW / 2, 0, -foot, x + legW / 2, 0.05, foot);
            }
            // the plank: alternating red and white segments
            int stripes = Math.max(2, (int) Math.round(len / 0.4));
            double w = len / stripes;
            for (int i = 0; i < stripes; i++) {
                var mat = i % 2 == 0 ? Materials.plastic("barrier_red", 0.8, 0.08, 0.08) : Materials.fixedPlastic("reflective_white", 0.95, 0.95, 0.95);
                m.part("barrier", mat).box(-half + i * w, h - plankH, 0.03, -half + (i + 1) * w, h, 0.06);
            }
        }
        return m.build();
    }
}
