package dev.mirage.scene;

import java.util.Objects;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * How an object's surface reflects light, beyond its base colour: microfacet roughness, metalness and
 * an optional procedural pattern (the classic domain-randomization textures), evaluated in the
 * object's own space so a pattern sticks to the object as it moves.
 *
 * @param roughness     perceptual roughness 0 (mirror) .. 1 (matte)
 * @param metallic      0 (dielectric) .. 1 (metal)
 * @param pattern       procedural pattern mixing the base colour with {@code color2Linear}
 * @param color2Linear  the pattern's second colour, linear RGB (ignored for {@link Pattern#NONE})
 * @param patternScaleM size of one pattern cell (checker square, stripe pair, noise feature) in metres of object space
 */
public record Surface(double roughness, double metallic, Pattern pattern, Vector3dc color2Linear, double patternScaleM) {
    /** Procedural patterns. */
    public enum Pattern { NONE, CHECKER, STRIPES, NOISE }

    /** A matte dielectric with no pattern: what objects get when the template says nothing. */
    public static final Surface DEFAULT = new Surface(0.8, 0.0, Pattern.NONE, new Vector3d(), 1.0);

    public Surface {
        Objects.requireNonNull(pattern);
        if (!(roughness >= 0 && roughness <= 1)) throw new IllegalArgumentException("roughness " + roughness);
        if (!(metallic >= 0 && metallic <= 1)) throw new IllegalArgumentException("metallic " + metallic);
        if (!(patternScaleM > 0)) throw new IllegalArgumentException("pattern scale " + patternScaleM);
        color2Linear = new Vector3d(color2Linear);
    }
}
