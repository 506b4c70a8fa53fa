package dev.mirage.template;

import java.util.Objects;

/**
 * Where a template error points in its file: the 1-based line and column where the value at the
 * error's JSON pointer starts (for a field's value, where the field's name starts) or, when that
 * value is missing, where the object or array that should hold it starts ({@link Anchor}). Columns
 * count characters. Made by the template reader.
 *
 * <p>Thread safety: immutable.
 */
public record SourceLocation(int line, int column, Anchor anchor) {
    /** What starts at this location. */
    public enum Anchor {
        /** the value the pointer names */
        VALUE,
        /** the object holding the missing value the pointer names */
        ENCLOSING_OBJECT,
        /** the array holding the missing value the pointer names */
        ENCLOSING_ARRAY
    }

    public SourceLocation {
        if (line < 1 || column < 1)
            throw new IllegalArgumentException("expected a line and column >= 1, got " + line + ", " + column);
        Objects.requireNonNull(anchor, "anchor");
    }

    /** {@code line 14, column 17}, or {@code in the object starting at line 3} for a missing value. */
    @Override
    public String toString() {
        return switch (anchor) {
            case VALUE -> "line " + line + ", column " + column;
            case ENCLOSING_OBJECT -> "in the object starting at line " + line;
            case ENCLOSING_ARRAY -> "in the array starting at line " + line;
        };
    }
}
