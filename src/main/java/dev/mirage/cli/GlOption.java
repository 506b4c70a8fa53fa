package dev.mirage.cli;

import dev.mirage.gpu.context.GlPlatform;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The shared {@code --gl} option. */
final class GlOption {
    @Option(names = "--gl", paramLabel = "auto|device|surfaceless", defaultValue = "auto",
            converter = Converter.class,
            description = "How to reach OpenGL: auto (a GPU when there is one, else Mesa's software renderer), "
                    + "device (EGL device platform), surfaceless (Mesa surfaceless). Default: ${DEFAULT-VALUE}.")
    GlPlatform platform;

    static final class Converter implements picocli.CommandLine.ITypeConverter<GlPlatform> {
        @Override
        public GlPlatform convert(String value) {
            try {
                return GlPlatform.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected auto, device or surfaceless, got '" + value + "'");
            }
        }
    }
}
