package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every regular file under a folder, by relative path ('/'-separated), with its bytes and
 * modification time: what a test compares before and after a run.
 *
 * @param files relative path to contents and modification time
 */
record FolderSnapshot(Map<String, Entry> files) {
    /** One file's contents and modification time. */
    record Entry(byte[] bytes, FileTime modified) {}

    /** Reads every regular file under {@code root} (an absent folder gives an empty snapshot). */
    static FolderSnapshot of(Path root) {
        Map<String, Entry> files = new TreeMap<>();
        if (!Files.exists(root)) return new FolderSnapshot(files);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList())
                files.put(relative(root, p), new Entry(Files.readAllBytes(p), Files.getLastModifiedTime(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FolderSnapshot(files);
    }

    /** The sorted relative paths of the files. */
    List<String> paths() {
        return new ArrayList<>(files.keySet());
    }

    byte[] bytes(String relativePath) {
        Entry e = files.get(relativePath);
        if (e == null) fail("no file " + relativePath + " in " + files.keySet());
        return e.bytes();
    }

    /** Fails, listing each difference, unless both hold the same paths with the same bytes. */
    void assertSameBytes(FolderSnapshot other, String what) {
        assertSame(other, what, p -> true, false);
    }

    /** Fails unless the files selected by {@code paths} have the same bytes in both snapshots. */
    void assertSameBytes(FolderSnapshot other, String what, Predicate<String> paths) {
        assertSame(other, what, paths, false);
    }

    /** Fails unless both hold the same paths, each with the same bytes and modification time. */
    void assertUntouched(FolderSnapshot after, String what) {
        assertSame(after, what, p -> true, true);
    }

    /** Fails unless the files selected by {@code paths} have the same bytes and modification times in both. */
    void assertUntouched(FolderSnapshot after, String what, Predicate<String> paths) {
        assertSame(after, what, paths, true);
    }

    private void assertSame(FolderSnapshot other, String what, Predicate<String> selected, boolean times) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(files.keySet());
        all.addAll(other.files.keySet());
        for (String p : all) {
            if (!selected.test(p)) continue;
            Entry a = files.get(p);
            Entry b = other.files.get(p);
            if (a == null) problems.add(p + ": only in the second");
            else if (b == null) problems.add(p + ": only in the first");
            else if (!Arrays.equals(a.bytes(), b.bytes())) problems.add(p + ": bytes differ");
            else if (times && !a.modified().equals(b.modified()))
                problems.add(p + ": modified " + a.modified() + " -> " + b.modified());
        }
        if (!problems.isEmpty()) fail(what + ":\n  " + String.join("\n  ", problems));
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
