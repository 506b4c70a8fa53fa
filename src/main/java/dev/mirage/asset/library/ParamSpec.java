package dev.mirage.asset.library;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One shape parameter of a library {@link Generator}: a number in a closed range (optionally whole)
 * or one of a list of words. Values travel as {@link Double} or {@link String}, as in
 * {@link dev.mirage.scene.MeshSource.Generated}.
 *
 * @param name         the key in {@code params}, with its unit in the name where it has one ({@code lengthM})
 * @param unit         "m", "deg", "ratio", "count" or "" for choices; for listings
 * @param defaultValue a {@link Double} inside [min, max], or one of {@code choices}
 * @param min          smallest number allowed (NaN for choices)
 * @param max          largest number allowed (NaN for choices)
 * @param whole        numbers must be whole (floors, lanes)
 * @param choices      the words allowed, or an empty list for numbers
 * @param doc          one line saying what it changes
 */
public record ParamSpec(String name, String unit, Object defaultValue, double min, double max, boolean whole,
                        List<String> choices, String doc) {
    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(doc);
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            if (!(defaultValue instanceof Double d) || !(min <= d && d <= max))
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        } else if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " not among " + choices);
        }
    }

    /** A number in [min, max]. */
    public static ParamSpec number(String name, String unit, double defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, unit, defaultValue, min, max, false, List.of(), doc);
    }

    /** A whole number in [min, max]. */
    public static ParamSpec whole(String name, String unit, int defaultValue, int min, int max, String doc) {
        return new ParamSpec(name, unit, (double) defaultValue, min, max, true, List.of(), doc);
    }

    /** One of {@code choices}. */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        return new ParamSpec(name, "", defaultValue, Double.NaN, Double.NaN, false, choices, doc);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /**
     * The value as stored in a {@link dev.mirage.scene.MeshSource.Generated}: a Double or a String.
     *
     * @throws ParamException naming the generator, the parameter, the value and what is allowed
     */
    public Object check(String generator, Object value) {
        if (isChoice()) {
            if (value instanceof String s && choices.contains(s)) return s;
            throw new ParamException(generator, name, "expected one of " + String.join(", ", choices) + ", got " + show(value));
        }
        if (!(value instanceof Number n))
            throw new ParamException(generator, name, "expected " + range() + ", got " + show(value));
        double d = n.doubleValue();
        if (!(d >= min && d <= max) || (whole && d != Math.rint(d)))
            throw new ParamException(generator, name, "expected " + range() + ", got " + show(value));
        return d;
    }

    /** "a number in 3.0..6.0 m", "a whole number in 1..40", or the choices; for messages and listings. */
    public String range() {
        if (isChoice()) return "one of " + String.join(", ", choices);
        String u = unit.isEmpty() || unit.equals("count") || unit.equals("ratio") ? "" : " " + unit;
        return whole ? String.format(Locale.ROOT, "a whole number in %d..%d%s", (long) min, (long) max, u)
                : String.format(Locale.ROOT, "a number in %s..%s%s", fmt(min), fmt(max), u);
    }

    /** The default as written in a template. */
    public String defaultText() {
        return defaultValue instanceof Double d ? fmt(d) : (String) defaultValue;
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
