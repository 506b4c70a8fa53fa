package dev.mirage.pipeline;

import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;

/**
 * SHA-256 over a scene file's bytes and every asset and texture image it names (path relative to the scene, then
 * bytes, in path order): how a folder recognises the scene that made it, so a resumed run or a
 * shard never mixes frames rendered from different assets.
 */
final class SceneDigest {
    private SceneDigest() {}

    static String sha256(SceneTemplate template) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(template.file()));
            Path base = template.file().toAbsolutePath().getParent();
            TreeSet<Path> assets = new TreeSet<>();
            template.objects().stream().flatMap(o -> o.variants().stream()).map(ObjectSpec.Variant::asset).filter(Objects::nonNull).forEach(assets::add);
            template.objects().stream().flatMap(o -> o.variants().stream()).flatMap(v -> v.material().textures().stream())
                    .map(Path::of).forEach(assets::add);
            for (Path asset : assets) {
                sha.update(base.relativize(asset).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(asset));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The scene digest combined with a replayed meta file's bytes: a replay folder holds that frame only. */
    static String withReplay(String sceneDigest, Path metaFile) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sceneDigest.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(metaFile));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
