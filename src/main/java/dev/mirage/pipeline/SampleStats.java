package dev.mirage.pipeline;

import dev.mirage.randomize.SampleLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The distribution of every randomized parameter over many sampled frames: what
 * {@code mirage sample} prints, plots and writes as JSON. Fed one {@link SampleLog} per frame, in
 * frame order; knows nothing about which pointers a log holds, so it follows the sampler's log as
 * that grows. Per pointer it keeps every value (exact percentiles need them all) and how many
 * values each frame logged (0 in frames without the pointer).
 *
 * <p>A pointer's kind comes from its values: {@link Double} → {@link Scalar}, {@code double[]} →
 * {@link Vector} (one {@link Numbers} per component), {@link String} → {@link Choice}. A pointer
 * logged with values of two kinds gets one parameter per kind.
 *
 * <p>Thread safety: not thread-safe; one per sampling run.
 */
public final class SampleStats {
    /** Bins of a histogram of continuous values; integer-valued data may get fewer (one per integer). */
    public static final int BINS = 40;

    /** Per pointer, its accumulator of each {@link Kind} (null until logged). */
    private final Map<String, Accumulator[]> byPointer = new HashMap<>();
    /** The same accumulators in the order first logged. */
    private final List<Accumulator> accumulators = new ArrayList<>();
    private int frames;

    /** Adds one frame's log. */
    public void add(SampleLog log) {
        for (Map.Entry<String, List<Object>> e : log.values().entrySet()) {
            Accumulator[] kinds = byPointer.computeIfAbsent(e.getKey(), k -> new Accumulator[Kind.values().length]);
            for (Object value : e.getValue()) {
                Kind kind = Kind.of(e.getKey(), value);
                Accumulator a = kinds[kind.ordinal()];
                if (a == null) {
                    a = kinds[kind.ordinal()] = new Accumulator(e.getKey(), kind, frames);
                    accumulators.add(a);
                }
                a.add(value);
            }
        }
        for (Accumulator a : accumulators) a.endFrame();
        frames++;
    }

    /** The frames added so far. */
    public int frames() {
        return frames;
    }

    /** The statistics of everything added so far. */
    public Summary summarize() {
        List<Parameter> parameters = new ArrayList<>();
        List<PerFrame> perFrame = new ArrayList<>();
        List<int[]> seen = new ArrayList<>();
        for (Accumulator a : accumulators) {
            parameters.add(a.summarize());
            int[] counts = a.countsPerFrame(frames);
            // the fields of one entry share its instance count: show the first only
            if (Arrays.stream(counts).anyMatch(c -> c != counts[0]) && seen.stream().noneMatch(s -> Arrays.equals(s, counts))) {
                seen.add(counts);
                perFrame.add(new PerFrame(a.pointer, Numbers.of(Arrays.stream(counts).asDoubleStream().toArray())));
            }
        }
        return new Summary(frames, parameters, perFrame);
    }

    /** Everything {@link #summarize} found, parameters in the order they were first logged. */
    public record Summary(int frames, List<Parameter> parameters, List<PerFrame> valuesPerFrame) {
        public Summary {
            parameters = List.copyOf(parameters);
            valuesPerFrame = List.copyOf(valuesPerFrame);
        }
    }

    /** One logged template field, by the JSON pointer of the field. */
    public sealed interface Parameter permits Scalar, Vector, Choice {
        String pointer();
    }

    /** A number drawn per frame (or per instance). */
    public record Scalar(String pointer, Numbers numbers) implements Parameter {}

    /**
     * A vector or colour; component i of every value in {@code components.get(i)}, named by
     * {@link #componentName}.
     */
    public record Vector(String pointer, List<Numbers> components) implements Parameter {
        public Vector {
            components = List.copyOf(components);
        }
    }

    /** Which option of a choice was taken: {@code count} values, options in {@link #OPTION_ORDER}. */
    public record Choice(String pointer, long count, List<Option> options) implements Parameter {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** One option of a {@link Choice} and how often it was taken. */
    public record Option(String value, long count) {}

    /** The number of values a pointer logged per frame, for pointers where it varies (instance counts). */
    public record PerFrame(String pointer, Numbers numbers) {}

    /**
     * Summary statistics of numbers. {@code sd} is the population standard deviation (divisor n);
     * percentiles interpolate linearly between the sorted values (the value at rank (n − 1)·p,
     * as numpy's default). Non-finite values are counted in {@code nonFinite} and left out of all
     * else; with no finite value the statistics are NaN and the histogram empty.
     */
    public record Numbers(long count, double mean, double sd, double min, double p5, double median, double p95,
                          double max, Histogram histogram, long nonFinite) {
        /** The statistics of {@code values} (not modified). */
        public static Numbers of(double[] values) {
            double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
            long nonFinite = values.length - sorted.length;
            int n = sorted.length;
            if (n == 0) {
                double nan = Double.NaN;
                return new Numbers(0, nan, nan, nan, nan, nan, nan, nan, Histogram.of(sorted), nonFinite);
            }
            if (sorted[0] == sorted[n - 1]) { // exactly, where summing would leave rounding noise in mean and sd
                double v = sorted[0];
                return new Numbers(n, v, 0, v, v, v, v, v, Histogram.of(sorted), nonFinite);
            }
            double sum = 0;
            for (double v : sorted) sum += v;
            double mean = sum / n;
            double squares = 0;
            for (double v : sorted) squares += (v - mean) * (v - mean);
            return new Numbers(n, mean, Math.sqrt(squares / n), sorted[0], percentile(sorted, 0.05),
                    percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[n - 1], Histogram.of(sorted), nonFinite);
        }
    }

    /** The value at rank (n − 1)·p of ascending {@code sorted}, interpolating linearly between neighbours. */
    static double percentile(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Bin {@code i} holds the values v with {@code edges[i] <= v < edges[i + 1]}, the last bin also
     * its upper edge; {@code edges} has one element more than {@code counts}.
     */
    public record Histogram(double[] edges, long[] counts) {
        public Histogram {
            if (edges.length != (counts.length == 0 ? 0 : counts.length + 1))
                throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
            edges = edges.clone();
            counts = counts.clone();
        }

        @Override
        public double[] edges() {
            return edges.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        /**
         * The histogram of ascending finite {@code sorted}: no bins when empty; one bin of width 1
         * centred on a constant; integer-valued data in bins of whole width centred on integers (one per
         * integer when at most {@link #BINS} are spanned); otherwise {@link #BINS} equal bins from
         * min to max.
         */
        static Histogram of(double[] sorted) {
            if (sorted.length == 0) return new Histogram(new double[0], new long[0]);
            double min = sorted[0], max = sorted[sorted.length - 1];
            double[] edges;
            if (min == max) {
                edges = new double[] {min - 0.5, max + 0.5};
            } else if (integral(sorted)) {
                double width = Math.ceil((max - min + 1) / BINS);
                int bins = (int) Math.ceil((max - min + 1) / width);
                edges = new double[bins + 1];
                for (int i = 0; i <= bins; i++) edges[i] = min - 0.5 + i * width;
            } else {
                edges = new double[BINS + 1];
                for (int i = 0; i <= BINS; i++) edges[i] = min + (max - min) * i / BINS;
                edges[BINS] = max;
            }
            long[] counts = new long[edges.length - 1];
            for (double v : sorted) counts[bin(edges, v)]++;
            return new Histogram(edges, counts);
        }

        private static int bin(double[] edges, double v) {
            int found = Arrays.binarySearch(edges, v);
            int bin = found >= 0 ? found : -found - 2; // an exact edge starts its bin
            return Math.max(0, Math.min(bin, edges.length - 2));
        }

        private static boolean integral(double[] values) {
            for (double v : values) if (v != Math.rint(v) || Math.abs(v) > 1e15) return false;
            return true;
        }
    }

    /** The name of component {@code i} of a vector: x, y, z, w, then the index. */
    public static String componentName(int i) {
        return i < 4 ? String.valueOf("xyzw".charAt(i)) : String.valueOf(i);
    }

    /** Options in natural order: numerically where both are numbers, else by text. */
    static final Comparator<String> OPTION_ORDER = (a, b) -> {
        Double x = number(a), y = number(b);
        if (x != null && y != null && !x.equals(y)) return Double.compare(x, y);
        return a.compareTo(b);
    };

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private enum Kind {
        SCALAR, VECTOR, CHOICE;

        static Kind of(String pointer, Object value) {
            if (value instanceof Double) return SCALAR;
            if (value instanceof double[]) return VECTOR;
            if (value instanceof String) return CHOICE;
            throw new IllegalArgumentException(pointer + ": a sample log value must be a Double, double[] or String, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    /** One pointer's values of one kind. */
    private static final class Accumulator {
        final String pointer;
        final Kind kind;
        final List<Values> components = new ArrayList<>();
        final Map<String, Long> options = new TreeMap<>(OPTION_ORDER);
        long choices;
        int[] perFrame;
        int framesEnded;
        int thisFrame;

        Accumulator(String pointer, Kind kind, int framesBefore) {
            this.pointer = pointer;
            this.kind = kind;
            this.perFrame = new int[Math.max(16, framesBefore + 1)];
            this.framesEnded = framesBefore; // frames before this pointer appeared logged 0 values
        }

        void add(Object value) {
            thisFrame++;
            switch (kind) {
                case SCALAR -> component(0).add((Double) value);
                case VECTOR -> {
                    double[] v = (double[]) value;
                    for (int i = 0; i < v.length; i++) component(i).add(v[i]);
                }
                case CHOICE -> {
                    options.merge((String) value, 1L, Long::sum);
                    choices++;
                }
            }
        }

        void endFrame() {
            if (framesEnded == perFrame.length) perFrame = Arrays.copyOf(perFrame, perFrame.length * 2);
            perFrame[framesEnded++] = thisFrame;
            thisFrame = 0;
        }

        int[] countsPerFrame(int frames) {
            return Arrays.copyOf(perFrame, frames);
        }

        Values component(int i) {
            while (components.size() <= i) components.add(new Values());
            return components.get(i);
        }

        Parameter summarize() {
            return switch (kind) {
                case SCALAR -> new Scalar(pointer, Numbers.of(component(0).toArray()));
                case VECTOR -> new Vector(pointer, components.stream().map(c -> Numbers.of(c.toArray())).toList());
                case CHOICE -> new Choice(pointer, choices,
                        options.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList());
            };
        }
    }

    /** A growable list of doubles, unboxed: street logs ~100 values a frame, over 10,000s of frames. */
    private static final class Values {
        double[] data = new double[64];
        int size;

        void add(double v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
