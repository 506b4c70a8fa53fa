package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.asset.library.AssetCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in assets through the CLI: {@code mirage assets} lists and shows them; a scene places them
 * with {@code "asset": "mirage:NAME"} and drawn {@code params}, labels them with their categories,
 * records them in meta and replays them; bad names and parameters are exit 2 at their pointer.
 */
class LibraryAssetsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CAR = """
            { "asset": "mirage:car", "category": "car", "position": [-2, 0, 0], "yawDeg": 30,
              "params": { "bodyType": { "choice": ["sedan", "suv"] }, "lengthM": { "uniform": [4.2, 4.9] } } }""";
    static final String SCENE_WITH = """
            {
              "mirage": 1,
              "image": { "width": 96, "height": 64 },
              "camera": { "position": [0, 4, 14], "lookAt": [0, 0.8, 0], "fovDeg": 55 },
              "categories": [ { "id": 1, "name": "car" }, { "id": 2, "name": "cone" }, { "id": 3, "name": "sign" } ],
              "objects": [
                { "asset": "mirage:road", "params": { "lanes": 2, "lengthM": 40 } },
                %CAR%,
                { "category": "cone", "position": [2.5, 0, 2],
                  "variants": [ { "asset": "mirage:traffic_cone", "params": { "heightM": { "uniform": [0.5, 0.9] } } } ] },
                { "asset": "mirage:traffic_sign", "category": "sign", "position": [4, 0, -2], "params": { "face": "yield" } }
              ]
            }
            """;
    static final String SCENE = SCENE_WITH.replace("%CAR%", CAR);

    @TempDir
    static Path tmp;
    static Path out;
    static CliRun render;

    @BeforeAll
    static void renderIt() {
        Path scene = TinyScene.write(tmp, "library.json", SCENE);
        out = tmp.resolve("out");
        render = CliRun.render(scene, out, 2, 11, 96, 64);
    }

    @Test
    void everyLibraryAssetIsLabeledWithItsCategory() throws IOException {
        assertEquals(0, render.exit(), render.describe());
        JsonNode coco = JSON.readTree(out.resolve("annotations/coco.json").toFile());
        Set<Integer> seen = new HashSet<>();
        for (JsonNode a : coco.path("annotations")) seen.add(a.path("category_id").asInt());
        assertEquals(Set.of(1, 2, 3), seen, "car, cone and sign each annotated");
    }

    @Test
    void metaRecordsTheAssetAndItsDrawnParameters() throws IOException {
        JsonNode meta = JSON.readTree(out.resolve("meta/000000.json").toFile());
        JsonNode car = null;
        for (JsonNode o : meta.path("objects")) if (o.path("asset").asText().equals("mirage:car")) car = o;
        assertNotNull(car, meta.toPrettyString());
        double length = car.path("params").path("lengthM").asDouble();
        assertTrue(length >= 4.2 && length <= 4.9, "drawn length " + length);
        assertTrue(Set.of("sedan", "suv").contains(car.path("params").path("bodyType").asText()));
        assertTrue(car.path("params").has("wheelRadiusM"), "defaults are recorded too");
    }

    @Test
    void replayRebuildsTheSameModels() throws IOException {
        Path replay = tmp.resolve("replay");
        CliRun r = CliRun.render(tmp.resolve("library.json"), replay, 1, 0, 96, 64, "--replay", out.resolve("meta/000001.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertArrayEquals(Files.readAllBytes(out.resolve("rgb/000001.png")), Files.readAllBytes(replay.resolve("rgb/000001.png")));
    }

    @Test
    void assetsListsEveryNameAndShowsOne() {
        CliRun all = CliRun.of("assets");
        assertEquals(0, all.exit(), all.describe());
        for (String name : AssetCatalog.standard().names()) assertTrue(all.out().contains("mirage:" + name), name);
        CliRun car = CliRun.of("assets", "mirage:car");
        assertEquals(0, car.exit(), car.describe());
        assertTrue(car.out().contains("bodyType") && car.out().contains("sedan, hatchback, suv, pickup"), car.out());
        CliRun none = CliRun.of("assets", "spaceship");
        assertEquals(2, none.exit(), none.describe());
        assertTrue(none.err().contains("mirage:car"), none.err());
    }

    @Test
    void badNamesAndParametersAreErrorsAtTheirPointer() {
        String[][] cases = {
                {"\"mirage:spaceship\"", "{}", "/objects/1/asset", "mirage:traffic_cone"},
                {"\"mirage:car\"", "{\"colour\": 1}", "/objects/1/params/colour", "bodyType"},
                {"\"mirage:car\"", "{\"lengthM\": 42}", "/objects/1/params/lengthM", "3.4..5.8"},
                {"\"mirage:car\"", "{\"bodyType\": {\"choice\": [\"sedan\", \"tank\"]}}", "/objects/1/params/bodyType/choice/1", "hatchback"},
        };
        for (String[] c : cases) {
            String scene = SCENE_WITH.replace("%CAR%", "{ \"asset\": " + c[0] + ", \"category\": \"car\", \"params\": " + c[1] + " }");
            CliRun r = CliRun.of("validate", TinyScene.write(tmp, "bad.json", scene).toString());
            assertEquals(2, r.exit(), r.describe());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]), c[2] + " / " + c[3] + " in\n" + r.err());
        }
    }

    @Test
    void exportWritesAGlbWithTheGivenParameters() throws IOException {
        Path glb = tmp.resolve("suv.glb");
        CliRun r = CliRun.of("assets", "mirage:car", "-o", glb.toString(), "--param", "bodyType=suv", "--param", "lengthM=4.7");
        assertEquals(0, r.exit(), r.describe());
        dev.mirage.asset.Bounds b = dev.mirage.asset.AssetFile.load(glb).model().bounds();
        assertEquals(4.7, b.max().z() - b.min().z(), 0.05, "lengthM sets the length along z");
        CliRun bad = CliRun.of("assets", "car", "-o", tmp.resolve("x.glb").toString(), "--param", "lengthM=99");
        assertEquals(2, bad.exit(), bad.describe());
        assertTrue(bad.err().contains("lengthM"), bad.err());
        assertTrue(java.nio.file.Files.notExists(tmp.resolve("x.glb")));
        CliRun noName = CliRun.of("assets", "-o", tmp.resolve("y.glb").toString());
        assertEquals(2, noName.exit(), noName.describe());
    }

    @Test
    void statsListEveryAssetAndTheLibrarysGpuMemory() {
        CliRun r = CliRun.of("assets", "--stats");
        assertEquals(0, r.exit(), r.describe());
        for (String name : dev.mirage.asset.library.AssetCatalog.standard().names())
            assertTrue(r.out().contains("mirage:" + name), name + " in\n" + r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) MiB in all").matcher(r.out());
        assertTrue(m.find() && Double.parseDouble(m.group(1)) > 0, r.out());
    }

    @Test
    void galleryRenders() {
        Path png = tmp.resolve("gallery.png");
        CliRun r = CliRun.of("assets", "--gallery", png.toString(), "--width", "320", "--height", "240");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(Files.isRegularFile(png));
    }
}
