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
 * A killed run leaves whole files and temporaries; rerunning the same command finishes the dataset
 * as if nothing had happened (design.md, "Writes").
 */
class ResumeTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final long SEED = 3;

    @TempDir
    Path tmp;

    /**
     * A kill while frame 1 was being written (its meta, written last, and its RGB missing) and
     * frame 2's RGB still under its temporary name: the rerun rewrites frame 1 byte-identically,
     * leaves frames 0 and 2 alone, deletes the temporary and assembles the same COCO file.
     */
    @Test
    void rerunAfterAKillMidFrameRestoresTheSameDataset() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 3, SEED, WIDTH, HEIGHT).exit());
        FolderSnapshot complete = FolderSnapshot.of(out);

        Files.delete(out.resolve("meta/000001.json"));
        Files.delete(out.resolve("rgb/000001.png"));
        Path stale = out.resolve("rgb/.000002.png.1234.tmp");
        Files.write(stale, new byte[] {1, 2, 3});
        Path staleMeta = out.resolve("meta/.000001.json.5c1f.tmp");
        Files.writeString(staleMeta, "{\"frame\": ");

        CliRun rerun = CliRun.render(STREET, out, 3, SEED, WIDTH, HEIGHT);
        assertEquals(0, rerun.exit(), rerun.describe());
        assertTrue(rerun.out().contains("1 frames rendered, 2 already present"), rerun.describe());
        assertFalse(Files.exists(stale), "stale temporary removed");
        assertFalse(Files.exists(staleMeta), "stale temporary removed");
        FolderSnapshot resumed = FolderSnapshot.of(out);
        complete.assertSameBytes(resumed, "complete run vs resumed run");
        complete.assertUntouched(resumed, "finished frames are not rewritten",
                p -> p.contains("/000000.") || p.contains("/000002."));
    }

    /** A kill after the last frame but before the COCO file: the rerun renders nothing and writes the same COCO file. */
    @Test
    void rerunAfterAKillBeforeTheCocoFileWritesIt() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 2, SEED, WIDTH, HEIGHT).exit());
        byte[] coco = Files.readAllBytes(out.resolve("annotations/coco.json"));
        Files.delete(out.resolve("annotations/coco.json"));

        CliRun rerun = CliRun.render(STREET, out, 2, SEED, WIDTH, HEIGHT);
        assertEquals(0, rerun.exit(), rerun.describe());
        assertTrue(rerun.out().contains("0 frames rendered, 2 already present"), rerun.describe());
        assertTrue(Files.isRegularFile(out.resolve("annotations/coco.json")));
        assertEquals(new String(coco), Files.readString(out.resolve("annotations/coco.json")));
    }

    /**
     * A first run killed after it made the dataset's sub-folders but before its manifest was
     * renamed into place leaves the empty sub-folders and the manifest's temporary file; the rerun
     * should take the folder and remove the temporary.
     */
    @Test
    void rerunAfterAKillBeforeTheFirstManifestTakesTheFolder() throws IOException {
        Path out = tmp.resolve("out");
        for (String folder : new String[] {"rgb", "depth", "instance", "meta", "annotations"})
            Files.createDirectories(out.resolve(folder));
        Path stale = Files.writeString(out.resolve(".dataset.json.7e3a.tmp"), "{\"format\": ");

        CliRun rerun = CliRun.render(STREET, out, 1, SEED, WIDTH, HEIGHT);
        assertEquals(0, rerun.exit(), rerun.describe());
        assertFalse(Files.exists(stale), "stale manifest temporary removed");
    }
}
