package dev.mirage.scene;

/**
 * Bloom and glare around strong lights: light above {@code threshold} spreads into the pixels around
 * it. The renderer works on the colour image as the scene pass encodes it (after exposure): each
 * channel's linear value above the threshold's linear value, scaled so that a saturated channel
 * gives 1, is blurred with a Gaussian reaching {@code radiusPx} (σ = radiusPx / 3, nothing beyond)
 * and added back to linear light × {@code strength}, then clamped. With {@code glare}, the same light
 * also streaks into a faint four-point star along the image axes, fading to 5% at
 * {@link #GLARE_REACH} times the radius (64 quarter-resolution texels at most). Immutable.
 *
 * @param strength  0..1; 0 is off
 * @param threshold sRGB level 0..1 above which light blooms
 * @param radiusPx  reach of the glow in pixels, &gt; 0
 * @param glare     0..1, the star's strength relative to the glow; 0 is none
 */
public record Bloom(double strength, double threshold, double radiusPx, double glare) {
    /** How far the star reaches, in multiples of the radius. */
    public static final double GLARE_REACH = 4;
    /** The template's default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.9;
    /** The template's default reach as a fraction of the image height. */
    public static final double DEFAULT_RADIUS_FRACTION = 0.015;
    /** No bloom. */
    public static final Bloom NONE = new Bloom(0, DEFAULT_THRESHOLD, 1);

    /** Bloom without glare. */
    public Bloom(double strength, double threshold, double radiusPx) {
        this(strength, threshold, radiusPx, 0);
    }

    public Bloom {
        if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("bloom strength " + strength);
        if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("bloom threshold " + threshold);
        if (!(radiusPx > 0 && Double.isFinite(radiusPx))) throw new IllegalArgumentException("bloom radius " + radiusPx);
        if (!(glare >= 0 && glare <= 1)) throw new IllegalArgumentException("glare " + glare);
    }

    /** True when the bloom changes the image. */
    public boolean on() { return strength > 0 && threshold < 1; }

    /** The default reach for an image {@code height} pixels high. */
    public static double defaultRadiusPx(int height) { return Math.max(1, DEFAULT_RADIUS_FRACTION * height); }
}
