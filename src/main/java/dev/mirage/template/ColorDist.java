package dev.mirage.template;

import java.util.List;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/**
 * A colour, fixed or drawn per frame. Files hold sRGB: {@code "#rrggbb"}, {@code [r, g, b]} in 0..1,
 * {@code {"hsv": [[hDeg, s, v], [hDeg, s, v]]}} (uniform in each of hue, saturation, value) or
 * {@code {"choice": [colour, ...]}} (optionally weighted) or {@code {"kelvin": temperature}}. {@link #sample} returns linear RGB for shading.
 */
public sealed interface ColorDist {
    /** Draws a colour, linear RGB in 0..1. */
    Vector3d sample(RandomGenerator rng);

    /** A fixed colour, stored as sRGB components in 0..1. */
    record Constant(double r, double g, double b) implements ColorDist {
        public Vector3d sample(RandomGenerator rng) { return new Vector3d(toLinear(r), toLinear(g), toLinear(b)); }
    }

    /** Uniform in hue (degrees, may wrap past 360), saturation and value; sRGB-encoded HSV. */
    record Hsv(double hMin, double sMin, double vMin, double hMax, double sMax, double vMax) implements ColorDist {
        public Vector3d sample(RandomGenerator rng) {
            double h = hMin + (hMax - hMin) * rng.nextDouble();
            double s = sMin + (sMax - sMin) * rng.nextDouble();
            double v = vMin + (vMax - vMin) * rng.nextDouble();
            Constant c = fromHsv(h, s, v);
            return c.sample(rng);
        }
    }

    record Choice(List<ColorDist> values, double[] weights) implements ColorDist {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("empty choice");
            if (weights != null) weights = Weights.check(weights, values.size());
        }
        public Choice(List<ColorDist> values) { this(values, null); }
        public Vector3d sample(RandomGenerator rng) { return values.get(Weights.pick(rng, weights, values.size())).sample(rng); }
    }

    /**
     * The colour of a black body at {@code kelvin} (any number form, 1000..40000 K), linear RGB with
     * its largest component 1: candle light near 1900 K, tungsten 2700–3200 K, daylight 5500–6500 K,
     * overcast sky 7000–10000 K.
     */
    record Kelvin(NumberDist kelvin) implements ColorDist {
        public Vector3d sample(RandomGenerator rng) { return ColorTemperature.linearRgb(kelvin.sample(rng)); }
    }

    /** True when every draw gives the same colour. */
    default boolean fixed() { return this instanceof Constant; }

    /** sRGB transfer function, decoding one component to linear. */
    static double toLinear(double srgb) {
        return srgb <= 0.04045 ? srgb / 12.92 : Math.pow((srgb + 0.055) / 1.055, 2.4);
    }

    /** HSV (hue in degrees) to an sRGB colour. */
    static Constant fromHsv(double hDeg, double s, double v) {
        double h = ((hDeg % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
        return switch (sector) {
            case 0 -> new Constant(v, t, p);
            case 1 -> new Constant(q, v, p);
            case 2 -> new Constant(p, v, t);
            case 3 -> new Constant(p, q, v);
            case 4 -> new Constant(t, p, v);
            default -> new Constant(v, p, q);
        };
    }
}
