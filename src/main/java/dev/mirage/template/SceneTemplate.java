package dev.mirage.template;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * @param variables  per-frame variables by name, in declaration order (each may read earlier ones)
 * @param lights     point and spot lights
 * @param weather    the atmosphere's ranges
 * @param exposure   the camera's exposure ({@code camera.exposure} in the file)
 * @param sensors    which sensors to render and their settings ({@code sensors}, {@code thermal}, {@code nir})
 * @param sampling   constraints, coverage bins and the attempt cap ({@link SamplingSpec#NONE} without them)
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
        LabelSpec labels,
        Map<String, NumberDist> variables,
        List<LightSpec> lights,
        WeatherSpec weather,
        ExposureSpec exposure,
        SensorsSpec sensors,
        SamplingSpec sampling) {

    public SceneTemplate {
        categories = List.copyOf(categories);
        objects = List.copyOf(objects);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        lights = List.copyOf(lights);
        java.util.Objects.requireNonNull(exposure);
        java.util.Objects.requireNonNull(sensors);
        java.util.Objects.requireNonNull(sampling);
    }

    /** A template with the default sensors, without constraints or coverage. */
    public SceneTemplate(Path file, int version, String name, ImageSpec image, CameraSpec camera, SunSpec sun, SkySpec sky,
                         List<CategorySpec> categories, List<ObjectSpec> objects, LabelSpec labels,
                         Map<String, NumberDist> variables, List<LightSpec> lights, WeatherSpec weather, ExposureSpec exposure) {
        this(file, version, name, image, camera, sun, sky, categories, objects, labels, variables, lights, weather, exposure,
                SensorsSpec.DEFAULT, SamplingSpec.NONE);
    }

    /** A template without exposure. */
    public SceneTemplate(Path file, int version, String name, ImageSpec image, CameraSpec camera, SunSpec sun, SkySpec sky,
                         List<CategorySpec> categories, List<ObjectSpec> objects, LabelSpec labels,
                         Map<String, NumberDist> variables, List<LightSpec> lights, WeatherSpec weather) {
        this(file, version, name, image, camera, sun, sky, categories, objects, labels, variables, lights, weather, ExposureSpec.NONE);
    }

    /** The category with this name. */
    public Optional<CategorySpec> category(String categoryName) {
        return categories.stream().filter(c -> c.name().equals(categoryName)).findFirst();
    }

    /** This template, or a copy with the sides given (the CLI's --width/--height; null keeps a side). */
    public SceneTemplate withImageSize(Integer width, Integer height) {
        if (width == null && height == null) return this;
        return withImageSize(width != null ? width.intValue() : image.width(), height != null ? height.intValue() : image.height());
    }

    /** A copy with another image size (the CLI's --width/--height). */
    public SceneTemplate withImageSize(int width, int height) {
        return new SceneTemplate(file, version, name, new ImageSpec(width, height, image.antiAliasing()),
                camera, sun, sky, categories, objects, labels, variables, lights, weather, exposure, sensors, sampling);
    }

    /** Output size and how RGB is anti-aliased (depth and ids never are). */
    public record ImageSpec(int width, int height, AntiAliasing antiAliasing) {}

    /** RGB anti-aliasing: a post-process on colour only, so depth and ids stay exact. */
    public enum AntiAliasing { NONE, FXAA }

    /**
     * Camera ranges. Up is +Y. Where: {@code position}, or a point along {@code path}; {@code heightM}
     * (when set) replaces the height, as for a camera mounted on a vehicle. Where it looks: at
     * {@code lookAt} (turned by up to {@code lookAtJitterDeg}, uniform over the cone), or by
     * {@code yawDeg}/{@code pitchDeg} (yaw 0 looks along −Z, 90 along −X, i.e. counter-clockwise seen
     * from above; pitch up is positive), or along the path; then {@code rollDeg} about the view axis.
     * Lens: {@code fovDeg}, or {@code focalLengthMm} on a sensor {@code sensorHeightMm} high; the
     * principal point defaults to the image centre.
     *
     * @param position         camera position, or null when on a path
     * @param path             polyline points, or null
     * @param pathAt           where along the path, 0..1 of its length
     * @param heightM          height above y = 0 replacing the position's y, or null
     * @param lookAt           target, or null when the view is set by angles
     * @param lookAtJitterDeg  the view direction turns by up to this many degrees from the target
     * @param yawDeg           heading when there is no target; on a path, a turn from the path's heading (null: none)
     * @param pitchDeg         pitch when there is no target
     * @param rollDeg          roll about the view axis, positive turns the image content clockwise
     * @param fovDeg           vertical field of view in degrees, or null when set by focal length
     * @param focalLengthMm    focal length, or null
     * @param sensorHeightMm   sensor height for the focal length
     * @param principalPointPx [cx, cy] in pixels (pixel-edge convention), or null for the centre
     * @param nearM            near clip plane in metres, &gt; 0
     * @param farM             far clip plane in metres, &gt; nearM; surfaces beyond it are "no surface"
     * @param lens             lens distortion, or null for a pinhole
     * @param effects          sensor and optics effects on RGB, or null for none
     */
    public record CameraSpec(Vec3Dist position, double[][] path, NumberDist pathAt, NumberDist heightM, Vec3Dist lookAt,
                             NumberDist lookAtJitterDeg, NumberDist yawDeg, NumberDist pitchDeg, NumberDist rollDeg,
                             NumberDist fovDeg, NumberDist focalLengthMm, double sensorHeightMm, NumberDist[] principalPointPx,
                             double nearM, double farM, LensSpec lens, CameraEffectsSpec effects) {
        /** A pinhole camera without effects. */
        public CameraSpec(Vec3Dist position, double[][] path, NumberDist pathAt, NumberDist heightM, Vec3Dist lookAt,
                          NumberDist lookAtJitterDeg, NumberDist yawDeg, NumberDist pitchDeg, NumberDist rollDeg,
                          NumberDist fovDeg, NumberDist focalLengthMm, double sensorHeightMm, NumberDist[] principalPointPx,
                          double nearM, double farM) {
            this(position, path, pathAt, heightM, lookAt, lookAtJitterDeg, yawDeg, pitchDeg, rollDeg, fovDeg, focalLengthMm,
                    sensorHeightMm, principalPointPx, nearM, farM, null, null);
        }

        /** A camera at {@code position} looking at {@code lookAt}. */
        public CameraSpec(Vec3Dist position, Vec3Dist lookAt, NumberDist fovDeg, double nearM, double farM) {
            this(position, null, null, null, lookAt, null, null, null, new NumberDist.Constant(0), fovDeg, null, 24, null,
                    nearM, farM);
        }
    }

    /**
     * The sun's position from the calendar: date, local clock time, place. North is −Z, east +X.
     *
     * @param date           the day
     * @param hour           local clock time in hours, 0..24
     * @param latitudeDeg    degrees north
     * @param longitudeDeg   degrees east
     * @param utcOffsetHours the local clock's offset from UTC
     */
    public record SolarSpec(LocalDate date, NumberDist hour, NumberDist latitudeDeg, NumberDist longitudeDeg,
                            double utcOffsetHours) {}

    /**
     * A point or spot light entry; {@code count} lights of it per frame.
     *
     * @param pointer      JSON pointer, for logs and errors
     * @param spot         true for a spot light
     * @param count        how many per frame
     * @param position     where, metres
     * @param target       spot: the point it shines at
     * @param color        colour
     * @param intensity    a white facing surface at 1 m reflects this much
     * @param rangeM       where the light ends
     * @param innerConeDeg spot: full light within this half-angle
     * @param outerConeDeg spot: no light beyond this half-angle
     */
    public record LightSpec(String pointer, boolean spot, IntDist count, Vec3Dist position, Vec3Dist target, ColorDist color,
                            NumberDist intensity, NumberDist rangeM, NumberDist innerConeDeg, NumberDist outerConeDeg) {}

    /**
     * The sun, a directional light with a shadow map. Its direction comes either from
     * {@code direction} (a vector pointing toward the sun) or from elevation and azimuth
     * (azimuth 0 = +X, 90 = −Z, i.e. straight ahead of a camera with default orientation).
     *
     * @param direction    toward the sun, or null when given by angles or the calendar
     * @param elevationDeg degrees above the horizon
     * @param azimuthDeg   degrees about +Y
     * @param color        sRGB colour of the light
     * @param intensity    multiplier: a white surface facing the sun reflects {@code intensity}
     */
    public record SunSpec(Vec3Dist direction, NumberDist elevationDeg, NumberDist azimuthDeg,
                          ColorDist color, NumberDist intensity, SolarSpec solar) {
        public SunSpec(Vec3Dist direction, NumberDist elevationDeg, NumberDist azimuthDeg, ColorDist color, NumberDist intensity) {
            this(direction, elevationDeg, azimuthDeg, color, intensity, null);
        }
    }

    /**
     * Ambient light from the sky (a hemisphere term) and the background colour.
     *
     * @param color     sRGB colour of the sky, also the image background
     * @param intensity multiplier on the ambient term
     * @param preetham  the analytic daylight sky instead of a flat colour
     * @param turbidity analytic sky: haze 1.7..10 (null: 3)
     * @param cloudCover 0..1 (null: 0)
     * @param nightGlowRadiance analytic sky: night sky radiance at the horizon (null: the default)
     */
    public record SkySpec(ColorDist color, NumberDist intensity, boolean preetham, NumberDist turbidity, NumberDist cloudCover,
                          NumberDist nightGlowRadiance) {
        /** A flat sky. */
        public SkySpec(ColorDist color, NumberDist intensity) {
            this(color, intensity, false, null, null, null);
        }
    }

    /**
     * The camera's exposure: none (factor 1), a fixed exposure value, or automatic.
     *
     * @param mode how it is set
     * @param ev   the exposure value when fixed, else null
     */
    public record ExposureSpec(ExposureMode mode, NumberDist ev) {
        /** No exposure change. */
        public static final ExposureSpec NONE = new ExposureSpec(ExposureMode.NONE, null);
    }

    /** How a frame's exposure is set. */
    public enum ExposureMode { NONE, FIXED, AUTO }

    /**
     * The atmosphere. Fog: {@code fogVisibilityM} is the meteorological optical range (null for
     * clear air), {@code fogColor} the colour it scatters toward the camera.
     */
    public record WeatherSpec(NumberDist fogVisibilityM, ColorDist fogColor, NumberDist fogSunScatter, NumberDist fogHeightFalloffM,
                              PrecipitationSpec precipitation, NumberDist fogDepthReturn) {
        /** Clear air. */
        public static final WeatherSpec CLEAR = new WeatherSpec(null, null);

        public WeatherSpec {
            if (precipitation == null) precipitation = PrecipitationSpec.NONE;
        }

        /** Fog of one density, scattering evenly (or clear air), with no precipitation. */
        public WeatherSpec(NumberDist fogVisibilityM, ColorDist fogColor) {
            this(fogVisibilityM, fogColor, null, null, PrecipitationSpec.NONE, null);
        }
    }

    /**
     * Rain, snow and wet or snow-covered surfaces; a null field is unset. Defaults: no rain, no
     * snow, {@code streakLengthScale} 1, {@code wetness} from the rain rate and {@code snowCoverage}
     * from the snow rate ({@link dev.mirage.scene.Precipitation#wetnessFromRain},
     * {@link dev.mirage.scene.Precipitation#coverageFromSnow}).
     *
     * @param rainRateMmH       rain rate, mm/h
     * @param streakLengthScale streak length × fall speed × exposure
     * @param wetness           0..1
     * @param snowRateMmH       snowfall, mm/h of melted water
     * @param snowCoverage      0..1
     * @param lensDrops         water drops on the lens, 0..32 (default 0)
     */
    public record PrecipitationSpec(NumberDist rainRateMmH, NumberDist streakLengthScale, NumberDist wetness,
                                    NumberDist snowRateMmH, NumberDist snowCoverage, IntDist lensDrops) {
        /** Nothing falls, surfaces dry. */
        public static final PrecipitationSpec NONE = new PrecipitationSpec(null, null, null, null, null, null);
    }

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
