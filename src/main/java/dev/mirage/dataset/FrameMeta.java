package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.label.Box3d;
import dev.mirage.label.FrameLabels;
import dev.mirage.label.InstanceLabel;
import dev.mirage.label.Keypoints;
import dev.mirage.label.LabelPolicy;
import dev.mirage.label.Polygons;
import dev.mirage.label.Visibility;
import dev.mirage.sensor.AmodalCoverage;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.Surface;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;

/**
 * The per-frame record {@code meta/NNNNNN.json}: everything sampled for the frame (camera
 * intrinsics and pose, sun, sky, each object's source, pose, colour and category) and the frame's
 * COCO annotations. The COCO file of a run is assembled from these records.
 */
public final class FrameMeta {
    private FrameMeta() {}

    /**
     * @param keypoints COCO keypoints by instance id: the annotations of these instances get
     *                  {@code keypoints} [x1, y1, v1, ...] and {@code num_keypoints}
     * @param rgbFile   the RGB image's path in the dataset (its extension follows the RGB encoding)
     * @param bounds    each object's model-space box
     */
    public static ObjectNode build(FrameScene frame, FrameLabels frameLabels, AmodalCoverage amodal, LabelPolicy policy,
                                   String rgbFile, ModelBounds bounds) {
        return build(frame, Draws.NONE, frameLabels, amodal, policy, rgbFile, bounds);
    }

    /**
     * What the sampler drew for a frame: its own seed and every randomized value by template pointer
     * (values: Double, double[] or String).
     */
    public record Draws(Long frameSeed, Map<String, List<Object>> values, java.nio.file.Path sceneFolder, JsonNode sampling) {
        /** Nothing recorded (frames built by hand). */
        public static final Draws NONE = new Draws(null, Map.of(), null);

        /** Draws of a template without constraints or coverage. */
        public Draws(Long frameSeed, Map<String, List<Object>> values, java.nio.file.Path sceneFolder) {
            this(frameSeed, values, sceneFolder, null);
        }

        /**
         * How meta files name an asset or texture file: its path relative to the scene's folder
         * (forward slashes), so that a replay finds the same file; its name alone when the folder is unknown.
         */
        String name(java.nio.file.Path file) {
            if (sceneFolder == null) return file.getFileName().toString();
            return sceneFolder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }
    }

    /**
     * @param draws the frame's seed and drawn values, recorded as {@code frameSeed} and {@code sampled}, and
     *              how constraints and coverage chose it, recorded as {@code sampling}
     */
    public static ObjectNode build(FrameScene frame, Draws draws, FrameLabels frameLabels, AmodalCoverage amodal,
                                   LabelPolicy policy, String rgbFile, ModelBounds bounds) {
        int i = frame.frameIndex();
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("rgb", rgbFile);
        files.put("depth", OutputLayout.depth(i));
        files.put("instance", OutputLayout.instance(i));
        files.put("semantic", OutputLayout.semantic(i));
        return build(frame, draws, frameLabels, amodal, policy, files, bounds);
    }

    /**
     * @param files each sensor file of the frame by its key ({@code rgb}, {@code depth}, {@code thermal}, ...),
     *              recorded as {@code files} (COCO's image entry names them all)
     */
    public static ObjectNode build(FrameScene frame, Draws draws, FrameLabels frameLabels, AmodalCoverage amodal,
                                   LabelPolicy policy, Map<String, String> files, ModelBounds bounds) {
        List<InstanceLabel> labels = frameLabels.masks();
        Map<Integer, Keypoints> keypoints = frameLabels.keypoints();
        ObjectNode root = Json.NODES.objectNode();
        int i = frame.frameIndex();
        root.put("frame", i);
        root.put("seed", frame.seed());
        if (draws.frameSeed() != null) root.put("frameSeed", draws.frameSeed());
        root.put("imageId", CocoIds.imageId(i));
        root.put("width", frame.camera().width());
        root.put("height", frame.camera().height());
        ObjectNode fileNode = root.putObject("files");
        files.forEach(fileNode::put);
        root.set("camera", camera(frame.camera()));
        ObjectNode sun = root.putObject("sun");
        sun.set("towardSun", Json.vector(frame.sun().towardSun()));
        sun.put("elevationDeg", frame.sun().elevationDeg());
        sun.put("azimuthDeg", frame.sun().azimuthDeg());
        sun.set("colorLinear", Json.vector(frame.sun().colorLinear()));
        sun.put("intensity", frame.sun().intensity());
        ObjectNode sky = root.putObject("sky");
        sky.set("colorLinear", Json.vector(frame.sky().colorLinear()));
        sky.put("intensity", frame.sky().intensity());
        if (!frame.lights().isEmpty()) {
            ArrayNode lights = root.putArray("lights");
            for (Light l : frame.lights()) lights.add(light(l));
        }
        if (frame.weather().foggy()) {
            ObjectNode weather = root.putObject("weather");
            weather.put("fogVisibilityM", frame.weather().fogVisibilityM());
            weather.set("fogColorLinear", Json.vector(frame.weather().fogColorLinear()));
        }
        if (frame.weather().precipitation().any()) precipitation(root.has("weather") ? (ObjectNode) root.get("weather") : root.putObject("weather"), frame.weather().precipitation());
        recordConditions(root, frame);
        if (frame.thermal() != dev.mirage.scene.Thermal.DEFAULT) thermal(root.putObject("thermal"), frame.thermal());
        if (!draws.values().isEmpty()) root.set("sampled", sampled(draws.values()));
        if (draws.sampling() != null) root.set("sampling", draws.sampling());
        ArrayNode objects = root.putArray("objects");
        for (ObjectInstance o : frame.objects()) objects.add(object(o, bounds, draws));
        ArrayNode annotations = root.putArray("annotations");
        for (InstanceLabel l : labels) {
            int category = frame.instance(l.instanceId()).categoryId();
            Visibility v = amodal.measured()
                    ? Visibility.of(l.area(), amodal.inImage(l.instanceId()), amodal.total(l.instanceId()))
                    : Visibility.of(l.area(), l.area(), l.area());
            LabelPolicy.Action action = policy.decide(category, v);
            if (action != LabelPolicy.Action.DROP)
                annotations.add(annotation(frame, l, amodal.measured() ? v : null, action == LabelPolicy.Action.CROWD, policy,
                        keypoints.get(l.instanceId()), frameLabels.amodalBoxes().get(l.instanceId()), bounds));
        }
        return root;
    }

    /** Rain, snow and surface state, with how many particles of each were drawn (none are labeled). */
    private static void precipitation(ObjectNode weather, dev.mirage.scene.Precipitation p) {
        weather.put("rainRateMmH", p.rainRateMmH());
        weather.put("streakLengthScale", p.streakLengthScale());
        weather.put("wetness", p.wetness());
        weather.put("snowRateMmH", p.snowRateMmH());
        weather.put("snowCoverage", p.snowCoverage());
        weather.put("rainDrops", p.rain().count());
        weather.put("snowFlakes", p.snow().count());
        weather.put("lensDrops", p.lensDrops().size());
    }

    /**
     * The object's oriented 3D box in camera coordinates (x right, y up, looking down −z; metres):
     * centre, size along the box's own axes, rotation (camera-from-box, rows), and the 8 corners'
     * pixels (corner i takes max along box axis k when bit k of i is set; null behind the near plane).
     */
    private static Box3d box3d(FrameScene frame, ObjectInstance object, ModelBounds bounds) {
        ModelBounds.Box b = bounds.of(object.source());
        return Box3d.of(frame.camera(), b.min(), b.max(), new Matrix4d(object.modelToWorld()).mul(b.frameToModel()));
    }

    private static ObjectNode box3dNode(FrameScene frame, Box3d box) {
        ObjectNode n = Json.NODES.objectNode();
        n.putArray("centre").add(box.centre().x()).add(box.centre().y()).add(box.centre().z());
        n.putArray("size").add(box.size().x()).add(box.size().y()).add(box.size().z());
        ArrayNode rotation = n.putArray("rotation");
        for (int r = 0; r < 3; r++)
            rotation.addArray().add(box.rotation().get(0, r)).add(box.rotation().get(1, r)).add(box.rotation().get(2, r));
        ArrayNode corners = n.putArray("corners_px");
        Box3d.Pinhole pinhole = Box3d.Pinhole.of(frame.camera());
        for (int i = 0; i < 8; i++) {
            var pixel = box.cornerPixel(i, pinhole);
            if (pixel.isPresent()) corners.addArray().add(pixels(pixel.get().u())).add(pixels(pixel.get().v()));
            else corners.addNull();
        }
        return n;
    }

    /** The frame's thermal state: air, humidity and each object's (index-aligned with "objects"); replay reads it back. */
    private static void thermal(ObjectNode node, dev.mirage.scene.Thermal thermal) {
        node.put("airC", thermal.airK() - 273.15);
        node.put("relativeHumidity", thermal.relativeHumidity());
        ArrayNode objects = node.putArray("objects");
        for (dev.mirage.scene.Thermal.ObjectThermal o : thermal.objects()) {
            ObjectNode n = objects.addObject();
            n.put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (o.kind() == dev.mirage.scene.Thermal.Kind.VEHICLE) n.put("runningMinutes", o.runningMinutes());
            if (o.kind() == dev.mirage.scene.Thermal.Kind.PERSON || o.kind() == dev.mirage.scene.Thermal.Kind.ANIMAL)
                n.put("skinC", o.skinK() - 273.15);
            if (!Double.isNaN(o.temperatureK())) n.put("temperatureC", o.temperatureK() - 273.15);
            if (!Double.isNaN(o.emissivity())) n.put("emissivity", o.emissivity());
        }
    }

    /** Six decimals: ratios of pixel counts need no more, and files stay short. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Keypoint coordinates to a thousandth of a pixel. */
    private static double pixels(double v) {
        return Math.round(v * 1e3) / 1e3;
    }

    private static ObjectNode light(Light l) {
        ObjectNode n = Json.NODES.objectNode();
        n.put("type", l.kind().name().toLowerCase(java.util.Locale.ROOT));
        n.set("position", Json.vector(l.position()));
        if (l.kind() == Light.Kind.SPOT) n.set("direction", Json.vector(l.direction()));
        n.set("colorLinear", Json.vector(l.colorLinear()));
        n.put("intensity", l.intensity());
        n.put("rangeM", l.rangeM());
        if (l.kind() == Light.Kind.SPOT) n.put("innerConeDeg", l.innerConeDeg()).put("outerConeDeg", l.outerConeDeg());
        if (l.origin() != null) // a light an asset carries: which object of "objects" and which of its lamps
            n.putObject("asset").put("object", l.origin().object()).put("instanceId", l.origin().instanceId())
                    .put("emitter", l.origin().emitter());
        return n;
    }

    private static ObjectNode sampled(Map<String, List<Object>> values) {
        ObjectNode n = Json.NODES.objectNode();
        for (var e : values.entrySet()) {
            ArrayNode list = n.putArray(e.getKey());
            for (Object v : e.getValue()) {
                if (v instanceof Double d) list.add(d);
                else if (v instanceof double[] a) {
                    ArrayNode xyz = list.addArray();
                    for (double c : a) xyz.add(c);
                } else list.add(String.valueOf(v));
            }
        }
        return n;
    }

    private static ObjectNode camera(Camera c) {
        ObjectNode n = Json.NODES.objectNode();
        n.set("K", Json.rows3(c.intrinsics()));
        n.put("fovYDeg", Math.toDegrees(c.fovYRadians()));
        n.put("fovYRadians", c.fovYRadians());
        n.put("rollDeg", Math.toDegrees(c.rollRadians()));
        n.put("rollRadians", c.rollRadians());
        n.put("nearM", c.nearM());
        n.put("farM", c.farM());
        n.set("position", Json.vector(c.position()));
        n.set("lookAt", Json.vector(c.lookAt()));
        n.put("convention", "cameraToWorld maps camera coordinates (x right, y up, looking down -z) to world (+y up), metres");
        n.set("cameraToWorld", Json.rows(c.cameraToWorld()));
        CameraOpticsRecord.write(c, n);
        return n;
    }

    /**
     * Where an object's geometry comes from: {@code shape}, or {@code asset} (relative to the scene's
     * folder) with {@code node}, {@code upAxis} and {@code unitM} when set; a labeled part adds
     * {@code part} (the node it is), the rest of its asset {@code without} (the parts left out).
     */
    private static void source(ObjectNode n, MeshSource source, Draws draws) {
        if (source instanceof MeshSource.Parts parts) {
            source(n, parts.base(), draws);
            if (parts.only() != null) n.put("part", parts.only());
            else parts.without().forEach(n.withArray("without")::add);
        } else if (source instanceof MeshSource.Primitive p) {
            n.put("shape", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        } else if (source instanceof MeshSource.AssetNode a) {
            n.put("asset", draws.name(a.file()));
            if (a.node() != null) n.put("node", a.node());
            if (a.upAxis() != MeshSource.UpAxis.Y) n.put("upAxis", a.upAxis().name().toLowerCase(java.util.Locale.ROOT));
            if (a.unitM() != 1) n.put("unitM", a.unitM());
        } else if (source instanceof MeshSource.Generated g) {
            n.put("asset", "mirage:" + g.name());
            ObjectNode params = n.putObject("params");
            for (java.util.Map.Entry<String, Object> e : g.params().entrySet()) {
                if (e.getValue() instanceof Double d) params.put(e.getKey(), d);
                else params.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }

    private static ObjectNode object(ObjectInstance o, ModelBounds bounds, Draws draws) {
        ObjectNode n = Json.NODES.objectNode();
        n.put("instanceId", o.instanceId());
        n.put("categoryId", o.categoryId());
        n.put("name", o.name());
        source(n, o.source(), draws);
        n.set("position", Json.vector(o.position()));
        n.set("rotationDeg", Json.vector(o.rotationDeg()));
        n.put("yawDeg", o.yawDeg());
        n.set("scale", Json.vector(o.scale()));
        if (o.colorLinear() != null) n.set("colorLinear", Json.vector(o.colorLinear()));
        if (!o.surface().equals(Surface.DEFAULT)) {
            ObjectNode s = n.putObject("surface");
            s.put("roughness", o.surface().roughness());
            s.put("metallic", o.surface().metallic());
            s.put("pattern", o.surface().pattern().name().toLowerCase(java.util.Locale.ROOT));
            s.set("color2Linear", Json.vector(o.surface().color2Linear()));
            s.put("patternScaleM", o.surface().patternScaleM());
            if (o.surface().texture() != null) s.put("texture", draws.name(o.surface().texture()));
        }
        n.set("modelToWorld", Json.rows(o.modelToWorld()));
        ModelBounds.Box box = bounds.of(o.source());
        ObjectNode b = n.putObject("box3d");
        b.put("convention", "the object's oriented box: corners min..max (metres, box frame) mapped by boxToWorld");
        b.putArray("min").add(box.min()[0]).add(box.min()[1]).add(box.min()[2]);
        b.putArray("max").add(box.max()[0]).add(box.max()[1]).add(box.max()[2]);
        b.set("boxToWorld", Json.rows(new Matrix4d(o.modelToWorld()).mul(box.frameToModel())));
        return n;
    }

    /**
     * One COCO annotation. A crowd annotation keeps RLE, as COCO requires; others follow the policy.
     *
     * @param v         visibility, or null when it was not measured
     * @param keypoints the object's keypoints, or null when it has none
     * @param amodalBox the object's amodal box {x, y, w, h}, or null when none is known
     * @param bounds    where the object's oriented 3D box comes from
     */
    private static ObjectNode annotation(FrameScene frame, InstanceLabel l, Visibility v, boolean crowd, LabelPolicy policy,
                                         Keypoints keypoints, double[] amodalBox, ModelBounds bounds) {
        ObjectNode n = Json.NODES.objectNode();
        n.put("id", CocoIds.annotationId(frame.frameIndex(), l.instanceId()));
        n.put("image_id", CocoIds.imageId(frame.frameIndex()));
        n.put("category_id", frame.instance(l.instanceId()).categoryId());
        n.putArray("bbox").add(l.bbox().x()).add(l.bbox().y()).add(l.bbox().width()).add(l.bbox().height());
        n.put("area", l.area());
        if (policy.segmentation() == LabelPolicy.Segmentation.POLYGON && !crowd) {
            ArrayNode polygons = n.putArray("segmentation");
            for (double[] ring : Polygons.trace(l.rle())) {
                ArrayNode flat = polygons.addArray();
                for (double c : ring) flat.add(c);
            }
        } else {
            ObjectNode seg = n.putObject("segmentation");
            seg.putArray("size").add(l.rle().height()).add(l.rle().width());
            seg.put("counts", l.rle().toCompressedString());
        }
        n.put("iscrowd", crowd ? 1 : 0);
        if (keypoints != null) {
            ArrayNode flat = n.putArray("keypoints");
            for (Keypoints.Keypoint k : keypoints.points()) flat.add(pixels(k.x())).add(pixels(k.y())).add(k.visibility());
            n.put("num_keypoints", keypoints.numKeypoints());
        }
        n.put("instance_id", l.instanceId());
        if (amodalBox != null)
            n.putArray("amodal_bbox").add(pixels(amodalBox[0])).add(pixels(amodalBox[1])).add(pixels(amodalBox[2])).add(pixels(amodalBox[3]));
        Box3d box = box3d(frame, frame.instance(l.instanceId()), bounds);
        n.set("bbox3d", box3dNode(frame, box));
        // light from the object's centre keeps this share through the fog: filter faint objects by it
        if (frame.weather().foggy()) n.put("fog_transmittance", round(frame.weather().transmittance(box.centre().length())));
        if (v == null) return n;
        n.put("visible_pixels", v.visiblePixels());
        n.put("amodal_pixels", v.amodalPixels());
        n.put("occlusion", round(v.occlusion()));
        n.put("truncation", round(v.truncation()));
        return n;
    }

    /**
     * The frame's sky model, cloud cover, fog extras and exposure, added to {@code sky}, {@code weather}
     * and {@code exposure}, and a flat {@code conditions} summary that COCO image entries copy:
     * {@code timeOfDay} ("day" with the sun 6° up or more, "twilight" down to −6°, "night" below;
     * civil twilight), the sun's angles, sky model, turbidity and cloud cover (analytic or clouded
     * skies), fog visibility (foggy frames) and the exposure's mode, EV and linear factor. Fields that
     * only say "as before" (a flat clear sky, plain fog) are left out, so older frames' meta is unchanged
     * but for the exposure and the summary.
     */
    private static void recordConditions(ObjectNode root, FrameScene frame) {
        dev.mirage.scene.Sky sky = frame.sky();
        ObjectNode conditions = Json.NODES.objectNode();
        double elevation = frame.sun().elevationDeg();
        conditions.put("timeOfDay", elevation >= 6 ? "day" : elevation >= -6 ? "twilight" : "night");
        conditions.put("sunElevationDeg", round(elevation));
        conditions.put("sunAzimuthDeg", round(frame.sun().azimuthDeg()));
        if (sky.physical() || sky.cloudCover() > 0) {
            ObjectNode s = (ObjectNode) root.get("sky");
            s.put("model", sky.physical() ? "preetham" : "flat");
            s.put("cloudCover", sky.cloudCover());
            if (sky.physical()) {
                s.put("turbidity", sky.turbidity());
                s.put("nightGlowRadiance", sky.nightGlowRadiance());
            }
            conditions.put("skyModel", sky.physical() ? "preetham" : "flat");
            if (sky.physical()) conditions.put("turbidity", round(sky.turbidity()));
            conditions.put("cloudCover", round(sky.cloudCover()));
        }
        dev.mirage.scene.Weather w = frame.weather();
        if (w.foggy()) {
            ObjectNode weather = (ObjectNode) root.get("weather");
            if (w.fogSunScatter() > 0) weather.put("fogSunScatter", w.fogSunScatter());
            if (w.heightFalloff()) weather.put("fogHeightFalloffM", w.fogHeightFalloffM());
            if (w.fogDepthReturn() > 0) weather.put("fogDepthReturn", w.fogDepthReturn());
            conditions.put("visibilityM", round(w.fogVisibilityM()));
        }
        dev.mirage.scene.Precipitation p = w.precipitation();
        if (p.any()) { // slice by precipitation too: the summary holds every condition
            conditions.put("rainRateMmH", round(p.rainRateMmH()));
            conditions.put("snowRateMmH", round(p.snowRateMmH()));
            conditions.put("wetness", round(p.wetness()));
            conditions.put("snowCoverage", round(p.snowCoverage()));
        }
        dev.mirage.scene.Exposure.Applied applied = frame.exposure().applyTo(frame);
        ObjectNode exposure = root.putObject("exposure");
        exposure.put("mode", frame.exposure().modeName());
        exposure.put("ev", applied.ev());
        exposure.put("factor", applied.factor());
        conditions.put("exposureMode", frame.exposure().modeName());
        conditions.put("exposureEv", round(applied.ev()));
        conditions.put("exposureFactor", applied.factor());
        root.set("conditions", conditions);
    }
}
