package dev.mirage.template;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a template's asset and texture paths may point. A relative path is looked up in the scene's
 * folder, then in each root in order (the project's {@code assets/} folder, then those given with
 * {@code --assets}); the first file that exists is used. Wherever it is found, the file must lie
 * inside the scene's folder or one of the roots (after following links): {@code ../../etc/x} or an
 * absolute path elsewhere is refused unless {@link #allowOutside()}, so that a template from
 * someone else cannot make a render read arbitrary files.
 *
 * @param roots        folders assets may come from besides the scene's own
 * @param allowOutside accept files anywhere
 */
public record AssetPaths(List<Path> roots, boolean allowOutside) {
    public AssetPaths {
        roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    /** The project's {@code assets/} folder only, nothing outside. */
    public static AssetPaths defaults() {
        return withRoots(List.of(), false);
    }

    /** The project's {@code assets/} folder (when found) followed by {@code extra}. */
    public static AssetPaths withRoots(List<Path> extra, boolean allowOutside) {
        List<Path> roots = new ArrayList<>();
        Path project = projectAssets();
        if (project != null) roots.add(project);
        roots.addAll(extra);
        return new AssetPaths(roots, allowOutside);
    }

    /**
     * The {@code assets/} folder shipped with Mirage: beside the jar (an installed copy such as the
     * container's /opt/mirage) or one level up (target/mirage.jar or target/classes in a checkout).
     */
    public static Path projectAssets() {
        try {
            Path code = Path.of(AssetPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path dir = code.getParent(); dir != null && dir.getNameCount() >= code.getNameCount() - 3; dir = dir.getParent()) {
                Path assets = dir.resolve("assets");
                if (Files.isDirectory(assets)) return assets;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** What {@link #resolve} found: the file, or why there is none. */
    public record Resolved(Path file, String problem) {}

    /**
     * @param sceneFolder the folder of the template file
     * @param text        the path as written in the template
     */
    public Resolved resolve(Path sceneFolder, String text) {
        Path written;
        try {
            written = Path.of(text);
        } catch (InvalidPathException e) {
            return new Resolved(null, "expected a file path, got \"" + text + "\" (" + e.getReason() + ")");
        }
        Path base = sceneFolder.toAbsolutePath().normalize();
        List<Path> tried = new ArrayList<>();
        Path found = null;
        if (written.isAbsolute()) {
            tried.add(written.normalize());
        } else {
            tried.add(base.resolve(written).normalize());
            for (Path root : roots) tried.add(root.resolve(written).normalize());
        }
        Path outside = null;
        for (Path candidate : tried) {
            if (!Files.isRegularFile(candidate)) continue;
            if (allowOutside || inside(candidate, base)) {
                found = candidate;
                break;
            }
            if (outside == null) outside = candidate; // a link leading out: a later root may still hold the file
        }
        if (found == null && outside == null)
            return new Resolved(null, "expected an existing file, but " + text + " is not "
                    + (tried.size() == 1 ? "at " + tried.get(0) : "in any of " + tried.stream().map(p -> p.getParent().toString()).distinct().toList()));
        if (found == null) {
            found = outside;
            return new Resolved(null, "expected a file inside the scene's folder or an asset root, but " + found
                    + " lies outside them (" + base + (roots.isEmpty() ? "" : ", " + String.join(", ", roots.stream().map(Path::toString).toList()))
                    + "); add its folder with --assets DIR, or pass --allow-outside-assets");
        }
        return new Resolved(found, null);
    }

    private boolean inside(Path file, Path sceneFolder) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return false;
        }
        if (under(real, sceneFolder)) return true;
        for (Path root : roots) if (under(real, root)) return true;
        return false;
    }

    private static boolean under(Path file, Path folder) {
        try {
            return file.startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
