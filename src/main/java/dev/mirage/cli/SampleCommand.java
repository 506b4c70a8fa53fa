package dev.mirage.cli;

import dev.mirage.pipeline.SampleJob;
import dev.mirage.pipeline.SamplePlots;
import dev.mirage.pipeline.SampleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage sample SCENE -n N}: the distribution of every randomized parameter, without rendering. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample frames of a scene template without rendering (no GL, no dataset) and print the "
                + "distribution of every randomized parameter: count, mean, sd, min, p5, median, p95, max; "
                + "each option's share for choices; values per frame where that count varies.")
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", paramLabel = "SCENE", description = "Scene template (.json, .yaml or .yml).")
    Path scene;

    @Option(names = {"-n", "--frames"}, required = true, paramLabel = "N", description = "Number of frames to sample.")
    int frames;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Dataset seed, as for render (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "F", defaultValue = "0",
            description = "First frame index: frames F..F+N-1 are sampled (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write a PNG histogram per parameter and an index.html into DIR.")
    Path plot;

    @picocli.CommandLine.Mixin
    AssetPathOptions assetPaths;

    @picocli.CommandLine.Mixin
    ImageSizeOption size;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the statistics with histograms as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (frames < 1) throw new UsageException("--frames: expected >= 1, got " + frames);
        if (from < 0) throw new UsageException("--from: expected >= 0, got " + from);
        if ((long) from + frames - 1 > Integer.MAX_VALUE)
            throw new UsageException("--from + --frames - 1: expected <= " + Integer.MAX_VALUE + ", got " + ((long) from + frames - 1));
        if (plot != null && Files.exists(plot) && !Files.isDirectory(plot))
            throw new UsageException("--plot: " + plot + " exists and is not a folder");
        if (json != null && Files.isDirectory(json)) throw new UsageException("--json: " + json + " is a folder");
        size.check();
        SampleJob.Options options = new SampleJob.Options(scene, seed, from, frames, size.width, size.height, assetPaths.paths());
        SampleJob.Result result = SampleJob.run(options);
        SampleReport.print(options, result, parent.out);
        if (result.acceptance() != null) parent.out.println(result.acceptance().describe());
        if (json != null) SampleReport.writeJson(json, options, result.summary());
        if (plot != null) {
            var plots = SamplePlots.write(result.summary(), plot);
            parent.out.println(plots.size() + " plots in " + plot.resolve("index.html"));
        }
        return ExitCodes.OK;
    }
}
