package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;

/**
 * A traffic cone on a square base: recolorable plastic body with reflective white bands. Stands on
 * y = 0, round about Y. Parts: {@code cone}.
 */
final class TrafficCone implements Generator {
    @Override public String name() { return "traffic_cone"; }
    @Override public String description() { return "Traffic cone on a square base, with reflective bands"; }
    @Override public String category() { return "traffic_cone"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("heightM", "m", 0.7, 0.3, 1.2, "overall height"),
                ParamSpec.whole("bands", "count", 2, 0, 3, "reflective white bands"));
    }

    @Override
    public Model make(Params p) {
        double h = p.num("heightM");
        int bands = p.whole("bands");
        double base = 0.55 * h, plinth = 0.04 * h / 0.7, rBottom = 0.19 * h, rTop = 0.035 * h;
        ModelBuilder m = new ModelBuilder("traffic_cone");
        m.part("cone", Materials.plastic("cone", 0.95, 0.35, 0.05)).box(-base / 2, 0, -base / 2, base / 2, plinth, base / 2);
        // body split into orange and white rings; each ring its own frustum so bands are clean
        double[] cuts = bands == 0 ? new double[] {} : bands == 1 ? new double[] {0.55, 0.7} : bands == 2
                ? new double[] {0.4, 0.5, 0.62, 0.72} : new double[] {0.3, 0.38, 0.48, 0.56, 0.66, 0.74};
        double y0 = plinth, top = h;
        double[] ys = new double[cuts.length + 2];
        ys[0] = y0;
        for (int i = 0; i < cuts.length; i++) ys[i + 1] = y0 + cuts[i] * (top - y0);
        ys[ys.length - 1] = top;
        for (int i = 0; i + 1 < ys.length; i++) {
            double ra = radius(ys[i], y0, top, rBottom, rTop), rb = radius(ys[i + 1], y0, top, rBottom, rTop);
            boolean white = i % 2 == 1;
            boolean last = i + 2 == ys.length;
            m.part("cone", white ? Materials.fixedPlastic("reflective_white", 0.95, 0.95, 0.95) : Materials.plastic("cone", 0.95, 0.35, 0.05))
                    .lathe(last ? new double[] {ra, rb, 0} : new double[] {ra, rb}, last ? new double[] {ys[i], ys[i + 1], ys[i + 1]}
                            : new double[] {ys[i], ys[i + 1]}, 32, 1);
        }
        return m.build();
    }

    private static double radius(double y, double y0, double top, double r0, double r1) {
        return r0 + (r1 - r0) * (y - y0) / (top - y0);
    }
}
