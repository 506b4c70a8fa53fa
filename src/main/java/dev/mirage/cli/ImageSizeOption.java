package dev.mirage.cli;

import picocli.CommandLine.Option;

/** The shared {@code --width}/{@code --height} options, overriding a scene's image size. */
final class ImageSizeOption {
    @Option(names = "--width", paramLabel = "W", description = "Image width, overriding the scene's.")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Image height, overriding the scene's.")
    Integer height;

    /** @throws UsageException when a side is outside 1..16384 */
    void check() {
        if (width != null && (width < 1 || width > 16384)) throw new UsageException("--width: expected 1..16384, got " + width);
        if (height != null && (height < 1 || height > 16384)) throw new UsageException("--height: expected 1..16384, got " + height);
    }
}
