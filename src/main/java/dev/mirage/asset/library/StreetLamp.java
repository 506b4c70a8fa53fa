package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import dev.mirage.template.ColorTemperature;
import java.util.List;
import org.joml.Vector3d;

/**
 * A street lamp: a round pole at the origin, an arm reaching toward +Z, and a lamp head at its end
 * with an emissive lens underneath. On y = 0. With {@code on} it carries a spot light under the
 * head pointing straight down. Parts: {@code pole} (pole and arm), {@code head}.
 */
final class StreetLamp implements Generator {
    static final List<String> COLORS = List.of("sodium", "led");
    /** A white surface facing the lamp at 1 m reflects this; about 0.8 on the road under an 8 m pole. */
    static final double INTENSITY = 50.0;

    @Override public String name() { return "street_lamp"; }
    @Override public String category() { return "street_lamp"; }
    @Override public String description() { return "Street lamp: pole, arm toward +Z and lamp head, lit or not (spot light pointing down)"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("poleHeightM", "m", 8, 3, 14, "height of the arm and lamp head"),
                ParamSpec.number("armLengthM", "m", 1.5, 0.2, 4, "how far the arm reaches out from the pole (+Z)"),
                ParamSpec.choice("colorTemperature", "sodium", COLORS, "sodium: 2000 K amber; led: 4000 K white"),
                ParamSpec.choice("on", "on", List.of("on", "off"), "whether the lamp is lit"));
    }

    static double kelvin(Params p) {
        return p.word("colorTemperature").equals("led") ? 4000 : 2000;
    }

    @Override
    public Model make(Params p) {
        double h = p.num("poleHeightM"), arm = p.num("armLengthM");
        boolean on = p.word("on").equals("on");
        ModelBuilder m = new ModelBuilder("street_lamp");
        var metal = Materials.metal("lamp_pole", 0.4, 0.42, 0.44);
        m.part("pole", metal).frustum(0.09, 0.06, 0, h + 0.05, 16, true);
        m.part("pole", metal).box(-0.04, h - 0.04, 0, 0.04, h + 0.04, arm); // arm
        m.part("head", metal).box(-0.16, h - 0.1, arm - 0.15, 0.16, h + 0.08, arm + 0.45);
        Vector3d c = ColorTemperature.linearRgb(kelvin(p));
        double max = Math.max(c.x, Math.max(c.y, c.z));
        // the lens colour as an sRGB triple of the lamp's chromaticity (Materials.lamp takes sRGB)
        double r = srgb(c.x / max), g = srgb(c.y / max), b = srgb(c.z / max);
        m.part("head", Materials.lamp("street_" + p.word("colorTemperature"), r, g, b, on))
                .box(-0.13, h - 0.13, arm - 0.12, 0.13, h - 0.1, arm + 0.42);
        return m.build();
    }

    @Override
    public List<Emitter> lights(Params p) {
        if (!p.word("on").equals("on")) return List.of();
        double h = p.num("poleHeightM"), arm = p.num("armLengthM");
        Vector3d c = ColorTemperature.linearRgb(kelvin(p));
        c.max(new Vector3d()).div(Math.max(c.x, Math.max(c.y, c.z)));
        return List.of(Emitter.spot("lamp", new Vector3d(0, h - 0.14, arm + 0.15), new Vector3d(0, -1, 0), c, INTENSITY,
                Math.max(20, 3 * h), 50, 75));
    }

    private static double srgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }
}
