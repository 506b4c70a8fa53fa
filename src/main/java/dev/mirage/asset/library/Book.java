package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A hardback book: two cover boards and a spine (recolorable) around a block of pages. Lying flat
 * (spine toward −X, top edge toward +Z) or standing upright on its bottom edge (spine toward +Z).
 * Centred on the origin, on y = 0. Parts: {@code cover}, {@code pages}.
 */
final class Book implements Generator {
    private static final double BOARD_M = 0.0025, OVERHANG_M = 0.003;

    @Override public String name() { return "book"; }
    @Override public String category() { return "book"; }
    @Override public String description() { return "Hardback book lying flat or standing upright; cover recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("heightM", "m", 0.24, 0.1, 0.4, "page height (top to bottom edge)"),
                ParamSpec.number("widthM", "m", 0.16, 0.08, 0.3, "cover width (spine to fore edge)"),
                ParamSpec.number("thicknessM", "m", 0.03, 0.006, 0.08, "thickness, covers included"),
                ParamSpec.choice("pose", "flat", List.of("flat", "upright"), "lying on its back cover or standing on its bottom edge"));
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM"), w = p.num("widthM"), t = p.num("thicknessM");
        boolean flat = p.word("pose").equals("flat");
        ModelBuilder m = new ModelBuilder("book");
        Material cover = Materials.bookCover(), paper = Materials.paper();
        // built flat: x across the cover (spine at −w/2), y the thickness, z the height
        double x0 = -w / 2, x1 = w / 2, z0 = -h / 2, z1 = h / 2;
        MeshBuilder c = m.part("cover", cover).uvScale(20), pages = m.part("pages", paper).uvScale(20);
        if (!flat) { // stand it on its bottom edge with the spine toward +Z: the cover's z becomes y, its x becomes z
            org.joml.Matrix4d up = new org.joml.Matrix4d().translate(0, h / 2, 0).rotateY(Math.PI / 2).rotateX(-Math.PI / 2).translate(0, -t / 2, 0);
            c.place(up);
            pages.place(up);
        }
        c.box(x0, 0, z0, x1, BOARD_M, z1);
        c.box(x0, t - BOARD_M, z0, x1, t, z1);
        c.box(x0, 0, z0, x0 + BOARD_M, t, z1);
        pages.box(x0 + BOARD_M, BOARD_M, z0 + OVERHANG_M, x1 - OVERHANG_M, t - BOARD_M, z1 - OVERHANG_M);
        return m.build();
    }
}
