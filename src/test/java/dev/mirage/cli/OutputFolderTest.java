package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder is only ever extended by the same scene, seed and size: anything else is
 * refused with exit 2, a message naming the folder and what differs, and no file touched, until
 * {@code --overwrite} is given.
 */
class OutputFolderTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    @TempDir
    Path tmp;

    /** Another seed into an existing dataset: exit 2, names folder and seed, changes nothing. */
    @Test
    void anotherSeedIsRefused() {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 2, 1, WIDTH, HEIGHT).exit());
        FolderSnapshot before = FolderSnapshot.of(out);

        CliRun refused = CliRun.render(STREET, out, 2, 2, WIDTH, HEIGHT);
        assertRefused(refused, out, "seed 1");
        assertTrue(refused.err().contains("--overwrite"), "says how to replace it: " + refused.err());
        before.assertUntouched(FolderSnapshot.of(out), "folder after a refused run");
    }

    /** Another image size: refused, naming the dataset's size. */
    @Test
    void anotherSizeIsRefused() {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 1, 1, WIDTH, HEIGHT).exit());
        FolderSnapshot before = FolderSnapshot.of(out);

        assertRefused(CliRun.render(STREET, out, 1, 1, 128, HEIGHT), out, "size 160x120");
        before.assertUntouched(FolderSnapshot.of(out), "folder after a refused run");
    }

    /** The scene file edited since the dataset was made: refused, naming the scene. */
    @Test
    void anEditedSceneIsRefused() throws IOException {
        Path scene = Files.copy(STREET, tmp.resolve("street.json"));
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(scene, out, 1, 1, WIDTH, HEIGHT).exit());
        FolderSnapshot before = FolderSnapshot.of(out);
        Files.writeString(scene, Files.readString(scene).replace("\"minVisiblePixels\": 25", "\"minVisiblePixels\": 30"));

        assertRefused(CliRun.render(scene, out, 1, 1, WIDTH, HEIGHT), out, "scene street.json");
        before.assertUntouched(FolderSnapshot.of(out), "folder after a refused run");
    }

    /**
     * --overwrite replaces a dataset of another seed completely: the folder ends equal to a fresh
     * render of the new seed, with no frame of the old dataset left over.
     */
    @Test
    void overwriteReplacesTheWholeDataset() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 3, 1, WIDTH, HEIGHT).exit());
        CliRun replaced = CliRun.render(STREET, out, 2, 2, WIDTH, HEIGHT, "--overwrite");
        assertEquals(0, replaced.exit(), replaced.describe());

        Path fresh = tmp.resolve("fresh");
        assertEquals(0, CliRun.render(STREET, fresh, 2, 2, WIDTH, HEIGHT).exit());
        FolderSnapshot.of(fresh).assertSameBytes(FolderSnapshot.of(out), "overwritten folder vs fresh render");
        assertEquals(2, new ObjectMapper().readTree(out.resolve("dataset.json").toFile()).get("seed").asLong());
    }

    /** A non-empty folder that is no Mirage dataset: exit 2, its files untouched, nothing added. */
    @Test
    void aForeignFolderIsRefused() throws IOException {
        Path out = tmp.resolve("photos");
        Files.createDirectories(out.resolve("holiday"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.write(out.resolve("holiday/beach.raw"), new byte[] {9, 8, 7});
        FolderSnapshot before = FolderSnapshot.of(out);

        assertRefused(CliRun.render(STREET, out, 1, 1, WIDTH, HEIGHT), out, "not empty");
        before.assertUntouched(FolderSnapshot.of(out), "foreign folder after a refused run");
        try (Stream<Path> children = Files.list(out)) {
            assertEquals(List.of("holiday", "notes.txt"),
                    children.map(p -> p.getFileName().toString()).sorted().toList(), "nothing created");
        }
    }

    /** --overwrite into a foreign folder writes the dataset but deletes none of the folder's own files. */
    @Test
    void overwriteKeepsFilesThatAreNotTheDatasets() throws IOException {
        Path out = tmp.resolve("photos");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun run = CliRun.render(STREET, out, 1, 1, WIDTH, HEIGHT, "--overwrite");
        assertEquals(0, run.exit(), run.describe());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(out.resolve("annotations/coco.json")));
    }

    /** An output path that is a file: exit 2, the file unchanged. */
    @Test
    void anOutputThatIsAFileIsRefused() throws IOException {
        Path out = Files.writeString(tmp.resolve("out"), "a file");
        assertRefused(CliRun.render(STREET, out, 1, 1, WIDTH, HEIGHT), out, "not a folder");
        assertEquals("a file", Files.readString(out));
    }

    private static void assertRefused(CliRun run, Path folder, String reason) {
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(folder.toString()), "names the folder: " + run.err());
        assertTrue(run.err().contains(reason), "says why (" + reason + "): " + run.err());
        assertFalse(run.err().contains("at dev.mirage"), "no stack trace: " + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
    }
}
