package dev.mirage.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated scene template: what the user wrote, with ranges still unsampled. Built only by
 * {@link TemplateReader}; immutable.
 *
 * @param file       the file it was read from (assets resolve against its folder)
 * @param version    the {@code mirage} format version (1)
 * @param name       a short name for the dataset
 * @param image      output size and anti-aliasing
 * @param camera     the camera's ranges
 * @param sun        the sun's ranges
 * @param sky        the ambient sky term
 * @param categories COCO categories, ids unique and &gt; 0
 * @param objects    what to place, in file order (instance ids follow this order)
 * @param labels     labeling policy
 */
public record SceneTemplate(
        Path file,
        int version,
        String name,
        ImageSpec image,
        CameraSpec camera,
        SunSpec sun,
        SkySpec sky,
        List<CategorySpec> categories,
        List<ObjectSpec> objects,
        LabelSpec labels) {

    public SceneTemplate {
        categories = List.copyOf(categories);
        objects = List.copyOf(objects);
    }

    /** The category with this name. */
    public Optional<CategorySpec> category(String categoryName) {
        return categories.stream().filter(c -> c.name().equals(categoryName)).findFirst();
    }

    /** A copy with another image size (the CLI's --width/--height). */
    public SceneTemplate withImageSize(int width, int height) {
        return new SceneTemplate(file, version, name, new ImageSpec(width, height, image.antiAliasing()),
                camera, sun, sky, categories, objects, labels);
    }

    /** Output size and how RGB is anti-aliased (depth and ids never are). */
    public record ImageSpec(int width, int height, AntiAliasing antiAliasing) {}

    /** RGB anti-aliasing: a post-process on colour only, so depth and ids stay exact. */
    public enum AntiAliasing { NONE, FXAA }

    /**
     * Camera ranges. Up is +Y; the camera looks from {@code position} at {@code lookAt}.
     *
     * @param fovDeg vertical field of view in degrees, (0, 180)
     * @param nearM  near clip plane in metres, &gt; 0
     * @param farM   far clip plane in metres, &gt; nearM; surfaces beyond it are "no surface"
     */
    public record CameraSpec(Vec3Dist position, Vec3Dist lookAt, NumberDist fovDeg, double nearM, double farM) {}

    /**
     * The sun, a directional light with a shadow map. Its direction comes either from
     * {@code direction} (a vector pointing toward the sun) or from elevation and azimuth
     * (azimuth 0 = +X, 90 = −Z, i.e. straight ahead of a camera with default orientation).
     *
     * @param direction    toward the sun, or null when given by angles
     * @param elevationDeg degrees above the horizon
     * @param azimuthDeg   degrees about +Y
     * @param color        sRGB colour of the light
     * @param intensity    multiplier: a white surface facing the sun reflects {@code intensity}
     */
    public record SunSpec(Vec3Dist direction, NumberDist elevationDeg, NumberDist azimuthDeg,
                          ColorDist color, NumberDist intensity) {}

    /**
     * Ambient light from the sky (a hemisphere term) and the background colour.
     *
     * @param color     sRGB colour of the sky, also the image background
     * @param intensity multiplier on the ambient term
     */
    public record SkySpec(ColorDist color, NumberDist intensity) {}

    /** A COCO category. */
    public record CategorySpec(int id, String name, String supercategory) {}

    /**
     * @param minVisiblePixels objects with fewer visible pixels get no annotation (values below 1 act as 1)
     * @param visibility       measure amodal pixels, occlusion and truncation per annotation (default true)
     * @param polygons         write segmentations as polygons instead of RLE (default false)
     * @param rules            per-category rules that drop objects or mark them crowd
     */
    public record LabelSpec(int minVisiblePixels, boolean visibility, boolean polygons, List<RuleSpec> rules) {
        public LabelSpec {
            rules = List.copyOf(rules);
        }

        public LabelSpec(int minVisiblePixels, boolean visibility) {
            this(minVisiblePixels, visibility, false, List.of());
        }
    }

    /**
     * A labeling rule: annotations of {@code category} (all when null) with fewer than
     * {@code minVisiblePixels} visible pixels, or an occlusion or truncation ratio above the maximum,
     * are dropped or marked crowd.
     *
     * @param action "drop" or "crowd"
     */
    public record RuleSpec(String category, int minVisiblePixels, double maxOcclusion, double maxTruncation, String action) {}
}
