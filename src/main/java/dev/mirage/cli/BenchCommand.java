package dev.mirage.cli;

import dev.mirage.pipeline.Benchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mirage bench}: the reproducible throughput benchmark behind the README's table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Render the example scenes at 640x480 and 1280x720 with every sensor and label, one child "
                + "process per case, and print frames/s end to end, time per stage and peak memory as a Markdown table.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Option(names = {"-n", "--frames"}, defaultValue = "60", paramLabel = "N", description = "Frames per case (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--scenes", split = ",", paramLabel = "SCENE", defaultValue = "scenes/bench.json,scenes/street.json",
            description = "Scene templates (default: ${DEFAULT-VALUE}).")
    List<Path> scenes;

    @Option(names = "--sizes", split = ",", paramLabel = "WxH", defaultValue = "640x480,1280x720",
            description = "Image sizes (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Mixin
    GlOption gl;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (frames < 1) throw new UsageException("--frames: expected >= 1, got " + frames);
        List<Benchmark.Case> cases = new ArrayList<>();
        for (Path scene : scenes) {
            if (!Files.isRegularFile(scene)) throw new UsageException("--scenes: no such file " + scene);
            for (String size : sizes) {
                String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
                try {
                    cases.add(new Benchmark.Case(scene, Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
                } catch (RuntimeException e) {
                    throw new UsageException("--sizes: expected WxH like 640x480, got " + size);
                }
            }
        }
        String javaBinary = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The children get this JVM's options too (LWJGL's extract path, heap size, EGL flags).
        List<String> launcher = new ArrayList<>(List.of(javaBinary));
        launcher.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        launcher.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        Benchmark.run(launcher, cases, frames, gl.platform.cliName(), parent.out);
        return ExitCodes.OK;
    }
}
