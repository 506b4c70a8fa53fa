package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A textured road 180–380 m ahead, seen nearly edge-on from a car's camera at 320×180: with
 * anisotropic filtering, llvmpipe stalled on this frame for minutes (found in a 1,000-frame highway
 * run). Software renderers now filter without anisotropy, and the frame renders in about a second.
 * The timeout turns a stall back into a failure instead of a hung build.
 */
class EdgeOnRoadTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFarRoadSeenEdgeOnRenders() throws IOException {
        Path scene = tmp.resolve("road.json");
        Files.writeString(scene, """
                {"mirage":1,"image":{"width":320,"height":180},
                 "camera":{"position":[8.05,1.4984919221992568,0],"yawDeg":1.909094520695294,"pitchDeg":-0.9224497199882871,
                           "rollDeg":0.20310856158249216,"fovDeg":45.22620936502872,"nearM":0.1,"farM":400},
                 "categories":[{"id":1,"name":"car"}],
                 "objects":[{"asset":"mirage:road","params":{"lanes":3,"laneWidthM":3.7,"lengthM":200,"shoulderM":2.5,"centerLine":"dashed_white"},
                             "position":[-8.05,0,-280]},
                            {"shape":"box","category":"car","size":[2,1.5,4.5],"position":[8,0.75,-30]}]}
                """);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("render", scene.toString(), "-o", out.toString(), "-n", "1", "--quiet");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(Files.readString(out.resolve("annotations/coco.json")).replace(" ", "").contains("\"category_id\":1"), "the car is labeled");
    }
}
