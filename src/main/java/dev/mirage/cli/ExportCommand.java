package dev.mirage.cli;

import dev.mirage.dataset.KittiExporter;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.YoloExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage export OUT --format yolo}: a dataset in another tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Convert a dataset to another tool's format: yolo (Ultralytics images/, labels/, data.yaml) or "
                + "kitti (image_2/, label_2/, calib/); images hard-linked when on the same file system, else copied.")
final class ExportCommand implements Callable<Integer> {
    /** One export per format; a new format is one entry here and one method below. */
    private static final Map<String, Format> FORMATS = new TreeMap<>(Map.of(
            "yolo", ExportCommand::exportYolo,
            "kitti", ExportCommand::exportKitti));

    @FunctionalInterface
    private interface Format {
        /** Exports {@code command.out} and returns the summary line. */
        String export(ExportCommand command) throws IOException;
    }

    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", paramLabel = "OUT", description = "A dataset folder written by mirage render or merge.")
    Path out;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Target format: yolo or kitti.")
    String format;

    @Option(names = "--task", paramLabel = "TASK", description = "yolo: detect (boxes, the default) or segment (polygons).")
    String task;

    @Option(names = {"-o", "--output"}, paramLabel = "TARGET", description = "Output folder (default: OUT/<format>).")
    Path target;

    @Override
    public Integer call() throws IOException {
        Format exporter = FORMATS.get(format.toLowerCase(Locale.ROOT));
        if (exporter == null)
            throw new UsageException("--format: unknown format '" + format + "'; supported: " + String.join(", ", FORMATS.keySet()));
        if (!Files.isRegularFile(out.resolve(OutputLayout.COCO)))
            throw new UsageException(out + ": no " + OutputLayout.COCO + "; is it a Mirage dataset?");
        parent.out.println(exporter.export(this));
        return ExitCodes.OK;
    }

    private String exportYolo() throws IOException {
        YoloExporter.Task yoloTask = YoloExporter.Task.DETECT;
        if (task != null) {
            yoloTask = Arrays.stream(YoloExporter.Task.values()).filter(t -> t.label().equalsIgnoreCase(task)).findFirst()
                    .orElseThrow(() -> new UsageException("--task: unknown task '" + task + "' for yolo; supported: "
                            + Arrays.stream(YoloExporter.Task.values()).map(YoloExporter.Task::label).collect(Collectors.joining(", "))));
        }
        Path to = target != null ? target : YoloExporter.defaultTarget(out);
        YoloExporter.Result r = YoloExporter.export(out, to, yoloTask);
        return String.format(Locale.ROOT, "%s: YOLO %s, %d images (%d linked, %d copied), %d labels%s, data.yaml",
                r.target(), yoloTask.label(), r.images(), r.linked(), r.copied(), r.labels(),
                r.skipped() > 0 ? " (" + r.skipped() + " annotations skipped: crowd or empty)" : "");
    }

    private String exportKitti() throws IOException {
        if (task != null) throw new UsageException("--task: only for yolo");
        KittiExporter.Result r = KittiExporter.export(out, target != null ? target : KittiExporter.defaultTarget(out));
        return String.format(Locale.ROOT, "%s: KITTI, %d frames (%d images linked, %d copied), %d labels, calib per frame%s",
                r.target(), r.frames(), r.linked(), r.copied(), r.labels(),
                r.missingFrames() > 0 ? " (" + r.missingFrames() + " frames missing)" : "");
    }
}
