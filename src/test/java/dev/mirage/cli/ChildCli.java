package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI ({@link Main#main}) in a child JVM, for tests that need a real process: one that can be
 * killed with SIGKILL part way through a run, so no finally block, shutdown hook or stream flush of
 * Mirage's runs. Stdout and stderr go together to a log file.
 *
 * <p>Created by {@link #start}; {@link #close} kills the child if it still runs, so a test that fails
 * part way leaves no process behind. Thread safety: one test thread.
 */
final class ChildCli implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startNanos;

    private ChildCli(Process process, Path log, long startNanos) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** Starts {@code java -cp <this test's class path> dev.mirage.cli.Main args...} in the working directory. */
    static ChildCli start(Path log, List<String> args) throws IOException {
        return start(log, List.of(), args);
    }

    /** As {@link #start(Path, List)}, with options for the child JVM ({@code -D...}, {@code -Xlog:...}). */
    static ChildCli start(Path log, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        return new ChildCli(builder.start(), log, start);
    }

    /** The java launcher of the running JVM. */
    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) return java.toString();
        return ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java launcher"));
    }

    /**
     * The test class path. Under surefire {@code java.class.path} may be only a booter jar whose
     * manifest lists the real class path; surefire puts the class path itself in
     * {@code surefire.test.class.path}. (A manifest-only jar would also work, as java follows its
     * Class-Path, but the explicit list does not depend on that jar outliving the test.)
     */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Milliseconds since the child was started. */
    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code millisAfterStart} have passed since the start or the child ended, whichever is first. */
    void waitUntil(long millisAfterStart) throws InterruptedException {
        long left = millisAfterStart - elapsedMillis();
        if (left > 0) process.waitFor(left, TimeUnit.MILLISECONDS);
    }

    /** SIGKILL on POSIX (destroyForcibly); waits for the end and returns the exit code (137 when killed). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) fail("child still running 10 s after SIGKILL\n" + output());
        return process.exitValue();
    }

    /** Waits for the child to end by itself; kills it and fails after {@code limit}. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            fail("child still running after " + limit + "\n" + output());
        }
        return process.exitValue();
    }

    /** What the child printed so far, stdout and stderr interleaved. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the child (and anything it started) if it still runs. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
