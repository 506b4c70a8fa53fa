package dev.mirage.pipeline;

import dev.mirage.dataset.Manifest;
import dev.mirage.dataset.OutputLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Claims an output folder for a run: a new or empty folder is taken; a folder made by the same
 * scene, seed and size is resumed; anything else is refused unless {@code overwrite} is set, which
 * deletes only the dataset's own files and sub-folders.
 */
final class OutputFolder {
    private OutputFolder() {}

    /**
     * @return true when an earlier run of the same dataset is being resumed
     * @throws OutputConflictException when the folder belongs to something else
     */
    static boolean claim(Path root, Manifest manifest, boolean overwrite) throws IOException {
        return claim(root, manifest, overwrite, OutputLayout.ALWAYS); // sensor folders come with their first file
    }

    /** As {@link #claim(Path, Manifest, boolean)}, creating {@code folders} (the sensors' and meta's). */
    static boolean claim(Path root, Manifest manifest, boolean overwrite, List<String> folders) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root))
            throw new OutputConflictException(root + " exists and is not a folder");
        Files.createDirectories(root);
        Optional<Manifest> existing;
        try {
            existing = Manifest.read(root);
        } catch (IOException e) {
            throw new OutputConflictException(root + " holds a " + OutputLayout.MANIFEST + " that Mirage cannot read ("
                    + e.getMessage() + "); choose another folder");
        }
        boolean resume = false;
        if (existing.isPresent()) {
            List<String> conflicts = existing.get().conflicts(manifest);
            if (conflicts.isEmpty()) {
                resume = true;
            } else if (overwrite || !holdsFrames(root)) {
                // A run that failed before its first frame leaves only its manifest: nothing to lose.
                deleteDataset(root);
            } else {
                throw new OutputConflictException(root + " holds a dataset made with " + String.join(", ", conflicts)
                        + "; choose another folder or pass --overwrite to replace it");
            }
        } else if (!isEmpty(root)) {
            if (!overwrite)
                throw new OutputConflictException(root + " is not empty and holds no Mirage dataset; choose another folder");
            deleteDataset(root);
        }
        // The manifest goes first: a run killed after it is resumed by its rerun, whatever else it wrote.
        manifest.write(root);
        for (String f : folders) Files.createDirectories(root.resolve(f));
        removeStaleTemporaries(root);
        return resume;
    }

    private static boolean holdsFrames(Path root) throws IOException {
        Path meta = root.resolve("meta");
        if (!Files.isDirectory(meta)) return false;
        try (Stream<Path> s = Files.list(meta)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".json"));
        }
    }

    /** Empty, or holding only what a run killed before its manifest landed leaves: temporaries, empty sub-folders. */
    private static boolean isEmpty(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (isTemporary(p)) continue;
                if (List.of(OutputLayout.FOLDERS).contains(p.getFileName().toString()) && Files.isDirectory(p)) {
                    try (Stream<Path> inside = Files.list(p)) {
                        if (inside.allMatch(OutputFolder::isTemporary)) continue;
                    }
                }
                return false;
            }
            return true;
        }
    }

    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p);
    }

    /** Deletes the manifest and the dataset's sub-folders; other files stay. */
    private static void deleteDataset(Path root) throws IOException {
        Files.deleteIfExists(root.resolve(OutputLayout.MANIFEST));
        List<String> owned = new java.util.ArrayList<>(List.of(OutputLayout.FOLDERS));
        owned.addAll(List.of("preview", "yolo", "kitti")); // made from the old dataset by preview and export
        for (String f : owned) {
            Path dir = root.resolve(f);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    /** Temporary files of a killed run (written before a rename that never came). */
    private static void removeStaleTemporaries(Path root) throws IOException {
        List<Path> folders = new java.util.ArrayList<>(List.of(root));
        for (String f : OutputLayout.FOLDERS) folders.add(root.resolve(f));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(OutputFolder::isTemporary).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
