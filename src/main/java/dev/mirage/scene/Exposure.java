package dev.mirage.scene;

import java.util.Objects;

/**
 * How a frame's linear radiance is scaled before sRGB encoding: not at all ({@link #NONE}, the
 * default, so older templates render byte for byte as before), by a fixed exposure value, or by an
 * exposure computed from the frame's own lighting ({@link #AUTO}, see {@link AutoExposure}).
 *
 * <p>Scale: one scene radiance unit (what a white surface facing a light of intensity 1 reflects) is
 * taken as {@value #CANDELA_PER_UNIT} cd/m², and an exposure value EV (ISO 100) maps the luminance
 * 1.2 · 2^EV cd/m² to display white (the saturation-based convention of photographic EV100), so the
 * linear factor is {@code 1000 / (1.2 · 2^EV)}: EV 15 is a sunny day, EV 9.97 leaves radiance as it
 * is, EV 3 a lit street at night. Immutable.
 *
 * @param mode how the factor is set
 * @param ev   the exposure value of a {@link Mode#FIXED} exposure (NaN otherwise)
 */
public record Exposure(Mode mode, double ev) {
    /** How the exposure is set. */
    public enum Mode { NONE, FIXED, AUTO }

    /** cd/m² per scene radiance unit. */
    public static final double CANDELA_PER_UNIT = 1000;

    /** No exposure: factor 1. */
    public static final Exposure NONE = new Exposure(Mode.NONE, Double.NaN);

    /** Exposure from the frame's lighting. */
    public static final Exposure AUTO = new Exposure(Mode.AUTO, Double.NaN);

    public Exposure {
        Objects.requireNonNull(mode);
        if (mode == Mode.FIXED && !Double.isFinite(ev)) throw new IllegalArgumentException("exposure value " + ev);
    }

    /** A fixed exposure value. */
    public static Exposure fixed(double ev) {
        return new Exposure(Mode.FIXED, ev);
    }

    /** The linear factor of an exposure value: 1000 / (1.2 · 2^EV). */
    public static double factorOfEv(double ev) {
        return CANDELA_PER_UNIT / (1.2 * Math.pow(2, ev));
    }

    /** The exposure value of a linear factor: log2(1000 / (1.2 · factor)). */
    public static double evOfFactor(double factor) {
        return Math.log(CANDELA_PER_UNIT / (1.2 * factor)) / Math.log(2);
    }

    /** The exposure a frame is rendered with: its EV and linear factor. */
    public record Applied(double ev, double factor) {}

    /** This exposure for {@code frame}. */
    public Applied applyTo(FrameScene frame) {
        return applyTo(frame, null);
    }

    /** The same, reusing the frame's sky light when the caller has it (null: computed when needed). */
    public Applied applyTo(FrameScene frame, SkyLight light) {
        switch (mode) {
            case FIXED:
                return new Applied(ev, factorOfEv(ev));
            case AUTO:
                double factor = light == null ? AutoExposure.factor(frame) : AutoExposure.factor(frame, light);
                return new Applied(evOfFactor(factor), factor);
            default:
                return new Applied(evOfFactor(1), 1);
        }
    }

    /** "none", "auto" or "ev", as recorded in meta files. */
    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace("fixed", "ev");
    }
}
