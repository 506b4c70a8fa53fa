package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic image holds, at every pixel, the category of the instance the instance image names there. */
class SemanticSensorTest {
    @TempDir
    Path tmp;

    @Test
    void semanticPixelsAreTheCategoriesOfTheInstancePixels() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.render(Path.of("scenes/street.json"), out, 2, 4, 160, 120);
        assertEquals(0, run.exit(), run.describe());
        ObjectMapper json = new ObjectMapper();
        for (int frame = 0; frame < 2; frame++) {
            String stem = String.format("%06d", frame);
            JsonNode meta = json.readTree(out.resolve("meta/" + stem + ".json").toFile());
            Map<Integer, Integer> category = new HashMap<>();
            for (JsonNode o : meta.path("objects")) category.put(o.path("instanceId").asInt(), o.path("categoryId").asInt());
            BufferedImage semantic = ImageIO.read(out.resolve("semantic/" + stem + ".png").toFile());
            assertEquals(8, semantic.getColorModel().getPixelSize(), "8-bit: the street's category ids fit a byte");
            Raster s = semantic.getRaster();
            Raster ids = ImageIO.read(out.resolve("instance/" + stem + ".png").toFile()).getRaster();
            int labeled = 0;
            for (int y = 0; y < 120; y++) {
                for (int x = 0; x < 160; x++) {
                    int id = ids.getSample(x, y, 0);
                    int expected = id == 0 ? 0 : category.get(id);
                    assertEquals(expected, s.getSample(x, y, 0), "pixel (" + x + ", " + y + ") of frame " + frame);
                    if (expected > 0) labeled++;
                }
            }
            assertTrue(labeled > 100, "the frame shows labeled objects");
        }
        JsonNode coco = json.readTree(out.resolve("annotations/coco.json").toFile());
        assertEquals("semantic/000000.png", coco.path("images").get(0).path("semantic_file").asText());
    }

    /** With "labels": {"visibility": false} the amodal pass is skipped and annotations carry no visibility fields. */
    @Test
    void visibilityCanBeTurnedOff() throws IOException {
        Path scene = tmp.resolve("plain.json");
        java.nio.file.Files.writeString(scene, """
                {"mirage": 1, "image": {"width": 64, "height": 48},
                 "camera": {"position": [0, 2, 6], "lookAt": [0, 0.5, 0]},
                 "categories": [{"id": 1, "name": "box"}],
                 "objects": [{"shape": "box", "category": "box", "position": [0, 0.5, 0]}],
                 "labels": {"visibility": false}}
                """);
        Path out = tmp.resolve("plain");
        assertEquals(0, CliRun.of("render", scene.toString(), "-o", out.toString(), "-n", "1", "-q").exit());
        JsonNode a = new ObjectMapper().readTree(out.resolve("meta/000000.json").toFile()).path("annotations").get(0);
        assertTrue(a.has("area") && !a.has("occlusion") && !a.has("amodal_pixels"), a.toString());
        java.nio.file.Files.writeString(scene, java.nio.file.Files.readString(scene).replace("false", "\"no\""));
        CliRun bad = CliRun.of("validate", scene.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().matches("(?s).*/labels/visibility \\(line \\d+, column \\d+\\): expected true or false.*"), bad.describe());
    }
}
