package dev.mirage.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mirage.template.SceneTemplate.AntiAliasing;
import dev.mirage.template.SceneTemplate.CameraSpec;
import dev.mirage.template.SceneTemplate.CategorySpec;
import dev.mirage.template.SceneTemplate.ImageSpec;
import dev.mirage.template.SceneTemplate.LabelSpec;
import dev.mirage.template.SceneTemplate.SkySpec;
import dev.mirage.template.SceneTemplate.SunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and validates a scene template (JSON, or YAML for {@code .yaml}/{@code .yml}) into a
 * {@link SceneTemplate}. Every mistake found is reported at once, each with its JSON pointer and
 * its line and column; unknown fields are mistakes.
 *
 * <p>Thread safety: stateless; each call reads one file.
 */
public final class TemplateReader {
    /** Template format versions this build reads. */
    public static final int VERSION = 1;
    /** Most labeled objects one frame may hold: the instance image stores 16-bit ids. */
    public static final int MAX_LABELED_INSTANCES = 65535;
    /** Largest image side accepted in a template. */
    public static final int MAX_IMAGE_SIDE = 16384;
    /** Most point and spot lights one frame may hold (the renderer's limit). */
    public static final int MAX_LIGHTS = 16;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper YAML = new YAMLMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TemplateReader() {}

    /**
     * Reads and validates a template.
     *
     * @throws TemplateException listing every error, with the file, JSON pointers and, for errors in
     *                           the file's values, their lines and columns
     */
    public static SceneTemplate read(Path file) {
        return read(file, AssetPaths.defaults());
    }

    /**
     * Reads and validates a template whose asset and texture paths resolve through {@code paths}.
     *
     * @throws TemplateException as {@link #read(Path)}
     */
    public static SceneTemplate read(Path file, AssetPaths paths) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        byte[] bytes = bytes(file);
        // located only when something is wrong: a good file is parsed once
        return new Reading(file, parse(file, mapper, bytes), () -> SourceLocations.scan(mapper.getFactory(), bytes), paths)
                .template();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TemplateException(file, "", "no such file");
        } catch (IOException e) {
            throw new TemplateException(file, "", "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode parse(Path file, ObjectMapper mapper, byte[] bytes) {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode()) throw new TemplateException(file, "", "the file is empty");
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            // YAML parsers quote the offending lines under a caret; the first line says it all.
            String what = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").trim();
            throw new TemplateException(file, "", "syntax error: " + where + what);
        } catch (IOException e) {
            throw new TemplateException(file, "", "cannot read: " + e.getMessage());
        }
    }

    /** One pass over one file's tree. */
    private static final class Reading {
        private final Path file;
        private final JsonNode root;
        private final Supplier<SourceLocations> locations;
        private final NodeReader in = new NodeReader();
        private final DistributionReader dist = new DistributionReader(in);

        private final AssetPaths paths;

        Reading(Path file, JsonNode root, Supplier<SourceLocations> locations, AssetPaths paths) {
            this.file = file;
            this.root = root;
            this.locations = locations;
            this.paths = paths;
        }

        /** Every error recorded so far, each at its place in the file. */
        private TemplateException failure() {
            return new TemplateException(file, locations.get().locate(in.errors()));
        }

        SceneTemplate template() {
            JsonNode r = in.object(root, "", Set.of("mirage", "name", "image", "camera", "sun", "sky",
                    "categories", "objects", "labels", "variables", "lights", "weather", "sensors", "thermal", "nir",
                    "constraints", "coverage", "sampling"));
            if (r == null) throw failure();
            Integer version = in.integer(r.get("mirage"), "/mirage", VERSION, VERSION);
            String name = r.has("name") ? in.text(r.get("name"), "/name") : stem(file);
            if (r.has("variables")) variables(r.get("variables"));
            ImageSpec image = image(r.get("image"));
            CameraSpec camera = camera(r.get("camera"));
            SceneTemplate.ExposureSpec exposure = exposure(r.path("camera").get("exposure"));
            SunSpec sun = sun(r.get("sun"));
            SkySpec sky = sky(r.get("sky"));
            List<CategorySpec> categories = r.has("categories") ? categories(r.get("categories")) : List.of();
            Set<String> categoryNames = new HashSet<>();
            if (categories != null) categories.forEach(c -> categoryNames.add(c.name()));
            List<ObjectSpec> objects = in.list(r.get("objects"), "/objects",
                    e -> new ObjectReader(in, dist, file, paths).read(e.node(), e.pointer(), categoryNames));
            if (objects != null) {
                // each instance takes an id for itself and one per labeled part, at most
                long labeled = objects.stream().mapToLong(o -> o.count().max() * o.variants().stream()
                        .mapToLong(v -> (v.category() != null ? 1 : 0)
                                + v.import_().parts().stream().filter(part -> part.category() != null).count())
                        .max().orElse(0)).sum();
                if (labeled > MAX_LABELED_INSTANCES)
                    in.error("/objects", "expected at most " + MAX_LABELED_INSTANCES + " labeled objects per frame "
                            + "(instance ids are 16-bit), got up to " + labeled);
            }
            LabelSpec labels = labels(r.get("labels"));
            List<SceneTemplate.LightSpec> lights = r.has("lights") ? in.list(r.get("lights"), "/lights", this::light) : List.of();
            if (lights != null) {
                long most = lights.stream().mapToLong(l -> l.count() == null ? 0 : l.count().max()).sum();
                if (most > MAX_LIGHTS)
                    in.error("/lights", "expected at most " + MAX_LIGHTS + " point and spot lights per frame, got up to " + most);
            }
            SamplingSpec sampling = new ConstraintReader(in, root, locations).read(r, categories, labels, objects, dist.variables());
            if (!in.errors().isEmpty()) throw failure();
            SceneTemplate.WeatherSpec weather = r.has("weather") ? weather(r.get("weather")) : SceneTemplate.WeatherSpec.CLEAR;
            SensorsSpec sensors = new SensorsReader(in, dist).read(r);
            if (!in.errors().isEmpty()) throw failure();
            return new SceneTemplate(file, version, name, image, camera, sun, sky, categories, objects, labels,
                    dist.variables(), lights, weather, exposure, sensors, sampling);
        }

        /**
         * {@code {"fog": {"visibilityM": number, "color": colour}, "rain": {...}, "snow": {...},
         * "wetness": number}}.
         */
        private SceneTemplate.WeatherSpec weather(JsonNode node) {
            JsonNode o = in.object(node, "/weather", Set.of("fog", "rain", "snow", "wetness"));
            if (o == null) return SceneTemplate.WeatherSpec.CLEAR;
            SceneTemplate.PrecipitationSpec precipitation = precipitation(o);
            if (!o.has("fog")) return new SceneTemplate.WeatherSpec(null, null, null, null, precipitation, null);
            JsonNode f = in.object(o.get("fog"), "/weather/fog", Set.of("visibilityM", "color", "sunScatter", "heightFalloffM", "depthReturn"));
            if (f == null) return null;
            NumberDist visibility = dist.number(f.get("visibilityM"), "/weather/fog/visibilityM", 1, 1e7,
                    "a visibility in metres, 1..1e7");
            ColorDist color = f.has("color") ? dist.color(f.get("color"), "/weather/fog/color") : new ColorDist.Constant(0.75, 0.77, 0.8);
            NumberDist scatter = f.has("sunScatter")
                    ? dist.number(f.get("sunScatter"), "/weather/fog/sunScatter", 0, 1, "a sun-lobe weight, 0..1") : null;
            NumberDist falloff = f.has("heightFalloffM")
                    ? dist.number(f.get("heightFalloffM"), "/weather/fog/heightFalloffM", 0.1, 1e6, "a height in metres, 0.1..1e6") : null;
            NumberDist depthReturn = f.has("depthReturn")
                    ? dist.number(f.get("depthReturn"), "/weather/fog/depthReturn", 0, 0.99, "a two-way transmittance, 0..0.99") : null;
            if (visibility == null || color == null || (f.has("sunScatter") && scatter == null)
                    || (f.has("heightFalloffM") && falloff == null) || (f.has("depthReturn") && depthReturn == null)) return null;
            return new SceneTemplate.WeatherSpec(visibility, color, scatter, falloff, precipitation, depthReturn);
        }

        /**
         * {@code "rain": {"rateMmH": number, "streakLengthScale"?: number, "lensDrops"?: integer}, "snow": {"rateMmH": number,
         * "coverage"?: number}, "wetness"?: number}, each a number form.
         */
        private SceneTemplate.PrecipitationSpec precipitation(JsonNode weather) {
            NumberDist rain = null, streak = null, snow = null, coverage = null, wetness = null;
            IntDist lensDrops = null;
            if (weather.has("rain")) {
                JsonNode r = in.object(weather.get("rain"), "/weather/rain", Set.of("rateMmH", "streakLengthScale", "lensDrops"));
                if (r != null) {
                    rain = dist.number(r.get("rateMmH"), "/weather/rain/rateMmH", 0, 500, "a rain rate in mm/h, 0..500");
                    if (r.has("streakLengthScale"))
                        streak = dist.number(r.get("streakLengthScale"), "/weather/rain/streakLengthScale", 0.05, 20,
                                "a multiple of the physical streak length, 0.05..20");
                    if (r.has("lensDrops")) lensDrops = dist.integer(r.get("lensDrops"), "/weather/rain/lensDrops", 0, 32);
                }
            }
            if (weather.has("snow")) {
                JsonNode r = in.object(weather.get("snow"), "/weather/snow", Set.of("rateMmH", "coverage"));
                if (r != null) {
                    snow = dist.number(r.get("rateMmH"), "/weather/snow/rateMmH", 0, 100, "a snowfall in mm/h of water, 0..100");
                    if (r.has("coverage")) coverage = dist.number(r.get("coverage"), "/weather/snow/coverage", 0, 1, "a share 0..1");
                }
            }
            if (weather.has("wetness")) wetness = dist.number(weather.get("wetness"), "/weather/wetness", 0, 1, "a wetness 0..1");
            return new SceneTemplate.PrecipitationSpec(rain, streak, wetness, snow, coverage, lensDrops);
        }

        /** {@code camera.exposure}: {@code "auto"}, {@code {"ev": number}}, or absent (no change). */
        private SceneTemplate.ExposureSpec exposure(JsonNode node) {
            if (node == null) return SceneTemplate.ExposureSpec.NONE;
            if (node.isTextual() && node.asText().equals("auto"))
                return new SceneTemplate.ExposureSpec(SceneTemplate.ExposureMode.AUTO, null);
            if (!node.isObject()) {
                in.error("/camera/exposure", "expected \"auto\" or {\"ev\": number}, got " + NodeReader.describe(node));
                return null;
            }
            JsonNode o = in.object(node, "/camera/exposure", Set.of("ev"));
            if (o == null) return null;
            NumberDist ev = dist.number(o.get("ev"), "/camera/exposure/ev", -10, 30, "an exposure value, -10..30");
            return ev == null ? null : new SceneTemplate.ExposureSpec(SceneTemplate.ExposureMode.FIXED, ev);
        }

        /** {@code {"name": number form, ...}}: each may read the variables declared before it. */
        private void variables(JsonNode node) {
            JsonNode o = in.object(node, "/variables", Set.of());
            if (o == null) return;
            java.util.Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            // Unknown-field errors from object(...) above do not apply: every name is a variable.
            in.errors().removeIf(e -> e.pointer().startsWith("/variables/") && e.message().startsWith("unknown field"));
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = NodeReader.child("/variables", e.getKey());
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    in.error(p, "expected a variable name of letters, digits and _ (not starting with a digit)");
                    continue;
                }
                NumberDist value = dist.number(e.getValue(), p, -1e12, 1e12, "a number");
                if (value != null) dist.declare(e.getKey(), value);
            }
        }

        private SceneTemplate.LightSpec light(NodeReader.Element e) {
            String p = e.pointer();
            JsonNode o = in.object(e.node(), p, Set.of("type", "count", "position", "target", "color", "intensity", "rangeM",
                    "innerConeDeg", "outerConeDeg"));
            if (o == null) return null;
            int before = in.errors().size();
            String type = in.text(o.get("type"), p + "/type");
            boolean spot = "spot".equals(type);
            if (type != null && !spot && !type.equals("point")) in.error(p + "/type", "expected \"point\" or \"spot\", got \"" + type + "\"");
            IntDist count = o.has("count") ? dist.integer(o.get("count"), p + "/count", 0, MAX_LIGHTS) : new IntDist.Constant(1);
            Vec3Dist position = dist.vector3(o.get("position"), p + "/position");
            Vec3Dist target = null;
            if (spot) target = dist.vector3(o.get("target"), p + "/target");
            else if (o.has("target")) in.error(p + "/target", "expected only for \"spot\" lights");
            ColorDist color = o.has("color") ? dist.color(o.get("color"), p + "/color") : new ColorDist.Constant(1, 1, 1);
            NumberDist intensity = dist.number(o.get("intensity"), p + "/intensity", 0, 1e9, "an intensity >= 0");
            NumberDist range = o.has("rangeM") ? dist.number(o.get("rangeM"), p + "/rangeM", 1e-3, 1e6, "a range in metres > 0")
                    : new NumberDist.Constant(30);
            NumberDist inner = null, outer = null;
            if (spot) {
                inner = o.has("innerConeDeg") ? dist.number(o.get("innerConeDeg"), p + "/innerConeDeg", 0, 89, "a half-angle in degrees, 0..89")
                        : new NumberDist.Constant(20);
                outer = o.has("outerConeDeg") ? dist.number(o.get("outerConeDeg"), p + "/outerConeDeg", 0, 89, "a half-angle in degrees, 0..89")
                        : new NumberDist.Constant(30);
                if (inner != null && outer != null && inner.max() > outer.min())
                    in.error(p + "/innerConeDeg", "expected innerConeDeg <= outerConeDeg in every draw, got up to "
                            + inner.max() + " against " + outer.min());
            } else {
                for (String f : List.of("innerConeDeg", "outerConeDeg"))
                    if (o.has(f)) in.error(p + "/" + f, "expected only for \"spot\" lights");
            }
            if (in.errors().size() > before) return null;
            return new SceneTemplate.LightSpec(p, spot, count, position, target, color, intensity, range,
                    spot ? inner : new NumberDist.Constant(0), spot ? outer : new NumberDist.Constant(0));
        }

        private ImageSpec image(JsonNode node) {
            JsonNode o = in.object(node, "/image", Set.of("width", "height", "antiAliasing"));
            if (o == null) return null;
            Integer w = in.integer(o.get("width"), "/image/width", 1, MAX_IMAGE_SIDE);
            Integer h = in.integer(o.get("height"), "/image/height", 1, MAX_IMAGE_SIDE);
            AntiAliasing aa = AntiAliasing.FXAA;
            if (o.has("antiAliasing")) {
                String s = in.text(o.get("antiAliasing"), "/image/antiAliasing");
                if (s != null) {
                    switch (s) {
                        case "fxaa" -> aa = AntiAliasing.FXAA;
                        case "none" -> aa = AntiAliasing.NONE;
                        default -> in.error("/image/antiAliasing", "expected \"fxaa\" or \"none\", got \"" + s + "\"");
                    }
                }
            }
            return w == null || h == null ? null : new ImageSpec(w, h, aa);
        }

        private CameraSpec camera(JsonNode node) {
            JsonNode o = in.object(node, "/camera", Set.of("position", "path", "heightM", "lookAt", "lookAtJitterDeg", "yawDeg",
                    "pitchDeg", "rollDeg", "fovDeg", "focalLengthMm", "sensorHeightMm", "principalPointPx", "nearM", "farM",
                    "exposure", "lens", "effects"));
            if (o == null) return null;
            int before = in.errors().size();
            Vec3Dist position = null;
            double[][] path = null;
            NumberDist pathAt = null;
            if (o.has("path")) {
                if (o.has("position")) in.error("/camera/path", "expected either \"position\" or \"path\", not both");
                JsonNode pa = in.object(o.get("path"), "/camera/path", Set.of("points", "at"));
                if (pa != null) {
                    path = new ObjectReader(in, dist, file, paths).polyline(pa.get("points"), "/camera/path/points");
                    pathAt = pa.has("at") ? dist.number(pa.get("at"), "/camera/path/at", 0, 1, "a fraction of the path, 0..1")
                            : new NumberDist.Uniform(0, 1);
                }
            } else {
                position = dist.vector3(o.get("position"), "/camera/position");
            }
            NumberDist height = o.has("heightM") ? dist.number(o.get("heightM"), "/camera/heightM", -1e6, 1e6, "a height in metres") : null;
            Vec3Dist lookAt = null;
            NumberDist jitter = null, yaw = null, pitch = null;
            if (o.has("lookAt")) {
                for (String f : List.of("yawDeg", "pitchDeg"))
                    if (o.has(f)) in.error("/camera/" + f, "expected either \"lookAt\" or yawDeg/pitchDeg, not both");
                lookAt = dist.vector3(o.get("lookAt"), "/camera/lookAt");
                jitter = o.has("lookAtJitterDeg")
                        ? dist.number(o.get("lookAtJitterDeg"), "/camera/lookAtJitterDeg", 0, 90, "a cone half-angle in degrees, 0..90") : null;
            } else {
                if (o.has("lookAtJitterDeg")) in.error("/camera/lookAtJitterDeg", "expected only with \"lookAt\"");
                if (!o.has("yawDeg") && path == null)
                    in.error("/camera/lookAt", "expected [x, y, z], got nothing (field missing); or set \"yawDeg\", or a \"path\" to look along");
                yaw = o.has("yawDeg") ? dist.number(o.get("yawDeg"), "/camera/yawDeg", -3600, 3600, "an angle in degrees") : null;
                pitch = o.has("pitchDeg") ? dist.number(o.get("pitchDeg"), "/camera/pitchDeg", -89.9, 89.9, "a pitch in degrees, -89.9..89.9")
                        : new NumberDist.Constant(0);
            }
            NumberDist roll = o.has("rollDeg") ? dist.number(o.get("rollDeg"), "/camera/rollDeg", -180, 180, "a roll in degrees, -180..180")
                    : new NumberDist.Constant(0);
            NumberDist fov = null, focal = null;
            double sensor = 24;
            if (o.has("focalLengthMm")) {
                if (o.has("fovDeg")) in.error("/camera/fovDeg", "expected either \"fovDeg\" or \"focalLengthMm\", not both");
                focal = dist.number(o.get("focalLengthMm"), "/camera/focalLengthMm", 0.1, 1e4, "a focal length in mm > 0");
                if (o.has("sensorHeightMm")) {
                    Double s = in.number(o.get("sensorHeightMm"), "/camera/sensorHeightMm", 0.1, 1e3, "a sensor height in mm > 0");
                    if (s != null) sensor = s;
                }
            } else {
                if (o.has("sensorHeightMm")) in.error("/camera/sensorHeightMm", "expected only with \"focalLengthMm\"");
                fov = o.has("fovDeg")
                        ? dist.number(o.get("fovDeg"), "/camera/fovDeg", 1, 179, "a vertical field of view in degrees, 1..179")
                        : new NumberDist.Constant(50);
            }
            NumberDist[] principal = null;
            if (o.has("principalPointPx")) {
                JsonNode pp = o.get("principalPointPx");
                if (!pp.isArray() || pp.size() != 2) in.error("/camera/principalPointPx", "expected [cx, cy] in pixels, got " + NodeReader.describe(pp));
                else principal = new NumberDist[] {
                        dist.number(pp.get(0), "/camera/principalPointPx/0", -1e5, 1e5, "a pixel coordinate"),
                        dist.number(pp.get(1), "/camera/principalPointPx/1", -1e5, 1e5, "a pixel coordinate")};
            }
            Double near = o.has("nearM")
                    ? in.number(o.get("nearM"), "/camera/nearM", 1e-4, 1e4, "a near plane in metres, > 0") : Double.valueOf(0.1);
            Double far = o.has("farM")
                    ? in.number(o.get("farM"), "/camera/farM", 1e-3, 1e6, "a far plane in metres, > 0") : Double.valueOf(1000.0);
            if (near != null && far != null && far <= near) {
                in.error("/camera/farM", "expected farM > nearM (" + near + "), got " + far);
                return null;
            }
            CameraOpticsReader optics = new CameraOpticsReader(in, dist);
            LensSpec lens = optics.lens(o.get("lens"));
            CameraEffectsSpec effects = optics.effects(o.get("effects"));
            if (in.errors().size() > before) return null;
            return new CameraSpec(position, path, pathAt, height, lookAt, jitter, yaw, pitch, roll, fov, focal, sensor, principal,
                    near, far, lens, effects);
        }

        private SunSpec sun(JsonNode node) {
            if (node == null) return defaultSun();
            JsonNode o = in.object(node, "/sun", Set.of("direction", "elevationDeg", "azimuthDeg", "color", "intensity", "solar"));
            if (o == null) return null;
            Vec3Dist direction = null;
            NumberDist elevation = null, azimuth = null;
            SceneTemplate.SolarSpec solar = null;
            if (o.has("solar")) {
                for (String f : List.of("direction", "elevationDeg", "azimuthDeg"))
                    if (o.has(f)) in.error("/sun/" + f, "expected either \"solar\" or " + f + ", not both");
                solar = solar(o.get("solar"));
            } else if (o.has("direction")) {
                if (o.has("elevationDeg") || o.has("azimuthDeg"))
                    in.error("/sun/direction", "expected either direction or elevationDeg/azimuthDeg, not both");
                direction = dist.vector3(o.get("direction"), "/sun/direction");
            } else {
                elevation = o.has("elevationDeg")
                        ? dist.number(o.get("elevationDeg"), "/sun/elevationDeg", -90, 90, "an elevation in degrees, -90..90")
                        : new NumberDist.Constant(45);
                azimuth = o.has("azimuthDeg")
                        ? dist.number(o.get("azimuthDeg"), "/sun/azimuthDeg", -720, 720, "an azimuth in degrees")
                        : new NumberDist.Constant(135);
            }
            ColorDist color = o.has("color") ? dist.color(o.get("color"), "/sun/color") : new ColorDist.Constant(1, 1, 1);
            NumberDist intensity = o.has("intensity")
                    ? dist.number(o.get("intensity"), "/sun/intensity", 0, 1e3, "an intensity >= 0")
                    : new NumberDist.Constant(1.0);
            return new SunSpec(direction, elevation, azimuth, color, intensity, solar);
        }

        private SceneTemplate.SolarSpec solar(JsonNode node) {
            String p = "/sun/solar";
            JsonNode o = in.object(node, p, Set.of("date", "hour", "latitudeDeg", "longitudeDeg", "utcOffsetHours"));
            if (o == null) return null;
            java.time.LocalDate date = null;
            String d = in.text(o.get("date"), p + "/date");
            if (d != null) {
                try {
                    date = java.time.LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    in.error(p + "/date", "expected a date \"YYYY-MM-DD\", got \"" + d + "\"");
                }
            }
            NumberDist hour = dist.number(o.get("hour"), p + "/hour", 0, 24, "a clock time in hours, 0..24");
            NumberDist lat = dist.number(o.get("latitudeDeg"), p + "/latitudeDeg", -90, 90, "a latitude in degrees, -90..90");
            NumberDist lon = o.has("longitudeDeg") ? dist.number(o.get("longitudeDeg"), p + "/longitudeDeg", -180, 180, "a longitude in degrees, -180..180")
                    : new NumberDist.Constant(0);
            Double offset = o.has("utcOffsetHours") ? in.number(o.get("utcOffsetHours"), p + "/utcOffsetHours", -14, 14, "hours from UTC, -14..14")
                    : Double.valueOf(0);
            if (date == null || hour == null || lat == null || lon == null || offset == null) return null;
            return new SceneTemplate.SolarSpec(date, hour, lat, lon, offset);
        }

        private static SunSpec defaultSun() {
            return new SunSpec(null, new NumberDist.Constant(45), new NumberDist.Constant(135),
                    new ColorDist.Constant(1, 1, 1), new NumberDist.Constant(1.0));
        }

        private SkySpec sky(JsonNode node) {
            if (node == null) return new SkySpec(new ColorDist.Constant(0.6, 0.75, 0.92), new NumberDist.Constant(0.35));
            JsonNode o = in.object(node, "/sky", Set.of("color", "intensity", "model", "turbidity", "cloudCover", "nightGlowRadiance"));
            if (o == null) return null;
            ColorDist color = o.has("color") ? dist.color(o.get("color"), "/sky/color")
                    : new ColorDist.Constant(0.6, 0.75, 0.92);
            NumberDist intensity = o.has("intensity")
                    ? dist.number(o.get("intensity"), "/sky/intensity", 0, 1e3, "an intensity >= 0")
                    : new NumberDist.Constant(0.35);
            return skyModel(o, color, intensity);
        }

        /** The analytic sky's fields: {@code model}, {@code turbidity}, {@code cloudCover}, {@code nightGlowRadiance}. */
        private SkySpec skyModel(JsonNode o, ColorDist color, NumberDist intensity) {
            boolean preetham = false;
            if (o.has("model")) {
                String model = o.get("model").asText();
                if (!o.get("model").isTextual() || !(model.equals("preetham") || model.equals("flat")))
                    in.error("/sky/model", "expected \"flat\" or \"preetham\", got " + NodeReader.describe(o.get("model")));
                preetham = model.equals("preetham");
            }
            for (String f : List.of("turbidity", "nightGlowRadiance"))
                if (o.has(f) && !preetham) in.error("/sky/" + f, "expected only with \"model\": \"preetham\"");
            NumberDist turbidity = o.has("turbidity")
                    ? dist.number(o.get("turbidity"), "/sky/turbidity", 1.7, 10, "a turbidity, 1.7..10") : null;
            NumberDist cover = o.has("cloudCover")
                    ? dist.number(o.get("cloudCover"), "/sky/cloudCover", 0, 1, "a cloud cover, 0..1") : null;
            NumberDist glow = o.has("nightGlowRadiance")
                    ? dist.number(o.get("nightGlowRadiance"), "/sky/nightGlowRadiance", 0, 1e3, "a radiance >= 0") : null;
            return new SkySpec(color, intensity, preetham, turbidity, cover, glow);
        }

        private List<CategorySpec> categories(JsonNode node) {
            Set<Integer> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            return in.list(node, "/categories", e -> {
                JsonNode o = in.object(e.node(), e.pointer(), Set.of("id", "name", "supercategory"));
                if (o == null) return null;
                Integer id = in.integer(o.get("id"), e.pointer() + "/id", 1, 65535);
                String name = in.text(o.get("name"), e.pointer() + "/name");
                String sup = o.has("supercategory") ? in.text(o.get("supercategory"), e.pointer() + "/supercategory") : name;
                if (id != null && !ids.add(id)) in.error(e.pointer() + "/id", "expected a unique id, got " + id + " again");
                if (name != null && !names.add(name)) in.error(e.pointer() + "/name", "expected a unique name, got \"" + name + "\" again");
                return id == null || name == null || sup == null ? null : new CategorySpec(id, name, sup);
            });
        }

        private LabelSpec labels(JsonNode node) {
            if (node == null) return new LabelSpec(1, true);
            JsonNode o = in.object(node, "/labels", Set.of("minVisiblePixels", "visibility", "segmentation", "rules"));
            if (o == null) return null;
            Integer min = o.has("minVisiblePixels")
                    ? in.integer(o.get("minVisiblePixels"), "/labels/minVisiblePixels", 1, Integer.MAX_VALUE) : Integer.valueOf(1);
            Boolean visibility = Boolean.TRUE;
            if (o.has("visibility")) {
                JsonNode v = o.get("visibility");
                if (v.isBoolean()) visibility = v.booleanValue();
                else {
                    in.error("/labels/visibility", "expected true or false, got " + NodeReader.describe(v));
                    visibility = null;
                }
            }
            boolean polygons = false;
            if (o.has("segmentation")) {
                String s = in.text(o.get("segmentation"), "/labels/segmentation");
                if ("polygon".equals(s)) polygons = true;
                else if (s != null && !s.equals("rle"))
                    in.error("/labels/segmentation", "expected \"rle\" or \"polygon\", got \"" + s + "\"");
            }
            List<SceneTemplate.RuleSpec> rules = o.has("rules") ? in.list(o.get("rules"), "/labels/rules", this::rule) : List.of();
            if (rules != null && !rules.isEmpty() && Boolean.FALSE.equals(visibility)
                    && rules.stream().anyMatch(r -> r.maxOcclusion() < 1 || r.maxTruncation() < 1))
                in.error("/labels/rules", "expected \"visibility\": true: occlusion and truncation limits need it");
            return min == null || visibility == null || rules == null ? null : new LabelSpec(min, visibility, polygons, rules);
        }

        private SceneTemplate.RuleSpec rule(NodeReader.Element e) {
            String p = e.pointer();
            JsonNode o = in.object(e.node(), p, Set.of("category", "minVisiblePixels", "maxOcclusion", "maxTruncation", "action"));
            if (o == null) return null;
            String category = null;
            if (o.has("category")) {
                category = in.text(o.get("category"), p + "/category");
                if (category != null && root.path("categories").findValuesAsText("name").stream().noneMatch(category::equals))
                    in.error(p + "/category", "expected a name from /categories, got \"" + category + "\"");
            }
            Integer min = o.has("minVisiblePixels") ? in.integer(o.get("minVisiblePixels"), p + "/minVisiblePixels", 0, Integer.MAX_VALUE) : Integer.valueOf(0);
            Double occlusion = o.has("maxOcclusion") ? in.number(o.get("maxOcclusion"), p + "/maxOcclusion", 0, 1, "a ratio in 0..1") : Double.valueOf(1);
            Double truncation = o.has("maxTruncation") ? in.number(o.get("maxTruncation"), p + "/maxTruncation", 0, 1, "a ratio in 0..1") : Double.valueOf(1);
            String action = in.text(o.get("action"), p + "/action");
            if (action != null && !action.equals("drop") && !action.equals("crowd")) {
                in.error(p + "/action", "expected \"drop\" or \"crowd\", got \"" + action + "\"");
                action = null;
            }
            if (min == null || occlusion == null || truncation == null || action == null) return null;
            return new SceneTemplate.RuleSpec(category, min, occlusion, truncation, action);
        }

        private static String stem(Path file) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot > 0 ? n.substring(0, dot) : n;
        }
    }
}
