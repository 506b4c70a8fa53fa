package dev.mirage.cli;

import dev.mirage.pipeline.MergeJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage merge SHARD... -o OUT}: join shard folders into one dataset. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the folders of a sharded run (render --shard K/N) into one dataset whose COCO file is "
                + "identical to a single-machine run. Files are hard-linked when on the same file system, else copied.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "Shard folders, shards 0..N-1 once each, any order.")
    List<Path> shards;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a different dataset in OUT.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        MergeJob.Result r = MergeJob.run(shards, out, overwrite);
        parent.out.printf("%s: %d frames from %d shards (%d files linked, %d copied), %d annotations%n",
                out, r.frames(), r.shards(), r.linked(), r.copied(), r.annotations());
        return ExitCodes.OK;
    }
}
