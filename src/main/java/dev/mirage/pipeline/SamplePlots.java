package dev.mirage.pipeline;

import dev.mirage.dataset.AtomicFiles;
import dev.mirage.pipeline.SampleStats.Choice;
import dev.mirage.pipeline.SampleStats.Histogram;
import dev.mirage.pipeline.SampleStats.Numbers;
import dev.mirage.pipeline.SampleStats.Option;
import dev.mirage.pipeline.SampleStats.Parameter;
import dev.mirage.pipeline.SampleStats.PerFrame;
import dev.mirage.pipeline.SampleStats.Scalar;
import dev.mirage.pipeline.SampleStats.Vector;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Plots of a {@link SampleStats.Summary}, for people to look at: one PNG per parameter (a histogram;
 * a vector's components side by side in one image; a bar chart for a choice; a histogram of the
 * values per frame where that count varies), and an {@code index.html} showing them all. Drawn
 * with Java2D into images of a fixed size ({@link #PANEL_WIDTH} × {@link #HEIGHT} a panel), so it
 * runs headless and needs no GL; the same drawing code writes the charts as inline SVG
 * ({@link #svg}, {@link #histogramsSvg}, {@link #barsSvg}) through {@link PlotCanvas}.
 *
 * <p>Thread safety: stateless.
 */
public final class SamplePlots {
    /** Width of one panel; a vector's image has one panel per component. */
    public static final int PANEL_WIDTH = 560;
    public static final int HEIGHT = 360;
    /** Most options a bar chart shows (the most frequent ones). */
    static final int MAX_BARS = 40;
    private static final int MAX_BAR_WIDTH = 90;

    private static final int TITLE_HEIGHT = 28, SUBTITLE_HEIGHT = 22, LEFT = 64, RIGHT = 20, BOTTOM = 40, TOP_GAP = 8;
    private static final Color BAR = new Color(0x4C78A8), AXIS = new Color(0x333333), GRID = new Color(0xE4E4E4);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private SamplePlots() {}

    /** One written plot: its file (in the folder) and what it shows. */
    public record Plot(Path file, String title) {}

    /**
     * Writes every plot and {@code index.html} into {@code folder} (created if missing), each file
     * atomically. File names come from the pointers ({@code /camera/position} →
     * {@code camera.position.png}); values per frame add {@code .per-frame}.
     */
    public static List<Plot> write(SampleStats.Summary summary, Path folder) throws IOException {
        List<Plot> plots = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Parameter p : summary.parameters()) {
            BufferedImage image;
            if (p instanceof Scalar s) {
                image = histograms(p.pointer(), List.of(""), List.of(s.numbers()));
            } else if (p instanceof Vector v) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < v.components().size(); i++) names.add(SampleStats.componentName(i));
                image = histograms(p.pointer(), names, v.components());
            } else {
                image = bars((Choice) p);
            }
            plots.add(writePng(folder, uniqueStem(fileStem(p.pointer()), used), p.pointer(), image));
        }
        for (PerFrame p : summary.valuesPerFrame()) {
            String title = p.pointer() + " (values per frame)";
            plots.add(writePng(folder, uniqueStem(fileStem(p.pointer()) + ".per-frame", used), title,
                    histograms(title, List.of(""), List.of(p.numbers()))));
        }
        AtomicFiles.writeString(folder.resolve("index.html"), index(summary.frames(), plots));
        return plots;
    }

    /**
     * A safe file name stem for a JSON pointer: the leading slash dropped, slashes as dots, and
     * anything but letters, digits, '.', '-' and '_' as '_' ({@code /objects/2/yawDeg} →
     * {@code objects.2.yawDeg}); never empty, never starting with a dot, at most 120 characters.
     */
    static String fileStem(String pointer) {
        String s = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        s = s.replace("~1", "_").replace("~0", "_").replace('/', '.').replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.length() > 120) s = s.substring(0, 120);
        if (s.isEmpty() || s.startsWith(".")) s = "_" + s;
        return s;
    }

    /** {@code stem}, or {@code stem-2}, {@code stem-3}... when taken (compared without case). */
    private static String uniqueStem(String stem, Set<String> used) {
        String candidate = stem;
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) candidate = stem + "-" + i;
        return candidate;
    }

    private static Plot writePng(Path folder, String stem, String title, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        Path file = folder.resolve(stem + ".png");
        AtomicFiles.write(file, bytes.toByteArray());
        return new Plot(file, title);
    }

    /** One histogram panel per element of {@code numbers}, side by side, under one title. */
    private static BufferedImage histograms(String title, List<String> names, List<Numbers> numbers) {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * numbers.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        PlotCanvas.Raster canvas = new PlotCanvas.Raster(image);
        drawHistograms(canvas, image.getWidth(), title, names, numbers);
        canvas.dispose();
        return image;
    }

    /**
     * {@link #histograms} as an inline SVG element: one panel per element of {@code numbers} (named
     * by {@code names}, "" for none), for pages that embed their charts.
     */
    public static String histogramsSvg(String title, List<String> names, List<Numbers> numbers) {
        PlotCanvas.Svg canvas = new PlotCanvas.Svg(PANEL_WIDTH * numbers.size(), HEIGHT);
        drawHistograms(canvas, PANEL_WIDTH * numbers.size(), title, names, numbers);
        return canvas.finish(title);
    }

    /** {@link #bars} as an inline SVG element. */
    public static String barsSvg(Choice choice) {
        PlotCanvas.Svg canvas = new PlotCanvas.Svg(PANEL_WIDTH, HEIGHT);
        drawBars(canvas, choice);
        return canvas.finish(choice.pointer());
    }

    /** A parameter's chart as an inline SVG element: histograms for numbers and vectors, bars for a choice. */
    public static String svg(Parameter p) {
        if (p instanceof Scalar s) return histogramsSvg(p.pointer(), List.of(""), List.of(s.numbers()));
        if (p instanceof Vector v) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < v.components().size(); i++) names.add(SampleStats.componentName(i));
            return histogramsSvg(p.pointer(), names, v.components());
        }
        return barsSvg((Choice) p);
    }

    private static void drawHistograms(PlotCanvas g, int width, String title, List<String> names, List<Numbers> numbers) {
        start(g, width, title);
        for (int i = 0; i < numbers.size(); i++) {
            Numbers n = numbers.get(i);
            String name = names.get(i).isEmpty() ? "" : names.get(i) + ":  ";
            String stats = n.count() == 0 ? name + "no finite values"
                    : n.min() == n.max() ? name + "constant " + SampleReport.number(n.min()) + "   n " + n.count()
                    : name + "mean " + SampleReport.number(n.mean()) + "   sd " + SampleReport.number(n.sd()) + "   n " + n.count();
            Area area = panel(g, i * PANEL_WIDTH, stats);
            Histogram h = n.histogram();
            double[] edges = h.edges();
            long[] counts = h.counts();
            if (counts.length == 0) continue;
            long most = java.util.Arrays.stream(counts).max().orElse(1);
            Ticks y = Ticks.of(0, most, 5);
            Ticks x = Ticks.of(edges[0], edges[edges.length - 1], 6);
            area.axes(g, x, y);
            g.color(BAR);
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] == 0) continue;
                int left = area.x(edges[b], x), right = Math.max(left + 1, area.x(edges[b + 1], x) - 1);
                int top = area.y(counts[b], y);
                g.fillRect(left, top, right - left, area.bottom() - top);
            }
        }
    }

    /** A bar per option (the {@link #MAX_BARS} most frequent), in option order. */
    private static BufferedImage bars(Choice choice) {
        BufferedImage image = new BufferedImage(PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        PlotCanvas.Raster canvas = new PlotCanvas.Raster(image);
        drawBars(canvas, choice);
        canvas.dispose();
        return image;
    }

    private static void drawBars(PlotCanvas g, Choice choice) {
        start(g, PANEL_WIDTH, choice.pointer());
        List<Option> shown = choice.options();
        if (shown.size() > MAX_BARS) {
            List<Option> top = shown.stream().sorted(Comparator.comparingLong(Option::count).reversed()).limit(MAX_BARS).toList();
            shown = shown.stream().filter(top::contains).toList();
        }
        int k = choice.options().size();
        String stats = "n " + choice.count() + "   " + k + (k == 1 ? " option" : " options")
                + (shown.size() < k ? " (" + shown.size() + " most frequent shown)" : "");
        Area area = panel(g, 0, stats);
        long most = shown.stream().mapToLong(Option::count).max().orElse(1);
        Ticks y = Ticks.of(0, most, 5);
        area.axes(g, null, y);
        double slot = (double) area.width / Math.max(1, shown.size());
        for (int i = 0; i < shown.size(); i++) {
            Option o = shown.get(i);
            int width = (int) Math.max(1, Math.min(MAX_BAR_WIDTH, Math.round(slot * 0.7)));
            int left = area.left + (int) Math.round(i * slot + (slot - width) / 2);
            int top = area.y(o.count(), y);
            g.color(BAR);
            g.fillRect(left, top, width, area.bottom() - top);
            g.color(AXIS);
            String label = fit(o.value(), (int) slot - 2, g);
            g.text(label, left + width / 2 - g.textWidth(label) / 2, area.bottom() + g.ascent() + 4);
            String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * o.count() / choice.count());
            if (g.textWidth(share) <= slot - 2) g.text(share, left + width / 2 - g.textWidth(share) / 2, top - 3);
        }
    }

    /** A white chart {@code width} wide with {@code title} centred at the top. */
    private static void start(PlotCanvas g, int width, String title) {
        g.color(Color.WHITE);
        g.fillRect(0, 0, width, HEIGHT);
        g.color(AXIS);
        g.font(TITLE);
        String shown = fit(title, width - 16, g);
        g.text(shown, (width - g.textWidth(shown)) / 2, 20);
        g.font(TEXT);
    }

    /** Draws a panel's stats line at {@code x0} and returns its plot area. */
    private static Area panel(PlotCanvas g, int x0, String stats) {
        String shown = fit(stats, PANEL_WIDTH - 16, g);
        g.color(AXIS);
        g.text(shown, x0 + (PANEL_WIDTH - g.textWidth(shown)) / 2, TITLE_HEIGHT + g.ascent());
        int top = TITLE_HEIGHT + SUBTITLE_HEIGHT + TOP_GAP;
        return new Area(x0 + LEFT, top, PANEL_WIDTH - LEFT - RIGHT, HEIGHT - top - BOTTOM);
    }

    /** {@code text}, cut with an ellipsis to fit {@code width} pixels. */
    private static String fit(String text, int width, PlotCanvas g) {
        if (g.textWidth(text) <= width) return text;
        String s = text;
        while (!s.isEmpty() && g.textWidth(s + "…") > width) s = s.substring(0, s.length() - 1);
        return s + "…";
    }

    /** A plot area in pixels, mapping data to it through the axes' tick ranges. */
    private record Area(int left, int top, int width, int height) {
        int bottom() {
            return top + height;
        }

        int x(double v, Ticks t) {
            return left + (int) Math.round((v - t.low) / (t.high - t.low) * width);
        }

        int y(double v, Ticks t) {
            return bottom() - (int) Math.round((v - t.low) / (t.high - t.low) * height);
        }

        /** Grid lines and labels for the y ticks, labels for the x ticks (none when {@code x} is null), axis lines. */
        void axes(PlotCanvas g, Ticks x, Ticks y) {
            for (double v : y.values()) {
                int py = y(v, y);
                g.color(GRID);
                g.line(left, py, left + width, py);
                g.color(AXIS);
                g.line(left - 4, py, left, py);
                String label = y.label(v);
                g.text(label, left - 7 - g.textWidth(label), py + g.ascent() / 2 - 1);
            }
            if (x != null) {
                for (double v : x.values()) {
                    int px = x(v, x);
                    g.line(px, bottom(), px, bottom() + 4);
                    String label = x.label(v);
                    g.text(label, px - g.textWidth(label) / 2, bottom() + 6 + g.ascent());
                }
            }
            g.color(AXIS);
            g.line(left, top, left, bottom());
            g.line(left, bottom(), left + width, bottom());
        }
    }

    /**
     * Axis ticks at a "nice" step (1, 2 or 5 × 10^k) covering [min, max]: the axis runs from
     * {@code low} to {@code high}, the outermost ticks at or beyond the data.
     */
    record Ticks(double low, double high, double step) {
        static Ticks of(double min, double max, int target) {
            if (!(max > min)) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
                min -= pad;
                max += pad;
            }
            double step = niceStep((max - min) / target);
            return new Ticks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
        }

        static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double f = rough / power;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
        }

        List<Double> values() {
            List<Double> values = new ArrayList<>();
            long n = Math.round((high - low) / step);
            for (long i = 0; i <= n; i++) values.add(low + i * step);
            return values;
        }

        String label(double v) {
            if (Math.abs(v) < step * 1e-6) return "0";
            int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
            if (Math.abs(v) >= 1e6 || decimals > 6) return SampleReport.number(v);
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
    }

    private static String index(int frames, List<Plot> plots) {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Mirage sample</title>
                <style>body{font-family:sans-serif;margin:1em;background:#f4f4f4}figure{display:inline-block;margin:.5em;
                vertical-align:top;background:#fff;padding:.5em}img{max-width:100%;height:auto;display:block}
                figcaption{font-size:13px;font-family:monospace}</style></head><body>
                """);
        html.append("<h1>Sampled parameters</h1><p>").append(frames).append(" frames; one histogram per randomized "
                + "parameter (a vector's x, y and z side by side), a bar chart per choice.</p>\n");
        for (Plot p : plots) {
            String file = escape(p.file().getFileName().toString());
            html.append("<figure><img src=\"").append(file).append("\" alt=\"").append(escape(p.title()))
                    .append("\"><figcaption>").append(escape(p.title())).append(" — ").append(file)
                    .append("</figcaption></figure>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
