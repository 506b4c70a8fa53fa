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
 * @param patternScaleM size of one pattern cell (checker square, stripe pair, noise feature, texture tile) in metres of object space
 * @param texture       for {@link Pattern#TEXTURE}: the image (PNG or JPEG) tiled over the object, tinted by its colour
 */
public record Surface(double roughness, double metallic, Pattern pattern, Vector3dc color2Linear, double patternScaleM,
                      java.nio.file.Path texture) {
    /**
     * Procedural patterns, and {@code TEXTURE}: an image tiled every {@code patternScaleM} metres,
     * projected along the object's axis its surface faces most, so shapes without texture
     * coordinates take it too.
     */
    public enum Pattern { NONE, CHECKER, STRIPES, NOISE, TEXTURE }

    /** A surface without an image. */
    public Surface(double roughness, double metallic, Pattern pattern, Vector3dc color2Linear, double patternScaleM) {
        this(roughness, metallic, pattern, color2Linear, patternScaleM, null);
    }

    /** A matte dielectric with no pattern: what objects get when the template says nothing. */
    public static final Surface DEFAULT = new Surface(0.8, 0.0, Pattern.NONE, new Vector3d(), 1.0, null);

    public Surface {
        Objects.requireNonNull(pattern);
        if (!(roughness >= 0 && roughness <= 1)) throw new IllegalArgumentException("roughness " + roughness);
        if (!(metallic >= 0 && metallic <= 1)) throw new IllegalArgumentException("metallic " + metallic);
        if (!(patternScaleM > 0)) throw new IllegalArgumentException("pattern scale " + patternScaleM);
        color2Linear = new Vector3d(color2Linear);
        if ((pattern == Pattern.TEXTURE) != (texture != null))
            throw new IllegalArgumentException("a texture goes with the TEXTURE pattern, and only with it");
    }
}
