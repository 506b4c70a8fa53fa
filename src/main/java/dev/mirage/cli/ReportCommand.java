package dev.mirage.cli;

import dev.mirage.pipeline.DatasetReport;
import dev.mirage.pipeline.ReportPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage report OUT}: one self-contained HTML page of a dataset's counts, distributions and example frames. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML page about a dataset: annotations per category and per condition, "
                + "histograms of object distance, box size, occlusion, truncation and of every sampled parameter, "
                + "and example frames with their labels drawn.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", paramLabel = "OUT", description = "A dataset folder written by mirage render.")
    Path dataset;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The page to write (default: OUT/report.html).")
    Path output;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "4",
            description = "Example frames per condition value (default: ${DEFAULT-VALUE}; 0: none).")
    int examples;

    @Override
    public Integer call() throws IOException {
        if (examples < 0) throw new UsageException("--examples: expected a count >= 0, got " + examples);
        DatasetReport report = DatasetReport.read(dataset);
        Path target = output != null ? output : dataset.resolve("report.html");
        ReportPage.write(report, target, examples);
        parent.out.println(target + ": " + report.frames().size() + " frames, " + report.annotationCount() + " annotations");
        return ExitCodes.OK;
    }
}
