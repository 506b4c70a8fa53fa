package dev.mirage.cli;

import dev.mirage.dataset.CocoAssembler;
import dev.mirage.dataset.Manifest;
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
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, int[][]> skeletons = new HashMap<>();
        for (CocoAssembler.Category c : CocoAssembler.readCategories(coco)) {
            names.put(c.id(), c.name());
            if (!c.skeleton().isEmpty())
                skeletons.put(c.id(), c.skeleton().stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new));
        }
        OutputLayout layout = new OutputLayout(out);
        // By default the first four frames this folder holds (a shard holds every N-th).
        List<Integer> which = frames;
        if (which == null) {
            Manifest manifest = Manifest.read(out).orElseThrow(() -> new UsageException(out + ": no " + OutputLayout.MANIFEST));
            which = manifest.frameIndices().filter(layout::frameComplete).limit(4).boxed().toList();
        }
        for (int frame : which) {
            if (frame < 0 || !layout.frameComplete(frame))
                throw new UsageException("--frames: frame " + frame + " is not in " + out);
            parent.out.println(Preview.write(layout, frame, names, skeletons));
            java.nio.file.Path semantic = Preview.writeSemantic(layout, frame);
            if (semantic != null) parent.out.println(semantic);
        }
        parent.out.println(PreviewGallery.write(layout, which, names));
        return ExitCodes.OK;
    }
}
