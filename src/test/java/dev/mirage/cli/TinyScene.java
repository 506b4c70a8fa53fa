package dev.mirage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal template v1 scene for tests that write their scenes into a temporary folder: a 20×20 m
 * ground plane and one labeled 1 m box on it, seen from (0, 2, 6) looking at the box's centre
 * (0, 0.5, 0) with a 50° vertical field of view. Nothing in it is random.
 */
final class TinyScene {
    static final int WIDTH = 64;
    static final int HEIGHT = 48;

    /** The scene as JSON. */
    static final String JSON = """
            {
              "mirage": 1,
              "image": { "width": 64, "height": 48 },
              "camera": { "position": [0, 2, 6], "lookAt": [0, 0.5, 0], "fovDeg": 50 },
              "categories": [ { "id": 1, "name": "box" } ],
              "objects": [
                { "shape": "plane", "size": [20, 20] },
                { "shape": "box", "category": "box", "size": [1, 1, 1], "position": [0, 0.5, 0] }
              ]
            }
            """;

    /** The same scene as YAML. */
    static final String YAML = """
            mirage: 1
            image: {width: 64, height: 48}
            camera:
              position: [0, 2, 6]
              lookAt: [0, 0.5, 0]
              fovDeg: 50
            categories:
              - {id: 1, name: box}
            objects:
              - shape: plane
                size: [20, 20]
              - shape: box
                category: box
                size: [1, 1, 1]
                position: [0, 0.5, 0]
            """;

    private TinyScene() {}

    /** Writes {@code text} to {@code folder/fileName} and returns the file. */
    static Path write(Path folder, String fileName, String text) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
