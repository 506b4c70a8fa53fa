package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Passenger cars and vans: a lower body with wheel arches and a glass cabin, both side profiles
 * extruded across the width, with roof, pillars, bumpers, lights, mirrors and four wheels. Length
 * along Z (front +Z), width X, on y = 0; widthM includes the mirrors. Parts: {@code body} (paint,
 * recolorable; trim, glass, lights), {@code wheel_fl}, {@code wheel_fr}, {@code wheel_rl},
 * {@code wheel_rr}; a pickup adds {@code bed}.
 */
final class Car implements Generator {
    static final List<String> BODY_TYPES = List.of("sedan", "hatchback", "suv", "pickup");

    private final boolean van;

    Car(boolean van) {
        this.van = van;
    }

    @Override public String name() { return van ? "van" : "car"; }
    @Override public String category() { return van ? "van" : "car"; }

    @Override
    public String description() {
        return van ? "Panel van with a short bonnet and a tall load box; front +Z"
                : "Passenger car (sedan, hatchback, SUV or pickup); front +Z, paint recolorable";
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> out = new ArrayList<>();
        if (!van) out.add(ParamSpec.choice("bodyType", "sedan", BODY_TYPES, "body style"));
        out.add(ParamSpec.number("lengthM", "m", van ? 5.2 : 4.6, van ? 4.4 : 3.4, van ? 6.5 : 5.8, "overall length"));
        out.add(ParamSpec.number("widthM", "m", van ? 2.05 : 1.85, 1.5, 2.3, "overall width with mirrors"));
        out.add(ParamSpec.number("heightM", "m", van ? 2.4 : 1.45, 1.2, van ? 2.9 : 2.1, "overall height"));
        out.add(ParamSpec.number("wheelbaseRatio", "ratio", van ? 0.62 : 0.6, 0.5, 0.7, "wheelbase as a fraction of the length"));
        out.add(ParamSpec.number("wheelRadiusM", "m", van ? 0.35 : 0.32, 0.25, 0.45, "tyre outer radius"));
        if (!van) out.add(ParamSpec.number("roofRatio", "ratio", 0.45, 0.3, 0.55, "cabin height above the beltline as a fraction of the height"));
        out.add(ParamSpec.number("roundness", "ratio", 0.5, 0, 1, "how rounded the body's corners are"));
        out.add(lightsParam());
        return out;
    }

    @Override
    public Model make(Params p) {
        String type = van ? "van" : p.word("bodyType");
        double length = p.num("lengthM"), width = p.num("widthM"), height = p.num("heightM");
        double wheelbase = length * p.num("wheelbaseRatio"), r = p.num("wheelRadiusM");
        double roof = van ? 0.5 : p.num("roofRatio"), round = p.num("roundness");
        r = Math.min(r, height * 0.28);
        double halfL = length / 2, bodyW = width * 0.47, clear = Math.max(0.12, r * 0.45);
        double belt = height * (1 - roof);
        double hood = switch (type) {
            case "van" -> belt * 0.95;
            case "suv", "pickup" -> belt * 0.97;
            default -> belt * 0.88;
        };
        double zf = wheelbase / 2, zr = -wheelbase / 2;
        // the front axle must leave room for the arch inside the body
        double arch = r * 1.12;
        zf = Math.min(zf, halfL - arch - 0.05);
        zr = Math.max(zr, -halfL + arch + 0.05);
        boolean on = p.word("lights").equals("on");
        ModelBuilder m = new ModelBuilder(name());
        Material paint = Materials.carPaint();

        // lower body: side profile with arches, (z, y) points
        List<double[]> lower = new ArrayList<>();
        lower.add(new double[] {-halfL, clear + 0.1});
        lower.add(new double[] {-halfL, belt});
        lower.add(new double[] {halfL - 0.04 * length, hood});
        lower.add(new double[] {halfL, hood - 0.12 * belt});
        lower.add(new double[] {halfL, clear + 0.1});
        arch(lower, zf, r, arch, clear);
        arch(lower, zr, r, arch, clear);
        double[][] lowerProfile = Polygons.round(lower.toArray(new double[0][]), 0.25 * round, 4);
        m.part("body", paint).uvScale(1).extrudeX(lowerProfile, -bodyW, bodyW);

        // cabin: glass prism, narrower, with roof and pillars in paint
        double frontBase, rearBase, frontTop, rearTop;
        double cabinH = height - belt;
        switch (type) {
            case "hatchback" -> { frontBase = halfL - 0.30 * length; rearBase = -halfL + 0.03 * length; }
            case "suv" -> { frontBase = halfL - 0.27 * length; rearBase = -halfL + 0.02 * length; }
            case "pickup" -> { frontBase = halfL - 0.30 * length; rearBase = -0.08 * length; }
            case "van" -> { frontBase = halfL - 0.16 * length; rearBase = -halfL + 0.01; }
            default -> { frontBase = halfL - 0.32 * length; rearBase = -halfL + 0.22 * length; }
        }
        frontTop = frontBase - cabinH * (van ? 0.5 : 1.25);
        rearTop = rearBase + cabinH * switch (type) {
            case "sedan" -> 1.1;
            case "hatchback" -> 0.45;
            default -> 0.12;
        };
        if (van) { // a van's load box runs the full height behind the windscreen
            double[][] box = Polygons.round(new double[][] {{-halfL, belt - 0.01}, {frontBase - 0.15, belt - 0.01},
                    {frontTop - 0.1, height}, {-halfL, height}}, 0.2 * round, 3);
            m.part("body", paint).extrudeX(box, -bodyW, bodyW);
            frontBase = frontBase + 0.0;
            rearBase = frontBase - 0.9;
            rearTop = frontTop - 0.2;
        }
        double cabinW = bodyW * 0.92;
        double[][] cabin = Polygons.round(new double[][] {{rearBase, belt - 0.01}, {frontBase, belt - 0.01}, {frontTop, height - 0.05},
                {rearTop, height - 0.05}}, 0.12 * round, 3);
        m.part("body", Materials.glass()).extrudeX(cabin, -cabinW, cabinW);
        double[][] roofSlab = {{rearTop - 0.02, height - 0.06}, {frontTop + 0.02, height - 0.06}, {frontTop - 0.01, height},
                {rearTop + 0.01, height}};
        if (!van) m.part("body", paint).extrudeX(roofSlab, -cabinW - 0.01, cabinW + 0.01);
        for (int side = -1; side <= 1; side += 2) {
            double x0 = side < 0 ? -cabinW - 0.012 : cabinW - 0.05, x1 = side < 0 ? -cabinW + 0.05 : cabinW + 0.012;
            m.part("body", paint).extrudeX(pillar(frontBase, belt, frontTop, height - 0.05, 0.08), x0, x1);
            if (!van) m.part("body", paint).extrudeX(pillar(rearBase, belt, rearTop, height - 0.05, -0.12), x0, x1);
            double mid = (frontTop + rearTop) / 2;
            if (!van) m.part("body", paint).extrudeX(pillar(mid + 0.05, belt, mid + 0.05, height - 0.05, -0.1), x0, x1);
            // mirror
            m.part("body", Materials.trim()).box(side < 0 ? -width / 2 : bodyW, belt - 0.02, frontBase - 0.2,
                    side < 0 ? -bodyW : width / 2, belt + 0.12, frontBase - 0.08);
            // lights: head at the front corners, tail at the back
            double lx0 = side < 0 ? -bodyW + 0.05 : bodyW - 0.35, lx1 = side < 0 ? -bodyW + 0.35 : bodyW - 0.05;
            double ly = hood - 0.12 * belt - 0.02;
            m.part("body", Materials.lamp("head", 1.0, 0.97, 0.9, on)).box(lx0, ly - 0.12, halfL - 0.03, lx1, ly, halfL);
            m.part("body", Materials.lamp("tail", 0.9, 0.05, 0.05, on)).box(lx0, belt - 0.18, -halfL, lx1, belt - 0.04, -halfL + 0.03);
        }
        // bumpers
        m.part("body", Materials.trim()).box(-bodyW, clear + 0.02, halfL - 0.12, bodyW, clear + 0.2, halfL);
        m.part("body", Materials.trim()).box(-bodyW, clear + 0.02, -halfL, bodyW, clear + 0.2, -halfL + 0.12);
        if (type.equals("pickup")) { // the bed: floor inside the lower body is its top; walls and tailgate above
            double bedFront = rearBase - 0.05, wall = 0.06, top = belt + 0.12 * cabinH;
            m.part("bed", paint).box(-bodyW, belt - 0.01, -halfL, -bodyW + wall, top, bedFront);
            m.part("bed", paint).box(bodyW - wall, belt - 0.01, -halfL, bodyW, top, bedFront);
            m.part("bed", paint).box(-bodyW, belt - 0.01, -halfL, bodyW, top, -halfL + wall);
            m.part("bed", paint).box(-bodyW, belt - 0.01, bedFront - wall, bodyW, top, bedFront);
        }
        double tyreW = Math.min(0.28, width * 0.12), wx = bodyW - tyreW / 2 - 0.01;
        Material rim = Materials.metal("rim", 0.7, 0.7, 0.72);
        Wheels.wheel(m, "wheel_fl", wx, zf, r, tyreW, rim);
        Wheels.wheel(m, "wheel_fr", -wx, zf, r, tyreW, rim);
        Wheels.wheel(m, "wheel_rl", wx, zr, r, tyreW, rim);
        Wheels.wheel(m, "wheel_rr", -wx, zr, r, tyreW, rim);
        return m.build();
    }

    /** Head spot intensity: a white surface facing one lamp at 1 m reflects this (about 0.24 at 5 m). */
    static final double HEAD_INTENSITY = 6.0;
    /** Tail lamp intensity: dim, a red glow on the road just behind. */
    static final double TAIL_INTENSITY = 0.05;

    @Override
    public List<Emitter> lights(Params p) {
        if (!p.word("lights").equals("on")) return List.of();
        // the same lamp boxes as make(): centred on them, just outside the body
        String type = van ? "van" : p.word("bodyType");
        double length = p.num("lengthM"), width = p.num("widthM"), height = p.num("heightM");
        double roof = van ? 0.5 : p.num("roofRatio");
        double halfL = length / 2, bodyW = width * 0.47, belt = height * (1 - roof);
        double hood = switch (type) {
            case "van" -> belt * 0.95;
            case "suv", "pickup" -> belt * 0.97;
            default -> belt * 0.88;
        };
        double ly = hood - 0.12 * belt - 0.02, lampX = bodyW - 0.2;
        return vehicleLights(lampX, ly - 0.06, halfL + 0.01, lampX, belt - 0.11, -halfL - 0.01);
    }

    /** The {@code lights} parameter of road vehicles. */
    static ParamSpec lightsParam() {
        return ParamSpec.choice("lights", "off", List.of("off", "on"),
                "on: lit head and tail lamps with two forward head spot lights and two dim red tail point lights");
    }

    /**
     * A road vehicle's lamps: head spots at (±headX, headY, headZ), forward (+Z) and 5° down (a low
     * beam, full within 15°, ending at 30°, 60 m), and red tail points at (±tailX, tailY, tailZ), 8 m.
     */
    static List<Emitter> vehicleLights(double headX, double headY, double headZ, double tailX, double tailY, double tailZ) {
        org.joml.Vector3d beam = new org.joml.Vector3d(0, -Math.sin(Math.toRadians(5)), Math.cos(Math.toRadians(5)));
        org.joml.Vector3d white = new org.joml.Vector3d(1.0, 0.92, 0.8), red = new org.joml.Vector3d(1.0, 0.02, 0.01);
        return List.of(
                Emitter.spot("head_left", new org.joml.Vector3d(headX, headY, headZ), beam, white, HEAD_INTENSITY, 60, 15, 30),
                Emitter.spot("head_right", new org.joml.Vector3d(-headX, headY, headZ), beam, white, HEAD_INTENSITY, 60, 15, 30),
                Emitter.point("tail_left", new org.joml.Vector3d(tailX, tailY, tailZ), red, TAIL_INTENSITY, 8),
                Emitter.point("tail_right", new org.joml.Vector3d(-tailX, tailY, tailZ), red, TAIL_INTENSITY, 8));
    }

    /** Adds a wheel arch (centre z, wheel radius r) to the bottom of a profile, from front to back. */
    private static void arch(List<double[]> profile, double z, double r, double arch, double clear) {
        double dy = r - clear, half = Math.sqrt(Math.max(0, arch * arch - dy * dy));
        double a0 = Math.atan2(-dy, half), a1 = Math.PI - a0;
        // profile runs rear-top → front → front-bottom; the bottom is then walked front to back, so the arch too
        int steps = 10;
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double a = a0 + (a1 - a0) * i / steps;
            pts.add(new double[] {z + arch * Math.cos(a), r + arch * Math.sin(a)});
        }
        // insert keeping the bottom ordered by decreasing z: find where this arch goes
        int at = profile.size();
        for (int i = 4; i < profile.size(); i++) if (profile.get(i)[0] < z) { at = i; break; }
        profile.addAll(at, pts);
    }

    /** A slanted pillar from (zBase, yBase) to (zTop, yTop), {@code thick} along z (sign: which side it grows to). */
    private static double[][] pillar(double zBase, double yBase, double zTop, double yTop, double thick) {
        return new double[][] {{zBase, yBase}, {zBase - thick, yBase}, {zTop - thick, yTop}, {zTop, yTop}};
    }
}
