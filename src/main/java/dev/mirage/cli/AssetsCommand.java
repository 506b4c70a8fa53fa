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

    @Option(names = "--stats", description = "Build every asset once and print its triangles, build time and the GPU memory it takes.")
    boolean stats;

    @Option(names = {"-o", "--output"}, paramLabel = "GLB",
            description = "Export the asset NAME as a glTF binary (.glb) that other tools open.")
    Path output;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A shape parameter for the export, e.g. --param bodyType=suv --param lengthM=4.7 (repeatable).")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

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
        if (output != null) return export(catalog, out);
        if (stats) return stats(catalog, out);
        if (!params.isEmpty()) throw new UsageException("--param: expected only with -o (an export)");
        List<Generator> shown;
        if (name != null) {
            shown = List.of(named(catalog));
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

    /**
     * Builds every asset at its defaults in a fresh library, twice: the first pass pays for the shared
     * procedural textures, the second is the cost of shapes alone. GPU memory is what the renderer
     * allocates for them: vertex and index buffers, and each distinct texture with its mipmaps.
     */
    private int stats(AssetCatalog catalog, PrintStream out) {
        dev.mirage.asset.AssetLibrary library = new dev.mirage.asset.AssetLibrary();
        long start = System.nanoTime();
        for (Generator g : catalog.all()) library.model(catalog.source(g.name(), java.util.Map.of()));
        long first = System.nanoTime() - start;
        java.util.Set<dev.mirage.asset.Mesh> meshes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Map<String, dev.mirage.asset.TextureRef> textures = new java.util.TreeMap<>();
        long shapesNanos = 0, meshBytes = 0, triangles = 0;
        out.printf("%-22s %9s %8s %10s%n", "asset", "triangles", "build ms", "mesh KiB");
        for (Generator g : catalog.all()) {
            java.util.Map<String, Object> changed = new java.util.TreeMap<>(); // a new shape: nothing cached
            long t0 = System.nanoTime();
            dev.mirage.asset.Model m = g.build(changed);
            long nanos = System.nanoTime() - t0;
            shapesNanos += nanos;
            long bytes = 0;
            for (dev.mirage.asset.MeshPart p : m.parts()) {
                if (meshes.add(p.mesh())) bytes += dev.mirage.gpu.resource.GpuMesh.byteSize(p.mesh());
                for (dev.mirage.asset.TextureRef t : textureRefs(p.material())) textures.put(t.key(), t);
            }
            meshBytes += bytes;
            triangles += m.triangleCount();
            out.printf("%-22s %9d %8.1f %10.1f%n", AssetCatalog.PREFIX + g.name(), m.triangleCount(), nanos / 1e6, bytes / 1024.0);
        }
        long textureBytes = 0;
        for (dev.mirage.asset.TextureRef t : textures.values())
            textureBytes += dev.mirage.gpu.resource.Texture2d.byteSize(library.texture(t));
        out.printf("%d assets, %d triangles; first build %.0f ms (textures made once), shapes alone %.0f ms%n",
                catalog.all().size(), triangles, first / 1e6, shapesNanos / 1e6);
        out.printf("GPU memory: %.2f MiB of vertex and index buffers, %.2f MiB for %d textures with mipmaps, %.2f MiB in all%n",
                meshBytes / 1048576.0, textureBytes / 1048576.0, textures.size(), (meshBytes + textureBytes) / 1048576.0);
        return ExitCodes.OK;
    }

    private static List<dev.mirage.asset.TextureRef> textureRefs(dev.mirage.asset.Material m) {
        List<dev.mirage.asset.TextureRef> refs = new java.util.ArrayList<>();
        for (dev.mirage.asset.TextureRef t : new dev.mirage.asset.TextureRef[] {m.baseColorTexture(), m.metallicRoughnessTexture(),
                m.normalTexture(), m.emissiveTexture(), m.occlusionTexture()})
            if (t != null) refs.add(t);
        return refs;
    }

    /** The asset NAME names, with or without "mirage:". */
    private Generator named(AssetCatalog catalog) {
        String n = name.startsWith(AssetCatalog.PREFIX) ? name.substring(AssetCatalog.PREFIX.length()) : name;
        try {
            return catalog.get(n);
        } catch (ParamException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Builds one asset with the given parameters and writes it as GLB. */
    private int export(AssetCatalog catalog, PrintStream out) throws IOException {
        if (name == null) throw new UsageException("-o: expected the NAME of the asset to export");
        Generator generator = named(catalog);
        String n = generator.name();
        java.util.Map<String, Object> values = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, String> e : params.entrySet()) {
            ParamSpec spec = generator.params().stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
            if (spec == null || spec.isChoice()) {
                values.put(e.getKey(), e.getValue());
                continue;
            }
            try {
                values.put(e.getKey(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException x) {
                throw new UsageException("--param " + e.getKey() + ": expected a number, got \"" + e.getValue() + "\"");
            }
        }
        dev.mirage.scene.MeshSource.Generated source;
        try {
            source = catalog.source(n, values);
        } catch (ParamException e) {
            throw new UsageException("--param " + (e.param() == null ? "" : e.param() + "=" + params.get(e.param()) + ": ") + e.getMessage());
        }
        dev.mirage.asset.AssetLibrary library = new dev.mirage.asset.AssetLibrary();
        dev.mirage.asset.Model model = library.model(source);
        dev.mirage.asset.GlbWriter.write(model, library, "Mirage " + Version.current(), output);
        var b = model.bounds();
        out.printf("wrote %s: %s, %d parts, %d triangles, %.2f x %.2f x %.2f m (x, y, z)%n", output, AssetCatalog.PREFIX + n,
                model.parts().size(), model.triangleCount(), b.max().x() - b.min().x(), b.max().y() - b.min().y(),
                b.max().z() - b.min().z());
        return ExitCodes.OK;
    }
}
