package dev.mirage.pipeline;

import dev.mirage.dataset.AtomicFiles;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.Preview;
import dev.mirage.pipeline.DatasetReport.Category;
import dev.mirage.pipeline.DatasetReport.Frame;
import dev.mirage.pipeline.DatasetReport.Measure;
import dev.mirage.pipeline.SampleStats.Choice;
import dev.mirage.pipeline.SampleStats.Numbers;
import dev.mirage.pipeline.SampleStats.Option;
import dev.mirage.pipeline.SampleStats.Parameter;
import dev.mirage.pipeline.SampleStats.PerFrame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The page {@code mirage report} writes: one self-contained HTML file (no scripts, no network)
 * with the counts of a {@link DatasetReport} as tables, its distributions as inline SVG charts drawn
 * by {@link SamplePlots}, and example frames with their labels drawn by {@link Preview}, embedded
 * as small base64 JPEG thumbnails.
 *
 * <p>Every histogram's figure carries its bins as {@code data-edges} and {@code data-counts}, and
 * every count table cell its number as a {@code data-} attribute, so tools (and tests) can read the
 * page's numbers without parsing the charts.
 *
 * <p>Thread safety: stateless.
 */
public final class ReportPage {
    /** Thumbnail width in pixels (smaller frames keep their size). */
    static final int THUMB_WIDTH = 320;
    private static final float THUMB_QUALITY = 0.8f;

    private ReportPage() {}

    /**
     * Writes the page for {@code report} to {@code target}, atomically.
     *
     * @param examples frames shown per condition value (and per category: the frame with its
     *                 largest visible instance, when {@code examples} > 0)
     */
    public static void write(DatasetReport report, Path target, int examples) throws IOException {
        AtomicFiles.writeString(target, html(report, examples));
    }

    static String html(DatasetReport report, int examples) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Mirage dataset report: %s</title>
                <style>body{font-family:sans-serif;margin:1.2em;background:#f6f6f6;color:#222}h2{margin-top:1.6em}
                table{border-collapse:collapse;background:#fff;margin:.4em .4em .4em 0;display:inline-table;vertical-align:top}td,th{border:1px solid #ddd;padding:.2em .6em;text-align:right}
                td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:.4em;vertical-align:top;background:#fff;padding:.4em}
                figure svg{max-width:100%%;height:auto;display:block}figcaption{font-size:12px;font-family:monospace;max-width:340px}
                .thumbs figure img{display:block;width:320px;max-width:100%%;height:auto}p.note{color:#555;font-size:14px}</style></head><body>
                """.formatted(escape(report.name())));
        h.append("<h1>Dataset report: ").append(escape(report.name())).append("</h1>\n");
        h.append("<p>Folder <code>").append(escape(report.folder().toString())).append("</code>: <b data-frames=\"")
                .append(report.frames().size()).append("\">").append(report.frames().size()).append("</b> frames, <b data-annotations=\"")
                .append(report.annotationCount()).append("\">").append(report.annotationCount()).append("</b> annotations, ")
                .append(report.metaFiles()).append(" meta files read.</p>\n");
        categories(h, report);
        report.acceptance().ifPresent(a -> acceptance(h, a));
        conditions(h, report);
        measures(h, report);
        if (examples > 0) examples(h, report, examples);
        sampled(h, report);
        return h.append("</body></html>\n").toString();
    }

    /** The run's constraints and coverage: attempts, acceptance, each condition's pass rate and each bin's frames. */
    private static void acceptance(StringBuilder h, com.fasterxml.jackson.databind.JsonNode a) {
        h.append("<h2 id=\"acceptance\">Constraints and coverage</h2>\n<p class=\"note\">From <code>annotations/acceptance.json</code>: ")
                .append("frames the sampler drew again until they met the template's conditions.</p>\n");
        h.append("<table><tr><th>frames</th><th>attempts</th><th>acceptance</th><th>rendered attempts</th><th>most attempts allowed</th></tr>\n<tr><td data-frames=\"")
                .append(a.path("frames").asLong()).append("\">").append(a.path("frames").asLong()).append("</td><td data-attempts=\"")
                .append(a.path("attempts").asLong()).append("\">").append(a.path("attempts").asLong()).append("</td><td>")
                .append(percent(a.path("acceptanceRate").asDouble())).append("</td><td>").append(a.path("renderedAttempts").asLong())
                .append("</td><td>").append(a.path("maxAttempts").asInt()).append("</td></tr>\n</table>\n");
        if (a.path("conditions").size() > 0) {
            h.append("<table><tr><th>condition</th><th>checked</th><th>passed</th><th>pass rate</th></tr>\n");
            for (var c : a.path("conditions"))
                h.append("<tr><td><code>").append(escape(c.path("pointer").asText())).append("</code> ")
                        .append(escape(c.path("condition").asText())).append("</td><td>").append(c.path("checked").asLong())
                        .append("</td><td>").append(c.path("passed").asLong()).append("</td><td>")
                        .append(percent(c.path("passRate").asDouble())).append("</td></tr>\n");
            h.append("</table>\n");
        }
        if (a.path("bins").size() > 0) {
            h.append("<table><tr><th>coverage bin</th><th>quota</th><th>frames</th><th>acceptance</th></tr>\n");
            for (var b : a.path("bins"))
                h.append("<tr data-bin=\"").append(escape(b.path("name").asText())).append("\"><td>").append(escape(b.path("name").asText()))
                        .append("</td><td>").append(escape(b.path("quota").asText())).append("</td><td data-frames=\"")
                        .append(b.path("frames").asLong()).append("\">").append(b.path("frames").asLong()).append("</td><td>")
                        .append(percent(b.path("acceptanceRate").asDouble())).append("</td></tr>\n");
            h.append("</table>\n");
        }
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static void categories(StringBuilder h, DatasetReport report) {
        h.append("<h2 id=\"categories\">Categories</h2>\n<table><tr><th>category</th><th>annotations</th><th>frames with one</th></tr>\n");
        Map<Category, Long> frames = report.framesPerCategory();
        List<Option> options = new ArrayList<>();
        report.annotationsPerCategory().forEach((c, n) -> {
            h.append("<tr data-category=\"").append(escape(c.name())).append("\"><td>").append(escape(c.name()))
                    .append("</td><td data-annotations=\"").append(n).append("\">").append(n).append("</td><td data-frames=\"")
                    .append(frames.get(c)).append("\">").append(frames.get(c)).append("</td></tr>\n");
            if (n > 0) options.add(new Option(c.name(), n));
        });
        h.append("</table>\n");
        if (!options.isEmpty())
            h.append("<figure>").append(SamplePlots.barsSvg(new Choice("annotations per category", report.annotationCount(), options)))
                    .append("</figure>\n");
    }

    private static void conditions(StringBuilder h, DatasetReport report) {
        h.append("<h2 id=\"conditions\">Conditions</h2>\n<p class=\"note\">From <code>images[].conditions</code> in the COCO file "
                + "(the meta file's <code>conditions</code> where an image has none).</p>\n");
        Map<String, Map<String, List<Frame>>> text = report.framesByTextCondition();
        // columns for the categories the dataset shows (a shared category list may name many more)
        Map<Category, Long> perCategory = report.annotationsPerCategory();
        List<Category> shown = report.categories().stream().filter(c -> perCategory.get(c) > 0).toList();
        if (text.isEmpty() && report.numberConditions().isEmpty()) h.append("<p>No frame records conditions.</p>\n");
        for (Map.Entry<String, Map<String, List<Frame>>> e : text.entrySet()) {
            h.append("<h3>").append(escape(e.getKey())).append("</h3>\n<table><tr><th>value</th><th>frames</th>");
            for (Category c : shown) h.append("<th>").append(escape(c.name())).append("</th>");
            h.append("</tr>\n");
            List<Option> options = new ArrayList<>();
            for (Map.Entry<String, List<Frame>> v : e.getValue().entrySet()) {
                int n = v.getValue().size();
                options.add(new Option(v.getKey(), n));
                h.append("<tr data-condition=\"").append(escape(e.getKey())).append("\" data-value=\"").append(escape(v.getKey()))
                        .append("\"><td>").append(escape(v.getKey())).append("</td><td data-frames=\"").append(n).append("\">").append(n).append("</td>");
                for (Category c : shown) {
                    long k = v.getValue().stream().flatMap(f -> f.annotations().stream()).filter(a -> a.categoryId() == c.id()).count();
                    h.append("<td data-category=\"").append(escape(c.name())).append("\" data-annotations=\"").append(k).append("\">")
                            .append(k).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            if (options.size() > 1)
                h.append("<figure>").append(SamplePlots.barsSvg(new Choice(e.getKey() + " (frames)",
                        options.stream().mapToLong(Option::count).sum(), options))).append("</figure>\n");
        }
        for (Map.Entry<String, Numbers> e : report.numberConditions().entrySet())
            histogram(h, "condition-" + e.getKey(), e.getKey() + " (frames)", e.getValue());
    }

    private static void measures(StringBuilder h, DatasetReport report) {
        h.append("<h2 id=\"objects\">Objects</h2>\n<p class=\"note\">One value per annotation. Distance: from the camera to the "
                + "annotation's <code>distance</code>, else to the centre of its 3D box; area: visible pixels (<code>area</code>).</p>\n");
        for (Measure m : Measure.values()) histogram(h, m.key, m.title, report.measure(m));
    }

    /** A histogram figure whose bins are also written as data attributes. */
    private static void histogram(StringBuilder h, String key, String title, Numbers n) {
        double[] edges = n.histogram().edges();
        long[] counts = n.histogram().counts();
        h.append("<figure class=\"histogram\" data-key=\"").append(escape(key)).append("\" data-count=\"").append(n.count())
                .append("\" data-edges=\"").append(Arrays.stream(edges).mapToObj(ReportPage::number).collect(Collectors.joining(" ")))
                .append("\" data-counts=\"").append(Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(" ")))
                .append("\">").append(SamplePlots.histogramsSvg(title, List.of(""), List.of(n))).append("</figure>\n");
    }

    private static void examples(StringBuilder h, DatasetReport report, int perValue) throws IOException {
        h.append("<h2 id=\"examples\">Example frames</h2>\n<p class=\"note\">Masks, boxes and names drawn as <code>mirage preview</code> "
                + "draws them.</p>\n");
        OutputLayout layout = new OutputLayout(report.folder());
        Map<Integer, String> names = new HashMap<>();
        for (Category c : report.categories()) names.put(c.id(), c.name());
        Map<Integer, String> thumbs = new HashMap<>();
        Map<String, Map<String, List<Frame>>> text = report.framesByTextCondition();
        boolean any = false;
        for (Map.Entry<String, Map<String, List<Frame>>> e : text.entrySet()) {
            if (e.getValue().size() < 2) continue; // a condition every frame shares says nothing here
            any = true;
            for (Map.Entry<String, List<Frame>> v : e.getValue().entrySet()) {
                h.append("<h3>").append(escape(e.getKey())).append(" = ").append(escape(v.getKey())).append("</h3>\n<div class=\"thumbs\">");
                for (Frame f : v.getValue().stream().limit(perValue).toList()) thumb(h, layout, f, names, thumbs, "");
                h.append("</div>\n");
            }
        }
        if (!any) {
            h.append("<div class=\"thumbs\">");
            for (Frame f : report.frames().stream().limit(perValue).toList()) thumb(h, layout, f, names, thumbs, "");
            h.append("</div>\n");
        }
        h.append("<h3>Per category: the frame with its largest visible instance</h3>\n<div class=\"thumbs\">");
        for (Category c : report.categories()) {
            Frame best = null;
            double most = -1;
            for (Frame f : report.frames())
                for (DatasetReport.Annotation a : f.annotations())
                    if (a.categoryId() == c.id() && a.measure(Measure.AREA) > most) {
                        most = a.measure(Measure.AREA);
                        best = f;
                    }
            if (best != null) thumb(h, layout, best, names, thumbs, c.name() + ": ");
        }
        h.append("</div>\n");
    }

    private static void thumb(StringBuilder h, OutputLayout layout, Frame f, Map<Integer, String> names, Map<Integer, String> cache,
                              String caption) throws IOException {
        String data = cache.get(f.frame());
        if (data == null) {
            data = jpegBase64(scaled(Preview.overlay(layout, f.frame(), names, Map.of())));
            cache.put(f.frame(), data);
        }
        String conditions = f.textConditions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        h.append("<figure><img alt=\"frame ").append(f.frame()).append("\" src=\"data:image/jpeg;base64,").append(data)
                .append("\"><figcaption>").append(escape(caption)).append("frame ").append(f.frame()).append(", ")
                .append(f.annotations().size()).append(" annotations<br>").append(escape(conditions)).append("</figcaption></figure>");
    }

    private static BufferedImage scaled(BufferedImage image) {
        if (image.getWidth() <= THUMB_WIDTH) return image;
        int height = Math.max(1, Math.round((float) image.getHeight() * THUMB_WIDTH / image.getWidth()));
        BufferedImage out = new BufferedImage(THUMB_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, THUMB_WIDTH, height, null);
        g.dispose();
        return out;
    }

    private static String jpegBase64(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(THUMB_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static void sampled(StringBuilder h, DatasetReport report) {
        SampleStats.Summary s = report.sampled();
        h.append("<h2 id=\"sampled\">Sampled parameters</h2>\n<p class=\"note\">Every randomized template value, from the meta files' "
                + "<code>sampled</code> records (").append(s.frames()).append(" frames), as <code>mirage sample</code> plots them.</p>\n");
        for (Parameter p : s.parameters()) h.append("<figure>").append(SamplePlots.svg(p)).append("</figure>\n");
        for (PerFrame p : s.valuesPerFrame())
            h.append("<figure>").append(SamplePlots.histogramsSvg(p.pointer() + " (values per frame)", List.of(""), List.of(p.numbers())))
                    .append("</figure>\n");
    }

    private static String number(double v) {
        // exact (shortest round-trip form), so a reader bins values as the page did
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String s) {
        return PlotCanvas.Svg.escape(s);
    }
}
