package dev.mirage.asset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A decoded texture image: 8-bit sRGB RGBA, rows top first. Decoded with ImageIO (PNG, JPEG, BMP, GIF).
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
        BufferedImage image;
        try {
            image = ImageIO.read(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new AssetException(file, file + ": no such file", false);
        } catch (IOException | RuntimeException e) {
            throw new AssetException(file, file + ": the image does not decode (" + e.getMessage() + ")", false);
        }
        if (image == null) throw new AssetException(file, file + ": not an image ImageIO can decode (PNG or JPEG expected)", false);
        int w = image.getWidth(), h = image.getHeight();
        byte[] rgba = new byte[4 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x], i = 4 * (y * w + x);
                rgba[i] = (byte) (argb >> 16);
                rgba[i + 1] = (byte) (argb >> 8);
                rgba[i + 2] = (byte) argb;
                rgba[i + 3] = (byte) (argb >>> 24);
            }
        }
        return new TextureImage(w, h, rgba);
    }
}
