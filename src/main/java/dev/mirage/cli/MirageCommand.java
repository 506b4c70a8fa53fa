package dev.mirage.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mirage} command; its subcommands do the work. */
@Command(name = "mirage", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Headless synthetic-image renderer: scene templates in, labeled datasets (COCO) out.",
        subcommands = {RenderCommand.class, ValidateCommand.class, InfoCommand.class})
final class MirageCommand implements Runnable {
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    MirageCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }
}
