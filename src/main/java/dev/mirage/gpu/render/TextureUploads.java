package dev.mirage.gpu.render;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.resource.Texture2d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GL textures of a run: each image file decoded (by the asset library) and uploaded once, on
 * first use, and shared by every frame and object. Owns the textures and frees them, newest first.
 *
 * <p>Thread safety: GL thread only.
 */
final class TextureUploads implements AutoCloseable {
    private final AssetLibrary assets;
    private final Map<Path, Texture2d> uploaded = new HashMap<>();
    private final List<Texture2d> order = new ArrayList<>();

    TextureUploads(AssetLibrary assets) {
        this.assets = assets;
    }

    Texture2d get(Path file) {
        Texture2d texture = uploaded.get(file);
        if (texture == null) {
            texture = Texture2d.upload(file.getFileName().toString(), assets.texture(file));
            uploaded.put(file, texture);
            order.add(texture);
        }
        return texture;
    }

    @Override
    public void close() {
        for (int i = order.size() - 1; i >= 0; i--) order.get(i).close();
        order.clear();
        uploaded.clear();
    }
}
