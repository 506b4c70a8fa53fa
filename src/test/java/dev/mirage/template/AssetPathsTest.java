package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where template paths may point: the scene's folder and the asset roots, nothing else unless allowed. */
class AssetPathsTest {
    @TempDir
    Path tmp;

    private Path file(String relative) throws IOException {
        Path f = tmp.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        return f;
    }

    @Test
    void relativePathsLookInTheSceneFolderFirstThenEachRoot() throws IOException {
        Path inScene = file("scenes/car.glb");
        Path inRoot = file("library/truck.glb");
        file("library/car.glb");
        AssetPaths paths = new AssetPaths(List.of(tmp.resolve("library")), false);
        assertEquals(inScene, paths.resolve(tmp.resolve("scenes"), "car.glb").file(), "the scene's own copy wins");
        assertEquals(inRoot, paths.resolve(tmp.resolve("scenes"), "truck.glb").file(), "found in the root");
        AssetPaths.Resolved missing = paths.resolve(tmp.resolve("scenes"), "bus.glb");
        assertNull(missing.file());
        assertTrue(missing.problem().contains(tmp.resolve("scenes").toString()) && missing.problem().contains(tmp.resolve("library").toString()),
                missing.problem());
    }

    @Test
    void escapingTheFoldersIsRefusedUnlessAllowedOrARoot() throws IOException {
        Path secret = file("private/key.glb");
        file("scenes/a.json");
        Path scenes = tmp.resolve("scenes");
        AssetPaths strict = new AssetPaths(List.of(), false);
        AssetPaths.Resolved up = strict.resolve(scenes, "../private/key.glb");
        assertNull(up.file());
        assertTrue(up.problem().contains("outside") && up.problem().contains("--assets") && up.problem().contains("--allow-outside-assets"),
                up.problem());
        assertNull(strict.resolve(scenes, secret.toString()).file(), "an absolute path elsewhere");
        assertEquals(secret, new AssetPaths(List.of(), true).resolve(scenes, "../private/key.glb").file());
        assertEquals(secret, new AssetPaths(List.of(tmp.resolve("private")), false).resolve(scenes, secret.toString()).file(),
                "an absolute path inside a root");
        assertEquals(secret, new AssetPaths(List.of(tmp.resolve("private")), false).resolve(scenes, "../private/key.glb").file(),
                "a relative path that leaves the scene's folder but lands in a root");
    }

    @Test
    void aLinkInsideTheSceneFolderPointingOutIsRefused() throws IOException {
        Path secret = file("private/key.glb");
        Files.createDirectories(tmp.resolve("scenes"));
        Files.createSymbolicLink(tmp.resolve("scenes/link.glb"), secret);
        AssetPaths.Resolved r = new AssetPaths(List.of(), false).resolve(tmp.resolve("scenes"), "link.glb");
        assertNull(r.file());
        assertTrue(r.problem().contains("outside"), r.problem());
    }

    @Test
    void theProjectAssetsFolderIsARootByDefault() {
        Path project = AssetPaths.projectAssets();
        assertTrue(project != null && Files.isDirectory(project.resolve("textures")), String.valueOf(project));
        assertEquals(project.resolve("textures/brick.png"),
                AssetPaths.defaults().resolve(Path.of("scenes").toAbsolutePath(), "textures/brick.png").file());
    }
}
