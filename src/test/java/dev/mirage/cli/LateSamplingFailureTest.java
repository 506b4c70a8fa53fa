package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frame the template cannot make (a placement with no room) found mid-run: one line naming the
 * file, field and frame, exit 2, every frame before it written whole, and the folder resumable.
 */
class LateSamplingFailureTest {
    @TempDir
    Path tmp;

    @Test
    void framesBeforeTheImpossibleOneAreKept() throws IOException {
        Path scene = tmp.resolve("late.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 8, 12], "lookAt": [0, 0, 0] },
                  "categories": [ { "id": 1, "name": "box" } ],
                  "objects": [ { "shape": "box", "category": "box", "size": [2, 1, 2], "count": { "int": [1, 30] },
                                 "placement": { "region": { "min": [-5, -5], "max": [5, 5] } } } ] }
                """);
        // which frame fails, found without rendering
        CliRun sample = CliRun.of("sample", scene.toString(), "-n", "30");
        assertEquals(2, sample.exit(), sample.describe());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(frame (\\d+)\\)").matcher(sample.err());
        assertTrue(m.find(), sample.describe());
        int failing = Integer.parseInt(m.group(1));
        assertTrue(failing > 0, "the test needs a frame after the first to fail, got " + failing);

        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene, out, 30, 0, 64, 48);
        assertEquals(2, r.exit(), r.describe());
        assertEquals(1, r.err().strip().lines().count(), r.describe());
        assertTrue(r.err().contains("/objects/0/placement") && r.err().contains("(frame " + failing + ")"), r.describe());
        assertFalse(r.err().contains("at dev.mirage"), r.describe());
        for (int i = 0; i < failing; i++)
            assertTrue(Files.isRegularFile(out.resolve("meta/%06d.json".formatted(i))), "frame " + i + " kept");
        CliRun again = CliRun.render(scene, out, failing, 0, 64, 48);
        assertEquals(0, again.exit(), again.describe());
        assertTrue(again.out().contains("0 frames rendered, " + failing + " already present"), again.describe());
    }
}
