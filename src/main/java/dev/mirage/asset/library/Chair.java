package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A four-legged chair with a slatted back, in wood (recolorable). The sitter faces +Z; the back
 * rises from the rear (−Z) legs. Footprint centred on the origin, on y = 0. Parts: {@code seat},
 * {@code legs}, {@code back}.
 */
final class Chair implements Generator {
    private static final double LEG_M = 0.035, SEAT_M = 0.03;

    @Override public String name() { return "chair"; }
    @Override public String category() { return "chair"; }
    @Override public String description() { return "Wooden chair with a slatted back at -Z; sitter faces +Z, wood recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("seatHeightM", "m", 0.46, 0.3, 0.6, "height of the seat's top"),
                ParamSpec.number("heightM", "m", 0.9, 0.65, 1.2, "overall height, top of the back"),
                ParamSpec.number("widthM", "m", 0.44, 0.35, 0.6, "seat width along X"),
                ParamSpec.number("depthM", "m", 0.42, 0.35, 0.6, "seat depth along Z"));
    }

    @Override
    public Model make(Params p) {
        double seatH = p.num("seatHeightM"), h = Math.max(p.num("heightM"), seatH + 0.2), x = p.num("widthM") / 2, z = p.num("depthM") / 2;
        ModelBuilder m = new ModelBuilder("chair");
        Material wood = Materials.wood();
        m.part("seat", wood).uvScale(4).box(-x, seatH - SEAT_M, -z, x, seatH, z);
        MeshBuilder legs = m.part("legs", wood).uvScale(4), back = m.part("back", wood).uvScale(4);
        for (int sx = -1; sx <= 1; sx += 2) {
            double lx0 = sx < 0 ? -x : x - LEG_M, lx1 = lx0 + LEG_M;
            legs.box(lx0, 0, z - LEG_M, lx1, seatH - SEAT_M, z); // front
            legs.box(lx0, 0, -z, lx1, seatH - SEAT_M, -z + LEG_M); // rear, continued up as the back's posts
            back.box(lx0, seatH, -z, lx1, h, -z + LEG_M);
            legs.box(lx0 + 0.005, 0.12, -z + LEG_M, lx1 - 0.005, 0.15, z - LEG_M); // side stretcher
        }
        double rail = Math.min(0.08, (h - seatH) * 0.2);
        back.box(-x + LEG_M, h - rail, -z + 0.005, x - LEG_M, h - 0.005, -z + LEG_M - 0.005); // top rail
        int slats = 3;
        double span = 2 * (x - LEG_M), slat = 0.03, gap = (span - slats * slat) / (slats + 1);
        for (int i = 0; i < slats; i++) {
            double sx0 = -x + LEG_M + gap + i * (slat + gap);
            back.box(sx0, seatH + 0.05, -z + 0.01, sx0 + slat, h - rail, -z + LEG_M - 0.01);
        }
        return m.build();
    }
}
