package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;
import org.joml.Vector3d;

/**
 * A road motorcycle: engine block, tank, seat and tail, a raked fork, exhaust on the right (−X),
 * optionally an adult rider with feet on the pegs. Front +Z, on y = 0; {@code lengthM} runs from
 * the front tyre to the tail. Parts: {@code body} (paint recolorable), {@code wheel_front},
 * {@code wheel_rear}, {@code rider}.
 */
final class Motorbike implements Generator {
    private static final double BAR_WIDTH_M = 0.76, RIDER_HEIGHT_M = 1.75;

    @Override public String name() { return "motorbike"; }
    @Override public String category() { return "motorcycle"; }
    @Override public String description() { return "Road motorcycle with an optional seated rider (part rider); front +Z, paint recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("lengthM", "m", 2.1, 1.7, 2.6, "overall length, front tyre to tail"),
                ParamSpec.number("wheelbaseM", "m", 1.42, 1.1, 1.7, "axle to axle (shortened to fit the length with both wheels)"),
                ParamSpec.number("wheelDiameterM", "m", 0.62, 0.5, 0.72, "tyre outer diameter"),
                ParamSpec.number("seatHeightM", "m", 0.8, 0.65, 0.95, "height of the seat's top"),
                ParamSpec.choice("rider", "adult", List.of("none", "adult"), "an adult rider seated with hands on the bars"));
    }

    /** The wheelbase these parameters give: as asked, but no longer than the length less a wheel. */
    static double wheelbase(double lengthM, double wheelbaseM, double wheelDiameterM) {
        return Math.min(wheelbaseM, lengthM - wheelDiameterM);
    }

    @Override
    public Model make(Params p) {
        double len = p.num("lengthM"), d = p.num("wheelDiameterM"), r = d / 2, seatH = p.num("seatHeightM");
        double wb = wheelbase(len, p.num("wheelbaseM"), d), zf = len / 2 - r, zr = zf - wb, tail = -len / 2;
        ModelBuilder m = new ModelBuilder("motorbike");
        Material paint = Materials.paint("motorbike", 0.75, 0.1, 0.08), dark = Materials.trim(),
                metal = Materials.metal("engine", 0.35, 0.35, 0.37), chrome = Materials.chrome();
        // steering head: above and behind the front wheel, fork raked 25° from vertical
        double rake = Math.toRadians(25), headY = seatH + 0.12;
        Vector3d axleF = new Vector3d(0, r, zf);
        Vector3d head = new Vector3d(0, headY, zf - (headY - r) * Math.tan(rake));
        Vector3d pivot = new Vector3d(0, 0.38 * seatH / 0.8, zr + Math.max(0.5, 0.4 * wb));
        double engineFront = Math.min(head.z - 0.05, zf - r - 0.04), engineBack = pivot.z - 0.02;
        m.part("body", metal).box(-0.17, 0.22, engineBack, 0.17, 0.5 * seatH / 0.8 + 0.12, engineFront);
        m.part("body", dark).rod(pivot, head, 0.03, 12); // frame spine
        m.part("body", dark).rod(new Vector3d(0, 0.3, engineFront), head, 0.025, 12); // down tube
        for (int s = -1; s <= 1; s += 2) {
            m.part("body", chrome).rod(new Vector3d(s * 0.09, r, zf), new Vector3d(head).add(s * 0.09, 0.05, 0), 0.022, 12); // fork legs
            m.part("body", metal).rod(new Vector3d(s * 0.11, r, zr), new Vector3d(s * 0.11, pivot.y, pivot.z), 0.025, 10); // swingarm
            m.part("body", dark).rod(new Vector3d(s * 0.1, pivot.y - 0.02, pivot.z - 0.12), new Vector3d(s * 0.19, pivot.y - 0.02, pivot.z - 0.12), 0.012, 8); // pegs
        }
        m.part("body", metal).rod(new Vector3d(-0.14, r, zf), new Vector3d(0.14, r, zf), 0.015, 8);
        m.part("body", metal).rod(new Vector3d(-0.14, r, zr), new Vector3d(0.14, r, zr), 0.015, 8);
        m.part("body", dark).rod(new Vector3d(-0.11, head.y + 0.05, head.z), new Vector3d(0.11, head.y + 0.05, head.z), 0.03, 10); // triple clamp
        // tank, seat, tail
        double seatFront = pivot.z + 0.05, tankLen = Math.max(0.3, head.z - seatFront - 0.02);
        m.part("body", paint).ellipsoid(0, seatH - 0.02, seatFront + tankLen / 2, 0.17, 0.13, tankLen / 2 + 0.04, 20, 10);
        double seatBack = Math.max(tail + 0.25, zr - 0.05);
        m.part("body", dark).box(-0.14, seatH - 0.09, seatBack, 0.14, seatH, seatFront);
        double[][] tailProfile = {{seatFront, seatH - 0.09}, {seatFront, seatH - 0.22}, {tail + 0.05, seatH - 0.12}, {tail, seatH - 0.06},
                {tail, seatH - 0.01}, {seatBack, seatH - 0.05}, {seatBack, seatH - 0.09}};
        m.part("body", paint).extrudeX(tailProfile, -0.12, 0.12);
        m.part("body", Materials.lamp("tail", 0.9, 0.05, 0.05, false)).box(-0.07, seatH - 0.08, tail, 0.07, seatH - 0.03, tail + 0.02);
        m.part("body", Materials.lamp("head", 1.0, 0.97, 0.9, false)).ellipsoid(0, head.y - 0.06, head.z + 0.12, 0.09, 0.09, 0.06, 16, 8);
        // exhaust along the right side, ending behind the rear axle
        m.part("body", chrome).rod(new Vector3d(-0.2, 0.3, engineBack + 0.05), new Vector3d(-0.2, 0.42, Math.max(tail + 0.05, zr - 0.12)), 0.05, 14);
        // bars: riser on the steering axis, bar across, grips at the ends
        Vector3d bar = new Vector3d(0, head.y + 0.16, head.z - 0.08);
        m.part("body", chrome).rod(new Vector3d(head).add(0, 0.05, 0), bar, 0.02, 10);
        m.part("body", chrome).rod(new Vector3d(-BAR_WIDTH_M / 2 + 0.13, bar.y, bar.z), new Vector3d(BAR_WIDTH_M / 2 - 0.13, bar.y, bar.z), 0.013, 10);
        for (int s = -1; s <= 1; s += 2)
            m.part("body", dark).rod(new Vector3d(s * (BAR_WIDTH_M / 2 - 0.14), bar.y, bar.z), new Vector3d(s * BAR_WIDTH_M / 2, bar.y, bar.z), 0.018, 12);
        Wheels.wheel(m, "wheel_front", 0, zf, r, 0.12, Materials.metal("rim", 0.7, 0.7, 0.72));
        Wheels.wheel(m, "wheel_rear", 0, zr, r, 0.16, Materials.metal("rim", 0.7, 0.7, 0.72));
        if (p.word("rider").equals("adult")) {
            double k = RIDER_HEIGHT_M / 1.75, gripX = 0.21 * k;
            Vector3d seat = new Vector3d(0, seatH, (seatFront + seatBack) / 2 + 0.05);
            Rider.add(m, RIDER_HEIGHT_M, false, new Rider.Fit(seat, new Vector3d(gripX, bar.y, bar.z), new Vector3d(-gripX, bar.y, bar.z),
                    new Vector3d(0.1, pivot.y - 0.005, pivot.z - 0.08), new Vector3d(-0.1, pivot.y - 0.005, pivot.z - 0.08)));
        }
        return m.build();
    }
}
