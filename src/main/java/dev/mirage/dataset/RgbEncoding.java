package dev.mirage.dataset;

import java.util.Locale;

/**
 * How RGB images are stored: lossless PNG (default) or JPEG at a quality, for users who want
 * smaller files. Depth and instance images are always 16-bit PNG: they are measurements and ids.
 *
 * @param format      the file format
 * @param jpegQuality JPEG quality 1..100 (ignored for PNG)
 */
public record RgbEncoding(Format format, int jpegQuality) {
    public static final RgbEncoding PNG = new RgbEncoding(Format.PNG, 90);

    /** RGB file formats. */
    public enum Format {
        PNG("png"), JPEG("jpg");

        private final String extension;

        Format(String extension) { this.extension = extension; }

        public String extension() { return extension; }

        /** Parses "png", "jpeg" or "jpg". */
        public static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "jpeg", "jpg" -> JPEG;
                default -> throw new IllegalArgumentException("expected png or jpeg, got '" + name + "'");
            };
        }
    }

    public RgbEncoding {
        if (jpegQuality < 1 || jpegQuality > 100) throw new IllegalArgumentException("JPEG quality " + jpegQuality + ": expected 1..100");
    }

    public String extension() { return format.extension(); }

    /** As written in the manifest: "png" or "jpeg@Q". */
    @Override
    public String toString() {
        return format == Format.PNG ? "png" : "jpeg@" + jpegQuality;
    }

    /** Reads {@link #toString()}'s form back. */
    public static RgbEncoding parse(String text) {
        if (text == null || text.isEmpty() || text.equals("png")) return PNG;
        String[] parts = text.split("@");
        return new RgbEncoding(Format.parse(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 90);
    }
}
