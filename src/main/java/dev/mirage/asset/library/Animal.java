package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;
import org.joml.Vector3d;

/**
 * A four-legged animal on the road: a deer (long legs, slim neck, optional antlers) or a dog,
 * built from ellipsoids and rods in a standing or walking pose, then scaled so its top (ears or
 * antler tips) is at {@code heightM}. Faces +Z, on y = 0. Parts: {@code body} (recolorable fur,
 * dark hooves, nose and eyes).
 */
final class Animal implements Generator {
    @Override public String name() { return "animal"; }
    @Override public String category() { return "animal"; }
    @Override public String description() { return "Deer or dog standing or walking; faces +Z, fur recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("species", "deer", List.of("deer", "dog"), "body plan: a deer's long legs and neck or a dog's"),
                ParamSpec.number("heightM", "m", 1.5, 0.3, 2.4, "overall height, to the ears or antler tips"),
                ParamSpec.number("strideDeg", "deg", 10, 0, 30, "leg swing (diagonal pairs swing together)"),
                ParamSpec.number("headDeg", "deg", 0, -60, 20, "head lowered (negative, grazing or sniffing) or raised"),
                ParamSpec.choice("antlers", "none", List.of("none", "antlers"), "a deer's antlers (ignored for a dog)"));
    }

    @Override
    public Model make(Params p) {
        Model unit = make(p, 1);
        return make(p, p.num("heightM") / unit.bounds().max().y());
    }

    /** Shape proportions in units of the shoulder height (before scaling to heightM). */
    private record Plan(double legTop, double legR, double legX, double legZ, double bodyY, double bodyR, double bodyW,
                        double bodyL, double neckLen, double neckR, double neckDeg, double headRx, double headRy, double headRz,
                        double snout, double ear, double tail) {}

    private static final Plan DEER = new Plan(0.72, 0.035, 0.09, 0.37, 0.8, 0.19, 0.15, 0.5, 0.45, 0.07, 55, 0.065, 0.08, 0.15, 0, 0.07, 0.07);
    private static final Plan DOG = new Plan(0.66, 0.055, 0.1, 0.36, 0.74, 0.2, 0.16, 0.52, 0.28, 0.1, 50, 0.12, 0.12, 0.13, 0.11, 0.08, 0.3);

    private Model make(Params p, double k) {
        boolean deer = p.word("species").equals("deer");
        Plan a = deer ? DEER : DOG;
        double stride = Math.toRadians(p.num("strideDeg")), head = Math.toRadians(p.num("headDeg"));
        ModelBuilder m = new ModelBuilder("animal");
        Material fur = deer ? Materials.fur("deer", 0.5, 0.34, 0.2) : Materials.fur("dog", 0.55, 0.42, 0.28);
        Material dark = Materials.matte("hoof", 0.05, 0.04, 0.04);
        MeshBuilder body = m.part("body", fur), hard = m.part("body", dark);
        double foot = 0.045, hoofH = 0.06;
        body.ellipsoid(0, a.bodyY * k, 0, a.bodyW * k, a.bodyR * k, a.bodyL * k, 24, 12);
        // legs: diagonal pairs swing together, feet resting on the ground
        for (int i = 0; i < 4; i++) {
            double x = (i % 2 == 0 ? 1 : -1) * a.legX, z = (i < 2 ? 1 : -1) * a.legZ;
            double swing = (i == 0 || i == 3 ? 1 : -1) * stride, len = a.legTop - foot;
            Vector3d top = v(x, a.legTop, z, k), bottom = v(x, foot, z + len * Math.sin(swing), k);
            bottom.y = k * (a.legTop - len * Math.cos(swing));
            body.rod(top, bottom, a.legR * k, 10);
            double hx = bottom.x, hz = bottom.z, r = a.legR * k * 1.15;
            hard.box(hx - r, 0, hz - r, hx + r, Math.max(bottom.y, hoofH * k), hz + r * 1.3);
        }
        // neck rises forward from the chest; the head sits at its end, turned down by headDeg
        double tilt = Math.toRadians(a.neckDeg) + head;
        Vector3d neck0 = v(0, a.bodyY + 0.3 * a.bodyR, a.bodyL * 0.75, k);
        Vector3d neck1 = new Vector3d(neck0).add(0, a.neckLen * k * Math.sin(tilt), a.neckLen * k * Math.cos(tilt));
        body.rod(neck0, neck1, a.neckR * k, 10);
        double hy = neck1.y + 0.3 * a.headRy * k, hz = neck1.z + 0.5 * a.headRz * k;
        body.ellipsoid(0, hy, hz, a.headRx * k, a.headRy * k, a.headRz * k, 16, 10);
        if (a.snout > 0) body.ellipsoid(0, hy - 0.35 * a.headRy * k, hz + a.headRz * k, 0.5 * a.headRx * k, 0.5 * a.headRy * k, a.snout * k, 12, 8);
        double noseZ = hz + (a.headRz + a.snout) * k;
        hard.ellipsoid(0, hy - (a.snout > 0 ? 0.35 * a.headRy * k : 0.2 * a.headRy * k), noseZ, 0.025 * k, 0.02 * k, 0.015 * k, 8, 4);
        for (int side = -1; side <= 1; side += 2) {
            hard.ellipsoid(side * 0.8 * a.headRx * k, hy + 0.3 * a.headRy * k, hz + 0.3 * a.headRz * k, 0.012 * k, 0.012 * k, 0.012 * k, 6, 4);
            body.ellipsoid(side * 0.9 * a.headRx * k, hy + a.headRy * k + 0.5 * a.ear * k, hz - 0.4 * a.headRz * k,
                    0.35 * a.ear * k, a.ear * k, 0.25 * a.ear * k, 8, 6);
            if (deer && p.word("antlers").equals("antlers")) {
                Vector3d base = new Vector3d(side * 0.4 * a.headRx * k, hy + 0.8 * a.headRy * k, hz - 0.2 * a.headRz * k);
                Vector3d tip = new Vector3d(base).add(side * 0.12 * k, 0.3 * k, -0.06 * k);
                hard.rod(base, tip, 0.012 * k, 6);
                Vector3d mid = new Vector3d(base).lerp(tip, 0.5);
                hard.rod(mid, new Vector3d(mid).add(side * 0.02 * k, 0.1 * k, 0.08 * k), 0.01 * k, 6);
            }
        }
        // tail: a deer's short white-ish flag, a dog's raised tail
        Vector3d tail0 = v(0, a.bodyY + 0.5 * a.bodyR, -a.bodyL * 0.92, k);
        body.rod(tail0, new Vector3d(tail0).add(0, a.tail * 0.5 * k, -a.tail * 0.8 * k), (deer ? 0.04 : 0.03) * k, 8);
        return m.build();
    }

    private static Vector3d v(double x, double y, double z, double k) {
        return new Vector3d(x * k, y * k, z * k);
    }
}
