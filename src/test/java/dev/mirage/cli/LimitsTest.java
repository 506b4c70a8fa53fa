package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits the GL and the formats impose are clear errors, and a failed start costs nothing. */
class LimitsTest {
    static final Path STREET = Path.of("scenes/street.json");

    @TempDir
    Path tmp;

    @Test
    void anImageTooLargeForTheGlExitsThreeAndTheFolderCanBeReused() {
        Path out = tmp.resolve("out");
        // Textures top out at 16384 (llvmpipe) or 32768 (large GPUs): a 3x guard band of 12000 pixels fits neither.
        CliRun big = CliRun.render(STREET, out, 1, 0, 12000, 32);
        assertEquals(3, big.exit(), big.describe());
        assertTrue(big.err().contains("12000x32 is larger than this GL can render") && big.err().contains("visibility"), big.describe());
        assertFalse(big.err().contains("\tat "), "no stack trace: " + big.describe());
        CliRun small = CliRun.render(STREET, out, 1, 0, 64, 48);
        assertEquals(0, small.exit(), "a folder holding no frame is taken over: " + small.describe());
    }

    @Test
    void tooManyLabeledObjectsPerFrameIsABadScene() throws IOException {
        Path scene = tmp.resolve("crowd.json");
        Files.writeString(scene, """
                {"mirage": 1, "image": {"width": 64, "height": 48},
                 "camera": {"position": [0, 2, 6], "lookAt": [0, 0.5, 0]},
                 "categories": [{"id": 1, "name": "box"}],
                 "objects": [{"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": 10000},
                             {"shape": "box", "category": "box", "count": {"int": [1, 5536]}}]}
                """);
        CliRun run = CliRun.of("validate", scene.toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().matches("(?s).*/objects \\(line \\d+, column \\d+\\): expected at most 65535 labeled objects per frame.*"),
                run.describe());
    }

    @Test
    void changingAnAssetUnderAResumedRunIsRefused() throws IOException {
        Path obj = tmp.resolve("cube.obj");
        Files.writeString(obj, cube(0.5));
        Path scene = tmp.resolve("asset.json");
        Files.writeString(scene, """
                {"mirage": 1, "image": {"width": 64, "height": 48},
                 "camera": {"position": [0, 2, 6], "lookAt": [0, 0.5, 0]},
                 "categories": [{"id": 1, "name": "cube"}],
                 "objects": [{"asset": "cube.obj", "category": "cube", "position": [0, 0.5, 0]}]}
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(scene, out, 1, 0, 64, 48).exit());
        Files.writeString(obj, cube(0.8));
        CliRun resumed = CliRun.render(scene, out, 2, 0, 64, 48);
        assertEquals(2, resumed.exit(), resumed.describe());
        assertTrue(resumed.err().contains("different content"), resumed.describe());
    }

    static String cube(double h) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++)
            s.append(String.format(java.util.Locale.ROOT, "v %.2f %.2f %.2f%n", (i & 1) == 0 ? -h : h, (i & 2) == 0 ? -h : h, (i & 4) == 0 ? -h : h));
        s.append("f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n");
        return s.toString();
    }
}
