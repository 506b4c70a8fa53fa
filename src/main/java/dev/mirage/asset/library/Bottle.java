package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A bottle of green glass or clear plastic (both blended, see-through), with a cap and a paper
 * label band. Round about Y, on y = 0. Parts: {@code bottle}, {@code cap}, {@code label}.
 */
final class Bottle implements Generator {
    @Override public String name() { return "bottle"; }
    @Override public String category() { return "bottle"; }
    @Override public String description() { return "Glass or plastic bottle with cap and label; glass tint recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("heightM", "m", 0.3, 0.12, 0.45, "overall height, cap included"),
                ParamSpec.number("diameterM", "m", 0.075, 0.04, 0.12, "body diameter"),
                ParamSpec.number("neckRatio", "ratio", 0.35, 0.2, 0.6, "how much of the height the shoulder and neck take"),
                ParamSpec.choice("material", "glass", List.of("glass", "plastic"), "green glass or clear plastic"));
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM"), r = p.num("diameterM") / 2, neck = p.num("neckRatio") * h;
        boolean glass = p.word("material").equals("glass");
        double capH = Math.min(0.022, 0.08 * h), neckR = Math.max(0.011, 0.3 * r), capR = neckR * 1.15;
        double body = h - capH - neck, shoulder = body + 0.45 * neck;
        Material mat = glass ? Materials.bottleGlass() : Materials.clearPlastic();
        ModelBuilder m = new ModelBuilder("bottle");
        double[] radius = {0, r * 0.85, r * 0.97, r, r, r * 0.8, neckR * 1.1, neckR, neckR * 1.08, neckR * 1.08, 0};
        double[] ys = {0.003, 0, 0.006, 0.02, body, body + 0.2 * neck, shoulder, h - capH - 0.008, h - capH - 0.006, h - capH, h - capH};
        m.part("bottle", mat).uvScale(10).smoothLathe(radius, ys, 36);
        m.part("cap", glass ? Materials.metal("bottle_cap", 0.8, 0.7, 0.2) : Materials.fixedPlastic("bottle_cap", 0.1, 0.3, 0.8))
                .frustum(capR, capR, h - capH, h, 24, true);
        double labelLo = body * 0.35, labelHi = body * 0.8;
        m.part("label", Materials.paper()).frustum(r * 1.005, r * 1.005, labelLo, labelHi, 36, true);
        return m.build();
    }

}
