package dev.mirage.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.dataset.CameraOpticsRecord;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.library.ParamException;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.randomize.SampleLog;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.scene.Surface;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateError;
import dev.mirage.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joml.Vector3d;

/**
 * A frame rebuilt from its meta file ({@code meta/NNNNNN.json}) instead of sampled: the camera, sun,
 * sky, lights and every object's pose, colour and surface as recorded, so a frame renders again
 * exactly — also after the user edits the file by hand. Derived fields are recomputed: an object's
 * matrix from its position, rotation, yaw and scale; the camera's field of view and roll from the
 * degrees when they were edited (the exact radians otherwise); the sun's direction from its
 * elevation and azimuth when those were edited.
 *
 * <p>Mistakes in the file are reported like template mistakes: the file, the JSON pointer, what
 * was expected (exit code 2).
 */
final class FrameReplay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<TemplateError> errors = new ArrayList<>();
    private FrameSampler.Sampled sampled;
    private com.fasterxml.jackson.databind.node.ObjectNode samplingRecord;

    private FrameReplay(Path file) {
        this.file = file;
    }

    /** The replayed frame and the values recorded as drawn. */
    FrameSampler.Sampled sampled() {
        return sampled;
    }

    /** The meta file's {@code sampling} record (how constraints and coverage chose the frame), or null. */
    com.fasterxml.jackson.databind.node.ObjectNode samplingRecord() {
        return samplingRecord;
    }

    /** The seed of the dataset the frame came from: its {@code sampling.datasetSeed}, else its {@code seed}. */
    long datasetSeed() {
        return samplingRecord != null && samplingRecord.path("datasetSeed").isIntegralNumber()
                ? samplingRecord.get("datasetSeed").longValue() : sampled.scene().seed();
    }

    /**
     * @throws TemplateException naming the meta file and each bad field
     */
    static FrameReplay read(Path metaFile, SceneTemplate template) {
        FrameReplay r = new FrameReplay(metaFile);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(metaFile));
        } catch (NoSuchFileException e) {
            throw new TemplateException(metaFile, "", "no such file");
        } catch (JsonProcessingException e) {
            throw new TemplateException(metaFile, "", "syntax error: line " + e.getLocation().getLineNr() + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new TemplateException(metaFile, "", "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new TemplateException(metaFile, "", "expected a frame's meta object");
        r.sampled = r.frame(root, template);
        if (root.has("sampling")) {
            if (root.get("sampling").isObject()) r.samplingRecord = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("sampling");
            else r.errors.add(new TemplateError("/sampling", "expected an object (how the frame was sampled), got " + root.get("sampling")));
        }
        if (!r.errors.isEmpty()) throw new TemplateException(metaFile, r.errors);
        return r;
    }

    private FrameSampler.Sampled frame(JsonNode root, SceneTemplate template) {
        int frame = integer(root, "/frame");
        long seed = root.path("seed").isIntegralNumber() ? root.get("seed").longValue() : error("/seed", "an integer", 0L);
        Long frameSeed = root.path("frameSeed").isIntegralNumber() ? root.get("frameSeed").longValue() : null;
        int width = integer(root, "/width"), height = integer(root, "/height");
        if (errors.isEmpty() && (width != template.image().width() || height != template.image().height()))
            errors.add(new TemplateError("/width", "expected the scene's size " + template.image().width() + "x"
                    + template.image().height() + " (pass --width/--height as the original run did), got " + width + "x" + height));
        Camera camera = camera(root.path("camera"), width, height);
        Sun sun = sun(root.path("sun"));
        Sky sky = sky(root);
        List<Light> lights = new ArrayList<>();
        JsonNode lightsNode = root.path("lights");
        for (int i = 0; i < lightsNode.size(); i++) lights.add(light(root, "/lights/" + i));
        List<ObjectInstance> objects = new ArrayList<>();
        Map<String, Path> assets = assetFiles(template);
        JsonNode objectsNode = root.path("objects");
        if (!objectsNode.isArray()) errors.add(new TemplateError("/objects", "expected an array of objects"));
        for (int i = 0; i < objectsNode.size(); i++) objects.add(object(root, "/objects/" + i, template, assets));
        SampleLog log = new SampleLog();
        root.path("sampled").fields().forEachRemaining(e -> {
            for (JsonNode v : e.getValue()) {
                if (v.isNumber()) log.number(e.getKey(), v.doubleValue());
                else if (v.isArray() && v.size() == 3) log.vector(e.getKey(), new Vector3d(v.get(0).doubleValue(), v.get(1).doubleValue(), v.get(2).doubleValue()));
                else log.label(e.getKey(), v.asText());
            }
        });
        if (!errors.isEmpty()) return null;
        try {
            dev.mirage.scene.Weather weather = dev.mirage.scene.Weather.CLEAR;
            if (root.path("weather").has("fogVisibilityM"))
                weather = new dev.mirage.scene.Weather(number(root, "/weather/fogVisibilityM"), vector(root, "/weather/fogColorLinear"),
                        root.at("/weather/fogSunScatter").isNumber() ? number(root, "/weather/fogSunScatter") : 0,
                        root.at("/weather/fogHeightFalloffM").isNumber() ? number(root, "/weather/fogHeightFalloffM") : Double.POSITIVE_INFINITY);
            if (root.path("weather").has("rainRateMmH")) weather = weather.with(precipitation(root, camera, seed, frame));
            if (root.at("/weather/fogDepthReturn").isNumber()) weather = weather.withDepthReturn(number(root, "/weather/fogDepthReturn"));
            dev.mirage.scene.Exposure exposure = exposure(root);
            if (!errors.isEmpty()) return null;
            dev.mirage.scene.Thermal thermal = thermal(root, objects.size());
            if (!errors.isEmpty()) return null;
            return new FrameSampler.Sampled(new FrameScene(frame, seed, camera, sun, sky, objects, lights, weather, exposure, thermal), log,
                    frameSeed == null ? dev.mirage.randomize.FrameSeeds.frameSeed(seed, frame) : frameSeed);
        } catch (IllegalArgumentException e) {
            errors.add(new TemplateError("", "expected a consistent frame: " + e.getMessage()));
            return null;
        }
    }

    /** The recorded rain, snow and surface state, with the particles drawn again from the frame's stream. */
    private dev.mirage.scene.Precipitation precipitation(JsonNode root, Camera camera, long seed, int frame) {
        double rain = number(root, "/weather/rainRateMmH"), streak = number(root, "/weather/streakLengthScale");
        double wetness = number(root, "/weather/wetness"), snow = number(root, "/weather/snowRateMmH");
        double coverage = number(root, "/weather/snowCoverage");
        int lensDrops = root.path("weather").has("lensDrops") ? (int) number(root, "/weather/lensDrops") : 0;
        if (!errors.isEmpty()) return dev.mirage.scene.Precipitation.NONE;
        if (lensDrops < 0 || lensDrops > dev.mirage.randomize.PrecipitationParticles.MAX_LENS_DROPS) {
            errors.add(new TemplateError("/weather/lensDrops", "expected 0.." + dev.mirage.randomize.PrecipitationParticles.MAX_LENS_DROPS + ", got " + lensDrops));
            return dev.mirage.scene.Precipitation.NONE;
        }
        return FrameSampler.precipitation(camera, rain, streak, wetness, snow, coverage, lensDrops,
                dev.mirage.randomize.FrameSeeds.stream(seed, frame, dev.mirage.randomize.FrameSeeds.Concern.PARTICLES));
    }

    private Camera camera(JsonNode c, int width, int height) {
        Vector3d position = vector(c, "/position", "/camera");
        Vector3d lookAt = vector(c, "/lookAt", "/camera");
        double fov = edited(c, "fovYDeg", "fovYRadians");
        double roll = c.has("rollDeg") ? edited(c, "rollDeg", "rollRadians") : 0;
        double near = number(c, "/nearM", "/camera"), far = number(c, "/farM", "/camera");
        JsonNode k = c.path("K");
        double cx = width / 2.0, cy = height / 2.0;
        if (k.isArray() && k.size() == 3) {
            cx = k.get(0).path(2).asDouble(cx);
            cy = k.get(1).path(2).asDouble(cy);
        }
        if (!errors.isEmpty()) return null;
        try {
            return new Camera(position, lookAt, fov, near, far, width, height, roll, cx, cy,
                    CameraOpticsRecord.lens(c), CameraOpticsRecord.effects(c));
        } catch (IllegalArgumentException e) {
            errors.add(new TemplateError("/camera", "expected a valid camera: " + e.getMessage()));
            return null;
        }
    }

    /** The exact radians, unless the degrees beside them were edited. */
    private double edited(JsonNode c, String degrees, String radians) {
        double deg = number(c, "/" + degrees, "/camera");
        if (c.path(radians).isNumber() && Math.toDegrees(c.get(radians).doubleValue()) == deg) return c.get(radians).doubleValue();
        return Math.toRadians(deg);
    }

    /** The sky as recorded: flat unless {@code /sky/model} says otherwise. */
    private Sky sky(JsonNode root) {
        Vector3d color = vector(root, "/sky/colorLinear");
        double intensity = number(root, "/sky/intensity");
        JsonNode s = root.path("sky");
        if (!s.has("model")) return new Sky(color, intensity);
        boolean preetham = s.path("model").asText().equals("preetham");
        double turbidity = s.path("turbidity").isNumber() ? number(root, "/sky/turbidity") : 3;
        double cover = s.path("cloudCover").isNumber() ? number(root, "/sky/cloudCover") : 0;
        double glow = s.path("nightGlowRadiance").isNumber() ? number(root, "/sky/nightGlowRadiance") : Sky.DEFAULT_NIGHT_GLOW;
        try {
            return new Sky(color, intensity, preetham ? Sky.Model.PREETHAM : Sky.Model.FLAT, turbidity, cover, glow);
        } catch (IllegalArgumentException e) {
            errors.add(new TemplateError("/sky", "expected a valid sky: " + e.getMessage()));
            return new Sky(color, intensity);
        }
    }

    /** The exposure as recorded: {@code /exposure/mode} "auto" or "ev" (with {@code ev}); none when absent. */
    private dev.mirage.scene.Exposure exposure(JsonNode root) {
        String mode = root.at("/exposure/mode").asText("none");
        if (mode.equals("auto")) return dev.mirage.scene.Exposure.AUTO;
        if (mode.equals("ev")) return dev.mirage.scene.Exposure.fixed(number(root, "/exposure/ev"));
        return dev.mirage.scene.Exposure.NONE;
    }

    private Sun sun(JsonNode s) {
        Vector3d toward = vector(s, "/towardSun", "/sun");
        Vector3d color = vector(s, "/colorLinear", "/sun");
        double intensity = number(s, "/intensity", "/sun");
        if (!errors.isEmpty()) return null;
        Sun recorded = new Sun(toward, color, intensity);
        if (!s.path("elevationDeg").isNumber() || !s.path("azimuthDeg").isNumber()) return recorded;
        double e = s.get("elevationDeg").doubleValue(), a = s.get("azimuthDeg").doubleValue();
        if (e == recorded.elevationDeg() && a == recorded.azimuthDeg()) return recorded;
        return new Sun(Sun.towardSun(Math.toRadians(e), Math.toRadians(a)), color, intensity); // edited angles
    }

    private Light light(JsonNode root, String p) {
        JsonNode l = root.at(p);
        String type = l.path("type").asText();
        if (!type.equals("point") && !type.equals("spot")) {
            errors.add(new TemplateError(p + "/type", "expected \"point\" or \"spot\", got " + l.path("type")));
            return null;
        }
        boolean spot = type.equals("spot");
        Vector3d position = vector(root, p + "/position");
        Vector3d direction = spot ? vector(root, p + "/direction") : null;
        Vector3d color = vector(root, p + "/colorLinear");
        double intensity = number(root, p + "/intensity"), range = number(root, p + "/rangeM");
        double inner = spot ? number(root, p + "/innerConeDeg") : 0, outer = spot ? number(root, p + "/outerConeDeg") : 0;
        Light.Origin origin = null;
        JsonNode a = l.path("asset");
        if (!a.isMissingNode()) {
            if (!a.path("object").canConvertToInt() || !a.path("instanceId").canConvertToInt() || !a.path("emitter").isTextual()
                    || a.get("object").intValue() < 0 || a.get("instanceId").intValue() < 0) {
                errors.add(new TemplateError(p + "/asset", "expected {\"object\": n, \"instanceId\": n, \"emitter\": \"name\"}"));
                return null;
            }
            origin = new Light.Origin(a.get("object").intValue(), a.get("instanceId").intValue(), a.get("emitter").asText());
        }
        if (!errors.isEmpty()) return null;
        try {
            return new Light(spot ? Light.Kind.SPOT : Light.Kind.POINT, position, direction, color, intensity, range, inner, outer, origin);
        } catch (IllegalArgumentException e) {
            errors.add(new TemplateError(p, "expected a valid light: " + e.getMessage()));
            return null;
        }
    }

    private ObjectInstance object(JsonNode root, String p, SceneTemplate template, Map<String, Path> assets) {
        JsonNode o = root.at(p);
        int instanceId = integer(root, p + "/instanceId"), categoryId = integer(root, p + "/categoryId");
        if (categoryId != 0 && template.categories().stream().noneMatch(c -> c.id() == categoryId))
            errors.add(new TemplateError(p + "/categoryId", "expected a category id of the scene, got " + categoryId));
        MeshSource source = null;
        if (o.has("shape")) {
            try {
                source = new MeshSource.Primitive(MeshSource.PrimitiveKind.valueOf(o.get("shape").asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new TemplateError(p + "/shape", "expected a built-in shape, got " + o.get("shape")));
            }
        } else if (AssetCatalog.isLibraryRef(o.path("asset").asText())) {
            java.util.Map<String, Object> params = new java.util.TreeMap<>();
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = o.path("params").fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().isNumber() ? (Object) e.getValue().asDouble() : e.getValue().asText());
            }
            try {
                source = AssetCatalog.standard().source(o.get("asset").asText().substring(AssetCatalog.PREFIX.length()), params);
            } catch (ParamException e) {
                errors.add(new TemplateError(p + (e.param() == null ? "/asset" : "/params/" + e.param()), e.getMessage()));
            }
        } else {
            Path asset = file(template, assets, o.path("asset").asText());
            if (asset == null) errors.add(new TemplateError(p + "/asset", "expected an asset the scene names ("
                    + String.join(", ", assets.keySet()) + "), got " + o.path("asset")));
            else {
                double unit = o.has("unitM") ? number(root, p + "/unitM") : 1;
                String up = o.path("upAxis").asText("y");
                if (!up.equals("y") && !up.equals("z")) errors.add(new TemplateError(p + "/upAxis", "expected \"y\" or \"z\", got " + o.get("upAxis")));
                if (unit > 0 && Double.isFinite(unit)) {
                    source = new MeshSource.AssetNode(asset, o.has("node") ? o.get("node").asText() : null,
                            "z".equals(o.path("upAxis").asText("y")) ? MeshSource.UpAxis.Z : MeshSource.UpAxis.Y, unit);
                } else {
                    errors.add(new TemplateError(p + "/unitM", "expected metres per unit > 0, got " + o.get("unitM")));
                }
            }
        }
        if (source != null && (o.has("part") || o.has("without"))) {
            java.util.TreeSet<String> without = new java.util.TreeSet<>();
            o.path("without").forEach(w -> without.add(w.asText()));
            try {
                source = new MeshSource.Parts(source, o.has("part") ? o.get("part").asText() : null, without);
            } catch (IllegalArgumentException e) {
                errors.add(new TemplateError(p + "/part", "expected either \"part\" or a non-empty \"without\""));
            }
        }
        Vector3d position = vector(root, p + "/position"), rotation = vector(root, p + "/rotationDeg");
        double yaw = number(root, p + "/yawDeg");
        Vector3d scale = vector(root, p + "/scale");
        Vector3d color = o.has("colorLinear") ? vector(root, p + "/colorLinear") : null;
        Surface surface = Surface.DEFAULT;
        if (o.has("surface")) {
            String q = p + "/surface";
            String pattern = o.path("surface").path("pattern").asText("none").toUpperCase(Locale.ROOT);
            Path texture = null;
            if (o.path("surface").has("texture")) {
                texture = file(template, textureFiles(template), o.path("surface").path("texture").asText());
                if (texture == null) errors.add(new TemplateError(q + "/texture", "expected an image of the scene's texture pools ("
                        + String.join(", ", textureFiles(template).keySet()) + "), got " + o.path("surface").path("texture")));
            }
            try {
                surface = new Surface(number(root, q + "/roughness"), number(root, q + "/metallic"), Surface.Pattern.valueOf(pattern),
                        vector(root, q + "/color2Linear"), number(root, q + "/patternScaleM"), texture);
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new TemplateError(q, "expected roughness and metallic in 0..1, a pattern (none, checker, stripes, "
                        + "noise, texture with a texture file), color2Linear and patternScaleM > 0"));
            }
        }
        if (!errors.isEmpty()) return null;
        try {
            return new ObjectInstance(instanceId, categoryId, o.path("name").asText(), source,
                    ObjectRandomizer.modelToWorld(position, rotation, yaw, scale), color, position, rotation, yaw, scale, surface);
        } catch (IllegalArgumentException e) {
            errors.add(new TemplateError(p, "expected a valid object: " + e.getMessage()));
            return null;
        }
    }

    /**
     * The file a meta file names: a path relative to the scene's folder (as meta files record them),
     * or, for older files, a bare name that only one of the scene's files has; null when neither.
     */
    private static Path file(SceneTemplate template, Map<String, Path> byName, String recorded) {
        Path folder = template.file().toAbsolutePath().getParent();
        Path resolved = folder.resolve(recorded).normalize();
        for (ObjectSpec o : template.objects())
            for (ObjectSpec.Variant v : o.variants()) {
                if (resolved.equals(v.asset())) return resolved;
                for (String image : v.material().textures()) if (resolved.equals(Path.of(image))) return resolved;
            }
        return recorded.contains("/") ? null : byName.get(recorded);
    }

    /** Texture images the scene's pools name, by file name; a name two files share maps to neither. */
    private static Map<String, Path> textureFiles(SceneTemplate template) {
        Map<String, Path> out = new HashMap<>();
        for (ObjectSpec o : template.objects())
            for (ObjectSpec.Variant v : o.variants())
                for (String image : v.material().textures()) unique(out, Path.of(image));
        return out;
    }

    /** Adds a file by its name, or marks the name ambiguous (null) when another file has it. */
    private static void unique(Map<String, Path> byName, Path file) {
        String name = file.getFileName().toString();
        if (byName.containsKey(name) && !file.equals(byName.get(name))) byName.put(name, null);
        else byName.put(name, file);
    }

    /** Asset files the scene names, by file name (as meta files record them). */
    private static Map<String, Path> assetFiles(SceneTemplate template) {
        Map<String, Path> out = new HashMap<>();
        for (ObjectSpec o : template.objects())
            for (ObjectSpec.Variant v : o.variants())
                if (v.asset() != null) unique(out, v.asset());
        return out;
    }

    private Vector3d vector(JsonNode root, String p) {
        return vector(root, p, "");
    }

    private Vector3d vector(JsonNode base, String p, String prefix) {
        JsonNode n = base.at(p);
        if (!n.isArray() || n.size() != 3 || !n.get(0).isNumber() || !n.get(1).isNumber() || !n.get(2).isNumber()) {
            errors.add(new TemplateError(prefix + p, "expected [x, y, z] numbers, got " + describe(n)));
            return new Vector3d();
        }
        return new Vector3d(n.get(0).doubleValue(), n.get(1).doubleValue(), n.get(2).doubleValue());
    }

    /** The recorded thermal state ({@code "thermal"}), or the default one when the frame has none. */
    private dev.mirage.scene.Thermal thermal(JsonNode root, int objectCount) {
        if (!root.has("thermal")) return dev.mirage.scene.Thermal.DEFAULT;
        double air = number(root, "/thermal/airC") + 273.15, humidity = number(root, "/thermal/relativeHumidity");
        JsonNode list = root.at("/thermal/objects");
        if (!list.isArray() || list.size() != objectCount)
            return error("/thermal/objects", "an array with one entry per object (" + objectCount + ")", dev.mirage.scene.Thermal.DEFAULT);
        List<dev.mirage.scene.Thermal.ObjectThermal> states = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "/thermal/objects/" + i;
            JsonNode o = list.get(i);
            dev.mirage.scene.Thermal.Kind kind;
            try {
                kind = dev.mirage.scene.Thermal.Kind.valueOf(o.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return error(p + "/kind", "\"vehicle\", \"person\", \"animal\" or \"other\"", dev.mirage.scene.Thermal.DEFAULT);
            }
            double running = o.has("runningMinutes") ? number(root, p + "/runningMinutes") : 0;
            double skin = o.has("skinC") ? number(root, p + "/skinC") + 273.15 : 307.15;
            double temperature = o.has("temperatureC") ? number(root, p + "/temperatureC") + 273.15 : Double.NaN;
            double emissivity = o.has("emissivity") ? number(root, p + "/emissivity") : Double.NaN;
            states.add(new dev.mirage.scene.Thermal.ObjectThermal(kind, running, skin, temperature, emissivity));
        }
        return new dev.mirage.scene.Thermal(air, humidity, states);
    }

    private double number(JsonNode root, String p) {
        return number(root, p, "");
    }

    private double number(JsonNode base, String p, String prefix) {
        JsonNode n = base.at(p);
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) return error(prefix + p, "a number", 0.0);
        return n.doubleValue();
    }

    private int integer(JsonNode root, String p) {
        JsonNode n = root.at(p);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) return error(p, "an integer", 0);
        return n.intValue();
    }

    private <T> T error(String p, String expected, T fallback) {
        errors.add(new TemplateError(p, "expected " + expected));
        return fallback;
    }

    private static String describe(JsonNode n) {
        return n.isMissingNode() ? "nothing (field missing)" : n.toString();
    }
}
