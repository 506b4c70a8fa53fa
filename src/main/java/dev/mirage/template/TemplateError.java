package dev.mirage.template;

import java.util.Objects;

/**
 * One mistake in a scene template: where (a JSON pointer such as {@code /objects/2/scale}, and the
 * line and column when known) and what was expected versus found.
 *
 * @param location where the pointer's value starts in the file; null when unknown, as for errors
 *                 found after reading (an asset that does not load, an impossible frame) and for the
 *                 whole file (pointer {@code ""})
 */
public record TemplateError(String pointer, String message, SourceLocation location) {
    public TemplateError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** An error without a location in the file. */
    public TemplateError(String pointer, String message) {
        this(pointer, message, null);
    }

    /** This error at {@code location} (null for none). */
    TemplateError at(SourceLocation location) {
        return new TemplateError(pointer, message, location);
    }

    /** {@code /objects/0/size/1 (line 14, column 17): expected ...}; without a location, {@code pointer: message}. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + (location == null ? "" : " (" + location + ")") + ": " + message;
    }
}
