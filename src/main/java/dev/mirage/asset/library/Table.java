package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A table: a wooden top (recolorable) on four legs joined by an apron under the top. Footprint
 * centred on the origin, on y = 0. Parts: {@code top}, {@code legs}.
 */
final class Table implements Generator {
    @Override public String name() { return "table"; }
    @Override public String category() { return "dining_table"; }
    @Override public String description() { return "Four-legged table with a wooden top; wood recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("heightM", "m", 0.75, 0.4, 1.1, "height of the top surface"),
                ParamSpec.number("lengthM", "m", 1.4, 0.5, 3, "along Z"),
                ParamSpec.number("widthM", "m", 0.8, 0.5, 1.5, "along X"),
                ParamSpec.number("topThicknessM", "m", 0.03, 0.015, 0.08, "thickness of the top"));
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM"), z = p.num("lengthM") / 2, x = p.num("widthM") / 2, top = p.num("topThicknessM");
        double leg = 0.05, inset = 0.05, apron = Math.min(0.08, (h - top) * 0.2);
        ModelBuilder m = new ModelBuilder("table");
        Material wood = Materials.wood();
        m.part("top", wood).uvScale(2).box(-x, h - top, -z, x, h, z);
        MeshBuilder legs = m.part("legs", wood).uvScale(4);
        double lx = x - inset, lz = z - inset;
        for (int sx = -1; sx <= 1; sx += 2)
            for (int sz = -1; sz <= 1; sz += 2) {
                double cx = sx * (lx - leg / 2), cz = sz * (lz - leg / 2);
                legs.box(cx - leg / 2, 0, cz - leg / 2, cx + leg / 2, h - top, cz + leg / 2);
            }
        double a0 = h - top - apron, a1 = h - top;
        legs.box(-lx + leg, a0, lz - leg + 0.01, lx - leg, a1, lz - 0.01).box(-lx + leg, a0, -lz + 0.01, lx - leg, a1, -lz + leg - 0.01);
        legs.box(lx - leg + 0.01, a0, -lz + leg, lx - 0.01, a1, lz - leg).box(-lx + 0.01, a0, -lz + leg, -lx + leg - 0.01, a1, lz - leg);
        return m.build();
    }
}
