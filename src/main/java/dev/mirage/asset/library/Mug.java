package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A glazed ceramic mug (recolorable), open at the top with a hollow inside, its handle toward +Z.
 * The body's axis is on the origin, on y = 0. Part: {@code mug}.
 */
final class Mug implements Generator {
    @Override public String name() { return "mug"; }
    @Override public String category() { return "cup"; }
    @Override public String description() { return "Ceramic mug with a handle toward +Z; glaze recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("heightM", "m", 0.095, 0.06, 0.16, "overall height"),
                ParamSpec.number("diameterM", "m", 0.082, 0.05, 0.12, "outer diameter of the body"),
                ParamSpec.number("handleReachM", "m", 0.035, 0.02, 0.06, "how far the handle stands out from the body"));
    }

    /** Tube radius of the handle for a mug of this height. */
    static double handleTube(double heightM) {
        return 0.006 * heightM / 0.095 + 0.002;
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM"), r = p.num("diameterM") / 2, reach = p.num("handleReachM");
        double wall = Math.max(0.003, 0.07 * r), floor = 0.008;
        ModelBuilder m = new ModelBuilder("mug");
        // one closed profile: under the foot, up the outside, over the rim, down the inside to the floor
        m.part("mug", Materials.ceramic()).uvScale(10).smoothLathe(
                new double[] {0, r - 0.004, r, r, r - wall / 2, r - wall, r - wall, 0},
                new double[] {0, 0, 0.004, h - 0.002, h, h - 0.002, floor, floor}, 40);
        // handle: a C of tube from high on the body to low, standing out toward +Z
        double tube = handleTube(h), top = h * 0.78, bottom = h * 0.25, mid = (top + bottom) / 2, half = (top - bottom) / 2;
        double out = reach - tube + wall / 2; // the tube's outside reaches r + reach
        int n = 14;
        double[][] path = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = Math.PI / 2 - Math.PI * i / n; // from the top round to the bottom
            path[i] = new double[] {(r - wall / 2) + out * Math.cos(a), mid + half * Math.sin(a)}; // the ends sit in the wall
        }
        m.part("mug", Materials.ceramic()).uvScale(10).sweepX(path, 0, tube, 10);
        return m.build();
    }
}
