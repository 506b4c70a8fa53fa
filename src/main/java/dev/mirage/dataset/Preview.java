package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a frame's labels over its RGB image, for people to look at: each annotated instance's mask
 * tinted in a colour of its own, its box outlined, and its category name above the box. Reads only
 * the dataset's files (RGB, instance PNG, meta record), so it shows what a training job would see.
 *
 * <p>Thread safety: stateless.
 */
public final class Preview {
    private Preview() {}

    /**
     * Writes {@code preview/NNNNNN-semantic.png}: each category in a colour of its own (background
     * black), the semantic image as a person reads it. Returns its path, or null when the frame
     * has no semantic image (its template's sensors leave it out).
     */
    public static Path writeSemantic(OutputLayout layout, int frame) throws IOException {
        JsonNode meta = Json.MAPPER.readTree(layout.resolve(OutputLayout.meta(frame)).toFile());
        if (!meta.path("files").has("semantic")) return null;
        Raster categories = read(layout.resolve(meta.path("files").path("semantic").asText())).getRaster();
        BufferedImage out = new BufferedImage(categories.getWidth(), categories.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++)
            for (int x = 0; x < out.getWidth(); x++) {
                int c = categories.getSample(x, y, 0);
                out.setRGB(x, y, c == 0 ? 0 : tint(c * 7 + 3).getRGB());
            }
        Path target = layout.resolve("preview/" + OutputLayout.stem(frame) + "-semantic.png");
        writePng(target, out);
        return target;
    }

    /** Writes {@code preview/NNNNNN.png} for a frame of a dataset and returns its path. */
    public static Path write(OutputLayout layout, int frame, Map<Integer, String> categoryNames) throws IOException {
        return write(layout, frame, categoryNames, Map.of());
    }

    /**
     * As {@link #write(OutputLayout, int, Map)}, also drawing keypoints: each category's skeleton
     * (1-based index pairs, as in COCO) as lines, visible keypoints as filled dots and occluded ones
     * as rings.
     */
    public static Path write(OutputLayout layout, int frame, Map<Integer, String> categoryNames,
                             Map<Integer, int[][]> skeletons) throws IOException {
        Path target = layout.resolve("preview/" + OutputLayout.stem(frame) + ".png");
        writePng(target, overlay(layout, frame, categoryNames, skeletons));
        return target;
    }

    /**
     * The image {@link #write(OutputLayout, int, Map, Map)} writes, at the frame's size, without
     * writing it (for pages that embed their own copies).
     */
    public static BufferedImage overlay(OutputLayout layout, int frame, Map<Integer, String> categoryNames,
                                        Map<Integer, int[][]> skeletons) throws IOException {
        JsonNode meta = Json.MAPPER.readTree(layout.resolve(OutputLayout.meta(frame)).toFile());
        // the RGB image, else the thermal or NIR one; masks tinted where the instance image was written
        JsonNode files = meta.path("files");
        BufferedImage rgb = read(layout.resolve(files.path(OutputLayout.imageKey(files)).asText()));
        Raster ids = files.has("instance") ? read(layout.resolve(files.path("instance").asText())).getRaster() : null;
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Map<Integer, Color> tints = new HashMap<>();
        for (JsonNode a : meta.path("annotations")) tints.put(a.path("instance_id").asInt(), tint(a.path("instance_id").asInt()));
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                Color t = ids == null ? null : tints.get(ids.getSample(x, y, 0));
                if (t != null) p = blend(p, t.getRGB(), 0.45);
                out.setRGB(x, y, p);
            }
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(Math.max(1f, rgb.getWidth() / 640f)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, rgb.getHeight() / 48)));
        for (JsonNode a : meta.path("annotations")) {
            JsonNode b = a.path("bbox");
            int x = b.get(0).asInt(), y = b.get(1).asInt(), w = b.get(2).asInt(), h = b.get(3).asInt();
            g.setColor(tints.get(a.path("instance_id").asInt()).brighter());
            g.drawRect(x, y, w - 1, h - 1);
            String label = categoryNames.getOrDefault(a.path("category_id").asInt(), "?") + " " + a.path("instance_id").asInt();
            g.drawString(label, x, Math.max(g.getFont().getSize(), y - 2));
            drawBox3d(g, a.path("bbox3d").path("corners_px"));
            drawKeypoints(g, a.path("keypoints"), skeletons.get(a.path("category_id").asInt()), Math.max(2, rgb.getWidth() / 320));
        }
        g.dispose();
        return out;
    }

    /** The 12 edges of the projected 3D box: corners whose indices differ in one bit (one box axis). */
    private static void drawBox3d(Graphics2D g, JsonNode corners) {
        if (corners.size() != 8) return;
        for (JsonNode c : corners) if (c.isNull()) return; // part of it behind the camera: its edges would mislead
        for (int i = 0; i < 8; i++) {
            for (int bit = 1; bit < 8; bit <<= 1) {
                int j = i | bit;
                if (j == i) continue;
                g.drawLine((int) corners.get(i).get(0).asDouble(), (int) corners.get(i).get(1).asDouble(),
                        (int) corners.get(j).get(0).asDouble(), (int) corners.get(j).get(1).asDouble());
            }
        }
    }

    private static void drawKeypoints(Graphics2D g, JsonNode k, int[][] skeleton, int radius) {
        if (!k.isArray() || k.size() % 3 != 0) return;
        g.setColor(Color.WHITE);
        if (skeleton != null) {
            for (int[] bone : skeleton) {
                int a = 3 * (bone[0] - 1), b = 3 * (bone[1] - 1);
                if (b + 2 >= k.size() || a + 2 >= k.size() || k.get(a + 2).asInt() == 0 || k.get(b + 2).asInt() == 0) continue;
                g.drawLine((int) k.get(a).asDouble(), (int) k.get(a + 1).asDouble(), (int) k.get(b).asDouble(), (int) k.get(b + 1).asDouble());
            }
        }
        for (int i = 0; i < k.size(); i += 3) {
            int v = k.get(i + 2).asInt();
            if (v == 0) continue;
            int x = (int) k.get(i).asDouble(), y = (int) k.get(i + 1).asDouble();
            g.setColor(v == 2 ? Color.GREEN : Color.RED);
            if (v == 2) g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
            else g.drawOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
    }

    /** Writes an image as PNG, atomically (previews are for people: ImageIO's size beats speed here). */
    static void writePng(Path target, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(target, bytes.toByteArray());
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) throw new IOException(file + " is not a readable image");
        return image;
    }

    /** A distinct, stable colour per instance id (golden-ratio hue steps). */
    static Color tint(int instanceId) {
        return Color.getHSBColor((float) ((instanceId * 0.618033988749895) % 1.0), 0.85f, 1f);
    }

    private static int blend(int base, int over, double alpha) {
        int r = (int) Math.round(((base >> 16) & 0xFF) * (1 - alpha) + ((over >> 16) & 0xFF) * alpha);
        int gr = (int) Math.round(((base >> 8) & 0xFF) * (1 - alpha) + ((over >> 8) & 0xFF) * alpha);
        int b = (int) Math.round((base & 0xFF) * (1 - alpha) + (over & 0xFF) * alpha);
        return r << 16 | gr << 8 | b;
    }
}
