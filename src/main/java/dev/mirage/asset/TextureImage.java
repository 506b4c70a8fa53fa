package dev.mirage.asset;

import static org.lwjgl.stb.STBImage.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A decoded texture image: 8-bit RGBA, rows top first. Decoded with stb_image (PNG, JPEG, BMP, TGA,
 * GIF, PSD, HDR as 8-bit); the colour space (sRGB or linear) is the user's business: the same image
 * may be uploaded either way.
 *
 * @param width  pixels
 * @param height pixels
 * @param rgba   4·width·height bytes
 */
public record TextureImage(int width, int height, byte[] rgba) {
    public TextureImage {
        if (width <= 0 || height <= 0 || rgba.length != 4L * width * height)
            throw new IllegalArgumentException(width + "x" + height + " with " + rgba.length + " bytes");
    }

    /**
     * @throws AssetException naming the file when it is missing or does not decode as an image
     */
    public static TextureImage read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AssetException(file, file + ": no such file", false);
        } catch (IOException e) {
            throw new AssetException(file, file + ": cannot read (" + e.getMessage() + ")", false);
        }
        return decode(file, file.toString(), bytes);
    }

    /**
     * Decodes an encoded image held in memory.
     *
     * @param source the file it came from (for the exception), or null
     * @param name   what to call it in messages
     * @throws AssetException when the bytes do not decode
     */
    public static TextureImage decode(Path source, String name, byte[] encoded) {
        ByteBuffer in = MemoryUtil.memAlloc(Math.max(1, encoded.length));
        try (MemoryStack stack = MemoryStack.stackPush()) {
            in.put(encoded).flip();
            IntBuffer w = stack.mallocInt(1), h = stack.mallocInt(1), channels = stack.mallocInt(1);
            ByteBuffer pixels = stbi_load_from_memory(in, w, h, channels, 4);
            if (pixels == null)
                throw new AssetException(source, name + ": the image does not decode (" + stbi_failure_reason()
                        + "; PNG or JPEG expected)", false);
            try {
                byte[] rgba = new byte[4 * w.get(0) * h.get(0)];
                pixels.get(0, rgba); // absolute: stbi_image_free frees at the buffer's position
                return new TextureImage(w.get(0), h.get(0), rgba);
            } finally {
                stbi_image_free(pixels);
            }
        } finally {
            MemoryUtil.memFree(in);
        }
    }
}
