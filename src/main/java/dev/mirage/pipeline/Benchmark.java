package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The reproducible benchmark: renders each scene at each size with every sensor and label, each case
 * in a fresh child JVM (so start-up is excluded from frames/s and peak memory is per case), and
 * prints a Markdown table of frames/s end to end, time per stage and peak resident memory.
 *
 * <p>Thread safety: runs on the calling thread.
 */
public final class Benchmark {
    /** One benchmark case: a scene at a size. */
    public record Case(Path scene, int width, int height) {}

    private Benchmark() {}

    /**
     * @param launcher the command that starts Mirage's CLI in a child JVM (java, options, class path, main class)
     */
    public static void run(List<String> launcher, List<Case> cases, int frames, String gl, PrintStream out)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("mirage-bench");
        try {
            out.printf("Mirage benchmark: %d frames per case after start-up, %d cores, Java %s, %s%n",
                    frames, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), os());
            out.println();
            out.println("| scene | size | frames/s | ms/frame | sample | render | readback | label | encode | write | bottleneck | peak RSS |");
            out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            String renderer = "";
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                JsonNode s = runCase(launcher, c, i, frames, gl, work);
                renderer = s.path("renderer").asText() + " via " + s.path("platform").asText();
                JsonNode ms = s.path("msPerFrame");
                double fps = s.path("framesPerSecond").asDouble();
                out.printf(Locale.ROOT, "| %s | %dx%d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.0f MiB |%n",
                        c.scene().getFileName(), c.width(), c.height(), fps, 1000 / fps,
                        ms.path("sample").asDouble(), ms.path("render").asDouble(), ms.path("readback").asDouble(),
                        ms.path("label").asDouble(), ms.path("encode").asDouble(), ms.path("write").asDouble(),
                        s.path("bottleneck").asText(), s.path("peakResidentMiB").asDouble());
            }
            out.println();
            out.println("renderer: " + renderer + ". Stage columns are ms per frame summed over threads: the GL thread "
                    + "samples, renders and reads back while workers label, encode and write.");
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static JsonNode runCase(List<String> launcher, Case c, int index, int frames, String gl, Path work)
            throws IOException, InterruptedException {
        // The index keeps repeated cases apart: each renders afresh into its own folder.
        String name = index + "-" + c.scene().getFileName() + "-" + c.width() + "x" + c.height();
        Path stats = work.resolve(name + ".json");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("render", c.scene().toString(), "-o", work.resolve(name).toString(),
                "-n", String.valueOf(frames), "--width", String.valueOf(c.width()), "--height", String.valueOf(c.height()),
                "--gl", gl, "--quiet", "--stats-json", stats.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
        int exit = p.waitFor();
        if (exit != 0)
            throw new IllegalStateException("benchmark case " + name + " failed (exit " + exit + "):\n"
                    + Files.readString(work.resolve(name + ".log")));
        return RunStats.read(stats);
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
