package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.dataset.AtomicFiles;
import dev.mirage.pipeline.SampleStats.Choice;
import dev.mirage.pipeline.SampleStats.Numbers;
import dev.mirage.pipeline.SampleStats.Parameter;
import dev.mirage.pipeline.SampleStats.PerFrame;
import dev.mirage.pipeline.SampleStats.Scalar;
import dev.mirage.pipeline.SampleStats.Vector;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mirage sample}'s output: the statistics of a {@link SampleJob} as a text table (numbers,
 * choices, values per frame) and as JSON with the histograms.
 *
 * <p>Thread safety: stateless.
 */
public final class SampleReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NUMBER_HEADER = {"n", "mean", "sd", "min", "p5", "median", "p95", "max"};
    private static final boolean[] NUMBER_ALIGN = {true, false, false, false, false, false, false, false, false};

    private SampleReport() {}

    /** Prints the header line, the tables and the closing timing line. */
    public static void print(SampleJob.Options options, SampleJob.Result result, PrintStream out) {
        SampleStats.Summary s = result.summary();
        out.printf("%s: %d frames (%d..%d), seed %d%n", options.scene(), s.frames(), options.from(),
                options.from() + s.frames() - 1, options.seed());
        List<String[]> numbers = new ArrayList<>();
        List<String[]> choices = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Parameter p : s.parameters()) {
            if (p instanceof Scalar scalar) {
                numbers.add(numberRow(p.pointer(), scalar.numbers(), notes));
            } else if (p instanceof Vector vector) {
                for (int i = 0; i < vector.components().size(); i++)
                    numbers.add(numberRow(p.pointer() + "." + SampleStats.componentName(i), vector.components().get(i), notes));
            } else if (p instanceof Choice choice) {
                String name = p.pointer(), n = String.valueOf(choice.count());
                for (SampleStats.Option o : choice.options()) {
                    choices.add(new String[] {name, n, o.value(), String.valueOf(o.count()), percent(o.count(), choice.count())});
                    name = "";
                    n = "";
                }
            }
        }
        if (numbers.isEmpty() && choices.isEmpty()) out.println("no randomized parameters were logged");
        if (!numbers.isEmpty()) {
            out.println();
            numbers.add(0, concat("number", NUMBER_HEADER));
            printColumns(numbers, NUMBER_ALIGN, out);
        }
        if (!choices.isEmpty()) {
            out.println();
            choices.add(0, new String[] {"choice", "n", "option", "count", "share"});
            printColumns(choices, new boolean[] {true, false, true, false, false}, out);
        }
        if (!s.valuesPerFrame().isEmpty()) {
            out.println();
            List<String[]> perFrame = new ArrayList<>();
            String[] header = concat("values per frame", NUMBER_HEADER);
            header[1] = "frames";
            perFrame.add(header);
            for (PerFrame p : s.valuesPerFrame()) perFrame.add(numberRow(p.pointer(), p.numbers(), notes));
            printColumns(perFrame, NUMBER_ALIGN, out);
        }
        if (!notes.isEmpty()) out.println();
        notes.forEach(out::println);
        out.println();
        out.printf(Locale.ROOT, "sampled %d frames in %.2f s (%.0f frames/s)%n", s.frames(), result.nanos() / 1e9,
                result.framesPerSecond());
    }

    /** Writes the statistics and histograms as JSON, atomically. */
    public static void writeJson(Path file, SampleJob.Options options, SampleStats.Summary s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("scene", options.scene().toString());
        root.put("seed", options.seed());
        root.put("from", options.from());
        root.put("frames", s.frames());
        ArrayNode parameters = root.putArray("parameters");
        for (Parameter p : s.parameters()) {
            ObjectNode node = parameters.addObject().put("pointer", p.pointer());
            if (p instanceof Scalar scalar) {
                numbers(node.put("kind", "number"), scalar.numbers());
            } else if (p instanceof Vector vector) {
                node.put("kind", "vector");
                ObjectNode components = node.putObject("components");
                for (int i = 0; i < vector.components().size(); i++)
                    numbers(components.putObject(SampleStats.componentName(i)), vector.components().get(i));
            } else if (p instanceof Choice choice) {
                node.put("kind", "choice").put("count", choice.count());
                ArrayNode taken = node.putArray("options");
                for (SampleStats.Option o : choice.options())
                    taken.addObject().put("value", o.value()).put("count", o.count())
                            .put("share", (double) o.count() / choice.count());
            }
        }
        ArrayNode perFrame = root.putArray("valuesPerFrame");
        for (PerFrame p : s.valuesPerFrame()) numbers(perFrame.addObject().put("pointer", p.pointer()), p.numbers());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static void numbers(ObjectNode node, Numbers n) {
        node.put("count", n.count()).put("mean", n.mean()).put("sd", n.sd()).put("min", n.min()).put("p5", n.p5())
                .put("median", n.median()).put("p95", n.p95()).put("max", n.max());
        if (n.nonFinite() > 0) node.put("nonFinite", n.nonFinite());
        ObjectNode histogram = node.putObject("histogram");
        ArrayNode edges = histogram.putArray("edges");
        for (double e : n.histogram().edges()) edges.add(e);
        ArrayNode counts = histogram.putArray("counts");
        for (long c : n.histogram().counts()) counts.add(c);
    }

    private static String[] numberRow(String name, Numbers n, List<String> notes) {
        if (n.nonFinite() > 0) notes.add(name + ": " + n.nonFinite() + " non-finite values left out");
        return new String[] {name, String.valueOf(n.count()), number(n.mean()), number(n.sd()), number(n.min()),
                number(n.p5()), number(n.median()), number(n.p95()), number(n.max())};
    }

    /**
     * A number for people: five significant digits, trailing zeros dropped, plain between 1e-4 and
     * 1e7, scientific outside.
     */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros();
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-4 && a < 1e7) return rounded.toPlainString();
        return String.format(Locale.ROOT, "%.4e", v).replaceAll("\\.?0+e", "e");
    }

    private static String percent(long count, long of) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * count / of);
    }

    private static String[] concat(String first, String[] rest) {
        String[] row = new String[rest.length + 1];
        row[0] = first;
        System.arraycopy(rest, 0, row, 1, rest.length);
        return row;
    }

    /** Prints rows as columns two spaces apart, each left-aligned where {@code left} says so, else right-aligned. */
    private static void printColumns(List<String[]> rows, boolean[] left, PrintStream out) {
        int[] widths = new int[left.length];
        for (String[] row : rows)
            for (int c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) line.append("  ");
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(left[c] ? row[c] + pad : pad + row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
