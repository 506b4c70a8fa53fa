package dev.mirage.randomize;

import dev.mirage.randomize.FrameSeeds.Concern;
import dev.mirage.scene.FrameScene;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateException;

/**
 * Samples frame i of a dataset from its template: a pure function of (template, seed, i).
 *
 * <p>Thread safety: stateless; call from any thread.
 */
public final class FrameSampler {
    private FrameSampler() {}

    /**
     * @throws TemplateException naming the scene file and field when the draws give an impossible
     *                           frame (a camera on its own look-at point, a zero sun direction)
     */
    public static FrameScene sample(SceneTemplate template, long seed, int frameIndex) {
        return sampleLogged(template, seed, frameIndex).scene();
    }

    /** A frame and every randomized value it drew. */
    public record Sampled(FrameScene scene, SampleLog log) {}

    /**
     * Like {@link #sample}, also returning the log of every randomized value drawn.
     *
     * @throws TemplateException as {@link #sample}
     */
    public static Sampled sampleLogged(SceneTemplate template, long seed, int frameIndex) {
        SampleLog log = new SampleLog();
        try {
            return new Sampled(draw(template, seed, frameIndex, log), log);
        } catch (SamplingException e) {
            throw new TemplateException(template.file(), e.pointer(), e.getMessage() + " (frame " + frameIndex + ")");
        }
    }

    private static FrameScene draw(SceneTemplate template, long seed, int frameIndex, SampleLog log) {
        var camera = CameraRandomizer.sample(template.camera(), template.image(),
                FrameSeeds.stream(seed, frameIndex, Concern.CAMERA));
        var lighting = FrameSeeds.stream(seed, frameIndex, Concern.LIGHTING);
        var sun = LightingRandomizer.sun(template.sun(), lighting);
        var sky = LightingRandomizer.sky(template.sky(), lighting);
        var objects = ObjectRandomizer.sample(template, FrameSeeds.stream(seed, frameIndex, Concern.OBJECTS));
        FrameScene scene = new FrameScene(frameIndex, seed, camera, sun, sky, objects);
        logScene(template, scene, log);
        return scene;
    }

    /** Interim: logs the frame's camera, lights and object poses (to be replaced by per-draw logging). */
    private static void logScene(SceneTemplate template, FrameScene scene, SampleLog log) {
        log.vector("/camera/position", scene.camera().position());
        log.vector("/camera/lookAt", scene.camera().lookAt());
        log.number("/camera/fovDeg", Math.toDegrees(scene.camera().fovYRadians()));
        log.number("/sun/intensity", scene.sun().intensity());
        log.number("/sky/intensity", scene.sky().intensity());
        var specs = template.objects();
        for (var o : scene.objects()) {
            log.vector("/objects/" + o.name() + "/position", o.position());
            log.number("/objects/" + o.name() + "/yawDeg", o.yawDeg());
            log.label("/objects/" + o.name() + "/category", String.valueOf(o.categoryId()));
        }
        if (specs.isEmpty()) log.number("/objects/count", 0);
    }
}
