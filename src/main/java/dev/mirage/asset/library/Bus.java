package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * A single-deck city bus: rounded box body (paint recolorable), a band of side windows, a large
 * windscreen, doors on its right (−X) side, two axles. Front +Z, on y = 0. Parts: {@code body},
 * {@code wheel_f}, {@code wheel_r}.
 */
final class Bus implements Generator {
    @Override public String name() { return "bus"; }
    @Override public String category() { return "bus"; }
    @Override public String description() { return "Single-deck city bus with window band and doors on the right (-X); front +Z"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("lengthM", "m", 12, 8, 15, "overall length"),
                ParamSpec.number("widthM", "m", 2.55, 2.3, 2.6, "overall width"),
                ParamSpec.number("heightM", "m", 3.1, 2.8, 3.6, "roof height"),
                ParamSpec.number("wheelRadiusM", "m", 0.5, 0.45, 0.55, "tyre outer radius"),
                Car.lightsParam());
    }

    @Override
    public Model make(Params p) {
        double length = p.num("lengthM"), width = p.num("widthM"), height = p.num("heightM"), r = p.num("wheelRadiusM");
        double halfL = length / 2, halfW = width / 2, floor = 0.35;
        boolean on = p.word("lights").equals("on");
        ModelBuilder m = new ModelBuilder("bus");
        Material paint = Materials.carPaint();
        double[][] side = Polygons.round(new double[][] {{-halfL, floor}, {halfL, floor}, {halfL, height - 0.1}, {halfL - 0.3, height},
                {-halfL, height}}, 0.25, 4);
        m.part("body", paint).extrudeX(side, -halfW + 0.01, halfW - 0.01);
        // window band just outside the skin on both sides, and front and rear screens
        double w0 = 1.3, w1 = height - 0.45;
        m.part("body", Materials.glass()).box(-halfW, w0, -halfL + 0.6, -halfW + 0.01, w1, halfL - 0.4);
        m.part("body", Materials.glass()).box(halfW - 0.01, w0, -halfL + 0.6, halfW, w1, halfL - 0.4);
        m.part("body", Materials.glass()).box(-halfW + 0.12, 0.9, halfL - 0.01, halfW - 0.12, height - 0.3, halfL);
        m.part("body", Materials.glass()).box(-halfW + 0.25, w0 + 0.2, -halfL, halfW - 0.25, w1, -halfL + 0.01);
        // doors on the right (−X) side: dark glass panels down to the floor
        for (double z : new double[] {halfL - 1.6, 0.0}) {
            m.part("body", Materials.glass()).box(-halfW - 0.005, floor + 0.05, z - 0.6, -halfW + 0.01, w1, z + 0.6);
        }
        m.part("body", Materials.trim()).box(-halfW + 0.01, floor, halfL - 0.2, halfW - 0.01, 0.7, halfL); // bumpers
        m.part("body", Materials.trim()).box(-halfW + 0.01, floor, -halfL, halfW - 0.01, 0.7, -halfL + 0.2);
        for (int s = -1; s <= 1; s += 2) {
            double x0 = s < 0 ? -halfW + 0.15 : halfW - 0.45;
            m.part("body", Materials.lamp("head", 1.0, 0.97, 0.9, on)).box(x0, 0.75, halfL - 0.01, x0 + 0.3, 0.9, halfL);
            m.part("body", Materials.lamp("tail", 0.9, 0.05, 0.05, on)).box(x0, 0.75, -halfL, x0 + 0.3, 1.0, -halfL + 0.01);
        }
        double tyreW = 0.3, wx = halfW - 0.08 - tyreW / 2, zf = halfL - 2.6, zr = -halfL + 3.2;
        Material rim = Materials.metal("rim", 0.7, 0.7, 0.72);
        Wheels.wheel(m, "wheel_f", wx, zf, r, tyreW, rim);
        Wheels.wheel(m, "wheel_f", -wx, zf, r, tyreW, rim);
        Wheels.wheel(m, "wheel_r", wx, zr, r, tyreW, rim);
        Wheels.wheel(m, "wheel_r", -wx, zr, r, tyreW, rim);
        return m.build();
    }

    @Override
    public List<Emitter> lights(Params p) {
        if (!p.word("lights").equals("on")) return List.of();
        double halfL = p.num("lengthM") / 2, halfW = p.num("widthM") / 2;
        return Car.vehicleLights(halfW - 0.3, 0.825, halfL + 0.01, halfW - 0.3, 0.875, -halfL - 0.01);
    }
}
