package dev.mirage.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.asset.AssetLibrary;
import dev.mirage.dataset.ModelBounds;
import dev.mirage.dataset.RgbEncoding;
import dev.mirage.dataset.Shard;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.scene.FrameScene;
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SamplingSpec.Range;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scene-only bound that lets attempts skip rendering never undercounts: for rendered frames,
 * the annotations a label condition counts (from the written meta files) never exceed
 * {@link FrameConditions#mostMatches} of the same frame sampled again without rendering.
 */
class SceneBoundTest {
    static final String SCENE = """
            {
              "mirage": 1,
              "image": { "width": 96, "height": 64 },
              "camera": { "position": [0, 1.6, 0], "lookAt": [0, 1.0, -20], "fovDeg": 50 },
              "categories": [ { "id": 1, "name": "pedestrian" }, { "id": 2, "name": "car" } ],
              "objects": [
                { "shape": "plane", "size": [200, 200] },
                { "shape": "person", "category": "pedestrian", "count": { "int": [0, 3] }, "size": [0.5, 1.75, 0.3],
                  "position": { "uniform": [[-9, 0.875, -40], [9, 0.875, 2]] } },
                { "shape": "box", "category": "car", "count": { "int": [0, 3] }, "size": [1.8, 1.5, 4.5],
                  "position": { "uniform": [[-6, 0.75, -40], [6, 0.75, -5]] }, "yawDeg": { "uniform": [0, 360] } }
              ]
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void theSceneBoundNeverUndercountsTheWrittenAnnotations() throws Exception {
        Path scene = Files.writeString(tmp.resolve("scene.json"), SCENE);
        Path out = tmp.resolve("out");
        int frames = 24;
        long seed = 11;
        RenderJob.run(new RenderJob.Options(scene, out, frames, seed, null, null, GlPlatform.AUTO, 1, false, 1, Shard.WHOLE,
                RgbEncoding.PNG), "test", null);
        SceneTemplate template = TemplateReader.read(scene);
        AssetLibrary assets = new AssetLibrary();
        ModelBounds bounds = source -> {
            var model = assets.model(source);
            var b = model.frameBounds();
            return new ModelBounds.Box(model.frame(), new double[] {b.min().x(), b.min().y(), b.min().z()},
                    new double[] {b.max().x(), b.max().y(), b.max().z()});
        };
        FrameSampler sampler = new FrameSampler(template, assets);
        ObjectMapper json = new ObjectMapper();
        int tight = 0, loose = 0, filtered = 0;
        for (int i = 0; i < frames; i++) {
            FrameScene frame = sampler.frame(seed, i);
            JsonNode annotations = json.readTree(out.resolve("meta/%06d.json".formatted(i)).toFile()).get("annotations");
            for (int category : new int[] {0, 1, 2})
                for (double d : new double[] {4, 8, 15, 30, Double.POSITIVE_INFINITY}) {
                    Condition.Labels c = new Condition.Labels("/constraints/0", null, null, category,
                            new Range(0, Double.POSITIVE_INFINITY), Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.ANY,
                            d == Double.POSITIVE_INFINITY ? Range.ANY : new Range(0, d));
                    int bound = FrameConditions.mostMatches(c, frame, bounds);
                    int actual = FrameConditions.matches(c, annotations);
                    assertTrue(actual <= bound, "frame " + i + ", category " + category + ", within " + d + " m: "
                            + actual + " annotations, bound " + bound);
                    // the same bound with a sideways range (within d / 4 m of the line of sight)
                    Condition.Labels aside = new Condition.Labels("/constraints/0", null, null, category,
                            new Range(0, Double.POSITIVE_INFINITY), Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.ANY,
                            c.distanceM(), d == Double.POSITIVE_INFINITY ? Range.ANY : new Range(0, d / 4));
                    assertTrue(FrameConditions.matches(aside, annotations) <= FrameConditions.mostMatches(aside, frame, bounds),
                            "frame " + i + ", within " + d / 4 + " m of the line of sight");
                    if (actual == bound && bound > 0) tight++;
                    if (actual < bound) loose++;
                    long all = frame.objects().stream().filter(o -> o.categoryId() != 0
                            && (category == 0 || o.categoryId() == category)).count();
                    if (bound < all) filtered++;
                }
        }
        assertTrue(tight > 0 && loose > 0 && filtered > 0, "tight " + tight + ", loose " + loose + ", cut by distance " + filtered);
        assertEquals(frames, json.readTree(out.resolve("annotations/coco.json").toFile()).get("images").size());
    }
}
