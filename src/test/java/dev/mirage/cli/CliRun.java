package dev.mirage.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@link Main#run} with its exit code and what it printed, for end-to-end tests.
 *
 * @param exit the exit code the process would end with
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
record CliRun(int exit, String out, String err) {
    /** Runs the CLI in this JVM with an empty environment (no scheduler variables), capturing both streams. */
    static CliRun of(String... args) {
        return withEnvironment(java.util.Map.of(), args);
    }

    /** Runs the CLI in this JVM as if the process had these environment variables. */
    static CliRun withEnvironment(java.util.Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(o, e, environment, args);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code render SCENE -o OUT -n FRAMES --seed SEED --width W --height H --quiet} plus any extra
     * arguments: the small, quiet render every test uses.
     */
    static CliRun render(Path scene, Path out, int frames, long seed, int width, int height, String... extra) {
        List<String> args = new ArrayList<>(List.of("render", scene.toString(), "-o", out.toString(),
                "-n", String.valueOf(frames), "--seed", String.valueOf(seed),
                "--width", String.valueOf(width), "--height", String.valueOf(height), "--quiet"));
        args.addAll(List.of(extra));
        return of(args.toArray(String[]::new));
    }

    /** A description for assertion messages: exit code and both streams. */
    String describe() {
        return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
