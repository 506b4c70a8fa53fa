package dev.mirage.asset.library;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generator's full, checked parameter set: every parameter of its specs, defaults filled in.
 * Numbers are {@link Double}, choices {@link String}. Immutable.
 */
public final class Params {
    private final SortedMap<String, Object> values;

    private Params(SortedMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Checks {@code given} against {@code specs} and fills in the defaults.
     *
     * @throws ParamException for an unknown parameter (listing the known ones) or a bad value
     */
    public static Params resolve(String generator, List<ParamSpec> specs, Map<String, ?> given) {
        SortedMap<String, Object> out = new TreeMap<>();
        for (ParamSpec s : specs) out.put(s.name(), s.defaultValue());
        for (Map.Entry<String, ?> e : given.entrySet()) {
            ParamSpec spec = specs.stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
            if (spec == null)
                throw new ParamException(generator, e.getKey(), "mirage:" + generator + " has no parameter \"" + e.getKey()
                        + "\"; its parameters are " + (specs.isEmpty() ? "none"
                        : String.join(", ", specs.stream().map(ParamSpec::name).toList())));
            out.put(spec.name(), spec.check(generator, e.getValue()));
        }
        return new Params(out);
    }

    /** A number parameter. */
    public double num(String name) {
        Object v = values.get(name);
        if (!(v instanceof Double d)) throw new IllegalArgumentException("no number parameter " + name);
        return d;
    }

    /** A whole-number parameter. */
    public int whole(String name) {
        return (int) Math.round(num(name));
    }

    /** A choice parameter. */
    public String word(String name) {
        Object v = values.get(name);
        if (!(v instanceof String s)) throw new IllegalArgumentException("no choice parameter " + name);
        return s;
    }

    /** All values by name, sorted. */
    public SortedMap<String, Object> values() {
        return values;
    }
}
