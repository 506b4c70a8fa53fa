package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values out of a parsed JSON/YAML tree, recording every mistake with its JSON pointer
 * instead of stopping at the first. Readers return null after recording an error so that the
 * caller can go on and find the next one.
 *
 * <p>Thread safety: one reader per file read; not shared.
 */
final class NodeReader {
    private final List<TemplateError> errors = new ArrayList<>();

    List<TemplateError> errors() { return errors; }

    void error(String pointer, String message) { errors.add(new TemplateError(pointer, message)); }

    static String child(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) { return pointer + "/" + index; }

    /** Records an error for every field of {@code object} not in {@code known}. */
    void rejectUnknown(JsonNode object, String pointer, Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name))
                error(child(pointer, name), "unknown field; expected one of " + String.join(", ", sorted(known)));
        }
    }

    /** The object at pointer, or null (with an error) when it is not an object. */
    JsonNode object(JsonNode node, String pointer, Set<String> known) {
        if (node == null || !node.isObject()) {
            error(pointer, "expected an object, got " + describe(node));
            return null;
        }
        rejectUnknown(node, pointer, known);
        return node;
    }

    Double number(JsonNode node, String pointer) {
        if (node == null || !node.isNumber()) {
            error(pointer, "expected a number, got " + describe(node));
            return null;
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            error(pointer, "expected a finite number, got " + v);
            return null;
        }
        return v;
    }

    Double number(JsonNode node, String pointer, double min, double max, String expected) {
        Double v = number(node, pointer);
        if (v != null && (v < min || v > max)) {
            error(pointer, "expected " + expected + ", got " + node.asText());
            return null;
        }
        return v;
    }

    Integer integer(JsonNode node, String pointer, int min, int max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            error(pointer, "expected an integer, got " + describe(node));
            return null;
        }
        int v = node.intValue();
        if (v < min || v > max) {
            error(pointer, "expected an integer in [" + min + ", " + max + "], got " + v);
            return null;
        }
        return v;
    }

    String text(JsonNode node, String pointer) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            error(pointer, "expected a non-empty string, got " + describe(node));
            return null;
        }
        return node.textValue();
    }

    /** Reads each element of an array; null (with an error) when it is not an array. */
    <T> List<T> list(JsonNode node, String pointer, Function<Element, T> read) {
        if (node == null || !node.isArray()) {
            error(pointer, "expected an array, got " + describe(node));
            return null;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            T value = read.apply(new Element(node.get(i), child(pointer, i)));
            if (value != null) out.add(value);
        }
        return out;
    }

    /** One array element and its pointer. */
    record Element(JsonNode node, String pointer) {}

    /** Short description of a found value for error messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing (field missing)";
        if (node.isNull()) return "null";
        if (node.isTextual()) return "\"" + node.textValue() + "\"";
        if (node.isNumber() || node.isBoolean()) return node.asText();
        if (node.isArray()) return "an array of " + node.size();
        return "an object";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
