package dev.mirage.asset;

import static org.lwjgl.stb.STBImageWrite.stbi_write_png_to_func;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.lwjgl.stb.STBIWriteCallback;
import org.lwjgl.system.MemoryUtil;

/**
 * The bytes a GLB file embeds for a material's image: glTF core readers take PNG and JPEG only, so
 * PNG and JPEG sources are embedded as they are (no loss, no re-encoding) and everything else
 * (decoded images, other formats stb_image reads) is encoded as 8-bit RGBA PNG with stb_image_write.
 *
 * <p>Thread safety: stateless (stb_image_write's global settings are read, never changed).
 */
final class GlbImages {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** An encoded image and its glTF {@code mimeType}. */
    record Encoded(byte[] bytes, String mimeType) {}

    private GlbImages() {}

    /**
     * Decodes {@code ref} through the library (so a broken image fails here, naming its source, and
     * not in another tool) and returns the bytes to embed.
     *
     * @throws AssetException when the image is missing or does not decode
     */
    static Encoded encode(TextureRef ref, AssetLibrary library) {
        TextureImage image = library.texture(ref);
        byte[] source = null;
        if (ref instanceof TextureRef.Encoded e) source = e.bytes();
        else if (ref instanceof TextureRef.File f) source = read(f);
        if (source != null && startsWith(source, PNG)) return new Encoded(source, "image/png");
        if (source != null && startsWith(source, JPEG)) return new Encoded(source, "image/jpeg");
        return new Encoded(png(image), "image/png");
    }

    /** Encodes 8-bit RGBA rows (top first) as a PNG file's bytes. */
    static byte[] png(TextureImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer pixels = MemoryUtil.memAlloc(image.rgba().length);
        try (STBIWriteCallback sink = STBIWriteCallback.create((context, data, size) -> {
            byte[] chunk = new byte[size];
            STBIWriteCallback.getData(data, size).get(chunk);
            out.write(chunk, 0, size);
        })) {
            pixels.put(image.rgba()).flip();
            if (!stbi_write_png_to_func(sink, 0L, image.width(), image.height(), 4, pixels, 4 * image.width()))
                throw new IllegalStateException("stb_image_write could not encode a " + image.width() + "x" + image.height() + " PNG");
        } finally {
            MemoryUtil.memFree(pixels);
        }
        return out.toByteArray();
    }

    private static byte[] read(TextureRef.File f) {
        try {
            return Files.readAllBytes(f.path());
        } catch (NoSuchFileException e) {
            throw new AssetException(f.path(), f.path() + ": no such file", false);
        } catch (IOException e) {
            throw new AssetException(f.path(), f.path() + ": cannot read (" + e.getMessage() + ")", false);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++)
            if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
