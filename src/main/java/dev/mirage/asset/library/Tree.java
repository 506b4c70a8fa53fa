package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A tree: a tapering bark trunk and a crown, either a broadleaf ellipsoid wrapped in cut-out leaf
 * cards of overlapping leafy clumps or a conifer of stacked cones. Round about Y, on y = 0. Parts: {@code trunk}, {@code crown}.
 */
final class Tree implements Generator {
    @Override public String name() { return "tree"; }
    @Override public String category() { return "tree"; }
    @Override public String description() { return "Broadleaf or conifer tree with bark trunk and leafy crown"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("style", "broadleaf", List.of("broadleaf", "conifer"), "crown shape"),
                ParamSpec.number("heightM", "m", 7, 2, 25, "overall height"),
                ParamSpec.number("crownRadiusM", "m", 2.2, 0.5, 8, "crown radius"),
                ParamSpec.number("trunkRadiusM", "m", 0.18, 0.05, 0.8, "trunk radius at the ground"),
                ParamSpec.number("crownBaseRatio", "ratio", 0.35, 0.1, 0.7, "where the crown starts, as a fraction of the height"));
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM"), cr = p.num("crownRadiusM"), tr = p.num("trunkRadiusM"), base = p.num("crownBaseRatio") * h;
        ModelBuilder m = new ModelBuilder("tree");
        boolean conifer = p.word("style").equals("conifer");
        double trunkTop = conifer ? h * 0.9 : base + (h - base) * 0.5;
        m.part("trunk", Materials.bark()).uvScale(1).lathe(new double[] {0, tr * 1.25, tr, tr * 0.5, 0},
                new double[] {0, 0, 0.4, trunkTop, trunkTop}, 16, Math.max(1, Math.round(2 * Math.PI * tr)));
        if (conifer) {
            int tiers = 4;
            double span = h - base;
            for (int i = 0; i < tiers; i++) {
                double y0 = base + span * i / (tiers + 1.0), y1 = i == tiers - 1 ? h : y0 + span * 0.45;
                double r = cr * (1 - 0.2 * i);
                m.part("crown", Materials.foliage()).uvScale(1).lathe(new double[] {0, r, 0}, new double[] {y0, y0 + 0.15 * (y1 - y0), y1}, 20, 4);
            }
        } else {
            // the core fills the crown from its base to the top; clumps stay inside both
            double cy = (base + h) / 2, ry = (h - base) / 2;
            MeshBuilder crown = m.part("crown", Materials.foliage()).uvScale(1);
            crown.ellipsoid(0, cy, 0, cr * 0.8, ry, cr * 0.8, 20, 12);
            // clumps around the core give the crown an uneven outline, within the crown radius
            for (int k = 0; k < 6; k++) {
                double a = 2 * Math.PI * k / 6 + 0.4, up = (k % 2 == 0 ? 0.2 : -0.2) * ry;
                double c = 0.45 * cr;
                crown.ellipsoid(c * Math.cos(a), cy + up, -c * Math.sin(a), cr * 0.55, ry * 0.55, cr * 0.55, 14, 8);
            }
        }
        return m.build();
    }
}
