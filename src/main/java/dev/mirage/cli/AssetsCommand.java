package dev.mirage.cli;

import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.library.Generator;
import dev.mirage.asset.library.ParamException;
import dev.mirage.asset.library.ParamSpec;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.pipeline.AssetGallery;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage assets}: the built-in asset library, its parameters, and a gallery picture. */
@Command(name = "assets", mixinStandardHelpOptions = true,
        description = "List the built-in assets (use them as \"asset\": \"mirage:NAME\" with \"params\"), show one, "
                + "or render them all into a labeled gallery.")
final class AssetsCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "One asset to show (with or without \"mirage:\").")
    String name;

    @Option(names = "--gallery", paramLabel = "PNG", description = "Render every asset with its defaults into this picture.")
    Path gallery;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1600", description = "Gallery width. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "1200", description = "Gallery height. Default: ${DEFAULT-VALUE}.")
    int height;

    @Mixin
    GlOption gl;

    @Override
    public Integer call() throws IOException {
        PrintStream out = parent.out;
        AssetCatalog catalog = AssetCatalog.standard();
        if (gallery != null) {
            if (width < 64 || width > 16384 || height < 64 || height > 16384)
                throw new UsageException("--width/--height: expected 64..16384, got " + width + "x" + height);
            try (GlContext context = GlContext.open(gl.platform)) {
                AssetGallery.write(context, gallery, width, height);
            }
            out.println("wrote " + gallery);
            return ExitCodes.OK;
        }
        List<Generator> shown;
        if (name != null) {
            String n = name.startsWith(AssetCatalog.PREFIX) ? name.substring(AssetCatalog.PREFIX.length()) : name;
            try {
                shown = List.of(catalog.get(n));
            } catch (ParamException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            shown = catalog.all();
        }
        for (Generator g : shown) {
            out.println(AssetCatalog.PREFIX + g.name() + "  (category suggestion: " + g.category() + ")");
            out.println("  " + g.description());
            for (ParamSpec s : g.params())
                out.printf("  %-16s default %-13s %s. %s%n", s.name(), s.defaultText(), s.range(), s.doc());
            out.println();
        }
        return ExitCodes.OK;
    }
}
