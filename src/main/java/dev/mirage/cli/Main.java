package dev.mirage.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} parses and runs a command and returns its exit code (tests call it);
 * {@link #main} is the only place that exits the JVM.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)} with a given environment (for tests). */
    public static int run(PrintStream out, PrintStream err, java.util.Map<String, String> environment, String... args) {
        CommandLine cli = new CommandLine(new MirageCommand(out, err, environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("mirage: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> ExitCodes.report(e, err));
        return cli.execute(args);
    }
}
