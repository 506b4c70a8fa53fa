package dev.mirage.pipeline;

import dev.mirage.dataset.AtomicFiles;
import dev.mirage.dataset.CocoAssembler;
import dev.mirage.dataset.Manifest;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Joins shard folders (each rendered with {@code --shard K/N}) into one dataset. Checks that the
 * shards come from the same scene, seed, size and frame count, that together they are shards 0..N−1
 * once each, and that each holds all its frames; then links (or, across file systems, copies) every
 * frame's files into the output and assembles the COCO file from the per-frame records, which makes
 * it byte-identical to a single run of the same frames. Rerunning a merge finishes an interrupted one.
 *
 * <p>Thread safety: runs on the calling thread.
 */
public final class MergeJob {
    /** What a merge did. */
    public record Result(int frames, int shards, long linked, long copied, long annotations) {}

    private MergeJob() {}

    /**
     * @throws OutputConflictException when the shards do not form one dataset, or OUT belongs to another
     */
    public static Result run(List<Path> shardFolders, Path out, boolean overwrite) throws IOException {
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        Manifest first = null;
        for (Path folder : shardFolders) {
            Manifest m = Manifest.read(folder).orElseThrow(() ->
                    new OutputConflictException(folder + " holds no " + OutputLayout.MANIFEST + "; is it a Mirage shard?"));
            if (first == null) first = m;
            List<String> differences = sameDataset(first, m);
            if (!differences.isEmpty())
                throw new OutputConflictException(folder + " is not a shard of the same dataset as " + shardFolders.get(0)
                        + ": " + String.join(", ", differences));
            Path twin = byIndex.put(m.shard().index(), folder);
            if (twin != null)
                throw new OutputConflictException(folder + " and " + twin + " are both shard " + m.shard());
        }
        if (first == null) throw new OutputConflictException("no shard folders given");
        int count = first.shard().count();
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < count; k++) if (!byIndex.containsKey(k)) missing.add(k);
        if (!missing.isEmpty())
            throw new OutputConflictException("shards " + missing + " of " + count + " are missing");
        for (var e : byIndex.entrySet()) checkComplete(e.getValue(), new Shard(e.getKey(), count), first.frames(), first.firstFrame());

        Manifest merged = new Manifest(first.toolVersion(), first.sceneName(), first.sceneFile(), first.sceneSha256(),
                first.seed(), first.frames(), first.firstFrame(), first.width(), first.height(), Shard.WHOLE, first.rgbEncoding(), null);
        Path firstFolder = byIndex.firstEntry().getValue();
        if (first.sceneIn(firstFolder).isPresent()) merged = merged.withScene(out, first.sceneIn(firstFolder).get());
        merged = merged.withSensors(first.sensors());
        OutputFolder.claim(out, merged, overwrite);
        OutputLayout target = new OutputLayout(out);
        long linked = 0, copied = 0;
        for (int i = 0; i < first.frames(); i++) {
            int frame = first.firstFrame() + i;
            OutputLayout source = new OutputLayout(byIndex.get(i % count));
            // Meta last: in the output, as in a render, a frame whose meta exists is complete.
            for (String file : frameFiles(source, frame)) {
                Files.createDirectories(target.resolve(file).getParent());
                if (AtomicFiles.linkOrCopy(source.resolve(file), target.resolve(file))) linked++;
                else copied++;
            }
        }
        long annotations = CocoAssembler.assemble(target, merged, categories(byIndex.firstEntry().getValue()));
        AcceptanceReport.reassemble(target, merged, byIndex.firstEntry().getValue());
        return new Result(first.frames(), count, linked, copied, annotations);
    }

    /** A frame's sensor files as its meta record lists them, then the meta record itself. */
    private static List<String> frameFiles(OutputLayout source, int frame) throws IOException {
        List<String> files = new ArrayList<>();
        Path meta = source.resolve(OutputLayout.meta(frame));
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(meta.toFile()).path("files").forEach(f -> files.add(f.asText()));
        files.add(OutputLayout.meta(frame));
        return files;
    }

    private static List<String> sameDataset(Manifest a, Manifest b) {
        List<String> out = new ArrayList<>();
        if (!a.sceneSha256().equals(b.sceneSha256())) out.add("scene " + b.sceneFile() + " (different content)");
        if (a.seed() != b.seed()) out.add("seed " + b.seed() + " instead of " + a.seed());
        if (a.width() != b.width() || a.height() != b.height()) out.add("size " + b.width() + "x" + b.height());
        if (a.frames() != b.frames()) out.add(b.frames() + " frames instead of " + a.frames());
        if (a.firstFrame() != b.firstFrame()) out.add("frames from " + b.firstFrame() + " instead of " + a.firstFrame());
        if (!a.rgbEncoding().equals(b.rgbEncoding())) out.add("RGB as " + b.rgbEncoding());
        if (a.shard().count() != b.shard().count()) out.add("split into " + b.shard().count() + " shards instead of " + a.shard().count());
        return out;
    }

    private static void checkComplete(Path folder, Shard shard, int frames, int firstFrame) {
        OutputLayout layout = new OutputLayout(folder);
        int[] missing = shard.frames(frames).map(i -> i + firstFrame).filter(i -> !layout.frameComplete(i)).toArray();
        if (missing.length > 0)
            throw new OutputConflictException(folder + " (shard " + shard + ") lacks " + missing.length + " of its frames, first "
                    + missing[0] + "; rerun its render command to finish it");
        if (!java.nio.file.Files.isRegularFile(layout.resolve(OutputLayout.COCO)))
            throw new OutputConflictException(folder + " (shard " + shard + ") has all its frames but no " + OutputLayout.COCO
                    + "; rerun its render command to finish it");
    }

    private static List<CocoAssembler.Category> categories(Path shardFolder) throws IOException {
        return CocoAssembler.readCategories(shardFolder.resolve(OutputLayout.COCO));
    }
}
