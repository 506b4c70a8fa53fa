package dev.mirage.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mirage} command; its subcommands do the work. */
@Command(name = "mirage", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Headless synthetic-image renderer: scene templates in, labeled datasets (COCO) out.",
        subcommands = {RenderCommand.class, ValidateCommand.class, InfoCommand.class, PreviewCommand.class,
                MergeCommand.class, BenchCommand.class, ExportCommand.class, SampleCommand.class, AssetsCommand.class, ReportCommand.class})
final class MirageCommand implements java.util.concurrent.Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    /** The process environment (tests pass their own): cluster schedulers name the shard there. */
    final java.util.Map<String, String> environment;

    @Spec
    CommandSpec spec;

    MirageCommand(PrintStream out, PrintStream err, java.util.Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = java.util.Map.copyOf(environment);
    }

    /** Without a command there is nothing to do: show the usage and report a usage error. */
    @Override
    public Integer call() {
        err.println("mirage: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.BAD_INPUT;
    }
}
