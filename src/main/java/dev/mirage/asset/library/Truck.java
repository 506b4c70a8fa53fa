package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;

/**
 * An articulated lorry: a cab-over tractor (part {@code cab}, paint recolorable, with its wheels)
 * pulling a box semi-trailer (part {@code trailer}, with its own wheels). Front +Z, on y = 0;
 * {@code lengthM} is tractor and trailer together.
 */
final class Truck implements Generator {
    @Override public String name() { return "truck"; }
    @Override public String category() { return "truck"; }
    @Override public String description() { return "Cab-over tractor with a box semi-trailer (parts cab, trailer); front +Z"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("lengthM", "m", 16.5, 10, 19, "tractor and trailer together"),
                ParamSpec.number("widthM", "m", 2.55, 2.2, 2.6, "overall width"),
                ParamSpec.number("heightM", "m", 4.0, 3.2, 4.2, "trailer roof height"),
                ParamSpec.number("cabHeightM", "m", 3.4, 2.6, 3.9, "cab roof height"),
                ParamSpec.number("wheelRadiusM", "m", 0.5, 0.4, 0.55, "tyre outer radius"),
                Car.lightsParam());
    }

    @Override
    public Model make(Params p) {
        double length = p.num("lengthM"), width = p.num("widthM"), height = p.num("heightM"), cabH = Math.min(p.num("cabHeightM"), height);
        double r = p.num("wheelRadiusM"), halfL = length / 2, halfW = width / 2;
        ModelBuilder m = new ModelBuilder("truck");
        Material paint = Materials.carPaint(), chassis = Materials.metal("chassis", 0.15, 0.15, 0.15), rim = Materials.chrome();
        double cabLen = 2.3, front = halfL, cabBack = front - cabLen;
        // cab: rounded box profile, windscreen glass on the front face
        double[][] cab = Polygons.round(new double[][] {{cabBack, 1.0}, {front, 1.0}, {front, cabH * 0.96}, {front - 0.15, cabH},
                {cabBack, cabH}}, 0.15, 3);
        m.part("cab", paint).extrudeX(cab, -halfW + 0.02, halfW - 0.02);
        m.part("cab", Materials.glass()).box(-halfW + 0.15, cabH * 0.58, front - 0.02, halfW - 0.15, cabH * 0.9, front + 0.0);
        m.part("cab", Materials.glass()).box(-halfW + 0.02 - 0.005, cabH * 0.58, front - 1.0, -halfW + 0.02, cabH * 0.88, front - 0.2);
        m.part("cab", Materials.glass()).box(halfW - 0.02, cabH * 0.58, front - 1.0, halfW - 0.02 + 0.005, cabH * 0.88, front - 0.2);
        m.part("cab", Materials.trim()).box(-halfW + 0.02, 0.45, front - 0.3, halfW - 0.02, 1.0, front); // bumper and grille
        for (int side = -1; side <= 1; side += 2) {
            double x0 = side < 0 ? -halfW + 0.2 : halfW - 0.5, x1 = x0 + 0.3;
            m.part("cab", Materials.lamp("head", 1.0, 0.97, 0.9, p.word("lights").equals("on"))).box(x0, 0.6, front - 0.01, x1, 0.75, front + 0.0);
        }
        // tractor chassis and fifth wheel
        m.part("cab", chassis).box(-0.5, 0.55, cabBack - 2.2, 0.5, 1.0, front - 0.3);
        double zFront = front - 1.3, zRear1 = cabBack - 1.2, zRear2 = zRear1 - 1.3;
        double tyreW = 0.32, wx = halfW - 0.05 - tyreW / 2;
        Wheels.wheel(m, "cab", wx, zFront, r, tyreW, rim);
        Wheels.wheel(m, "cab", -wx, zFront, r, tyreW, rim);
        for (double z : new double[] {zRear1, zRear2}) {
            Wheels.wheel(m, "cab", wx, z, r, tyreW, rim);
            Wheels.wheel(m, "cab", -wx, z, r, tyreW, rim);
        }
        // trailer: box from the cab's back (with a gap) to the rear
        double tFront = cabBack - 0.4, tRear = -halfL, floor = 1.25;
        Material box = Materials.fixedPlastic("trailer_box", 0.85, 0.85, 0.85);
        m.part("trailer", box).box(-halfW, floor, tRear, halfW, height, tFront);
        m.part("trailer", chassis).box(-0.6, floor - 0.3, tRear + 0.3, 0.6, floor, tFront - 0.2);
        m.part("trailer", chassis).box(-halfW + 0.1, 0.5, tRear + 0.2, halfW - 0.1, 0.6, tRear + 0.35); // under-run bar
        m.part("trailer", Materials.metal("landing", 0.3, 0.3, 0.3)).box(-halfW + 0.3, 0, tFront - 2.4, -halfW + 0.4, floor - 0.3, tFront - 2.3);
        m.part("trailer", Materials.metal("landing", 0.3, 0.3, 0.3)).box(halfW - 0.4, 0, tFront - 2.4, halfW - 0.3, floor - 0.3, tFront - 2.3);
        for (int i = 0; i < 3; i++) {
            double z = tRear + 1.3 + i * 1.3;
            Wheels.wheel(m, "trailer", wx, z, r, tyreW, rim);
            Wheels.wheel(m, "trailer", -wx, z, r, tyreW, rim);
        }
        for (int side = -1; side <= 1; side += 2) {
            double x0 = side < 0 ? -halfW + 0.1 : halfW - 0.4;
            m.part("trailer", Materials.lamp("tail", 0.9, 0.05, 0.05, p.word("lights").equals("on"))).box(x0, floor - 0.25, tRear, x0 + 0.3, floor - 0.1, tRear + 0.02);
        }
        return m.build();
    }

    @Override
    public List<Emitter> lights(Params p) {
        if (!p.word("lights").equals("on")) return List.of();
        double halfL = p.num("lengthM") / 2, halfW = p.num("widthM") / 2;
        // head lamps on the cab's front, tail lamps under the trailer's rear (its floor at 1.25 m)
        return Car.vehicleLights(halfW - 0.35, 0.675, halfL + 0.01, halfW - 0.25, 1.075, -halfL - 0.01);
    }
}
