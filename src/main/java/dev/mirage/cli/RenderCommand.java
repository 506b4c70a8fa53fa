package dev.mirage.cli;

import dev.mirage.dataset.RgbEncoding;
import dev.mirage.dataset.Shard;
import dev.mirage.pipeline.PeakMemory;
import dev.mirage.pipeline.RenderJob;
import dev.mirage.pipeline.StageClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage render SCENE -o OUT}: render a labeled dataset. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render N frames of a scene template into a dataset: RGB, depth and instance PNGs, "
                + "per-frame meta and COCO annotations. Rerunning the same command resumes an interrupted run.")
final class RenderCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENE",
            description = "Scene template (.json, .yaml or .yml); with --replay, by default the scene the meta file's dataset was rendered from.")
    Path scene;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = {"-n", "--frames"}, paramLabel = "FRAMES", defaultValue = "10",
            description = "Number of frames (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--from", paramLabel = "F", defaultValue = "0",
            description = "Index of the first frame: renders frames F..F+FRAMES-1, each exactly as in a full run (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--replay", paramLabel = "META",
            description = "Render again the frame a meta file records (meta/NNNNNN.json, possibly edited by hand) instead of sampling.")
    Path replay;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Dataset seed; frame i depends only on the scene, the seed and i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    AssetPathOptions assetPaths;

    @Mixin
    ImageSizeOption size;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads that label, encode and write (default: cores - 1, at least 1).")
    Integer workers;

    @Option(names = "--png-level", paramLabel = "0-9", defaultValue = "1",
            description = "zlib level of PNG files: 1 is fast, 6 about 10%% smaller and 3x slower (default: ${DEFAULT-VALUE}).")
    int pngLevel;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Render only frames i with i mod N = K into OUT (join shards with mirage merge). Without it, "
                    + "Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX with JOB_COMPLETIONS) and Slurm arrays "
                    + "(SLURM_ARRAY_TASK_ID, _MIN, _COUNT) choose the shard; otherwise all frames.")
    String shard;

    @Option(names = "--rgb-format", paramLabel = "png|jpeg", defaultValue = "png",
            description = "RGB image format: png (lossless, default) or jpeg (smaller; depth and ids stay 16-bit PNG).")
    String rgbFormat;

    @Option(names = "--jpeg-quality", paramLabel = "1-100", defaultValue = "90",
            description = "JPEG quality with --rgb-format jpeg (default: ${DEFAULT-VALUE}).")
    int jpegQuality;

    @Option(names = "--overwrite", description = "Replace a dataset of another scene or seed in OUT.")
    boolean overwrite;

    @Option(names = "--stats", description = "Print time per stage, the bottleneck and peak memory at the end.")
    boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Write the run's statistics as JSON (for mirage bench).")
    Path statsJson;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    GlOption gl;

    @Override
    public Integer call() throws IOException {
        if (frames < 0) throw new UsageException("--frames: expected >= 0, got " + frames);
        if (from < 0) throw new UsageException("--from: expected >= 0, got " + from);
        if ((long) from + frames > Integer.MAX_VALUE) throw new UsageException("--from + --frames: expected at most " + Integer.MAX_VALUE);
        if (replay != null && (from != 0 || shard != null))
            throw new UsageException("--replay: renders one recorded frame; expected no --from or --shard with it");
        if (scene == null) scene = replayScene();
        size.check();
        if (pngLevel < 0 || pngLevel > 9) throw new UsageException("--png-level: expected 0..9, got " + pngLevel);
        if (workers != null && workers < 1) throw new UsageException("--workers: expected >= 1, got " + workers);
        PrintStream err = parent.err;
        Shard share = shard();
        if (!share.whole() && !quiet) err.println("rendering shard " + share + " of " + frames + " frames");
        RenderJob.Options options = new RenderJob.Options(scene, out, frames, seed, size.width, size.height, gl.platform,
                workers != null ? workers : RenderJob.defaultWorkers(), overwrite, pngLevel, share, rgbEncoding(), from, replay,
                assetPaths.paths());
        RenderJob.Result r = RenderJob.run(options, Version.current(), quiet ? null : err);
        parent.out.printf("%s: %d frames rendered, %d already present, %d annotations; %.2f frames/s%n",
                out, r.rendered(), r.skipped(), r.annotations(), r.framesPerSecond());
        if (r.acceptance() != null) r.acceptance().print(parent.out);
        if (stats) printStats(r, parent.out);
        if (statsJson != null) dev.mirage.pipeline.RunStats.write(statsJson, r);
        return ExitCodes.OK;
    }

    /** The scene a replayed meta file's dataset names (OUT/meta/NNNNNN.json → OUT/dataset.json). */
    private Path replayScene() throws IOException {
        if (replay == null) throw new UsageException("SCENE: expected a scene file (or --replay META)");
        Path metaFolder = replay.toAbsolutePath().normalize().getParent();
        Path dataset = metaFolder == null ? null : metaFolder.getParent();
        java.util.Optional<Path> found = java.util.Optional.empty();
        if (dataset != null) {
            try {
                found = dev.mirage.dataset.Manifest.read(dataset).flatMap(m -> m.sceneIn(dataset));
            } catch (IOException e) {
                found = java.util.Optional.empty();
            }
        }
        if (found.isEmpty() || !java.nio.file.Files.isRegularFile(found.get()))
            throw new UsageException("--replay: cannot tell which scene made " + replay + (found.isPresent() ? " (" + found.get()
                    + " is gone)" : "") + "; give the scene file: mirage render SCENE --replay " + replay + " -o OUT");
        return found.get();
    }

    private RgbEncoding rgbEncoding() {
        if (jpegQuality < 1 || jpegQuality > 100) throw new UsageException("--jpeg-quality: expected 1..100, got " + jpegQuality);
        try {
            return new RgbEncoding(RgbEncoding.Format.parse(rgbFormat), jpegQuality);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rgb-format: " + e.getMessage());
        }
    }

    private Shard shard() {
        try {
            if (shard != null) return Shard.parse(shard);
            return Shard.fromEnvironment(parent.environment).orElse(Shard.WHOLE);
        } catch (IllegalArgumentException e) {
            throw new UsageException((shard != null ? "--shard: " : "") + e.getMessage());
        }
    }

    private static void printStats(RenderJob.Result r, PrintStream out) {
        if (r.gl() != null) out.println("renderer: " + r.gl().glRenderer() + " via " + r.gl().platform());
        if (r.rendered() > 0) {
            out.println("stage      ms/frame   (label, encode and write run on worker threads beside the GL thread)");
            for (StageClock.Stage s : StageClock.Stage.values())
                out.printf("%-9s %9.2f%n", s.name().toLowerCase(java.util.Locale.ROOT), r.stages().nanos(s) / 1e6 / r.rendered());
            out.println("bottleneck: " + r.stages().bottleneck().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.printf("wall: %.2f s; render loop %.2f frames/s%n", r.wallNanos() / 1e9, r.framesPerSecond());
        PeakMemory.residentBytes().ifPresent(b -> out.printf("peak resident memory: %.0f MiB%n", b / 1048576.0));
    }
}
