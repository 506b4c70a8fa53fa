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
        try {
            return draw(template, seed, frameIndex);
        } catch (SamplingException e) {
            throw new TemplateException(template.file(), e.pointer(), e.getMessage() + " (frame " + frameIndex + ")");
        }
    }

    private static FrameScene draw(SceneTemplate template, long seed, int frameIndex) {
        var camera = CameraRandomizer.sample(template.camera(), template.image(),
                FrameSeeds.stream(seed, frameIndex, Concern.CAMERA));
        var lighting = FrameSeeds.stream(seed, frameIndex, Concern.LIGHTING);
        var sun = LightingRandomizer.sun(template.sun(), lighting);
        var sky = LightingRandomizer.sky(template.sky(), lighting);
        var objects = ObjectRandomizer.sample(template, FrameSeeds.stream(seed, frameIndex, Concern.OBJECTS));
        return new FrameScene(frameIndex, seed, camera, sun, sky, objects);
    }
}
