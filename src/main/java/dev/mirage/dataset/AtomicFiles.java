package dev.mirage.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that never leave a partial file under the final name: the bytes go to a
 * temporary file {@code .<name>.<random>.tmp} in the target's directory (same file system, so the
 * rename is atomic), which is then moved over the target with {@code ATOMIC_MOVE} and
 * {@code REPLACE_EXISTING}. On any failure the temporary file is deleted, a target that existed
 * before is left as it was, and the exception propagates. Missing parent directories are created.
 *
 * <p>Durability: by default nothing is forced to disk. A dataset run writes thousands of small files,
 * and an fsync per file costs milliseconds each (far more on network disks) while serialising on the
 * file system journal. The rename alone already guarantees what resume needs after a killed
 * <em>process</em>: each name holds either a complete old file or a complete new one. Only a power
 * loss or kernel crash can surface a renamed-but-unflushed file; writes that must survive that (a
 * run's final manifest, say) pass {@code forceToDisk = true}, which forces the file before the rename
 * and the directory after it.
 *
 * <p>Thread safety: stateless; safe from any thread. Concurrent writers of the same target each use
 * their own temporary file, and the last rename wins.
 */
public final class AtomicFiles {
    private static final int NAME_ATTEMPTS = 10;

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically, without forcing to disk. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param forceToDisk fsync the file before the rename and its directory after it
     */
    public static void write(Path target, byte[] bytes, boolean forceToDisk) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        writeWith(target, forceToDisk, channel -> writeFully(channel, ByteBuffer.wrap(bytes)));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically, without forcing to disk. */
    public static void writeString(Path target, String text) throws IOException {
        writeString(target, text, false);
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically; see {@link #write(Path, byte[], boolean)}. */
    public static void writeString(Path target, String text, boolean forceToDisk) throws IOException {
        write(target, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), forceToDisk);
    }

    /**
     * Puts {@code source}'s file at {@code target}: a hard link when the file system allows it (no
     * bytes copied; shards and exports share the files), else a copy, either way under a temporary
     * name renamed into place, so {@code target} is never partial.
     *
     * @return true when linked (or already the same file), false when copied
     */
    public static boolean linkOrCopy(Path source, Path target) throws IOException {
        if (Files.exists(target) && Files.isSameFile(source, target)) return true;
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean linked;
        try {
            try {
                Files.createLink(temporary, source);
                linked = true;
            } catch (java.nio.file.FileSystemException | UnsupportedOperationException e) {
                Files.copy(source, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                linked = false;
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        return linked;
    }

    /** Fills the temporary file; may write in pieces and may fail part way. */
    @FunctionalInterface
    interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** The protocol behind every public method, open to this package for streaming writers and tests. */
    static void writeWith(Path target, boolean forceToDisk, Content content) throws IOException {
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path name = absolute.getFileName();
        if (name == null) throw new IllegalArgumentException("target has no file name: " + target);
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temp = createTemp(directory, name.toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                if (forceToDisk) channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        if (forceToDisk) forceDirectory(directory);
    }

    /**
     * Creates an empty, new temporary file. The random part only keeps concurrent writers (threads or
     * processes) apart; it never reaches file contents, so it need not come from the dataset seed.
     * {@code Files.createTempFile} is avoided because it makes the file owner-only (0600) on POSIX,
     * and the rename would carry that mode to the dataset file.
     */
    private static Path createTemp(Path directory, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = directory.resolve("." + name + "." + suffix + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException clash) {
                if (attempt == NAME_ATTEMPTS) throw clash;
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    /** Makes the rename itself durable on POSIX file systems. */
    private static void forceDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (AccessDeniedException notOpenable) {
            return; // Windows cannot open a directory as a channel; the file itself was already forced.
        }
        try (channel) {
            channel.force(true);
        }
    }
}
