package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A sidewalk of concrete slabs along Z with a granite curb on its −X edge (the road side). Centred
 * on the origin, on y = 0. Parts: {@code sidewalk}, {@code curb}.
 */
final class Sidewalk implements Generator {
    @Override public String name() { return "sidewalk"; }
    @Override public String category() { return "sidewalk"; }
    @Override public String description() { return "Curb and paved sidewalk along Z, the curb on the -X (road) side"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("widthM", "m", 3, 1, 8, "width across X, curb included"),
                ParamSpec.number("lengthM", "m", 30, 1, 200, "length along Z"),
                ParamSpec.number("curbHeightM", "m", 0.15, 0.05, 0.3, "height of the walking surface"));
    }

    @Override
    public Model make(Params p) {
        double w = p.num("widthM"), halfL = p.num("lengthM") / 2, h = p.num("curbHeightM"), curb = 0.15;
        ModelBuilder m = new ModelBuilder("sidewalk");
        m.part("curb", Materials.matte("granite", 0.55, 0.55, 0.55))
                .uvScale(1).box(-w / 2, 0, -halfL, -w / 2 + curb, h, halfL);
        m.part("sidewalk", Materials.concrete()).uvScale(1).box(-w / 2 + curb, 0, -halfL, w / 2, h - 0.005, halfL);
        return m.build();
    }
}
