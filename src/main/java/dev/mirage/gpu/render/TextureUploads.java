package dev.mirage.gpu.render;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import dev.mirage.gpu.resource.Texture2d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GL textures of a run: each image decoded (by the asset library) and uploaded once per colour
 * space, on first use, and shared by every frame and object. Keyed by {@link TextureRef#key()} and
 * sRGB-or-linear: a glTF file may use one image as both colour and data, which need different
 * formats. Owns the textures and frees them, newest first.
 *
 * <p>Thread safety: GL thread only.
 */
final class TextureUploads implements AutoCloseable {
    private record Key(String ref, boolean srgb) {}

    private final AssetLibrary assets;
    private final Map<Key, Texture2d> uploaded = new HashMap<>();
    private final List<Texture2d> order = new ArrayList<>();
    private Texture2d white;

    /** The anisotropy ratio textures are filtered with. */
    private final float maxAnisotropy;

    /** @param maxAnisotropy the largest anisotropic filtering ratio (1 on software renderers: {@link Texture2d}) */
    TextureUploads(AssetLibrary assets, float maxAnisotropy) {
        this.maxAnisotropy = maxAnisotropy;
        this.assets = assets;
    }

    /** A surface pattern's image file, as sRGB colour. */
    Texture2d get(Path file) {
        return get(new TextureRef.File(file), true);
    }

    /** A material's image in the given colour space. */
    Texture2d get(TextureRef ref, boolean srgb) {
        Key key = new Key(ref.key(), srgb);
        Texture2d texture = uploaded.get(key);
        if (texture == null) {
            String name = ref instanceof TextureRef.File f ? f.path().getFileName().toString() : ref.key();
            texture = Texture2d.upload(name + (srgb ? "" : " (linear)"), assets.texture(ref), srgb, maxAnisotropy);
            uploaded.put(key, texture);
            order.add(texture);
        }
        return texture;
    }

    /** One opaque white texel: what a shader that always samples reads where a material has no image. */
    Texture2d white() {
        if (white == null) {
            white = Texture2d.upload("white", new TextureImage(1, 1, new byte[] {-1, -1, -1, -1}), false);
            order.add(white);
        }
        return white;
    }

    @Override
    public void close() {
        for (int i = order.size() - 1; i >= 0; i--) order.get(i).close();
        order.clear();
        uploaded.clear();
        white = null;
    }
}
