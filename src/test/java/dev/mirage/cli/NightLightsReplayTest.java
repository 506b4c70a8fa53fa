package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night street: cars with their lights on, a street lamp and a building with lit windows. The
 * lights the assets carry are in the meta file after the template's, naming their object, and a
 * frame replayed from its meta file has the same bytes.
 */
class NightLightsReplayTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void assetLightsAreRecordedAndReplayToTheSameBytes() throws IOException {
        Path scene = tmp.resolve("night.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 96, "height": 72 },
                  "camera": { "position": [0, 2, 12], "lookAt": [0, 1, 0], "fovDeg": 60 },
                  "sun": { "elevationDeg": -20, "azimuthDeg": 120 },
                  "sky": { "color": "#05070c" },
                  "categories": [ { "id": 1, "name": "car" } ],
                  "lights": [ { "type": "point", "position": [-6, 4, 4], "intensity": 2, "rangeM": 12 } ],
                  "objects": [
                    { "shape": "plane", "size": [60, 60], "color": "#555555" },
                    { "asset": "mirage:building", "params": { "litWindows": { "uniform": [0.2, 0.8] }, "seed": { "int": [0, 100] } },
                      "position": [0, 0, -14] },
                    { "asset": "mirage:street_lamp", "params": { "colorTemperature": { "choice": ["sodium", "led"] } },
                      "position": [4, 0, 2], "yawDeg": -90 },
                    { "asset": "mirage:car", "category": "car", "count": 2, "params": { "lights": "on" },
                      "position": { "uniform": [[-4, 0, -4], [4, 0, 4]] }, "yawDeg": { "uniform": [0, 360] } }
                  ] }
                """);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene, out, 2, 3, 96, 72);
        assertEquals(0, r.exit(), r.describe());
        JsonNode meta = JSON.readTree(out.resolve("meta/000001.json").toFile());
        JsonNode lights = meta.get("lights");
        assertEquals(1 + 1 + 2 * 4, lights.size());
        assertFalse(lights.get(0).has("asset"), "the template's light first");
        JsonNode lamp = lights.get(1).get("asset");
        assertEquals(2, lamp.get("object").asInt());
        assertEquals("lamp", lamp.get("emitter").asText());
        for (int i = 2; i < lights.size(); i++) {
            JsonNode a = lights.get(i).get("asset");
            int object = a.get("object").asInt();
            assertEquals("mirage:car", meta.get("objects").get(object).get("asset").asText());
            assertEquals(meta.get("objects").get(object).get("instanceId").asInt(), a.get("instanceId").asInt());
        }
        Path replay = tmp.resolve("replay");
        r = CliRun.render(scene, replay, 1, 0, 96, 72, "--replay", out.resolve("meta/000001.json").toString());
        assertEquals(0, r.exit(), r.describe());
        for (String f : List.of("rgb/000001.png", "depth/000001.png", "instance/000001.png", "meta/000001.json"))
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(replay.resolve(f)), f + " differs");
    }
}
