package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A block of flats or offices: four facades with one window per bay and floor (the facade tile is
 * recolorable), a flat roof with a parapet. Footprint centred on the origin, on y = 0. Parts:
 * {@code walls}, {@code roof}.
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
                ParamSpec.number("bayWidthM", "m", 3, 1.8, 6, "width of one window bay (rounded to fit the wall)"));
    }

    @Override
    public Model make(Params p) {
        int floors = p.whole("floors");
        double fh = p.num("floorHeightM"), w = p.num("widthM"), d = p.num("depthM"), bay = p.num("bayWidthM");
        double h = floors * fh, x = w / 2, z = d / 2;
        ModelBuilder m = new ModelBuilder("building");
        MeshBuilder walls = m.part("walls", Materials.facade());
        // corners counter-clockwise seen from outside, u along the wall in bays, v up in floors
        double bw = Math.max(1, Math.round(w / bay)), bd = Math.max(1, Math.round(d / bay));
        wall(walls, new double[] {-x, 0, z}, new double[] {x, 0, z}, h, bw, floors);
        wall(walls, new double[] {x, 0, z}, new double[] {x, 0, -z}, h, bd, floors);
        wall(walls, new double[] {x, 0, -z}, new double[] {-x, 0, -z}, h, bw, floors);
        wall(walls, new double[] {-x, 0, -z}, new double[] {-x, 0, z}, h, bd, floors);
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

    private static void wall(MeshBuilder b, double[] from, double[] to, double h, double bays, int floors) {
        b.flatQuad(new double[][] {from, to, {to[0], h, to[2]}, {from[0], h, from[2]}},
                new double[][] {{0, 0}, {bays, 0}, {bays, floors}, {0, floors}});
    }
}
