package dev.mirage.cli;

/** A command-line value that parses but cannot be used (exit 2). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
