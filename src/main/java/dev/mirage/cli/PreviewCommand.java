package dev.mirage.cli;

import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.Preview;
import dev.mirage.dataset.PreviewGallery;
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
        description = "Draw each frame's masks, boxes, names and keypoints over its RGB image, and its semantic image "
                + "in a colour per category, into OUT/preview/, with a contact sheet and an index.html gallery.")
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
        Map<Integer, int[][]> skeletons = new HashMap<>();
        root.path("categories").forEach(c -> {
            names.put(c.path("id").asInt(), c.path("name").asText());
            if (c.path("skeleton").isArray()) {
                int[][] bones = new int[c.path("skeleton").size()][];
                for (int i = 0; i < bones.length; i++)
                    bones[i] = new int[] {c.path("skeleton").get(i).get(0).asInt(), c.path("skeleton").get(i).get(1).asInt()};
                skeletons.put(c.path("id").asInt(), bones);
            }
        });
        OutputLayout layout = new OutputLayout(out);
        // By default the first four frames this folder holds (a shard holds every N-th).
        List<Integer> which = frames != null ? frames : root.path("images").findValuesAsText("meta_file").stream().limit(4)
                .map(f -> Integer.parseInt(f.replaceAll("\\D", ""))).toList();
        for (int frame : which) {
            if (frame < 0 || !layout.frameComplete(frame))
                throw new UsageException("--frames: frame " + frame + " is not in " + out);
            parent.out.println(Preview.write(layout, frame, names, skeletons));
            parent.out.println(Preview.writeSemantic(layout, frame));
        }
        parent.out.println(PreviewGallery.write(layout, which, names));
        return ExitCodes.OK;
    }
}
