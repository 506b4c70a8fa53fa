package dev.mirage.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Where {@link SamplePlots} draws: the few primitives its charts use (filled rectangles, lines,
 * text), so one drawing code gives a PNG ({@link Raster}, for {@code mirage sample --plot}) and an
 * inline SVG ({@link Svg}, for {@code mirage report}). Text is measured with Java2D's metrics in
 * both, so labels are placed alike (a browser's sans-serif may differ by a pixel or two).
 *
 * <p>Thread safety: none; one per chart.
 */
sealed interface PlotCanvas permits PlotCanvas.Raster, PlotCanvas.Svg {
    void color(Color c);

    void font(Font f);

    int textWidth(String s);

    int ascent();

    void fillRect(int x, int y, int w, int h);

    void line(int x1, int y1, int x2, int y2);

    /** Text with its baseline's left end at (x, y). */
    void text(String s, int x, int y);

    /** Draws into an image through its antialiased {@link Graphics2D}. */
    final class Raster implements PlotCanvas {
        private final Graphics2D g;

        Raster(BufferedImage image) {
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        }

        @Override public void color(Color c) { g.setColor(c); }
        @Override public void font(Font f) { g.setFont(f); }
        @Override public int textWidth(String s) { return g.getFontMetrics().stringWidth(s); }
        @Override public int ascent() { return g.getFontMetrics().getAscent(); }
        @Override public void fillRect(int x, int y, int w, int h) { g.fillRect(x, y, w, h); }
        @Override public void line(int x1, int y1, int x2, int y2) { g.drawLine(x1, y1, x2, y2); }
        @Override public void text(String s, int x, int y) { g.drawString(s, x, y); }

        void dispose() {
            g.dispose();
        }
    }

    /** Collects SVG elements; {@link #finish} wraps them in an {@code <svg>} of the chart's size. */
    final class Svg implements PlotCanvas {
        private final StringBuilder body = new StringBuilder();
        private final Graphics2D metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        private final int width, height;
        private String fill = "#000000";
        private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

        Svg(int width, int height) {
            this.width = width;
            this.height = height;
            metrics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            metrics.setFont(font);
        }

        @Override
        public void color(Color c) {
            fill = String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
        }

        @Override
        public void font(Font f) {
            font = f;
            metrics.setFont(f);
        }

        @Override public int textWidth(String s) { return fm().stringWidth(s); }
        @Override public int ascent() { return fm().getAscent(); }

        private FontMetrics fm() {
            return metrics.getFontMetrics();
        }

        @Override
        public void fillRect(int x, int y, int w, int h) {
            body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                    .append("\" height=\"").append(h).append("\" fill=\"").append(fill).append("\"/>");
        }

        @Override
        public void line(int x1, int y1, int x2, int y2) {
            body.append("<line x1=\"").append(x1 + 0.5).append("\" y1=\"").append(y1 + 0.5).append("\" x2=\"").append(x2 + 0.5)
                    .append("\" y2=\"").append(y2 + 0.5).append("\" stroke=\"").append(fill).append("\"/>");
        }

        @Override
        public void text(String s, int x, int y) {
            body.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(font.getSize())
                    .append(font.isBold() ? "\" font-weight=\"bold" : "").append("\" fill=\"").append(fill).append("\">")
                    .append(escape(s)).append("</text>");
        }

        /** The chart as one {@code <svg>} element, scaling to its container's width. */
        String finish(String title) {
            metrics.dispose();
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                    + "\" role=\"img\" font-family=\"sans-serif\"><title>" + escape(title) + "</title>" + body + "</svg>";
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
