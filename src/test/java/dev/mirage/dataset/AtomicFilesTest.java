package dev.mirage.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesBytesAndCreatesParentDirectories() throws IOException {
        Path target = dir.resolve("a/b/c/frame.png");
        byte[] bytes = {1, 2, 3, (byte) 0xFF};
        AtomicFiles.write(target, bytes);
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of(target), allFiles());
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("meta.json");
        Files.writeString(target, "old and longer than the new content");
        AtomicFiles.write(target, new byte[] {42});
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(target));
        assertEquals(List.of(target), allFiles());
    }

    @Test
    void writesStringsAsUtf8() throws IOException {
        Path target = dir.resolve("x/label.txt");
        AtomicFiles.writeString(target, "Größe 1.5 m — ok");
        assertArrayEquals("Größe 1.5 m — ok".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    @Test
    void forcingToDiskGivesTheSameResult() throws IOException {
        Path target = dir.resolve("sub/manifest.json");
        AtomicFiles.writeString(target, "{}", true);
        AtomicFiles.write(target, new byte[] {7, 8}, true);
        assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(target));
        assertEquals(List.of(target), allFiles());
    }

    @Test
    void writesEmptyFiles() throws IOException {
        Path target = dir.resolve("empty");
        AtomicFiles.write(target, new byte[0]);
        assertEquals(0, Files.size(target));
    }

    @Test
    void relativeTargetsWork() throws IOException {
        Path target = dir.resolve("rel.bin");
        Path relative = Path.of("").toAbsolutePath().relativize(target);
        AtomicFiles.write(relative, new byte[] {5});
        assertArrayEquals(new byte[] {5}, Files.readAllBytes(target));
    }

    @Test
    void writesThroughAHiddenTemporaryFileInTheSameDirectory() throws IOException {
        Path target = dir.resolve("rgb/000001.png");
        List<Path> seen = new ArrayList<>();
        AtomicFiles.writeWith(target, false, channel -> {
            try (Stream<Path> files = Files.list(target.getParent())) {
                files.forEach(seen::add);
            }
            channel.write(ByteBuffer.wrap(new byte[] {1}));
        });
        assertEquals(1, seen.size(), "only the temporary file exists while writing: " + seen);
        String name = seen.get(0).getFileName().toString();
        assertTrue(name.matches("\\.000001\\.png\\.[0-9a-f]+\\.tmp"), name);
        assertEquals(List.of(target), allFiles());
    }

    @Test
    void failureWhileWritingLeavesTheOldTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("depth/000003.png");
        AtomicFiles.write(target, new byte[] {9, 9, 9});
        IOException simulated = new IOException("disk full (simulated)");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.writeWith(target, false, channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}));
            throw simulated;
        }));
        assertSame(simulated, thrown);
        assertArrayEquals(new byte[] {9, 9, 9}, Files.readAllBytes(target));
        assertEquals(List.of(target), allFiles());
    }

    @Test
    void uncheckedFailureAlsoRemovesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("t.bin");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeWith(target, false, channel -> {
            throw new IllegalStateException("bug in a writer");
        }));
        assertEquals(List.of(), allFiles());
    }

    @Test
    void parentThatIsARegularFileFailsWithoutLeavingAnything() throws IOException {
        Path notADirectory = dir.resolve("images");
        Files.writeString(notADirectory, "I am a file");
        assertThrows(IOException.class, () -> AtomicFiles.write(notADirectory.resolve("000000.png"), new byte[] {1}));
        assertEquals("I am a file", Files.readString(notADirectory));
        assertEquals(List.of(notADirectory), allFiles());
    }

    @Test
    void failedRenameLeavesTheExistingTargetAndNoTemporaryFile() throws IOException {
        // A non-empty directory cannot be replaced by a file: the rename itself fails.
        Path target = dir.resolve("instance");
        Path inside = target.resolve("keep.png");
        Files.createDirectories(target);
        Files.write(inside, new byte[] {4, 5});
        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1, 2, 3}));
        assertTrue(Files.isDirectory(target));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(inside));
        assertEquals(List.of(inside), allFiles());
    }

    @Test
    void resultHasTheDirectorysDefaultPermissionsNotTempFileOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes exist only on POSIX file systems");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("atomic");
        AtomicFiles.write(atomic, new byte[] {1});
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> AtomicFiles.write(dir.resolve("n"), null));
        assertThrows(NullPointerException.class, () -> AtomicFiles.writeString(dir.resolve("n"), null));
        assertThrows(NullPointerException.class, () -> AtomicFiles.write(null, new byte[0]));
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
