package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.joml.Vector3dc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSamplerTest {
    private static final long SEED = 99;

    @TempDir
    Path dir;

    private SceneTemplate template;

    @BeforeEach
    void readTemplate() throws IOException {
        template = read("""
                {
                  "mirage": 1,
                  "image": { "width": 320, "height": 240 },
                  "camera": { "position": { "uniform": [[-1, 1, 4], [1, 2, 6]] },
                              "lookAt": { "uniform": [[-0.5, 0.5, -10], [0.5, 1.5, -10]] },
                              "fovDeg": { "uniform": [40, 60] }, "nearM": 0.1, "farM": 200 },
                  "sun": { "elevationDeg": { "uniform": [10, 80] }, "azimuthDeg": { "uniform": [0, 360] },
                           "intensity": { "uniform": [0.5, 1.5] } },
                  "sky": { "color": { "hsv": [[180, 0.1, 0.6], [240, 0.4, 0.9]] } },
                  "categories": [ { "id": 4, "name": "car" }, { "id": 9, "name": "person" } ],
                  "objects": [
                    { "shape": "plane", "size": [100, 100] },
                    { "shape": "box", "category": "car", "count": 3,
                      "position": { "uniform": [[-5, 0.5, -20], [5, 0.5, -5]] }, "yawDeg": { "uniform": [0, 360] },
                      "color": { "hsv": [[0, 0.2, 0.2], [360, 0.8, 0.9]] } },
                    { "shape": "sphere", "count": 2, "position": { "uniform": [[-5, 1, -30], [5, 1, -25]] } },
                    { "shape": "cylinder", "category": "person", "count": { "int": [2, 4] },
                      "position": { "uniform": [[-5, 0.9, -20], [5, 0.9, -5]] } }
                  ]
                }
                """);
    }

    private SceneTemplate read(String json) throws IOException {
        Path file = dir.resolve("scene.json");
        Files.writeString(file, json);
        return TemplateReader.read(file);
    }

    private static void assertSameFrame(FrameScene a, FrameScene b) {
        assertEquals(a.camera(), b.camera());
        assertEquals(a.camera().worldToCamera(), b.camera().worldToCamera());
        assertEquals(a.sun(), b.sun());
        assertEquals(a.sky(), b.sky());
        assertEquals(a.objects().size(), b.objects().size());
        for (int i = 0; i < a.objects().size(); i++) {
            assertEquals(a.objects().get(i).modelToWorld(), b.objects().get(i).modelToWorld(), "object " + i);
            assertEquals(a.objects().get(i).colorLinear(), b.objects().get(i).colorLinear(), "object " + i);
        }
        assertEquals(a, b);
    }

    @Test
    void samplingIsAPureFunctionOfTemplateSeedAndIndex() {
        assertSameFrame(FrameSampler.sample(template, SEED, 5), FrameSampler.sample(template, SEED, 5));
    }

    @Test
    void aFrameDoesNotDependOnFramesSampledBeforeIt() {
        FrameScene alone = FrameSampler.sample(template, SEED, 5);
        for (int i = 9; i >= 0; i--) FrameSampler.sample(template, SEED, i);
        FrameSampler.sample(template, SEED + 1, 5);
        assertSameFrame(alone, FrameSampler.sample(template, SEED, 5));
    }

    @Test
    void exampleSceneSamplesReproducibly() {
        SceneTemplate street = TemplateReader.read(Path.of("scenes/street.json"));
        for (int i : new int[] {0, 1, 41}) assertSameFrame(FrameSampler.sample(street, 7, i), FrameSampler.sample(street, 7, i));
    }

    @Test
    void framesRecordTheirIndexAndSeedAndDiffer() {
        FrameScene f3 = FrameSampler.sample(template, SEED, 3);
        FrameScene f4 = FrameSampler.sample(template, SEED, 4);
        assertEquals(3, f3.frameIndex());
        assertEquals(SEED, f3.seed());
        assertNotEquals(f3.camera().position(), f4.camera().position());
        assertNotEquals(f3.sun().towardSun(), f4.sun().towardSun());
        assertNotEquals(f3.objects().get(1).modelToWorld(), f4.objects().get(1).modelToWorld());
    }

    @Test
    void cameraSamplesStayInsideTheirRanges() {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < 500; i++) {
            Camera c = FrameSampler.sample(template, SEED, i).camera();
            Vector3dc p = c.position();
            assertTrue(p.x() >= -1 && p.x() <= 1 && p.y() >= 1 && p.y() <= 2 && p.z() >= 4 && p.z() <= 6, "frame " + i + " " + p);
            Vector3dc t = c.lookAt();
            assertTrue(t.x() >= -0.5 && t.x() <= 0.5 && t.y() >= 0.5 && t.y() <= 1.5 && t.z() == -10, "frame " + i + " " + t);
            assertTrue(c.fovYRadians() >= Math.toRadians(40) && c.fovYRadians() <= Math.toRadians(60));
            assertEquals(320, c.width());
            assertEquals(240, c.height());
            assertEquals(0.1, c.nearM());
            assertEquals(200, c.farM());
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], p.get(k));
                hi[k] = Math.max(hi[k], p.get(k));
            }
        }
        // and they spread over the box rather than sitting in one spot
        assertTrue(lo[0] < -0.9 && hi[0] > 0.9 && lo[1] < 1.05 && hi[1] > 1.95 && lo[2] < 4.1 && hi[2] > 5.9,
                "spread " + List.of(lo[0], hi[0], lo[1], hi[1], lo[2], hi[2]));
    }

    @Test
    void sunSamplesStayInsideTheirRanges() {
        for (int i = 0; i < 300; i++) {
            var sun = FrameSampler.sample(template, SEED, i).sun();
            double elevationDeg = Math.toDegrees(Math.asin(sun.towardSun().y()));
            assertTrue(elevationDeg >= 10 - 1e-9 && elevationDeg <= 80 + 1e-9, "frame " + i + " elevation " + elevationDeg);
            assertEquals(1.0, sun.towardSun().length(), 1e-12);
            assertTrue(sun.intensity() >= 0.5 && sun.intensity() <= 1.5);
        }
    }

    @Test
    void labeledObjectsAreNumberedOneToNInTemplateOrder() {
        FrameScene f = FrameSampler.sample(template, SEED, 0);
        List<ObjectInstance> objects = f.objects();
        int persons = objects.size() - 6; // plane, 3 cars, 2 spheres
        assertTrue(persons >= 2 && persons <= 4, "persons " + persons);
        List<Integer> ids = objects.stream().map(ObjectInstance::instanceId).toList();
        List<Integer> categories = objects.stream().map(ObjectInstance::categoryId).toList();
        List<Integer> expectedIds = new ArrayList<>(List.of(0, 1, 2, 3, 0, 0));
        List<Integer> expectedCategories = new ArrayList<>(List.of(0, 4, 4, 4, 0, 0));
        for (int k = 0; k < persons; k++) {
            expectedIds.add(4 + k);
            expectedCategories.add(9);
        }
        assertEquals(expectedIds, ids);
        assertEquals(expectedCategories, categories);
        assertEquals(List.of("plane", "box", "box", "box", "sphere", "sphere"),
                objects.subList(0, 6).stream().map(ObjectInstance::name).toList());
        assertEquals(objects.get(2), f.instance(2));
    }

    @Test
    void countRangeStaysInRangeAndReachesBothEnds() {
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            FrameScene f = FrameSampler.sample(template, SEED, i);
            int persons = (int) f.objects().stream().filter(o -> o.categoryId() == 9).count();
            assertTrue(persons >= 2 && persons <= 4, "frame " + i + ": " + persons);
            seen.add(persons);
            // labeled ids are exactly 1..N whatever the count
            List<Integer> ids = f.objects().stream().filter(o -> o.instanceId() > 0).map(ObjectInstance::instanceId).toList();
            for (int k = 0; k < ids.size(); k++) assertEquals(k + 1, ids.get(k), "frame " + i);
        }
        assertEquals(Set.of(2, 3, 4), seen);
    }

    @Test
    void objectPositionsStayInTheirBoxesAndSizesScale() throws IOException {
        for (int i = 0; i < 100; i++) {
            for (ObjectInstance o : FrameSampler.sample(template, SEED, i).objects()) {
                if (o.categoryId() != 4) continue;
                Vector3dc p = o.position();
                assertTrue(p.x() >= -5 && p.x() <= 5 && p.y() == 0.5 && p.z() >= -20 && p.z() <= -5, p.toString());
                // the matrix puts the model origin at the sampled position
                assertEquals(p.x(), o.modelToWorld().m30(), 1e-12);
                assertEquals(p.y(), o.modelToWorld().m31(), 1e-12);
                assertEquals(p.z(), o.modelToWorld().m32(), 1e-12);
            }
        }
    }
}
