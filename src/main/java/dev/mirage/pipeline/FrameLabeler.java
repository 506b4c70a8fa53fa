package dev.mirage.pipeline;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Person;
import dev.mirage.label.AmodalBox;
import dev.mirage.label.FrameLabels;
import dev.mirage.label.InstanceLabel;
import dev.mirage.label.Keypoints;
import dev.mirage.label.MaskLabeler;
import dev.mirage.optics.CameraOptics;
import dev.mirage.optics.FogDepth;
import dev.mirage.optics.LensWarp;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.template.SceneTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a rendered frame into what is written: the camera's optics applied to the sensor images,
 * masks, keypoints and amodal boxes labeled from them, and the depth the sensor records in fog.
 *
 * <p>Thread safety: may be shared by worker threads (the lens cache and the asset library are
 * synchronized).
 */
final class FrameLabeler {
    private final int minPixels;
    private final Keypoints.Layout person = new Keypoints.Layout(Person.keypoints(), Person.keypointDepthTolerances());
    private final Set<Integer> keypointCategories;
    private final LensWarp.Cache lenses = new LensWarp.Cache();
    private final AssetLibrary assets;

    FrameLabeler(SceneTemplate template, AssetLibrary assets) {
        this.minPixels = template.labels().minVisiblePixels();
        this.keypointCategories = RenderJob.keypointCategories(template);
        this.assets = assets;
    }

    /**
     * @param sensors  the sensor images through the camera's optics, true depth (what the infrared sensors and range start from)
     * @param recorded the sensor images as written (optics applied; depth as the sensor reads it in fog)
     * @param labels   labels computed from the true depth
     */
    record Labeled(SensorFrame sensors, SensorFrame recorded, FrameLabels labels) {}

    /** Labels frame {@code frame} from its rendered images {@code raw}. */
    Labeled label(FrameScene frame, SensorFrame raw) {
        SensorFrame sensors = CameraOptics.apply(frame.camera(), raw, RenderJob.noiseSeed(frame), lenses);
        List<InstanceLabel> labels = MaskLabeler.label(sensors.instance(), minPixels);
        Map<Integer, Keypoints> keypoints = Keypoints.label(frame, sensors.depth(), sensors.instance(), labels, person,
                keypointCategories);
        FrameLabels frameLabels = new FrameLabels(labels, keypoints, amodalBoxes(frame, labels));
        // labels above come from the true depth; the written depth is what the sensor reads in fog
        return new Labeled(sensors, FogDepth.apply(frame.camera(), frame.weather(), sensors), frameLabels);
    }

    /** Each annotated instance's amodal box, from its model's vertices (the library is synchronized). */
    private Map<Integer, double[]> amodalBoxes(FrameScene frame, List<InstanceLabel> labels) {
        Map<Integer, double[]> boxes = new HashMap<>();
        for (InstanceLabel l : labels) {
            var object = frame.instance(l.instanceId());
            List<AmodalBox.Part> parts = new ArrayList<>();
            for (var part : assets.model(object.source()).parts())
                parts.add(new AmodalBox.Part(new org.joml.Matrix4d(object.modelToWorld()).mul(part.nodeToModel()), part.mesh().positions()));
            double[] box = AmodalBox.of(frame.camera(), parts);
            if (box != null) boxes.put(l.instanceId(), box);
        }
        return boxes;
    }
}
