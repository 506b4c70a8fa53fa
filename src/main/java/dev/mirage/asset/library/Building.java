package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A block of flats or offices: four facades with one window per bay and floor (the facade tile is
 * recolorable), a flat roof with a parapet. Footprint centred on the origin, on y = 0. Parts:
 * {@code walls}, {@code roof}.
 *
 * <p><b>Lit windows.</b> With {@code litWindows} above 0 the walls take an atlas of
 * {@link Textures#ATLAS_WINDOWS}² windows, round(litWindows · 64) of them lit (warm emissive glass),
 * so the share of lit windows over a facade of many bays is litWindows within 1/128. Which windows
 * are lit is fixed by the atlas and each wall's offset in it, drawn from {@code seed}: equal
 * parameters give the same building, other seeds other patterns. At 0 the walls are as before.
 */
final class Building implements Generator {
    @Override public String name() { return "building"; }
    @Override public String category() { return "building"; }
    @Override public String description() { return "Building block with windowed facades and a flat roof"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.whole("floors", "count", 5, 1, 40, "storeys"),
                ParamSpec.number("floorHeightM", "m", 3.2, 2.6, 4.5, "height of one storey"),
                ParamSpec.number("widthM", "m", 20, 4, 80, "along X"),
                ParamSpec.number("depthM", "m", 12, 4, 60, "along Z"),
                ParamSpec.number("bayWidthM", "m", 3, 1.8, 6, "width of one window bay (rounded to fit the wall)"),
                ParamSpec.number("litWindows", "ratio", 0, 0, 1, "share of windows lit (warm emissive glass), for night scenes"),
                ParamSpec.whole("seed", "count", 0, 0, 1_000_000, "which windows are lit"));
    }

    @Override
    public Model make(Params p) {
        int floors = p.whole("floors");
        double fh = p.num("floorHeightM"), w = p.num("widthM"), d = p.num("depthM"), bay = p.num("bayWidthM");
        double h = floors * fh, x = w / 2, z = d / 2;
        ModelBuilder m = new ModelBuilder("building");
        double lit = p.num("litWindows");
        int litCells = (int) Math.round(lit * Textures.ATLAS_WINDOWS * Textures.ATLAS_WINDOWS);
        boolean atlas = lit > 0;
        MeshBuilder walls = m.part("walls", atlas ? Materials.facadeLit(litCells) : Materials.facade());
        // corners counter-clockwise seen from outside, u along the wall in bays, v up in floors
        double bw = Math.max(1, Math.round(w / bay)), bd = Math.max(1, Math.round(d / bay));
        double[][] from = {{-x, 0, z}, {x, 0, z}, {x, 0, -z}, {-x, 0, -z}};
        double[] bays = {bw, bd, bw, bd};
        for (int i = 0; i < 4; i++) {
            double[] to = from[(i + 1) % 4];
            if (!atlas) {
                wall(walls, from[i], to, h, bays[i], floors, 0, 0, 1);
            } else { // one atlas cell per window, the wall starting at a cell drawn from the seed
                long r = dev.mirage.randomize.SplitMix64.mix(p.whole("seed") * 4L + i + 0x5EEDL);
                int k = Textures.ATLAS_WINDOWS;
                wall(walls, from[i], to, h, bays[i], floors, (int) Math.floorMod(r, (long) k), (int) Math.floorMod(r >>> 16, (long) k), k);
            }
        }
        MeshBuilder roof = m.part("roof", Materials.concrete()).uvScale(0.5);
        roof.flatQuad(new double[][] {{-x, h, z}, {x, h, z}, {x, h, -z}, {-x, h, -z}},
                new double[][] {{-x / 2, z / 2}, {x / 2, z / 2}, {x / 2, -z / 2}, {-x / 2, -z / 2}});
        roof.flatQuad(new double[][] {{-x, 0, -z}, {x, 0, -z}, {x, 0, z}, {-x, 0, z}},
                new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}});
        double t = 0.25, ph = 0.6; // parapet
        roof.box(-x, h, z - t, x, h + ph, z).box(-x, h, -z, x, h + ph, -z + t).box(-x, h, -z + t, -x + t, h + ph, z - t)
                .box(x - t, h, -z + t, x, h + ph, z - t);
        return m.build();
    }

    /** A wall, its windows starting at cell (u0, v0) of a texture of {@code cells}² windows. */
    private static void wall(MeshBuilder b, double[] from, double[] to, double h, double bays, int floors, int u0, int v0, int cells) {
        double a = (double) u0 / cells, c = (double) v0 / cells, du = bays / cells, dv = (double) floors / cells;
        b.flatQuad(new double[][] {from, to, {to[0], h, to[2]}, {from[0], h, from[2]}},
                new double[][] {{a, c}, {a + du, c}, {a + du, c + dv}, {a, c + dv}});
    }
}
