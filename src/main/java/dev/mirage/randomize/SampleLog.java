package dev.mirage.randomize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Vector3dc;

/**
 * Every randomized value one frame drew, keyed by the JSON pointer of the template field it came
 * from ({@code /camera/position}, {@code /objects/2/yawDeg}, {@code /variables/hour}). A field drawn
 * once per instance holds one value per instance, in instance order. Fields the template fixes are
 * not logged. Values are {@link Double} (scalars), {@code double[3]} (vectors and linear colours)
 * or {@link String} (which option of a choice of sub-objects was taken).
 *
 * <p>Meta files record it as {@code "sampled"}; {@code mirage sample} summarises it over many frames.
 *
 * <p>Thread safety: not thread-safe; one per frame being sampled.
 */
public final class SampleLog {
    private final Map<String, List<Object>> values = new LinkedHashMap<>();

    /** Logs a scalar. */
    public void number(String pointer, double value) {
        add(pointer, value);
    }

    /** Logs a vector or colour. */
    public void vector(String pointer, Vector3dc value) {
        add(pointer, new double[] {value.x(), value.y(), value.z()});
    }

    /** Logs which option of a choice was taken. */
    public void label(String pointer, String value) {
        add(pointer, value);
    }

    private void add(String pointer, Object value) {
        values.computeIfAbsent(pointer, k -> new ArrayList<>()).add(value);
    }

    /** The logged values in the order fields were first drawn; read-only view. */
    public Map<String, List<Object>> values() {
        return Collections.unmodifiableMap(values);
    }
}
