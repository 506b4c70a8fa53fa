package dev.mirage.cli;

import dev.mirage.template.AssetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The shared {@code --assets}/{@code --allow-outside-assets} options: where a template's files may come from. */
final class AssetPathOptions {
    @Option(names = "--assets", paramLabel = "DIR",
            description = "A folder of assets and textures: relative paths in the scene are also looked up here, and files in it are allowed (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--allow-outside-assets",
            description = "Accept asset and texture paths outside the scene's folder and the asset roots.")
    boolean allowOutside;

    /** @throws UsageException when a root is not a folder */
    AssetPaths paths() {
        for (Path root : roots)
            if (!Files.isDirectory(root)) throw new UsageException("--assets: expected a folder, got " + root);
        return AssetPaths.withRoots(roots, allowOutside);
    }
}
