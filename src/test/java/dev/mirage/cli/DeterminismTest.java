package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame i depends on the scene, the seed and i alone (design.md, "Seeds"): two runs of the same
 * command give byte-identical datasets whatever the worker count, and a dataset extended from 2 to 4
 * frames equals one rendered with 4 at once.
 */
class DeterminismTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final long SEED = 42;

    @TempDir
    static Path tmp;
    static FolderSnapshot fresh;
    static FolderSnapshot again;
    static FolderSnapshot extended;
    static CliRun extension;

    @BeforeAll
    static void renderThreeWays() {
        Path a = tmp.resolve("fresh");
        Path b = tmp.resolve("again");
        Path c = tmp.resolve("extended");
        assertSucceeds(CliRun.render(STREET, a, 4, SEED, WIDTH, HEIGHT));
        assertSucceeds(CliRun.render(STREET, b, 4, SEED, WIDTH, HEIGHT, "--workers", "3"));
        assertSucceeds(CliRun.render(STREET, c, 2, SEED, WIDTH, HEIGHT));
        extension = CliRun.render(STREET, c, 4, SEED, WIDTH, HEIGHT);
        assertSucceeds(extension);
        fresh = FolderSnapshot.of(a);
        again = FolderSnapshot.of(b);
        extended = FolderSnapshot.of(c);
    }

    /** Same scene and seed twice (one worker, then three): every file has the same bytes. */
    @Test
    void sameSeedGivesIdenticalFiles() {
        assertEquals(2 + 4 * 5, fresh.paths().size(), "manifest, COCO and 5 files per frame: " + fresh.paths());
        fresh.assertSameBytes(again, "two runs of the same command");
    }

    /** Different frames of one run are different images. */
    @Test
    void framesDiffer() {
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
                assertFalse(Arrays.equals(fresh.bytes(rgb(i)), fresh.bytes(rgb(j))), "frames " + i + " and " + j);
    }

    /** -n 2 then -n 4 into the same folder renders only frames 2 and 3 and ends equal to a fresh -n 4 run. */
    @Test
    void extendingARunEqualsAFreshRun() {
        assertTrue(extension.out().contains("2 frames rendered, 2 already present"), extension.describe());
        fresh.assertSameBytes(extended, "fresh -n 4 vs -n 2 extended to 4");
    }

    /** Another seed gives another frame 0. */
    @Test
    void anotherSeedGivesAnotherFrame() {
        Path other = tmp.resolve("other-seed");
        assertSucceeds(CliRun.render(STREET, other, 1, SEED + 1, WIDTH, HEIGHT));
        assertFalse(Arrays.equals(fresh.bytes(rgb(0)), FolderSnapshot.of(other).bytes(rgb(0))));
    }

    private static String rgb(int frame) {
        return String.format("rgb/%06d.png", frame);
    }

    private static void assertSucceeds(CliRun run) {
        assertEquals(0, run.exit(), run.describe());
    }
}
