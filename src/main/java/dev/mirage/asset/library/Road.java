package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A straight road segment along Z: an asphalt slab {@value #SLAB_M} m thick whose top is the driving
 * surface, with painted edge lines, dashed lane lines and a centre line. Centred on the origin,
 * bottom on y = 0. Parts: {@code road}, {@code markings}.
 */
final class Road implements Generator {
    static final double SLAB_M = 0.02;
    private static final double LINE_W = 0.12, PAINT_M = 0.002;

    @Override public String name() { return "road"; }
    @Override public String category() { return "road"; }
    @Override public String description() { return "Straight road segment along Z with lane markings; top 2 cm above y = 0"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.whole("lanes", "count", 2, 1, 8, "lanes across"),
                ParamSpec.number("laneWidthM", "m", 3.5, 2.5, 4.5, "width of one lane"),
                ParamSpec.number("lengthM", "m", 30, 2, 200, "length along Z"),
                ParamSpec.choice("centerLine", "dashed_white", List.of("dashed_white", "solid_white", "double_yellow", "none"),
                        "the line between the two directions (even lane counts) or the middle lanes"),
                ParamSpec.number("shoulderM", "m", 0.5, 0, 3, "asphalt beyond each edge line"));
    }

    @Override
    public Model make(Params p) {
        int lanes = p.whole("lanes");
        double lane = p.num("laneWidthM"), length = p.num("lengthM"), shoulder = p.num("shoulderM");
        String centre = p.word("centerLine");
        double carriage = lanes * lane, half = carriage / 2 + shoulder, halfL = length / 2, top = SLAB_M;
        ModelBuilder m = new ModelBuilder("road");
        m.part("road", Materials.asphalt()).uvScale(0.25).box(-half, 0, -halfL, half, top, halfL);
        Material white = Materials.marking(false), yellow = Materials.marking(true);
        for (int s = -1; s <= 1; s += 2) line(m, white, s * (carriage / 2 - LINE_W / 2), halfL, false, top);
        int middle = lanes % 2 == 0 ? lanes / 2 : -1;
        for (int i = 1; i < lanes; i++) {
            double x = -carriage / 2 + i * lane;
            if (i == middle) {
                switch (centre) {
                    case "solid_white" -> line(m, white, x, halfL, false, top);
                    case "double_yellow" -> {
                        line(m, yellow, x - LINE_W * 0.9, halfL, false, top);
                        line(m, yellow, x + LINE_W * 0.9, halfL, false, top);
                    }
                    case "none" -> { }
                    default -> line(m, white, x, halfL, true, top);
                }
            } else {
                line(m, white, x, halfL, true, top);
            }
        }
        return m.build();
    }

    /** A painted line centred on x along the whole length; dashed: 3 m dashes every 9 m, centred on the segment. */
    private static void line(ModelBuilder m, Material paint, double x, double halfL, boolean dashed, double top) {
        MeshBuilder b = m.part("markings", paint).uvScale(1);
        if (!dashed) {
            b.box(x - LINE_W / 2, top, -halfL, x + LINE_W / 2, top + PAINT_M, halfL);
            return;
        }
        double period = 9, dash = 3;
        int n = (int) Math.floor((2 * halfL) / period) + 2;
        for (int k = -n; k <= n; k++) {
            double z0 = k * period - dash / 2, z1 = z0 + dash;
            z0 = Math.max(z0, -halfL);
            z1 = Math.min(z1, halfL);
            if (z1 - z0 > 0.05) b.box(x - LINE_W / 2, top, z0, x + LINE_W / 2, top + PAINT_M, z1);
        }
    }
}
