package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Puts a dataset's previews where a person takes them in at a glance: {@code preview/contact-sheet.png}
 * (the overlays tiled, two a row) and {@code preview/index.html} (a static page with every overlay,
 * its semantic image and what the frame holds: objects per category, occlusion, the sun).
 *
 * <p>Thread safety: stateless.
 */
public final class PreviewGallery {
    private static final int TILE_WIDTH = 480;
    private static final int COLUMNS = 2;

    private PreviewGallery() {}

    /** Writes the contact sheet and the HTML page for these frames; returns the page's path. */
    public static Path write(OutputLayout layout, List<Integer> frames, Map<Integer, String> categoryNames) throws IOException {
        writeContactSheet(layout, frames);
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Mirage preview</title>
                <style>body{font-family:sans-serif;margin:1em;background:#f4f4f4}figure{display:inline-block;margin:.5em;
                vertical-align:top;background:#fff;padding:.5em}img{width:480px;display:block;margin-bottom:.3em}
                figcaption{font-size:13px;max-width:480px}</style></head><body>
                <h1>Preview</h1><p>Masks tinted per instance, boxes and names drawn from the COCO annotations;
                keypoints: filled dots visible, rings occluded. Right: the semantic image, a colour per category.</p>
                <p><img src="contact-sheet.png" alt="contact sheet" style="width:960px"></p>
                """);
        for (int frame : frames) {
            JsonNode meta = Json.MAPPER.readTree(layout.resolve(OutputLayout.meta(frame)).toFile());
            String stem = OutputLayout.stem(frame);
            html.append("<figure><img src=\"").append(stem).append(".png\" alt=\"frame ").append(frame).append("\">");
            if (meta.path("files").has("semantic")) // a template's sensors may leave the semantic image out
                html.append("<img src=\"").append(stem).append("-semantic.png\" alt=\"semantic ").append(frame).append("\">");
            html.append("<figcaption>").append(caption(frame, meta, categoryNames)).append("</figcaption></figure>\n");
        }
        html.append("</body></html>\n");
        Path page = layout.resolve("preview/index.html");
        AtomicFiles.writeString(page, html.toString());
        return page;
    }

    static String caption(int frame, JsonNode meta, Map<Integer, String> names) {
        Map<String, Integer> counts = new TreeMap<>();
        double occlusion = 0;
        int occluded = 0, annotations = 0;
        for (JsonNode a : meta.path("annotations")) {
            annotations++;
            counts.merge(names.getOrDefault(a.path("category_id").asInt(), "?"), 1, Integer::sum);
            if (a.has("occlusion")) {
                occlusion += a.path("occlusion").asDouble();
                if (a.path("occlusion").asDouble() > 0.5) occluded++;
            }
        }
        StringBuilder s = new StringBuilder("frame ").append(frame).append(": ").append(annotations).append(" objects");
        counts.forEach((name, n) -> s.append(", ").append(n).append(' ').append(escape(name)));
        if (annotations > 0 && meta.path("annotations").get(0).has("occlusion"))
            s.append(String.format(Locale.ROOT, "; mean occlusion %.2f, %d over half hidden", occlusion / annotations, occluded));
        s.append(String.format(Locale.ROOT, "; sun %.0f° up", meta.path("sun").path("elevationDeg").asDouble()));
        return s.toString();
    }

    private static void writeContactSheet(OutputLayout layout, List<Integer> frames) throws IOException {
        if (frames.isEmpty()) return;
        BufferedImage first = ImageIO.read(layout.resolve("preview/" + OutputLayout.stem(frames.get(0)) + ".png").toFile());
        int tileHeight = Math.max(1, first.getHeight() * TILE_WIDTH / first.getWidth());
        int rows = (frames.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage sheet = new BufferedImage(COLUMNS * TILE_WIDTH, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage tile = ImageIO.read(layout.resolve("preview/" + OutputLayout.stem(frames.get(i)) + ".png").toFile());
            g.drawImage(tile, (i % COLUMNS) * TILE_WIDTH, (i / COLUMNS) * tileHeight, TILE_WIDTH, tileHeight, null);
        }
        g.dispose();
        Preview.writePng(layout.resolve("preview/contact-sheet.png"), sheet);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
