package dev.mirage.pipeline;

/**
 * The output folder holds something a run must not overwrite: another scene's or seed's dataset, or
 * files that are not a Mirage dataset. The CLI reports it as bad input (exit 2).
 */
public final class OutputConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputConflictException(String message) {
        super(message);
    }
}
