package dev.mirage.dataset;

/**
 * A folder given as a dataset is not one Mirage can read (no manifest or COCO file, malformed
 * records, missing images). The message names the file; the CLI reports it as bad input (exit 2).
 */
public final class InvalidDatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDatasetException(String message) {
        super(message);
    }
}
