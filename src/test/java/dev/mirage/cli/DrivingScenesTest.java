package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driving scenario library (scenes/driving): every scene validates, renders a small frame in
 * which its key category is annotated, from a camera mounted where a car's would be; all scenes
 * share one category list, so their datasets merge.
 */
class DrivingScenesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FOLDER = Path.of("scenes/driving");

    /** What each scene is about: the category a frame of it must show. */
    private static final Map<String, String> KEY_CATEGORY = Map.ofEntries(
            Map.entry("urban-intersection", "traffic light"),
            Map.entry("highway", "car"),
            Map.entry("residential-parked", "car"),
            Map.entry("parking-lot", "car"),
            Map.entry("construction-zone", "traffic cone"),
            Map.entry("rural-night", "car"),
            Map.entry("tunnel-exit-glare", "car"),
            Map.entry("occluded-pedestrian-crossing", "pedestrian"),
            Map.entry("child-near-road", "pedestrian"),
            Map.entry("animal-on-road", "animal"),
            Map.entry("debris-lost-cargo", "debris"),
            Map.entry("wrong-way-vehicle", "car"),
            Map.entry("emergency-vehicle", "emergency vehicle"),
            Map.entry("cyclist-dusk", "cyclist"),
            Map.entry("dense-fog-stopped-traffic", "car"),
            Map.entry("low-sun-glare", "car"));

    @TempDir
    Path tmp;

    static Stream<Path> scenes() throws IOException {
        return Files.list(FOLDER).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private static String stem(Path scene) {
        String name = scene.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    @Test
    void everySceneHasAKeyCategoryAndEveryKeyAScene() throws IOException {
        assertEquals(KEY_CATEGORY.keySet().stream().sorted().toList(), scenes().map(DrivingScenesTest::stem).toList());
    }

    /**
     * The child-near-road template's constraint names the "child" entry: every written frame holds a
     * child (by the meta file's object names, not the sampler's word) 7–20 m away, at most 60% hidden.
     */
    @Test
    void everyChildNearRoadFrameHoldsAChild(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("child");
        CliRun r = CliRun.render(FOLDER.resolve("child-near-road.json"), out, 3, 0, 320, 180);
        assertEquals(0, r.exit(), r.describe());
        for (int i = 0; i < 3; i++) {
            JsonNode meta = JSON.readTree(out.resolve("meta/%06d.json".formatted(i)).toFile());
            Map<Integer, String> names = new java.util.HashMap<>();
            meta.path("objects").forEach(o -> names.put(o.path("instanceId").asInt(), o.path("name").asText()));
            boolean child = false;
            for (JsonNode a : meta.path("annotations")) {
                JsonNode c = a.path("bbox3d").path("centre");
                double d = Math.sqrt(Math.pow(c.path(0).asDouble(), 2) + Math.pow(c.path(1).asDouble(), 2) + Math.pow(c.path(2).asDouble(), 2));
                child |= "child".equals(names.get(a.path("instance_id").asInt())) && d >= 7 && d <= 20
                        && a.path("occlusion").asDouble() <= 0.6;
            }
            assertTrue(child, "frame " + i + " holds a child 7-20 m away");
        }
    }

    @Test
    void allScenesShareOneCategoryList() throws IOException {
        List<Path> all = scenes().toList();
        JsonNode first = JSON.readTree(all.get(0).toFile()).path("categories");
        assertTrue(first.size() > 0);
        for (Path scene : all)
            assertEquals(first, JSON.readTree(scene.toFile()).path("categories"), scene + " has other categories than " + all.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void validatesAndShowsItsKeyCategoryFromACarsCamera(Path scene) throws IOException {
        CliRun validate = CliRun.of("validate", scene.toString());
        assertEquals(0, validate.exit(), validate.describe());
        Path out = tmp.resolve("out");
        CliRun render = CliRun.render(scene, out, 1, 1, 320, 180);
        assertEquals(0, render.exit(), render.describe());

        JsonNode coco = JSON.readTree(out.resolve("annotations/coco.json").toFile());
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode c : coco.path("categories")) names.put(c.path("id").asInt(), c.path("name").asText());
        String key = KEY_CATEGORY.get(stem(scene));
        assertTrue(names.containsValue(key), key + " is one of the scene's categories");
        List<String> seen = new ArrayList<>();
        for (JsonNode a : coco.path("annotations")) seen.add(names.get(a.path("category_id").asInt()));
        assertTrue(seen.contains(key), scene + ": no " + key + " annotated in the frame; annotated: " + seen);

        // the camera is mounted on a car: 1.3-1.6 m above the road, looking along it (within a few degrees of -Z)
        JsonNode camera = JSON.readTree(out.resolve("meta/000000.json").toFile()).path("camera");
        double height = camera.path("position").get(1).asDouble();
        assertTrue(height >= 1.3 && height <= 1.6, "camera height " + height);
        double dx = camera.path("lookAt").get(0).asDouble() - camera.path("position").get(0).asDouble();
        double dz = camera.path("lookAt").get(2).asDouble() - camera.path("position").get(2).asDouble();
        double headingOffDeg = Math.toDegrees(Math.atan2(Math.abs(dx), -dz));
        assertTrue(headingOffDeg <= 3, "camera turned " + headingOffDeg + " deg from the road's direction");
    }
}
