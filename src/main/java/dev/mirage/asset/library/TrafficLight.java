package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;
import org.joml.Matrix4d;

/**
 * A three-lamp traffic signal on a pole, lamps facing +Z with visors; the lit lamp is emissive.
 * On y = 0 with the pole at the origin. Parts: {@code pole}, {@code housing}, {@code lamps}.
 */
final class TrafficLight implements Generator {
    static final List<String> STATES = List.of("red", "red_amber", "amber", "green", "off");

    @Override public String name() { return "traffic_light"; }
    @Override public String category() { return "traffic_light"; }
    @Override public String description() { return "Three-lamp traffic signal on a pole, facing +Z, with a lamp state"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("state", "red", STATES, "which lamps are lit"),
                ParamSpec.number("poleHeightM", "m", 2.6, 1.8, 6, "height of the housing's lower edge"),
                ParamSpec.number("lampDiameterM", "m", 0.2, 0.15, 0.3, "lamp lens diameter"));
    }

    @Override
    public Model make(Params p) {
        String state = p.word("state");
        double bottom = p.num("poleHeightM"), d = p.num("lampDiameterM");
        double pitch = d * 1.5, w = d * 1.5, h = 3 * pitch + 0.1, depth = 0.25;
        ModelBuilder m = new ModelBuilder("traffic_light");
        m.part("pole", Materials.metal("pole", 0.55, 0.56, 0.58)).frustum(0.05, 0.05, 0, bottom + h * 0.5, 16, true);
        var housing = Materials.metal("signal_housing", 0.08, 0.08, 0.08);
        double zBack = 0.06, zFront = zBack + depth;
        m.part("housing", housing).box(-w / 2, bottom, zBack, w / 2, bottom + h, zFront);
        m.part("housing", housing).box(-w / 2 - 0.05, bottom - 0.05, zBack - 0.01, w / 2 + 0.05, bottom + h + 0.05, zBack); // back plate
        m.part("housing", housing).box(-0.04, bottom + h * 0.3, -0.04, 0.04, bottom + h * 0.6, zBack - 0.01); // bracket
        String[] names = {"red", "amber", "green"};
        double[][] rgb = {{1.0, 0.1, 0.05}, {1.0, 0.6, 0.0}, {0.1, 1.0, 0.4}};
        for (int i = 0; i < 3; i++) {
            boolean on = state.equals(names[i]) || (state.equals("red_amber") && i < 2);
            double y = bottom + h - 0.05 - pitch * (i + 0.5);
            Matrix4d facing = new Matrix4d().translate(0, y, zFront).rotateX(Math.PI / 2); // cylinder axis Y → +Z
            m.part("lamps", Materials.lamp(names[i], rgb[i][0], rgb[i][1], rgb[i][2], on)).place(facing)
                    .frustum(d / 2, d / 2, 0, 0.02, 24, true);
            // a visor: half tube above the lens
            m.part("housing", housing).place(facing).box(-d / 2 - 0.02, 0, -d / 2 - 0.03, d / 2 + 0.02, 0.12, -d / 2 - 0.015);
        }
        return m.build();
    }
}
