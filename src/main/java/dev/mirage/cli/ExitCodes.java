package dev.mirage.cli;

import dev.mirage.dataset.InvalidDatasetException;
import dev.mirage.gpu.context.GlUnavailableException;
import dev.mirage.pipeline.OutputConflictException;
import dev.mirage.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The one mapping from failures to exit codes (design.md): 0 success, 1 internal failure,
 * 2 bad input, 3 environment. User mistakes print one clear message and never a stack trace.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;
    static final int ENVIRONMENT = 3;

    private ExitCodes() {}

    static int report(Throwable e, PrintStream err) {
        if (e instanceof TemplateException t) {
            err.println("mirage: " + t.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof OutputConflictException || e instanceof UsageException || e instanceof InvalidDatasetException) {
            err.println("mirage: " + e.getMessage());
            return BAD_INPUT;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            // an asset a frame asked for late (a replayed meta file, drawn parameters): still the input's fault
            if (c instanceof dev.mirage.asset.AssetException || c instanceof dev.mirage.asset.library.ParamException) {
                err.println("mirage: " + c.getMessage());
                return BAD_INPUT;
            }
        }
        if (e instanceof GlUnavailableException) {
            err.println("mirage: " + e.getMessage());
            return ENVIRONMENT;
        }
        IOException io = e instanceof IOException i ? i : e instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            String message = String.valueOf(io.getMessage());
            boolean full = message.contains("No space left");
            err.println("mirage: " + (full ? "disk full: " : "I/O failure: ") + io);
            return full ? ENVIRONMENT : INTERNAL;
        }
        err.println("mirage: internal error (please report it with the scene file): " + e);
        e.printStackTrace(err);
        return INTERNAL;
    }
}
