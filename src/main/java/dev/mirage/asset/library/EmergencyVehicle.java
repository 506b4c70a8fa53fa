package dev.mirage.asset.library;

import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Vector3d;

/**
 * An emergency vehicle: the library's panel van with a roof light bar (lit beacons that also light
 * the scene), a livery stripe along both sides and head lamps on. Front +Z, on y = 0; the bar adds
 * {@link #BAR_HEIGHT_M} to the van's height. Parts: the van's, and {@code light_bar}.
 */
final class EmergencyVehicle implements Generator {
    /** Height of the light bar above the roof. */
    static final double BAR_HEIGHT_M = 0.14;
    /** A beacon's point light: a white surface 1 m away reflects this (a coloured glow over a few metres). */
    static final double BEACON_INTENSITY = 1.5;

    private final Car van = new Car(true);

    @Override public String name() { return "emergency_vehicle"; }
    @Override public String category() { return "emergency_vehicle"; }

    @Override
    public String description() {
        return "Ambulance or police van: the van with a lit roof light bar and a livery stripe; front +Z";
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> out = new ArrayList<>();
        out.add(ParamSpec.choice("service", "ambulance", List.of("ambulance", "police"),
                "ambulance: red and blue beacons, red stripe; police: blue beacons, blue stripe"));
        for (ParamSpec s : van.params()) if (!s.name().equals("lights")) out.add(s);
        out.add(ParamSpec.choice("beacons", "on", List.of("on", "off"), "whether the light bar is lit"));
        return out;
    }

    @Override
    public Model make(Params p) {
        Model body = van.make(vanParams(p));
        double length = p.num("lengthM"), width = p.num("widthM"), height = p.num("heightM");
        boolean police = p.word("service").equals("police"), lit = p.word("beacons").equals("on");
        ModelBuilder m = new ModelBuilder(name());
        double barZ = barZ(p), halfW = width * 0.3;
        m.part("light_bar", Materials.trim()).box(-halfW, height, barZ - 0.16, halfW, height + 0.04, barZ + 0.16);
        m.part("light_bar", Materials.lamp(police ? "beacon_blue" : "beacon_red", police ? 0.1 : 1.0, police ? 0.25 : 0.08, police ? 1.0 : 0.05, lit))
                .box(-halfW, height + 0.04, barZ - 0.13, -0.03, height + BAR_HEIGHT_M, barZ + 0.13);
        m.part("light_bar", Materials.lamp("beacon_blue", 0.1, 0.25, 1.0, lit))
                .box(0.03, height + 0.04, barZ - 0.13, halfW, height + BAR_HEIGHT_M, barZ + 0.13);
        // livery: a stripe along each side, 3 mm proud of the load box
        double bodyW = width * 0.47, belt = height * 0.5, halfL = length / 2;
        var stripe = police ? Materials.fixedPlastic("livery_blue", 0.1, 0.2, 0.7) : Materials.fixedPlastic("livery_red", 0.85, 0.1, 0.1);
        for (int side = -1; side <= 1; side += 2) {
            double x0 = side < 0 ? -bodyW - 0.003 : bodyW, x1 = side < 0 ? -bodyW : bodyW + 0.003;
            m.part("body", stripe).box(x0, belt + 0.05, -halfL + 0.15, x1, belt + 0.25, halfL - 0.16 * length - 0.2);
        }
        List<MeshPart> parts = new ArrayList<>(body.parts());
        parts.addAll(m.build().parts());
        return Model.of(name(), parts);
    }

    @Override
    public List<Emitter> lights(Params p) {
        List<Emitter> out = new ArrayList<>(van.lights(vanParams(p)));
        if (!p.word("beacons").equals("on")) return out;
        boolean police = p.word("service").equals("police");
        double y = p.num("heightM") + 0.1, z = barZ(p), x = p.num("widthM") * 0.15;
        Vector3d blue = Materials.srgb(0.1, 0.25, 1.0), red = Materials.srgb(1.0, 0.08, 0.05);
        out.add(Emitter.point("beacon_left", new Vector3d(-x, y, z), police ? blue : red, BEACON_INTENSITY, 15));
        out.add(Emitter.point("beacon_right", new Vector3d(x, y, z), blue, BEACON_INTENSITY, 15));
        return out;
    }

    /** The bar stands on the roof, just behind the windscreen's top (as {@link Car} shapes a van). */
    private static double barZ(Params p) {
        double length = p.num("lengthM"), height = p.num("heightM");
        double frontTop = length / 2 - 0.16 * length - 0.25 * height;
        return frontTop - 0.45;
    }

    private Params vanParams(Params p) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (ParamSpec s : van.params())
            if (!s.name().equals("lights")) given.put(s.name(), p.values().get(s.name()));
        given.put("lights", "on");
        return van.resolve(given);
    }
}
