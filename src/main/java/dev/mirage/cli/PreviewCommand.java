package dev.mirage.cli;

import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.Preview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage preview OUT}: label overlays of a dataset's frames, for people to look at. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Draw each frame's masks, boxes and category names over its RGB image, and its semantic image "
                + "in a colour per category, into OUT/preview/.")
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", paramLabel = "OUT", description = "A dataset folder written by mirage render.")
    Path out;

    @Option(names = "--frames", split = ",", paramLabel = "I", description = "Frame indices (default: the first 4).")
    List<Integer> frames;

    @Override
    public Integer call() throws IOException {
        Path coco = out.resolve(OutputLayout.COCO);
        if (!Files.isRegularFile(coco)) throw new UsageException(out + ": no " + OutputLayout.COCO + "; is it a Mirage dataset?");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(coco.toFile());
        Map<Integer, String> names = new HashMap<>();
        root.path("categories").forEach(c -> names.put(c.path("id").asInt(), c.path("name").asText()));
        int count = root.path("images").size();
        List<Integer> which = frames != null ? frames : java.util.stream.IntStream.range(0, Math.min(4, count)).boxed().toList();
        OutputLayout layout = new OutputLayout(out);
        for (int frame : which) {
            if (frame < 0 || !layout.frameComplete(frame))
                throw new UsageException("--frames: frame " + frame + " is not in " + out);
            parent.out.println(Preview.write(layout, frame, names));
            parent.out.println(Preview.writeSemantic(layout, frame));
        }
        return ExitCodes.OK;
    }
}
