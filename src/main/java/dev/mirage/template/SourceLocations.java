package dev.mirage.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mirage.template.SourceLocation.Anchor;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a template file starts, by JSON pointer, so that errors found by walking the
 * parsed tree can name a line and column. Built by a second streaming pass over the file's bytes
 * with the factory that parsed them, which sees the same tokens and so the same pointers.
 *
 * <p>A field's value is located at the field's name: in block YAML an object or array begins on
 * the lines below its name, and an unknown field is wrong in its name. An array element, and the
 * root, is located at its first token. A pointer with no value (a missing field) takes the location
 * of its nearest existing ancestor, unless that is the whole file.
 *
 * <p>Thread safety: immutable once built.
 */
final class SourceLocations {
    private static final SourceLocations NONE = new SourceLocations(Map.of());

    private final Map<String, Start> starts;

    /** Where one value starts, and what it is. */
    private record Start(int line, int column, JsonToken token) {}

    private SourceLocations(Map<String, Start> starts) {
        this.starts = starts;
    }

    /**
     * Scans {@code bytes}, which {@code factory}'s parser has already read without error. Should the
     * scan fail all the same, there are no locations: they only help the messages along.
     */
    static SourceLocations scan(JsonFactory factory, byte[] bytes) {
        Map<String, Start> starts = new HashMap<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonLocation name = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    name = parser.currentTokenLocation();
                } else if (!t.isStructEnd()) {
                    JsonLocation at = name != null ? name : parser.currentTokenLocation();
                    // at a value, and at the start of an object or array, the context names the value's own pointer
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (at.getLineNr() >= 1) starts.put(pointer, new Start(at.getLineNr(), column(at, bytes), t));
                    name = null;
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        return new SourceLocations(Map.copyOf(starts));
    }

    /** {@code errors}, each with its location where one is known. */
    List<TemplateError> locate(List<TemplateError> errors) {
        return errors.stream().map(e -> e.at(find(e.pointer()))).toList();
    }

    /** Where the value at {@code pointer} starts, or the value that should hold it; null when unknown. */
    SourceLocation find(String pointer) {
        if (pointer.isEmpty()) return null;
        Start own = starts.get(pointer);
        if (own != null) return new SourceLocation(own.line(), own.column(), Anchor.VALUE);
        for (String p = parent(pointer); !p.isEmpty(); p = parent(p)) {
            Start holder = starts.get(p);
            if (holder == null) continue;
            Anchor anchor = switch (holder.token()) {
                case START_OBJECT -> Anchor.ENCLOSING_OBJECT;
                case START_ARRAY -> Anchor.ENCLOSING_ARRAY;
                default -> Anchor.VALUE; // a scalar where a container was wanted: point at it
            };
            return new SourceLocation(holder.line(), holder.column(), anchor);
        }
        return null;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /**
     * The 1-based character column of {@code at}. Jackson counts bytes in UTF-8 input, so an "ß"
     * earlier on the line would shift it; there the characters are counted from the line's start.
     * Other input (YAML, UTF-16 JSON) is read through a reader and already counts characters.
     */
    private static int column(JsonLocation at, byte[] bytes) {
        long offset = at.getByteOffset();
        if (offset < 0 || offset > bytes.length) return Math.max(1, at.getColumnNr());
        int start = (int) offset;
        while (start > 0 && bytes[start - 1] != '\n' && bytes[start - 1] != '\r') start--;
        if (start == 0 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF) start = 3; // the UTF-8 byte order mark is no character
        int column = 1;
        for (int i = start; i < offset; i++)
            if ((bytes[i] & 0xC0) != 0x80) column++; // each character has one byte that is no continuation byte
        return column;
    }
}
