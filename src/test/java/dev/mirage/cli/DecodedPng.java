package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A dataset PNG decoded by {@code javax.imageio} (an independent decoder, not Mirage's encoder read
 * back), with its layout checked on the way in.
 *
 * @param width   columns
 * @param height  rows
 * @param samples row-major, top row first: one value per pixel for grey images (0..65535), or
 *                {@code 0xRRGGBB} per pixel for RGB images
 */
record DecodedPng(int width, int height, int[] samples) {
    /** The sample at column x, row y (origin top-left). */
    int at(int x, int y) {
        return samples[y * width + x];
    }

    /** Decodes an 8-bit RGB PNG (no alpha), failing unless it is one. */
    static DecodedPng rgb8(Path file) {
        Raster r = read(file).getRaster();
        assertEquals(3, r.getNumBands(), file + ": bands");
        for (int b = 0; b < 3; b++) assertEquals(8, r.getSampleModel().getSampleSize(b), file + ": bits of band " + b);
        int[] rgb = new int[r.getWidth() * r.getHeight()];
        for (int y = 0; y < r.getHeight(); y++)
            for (int x = 0; x < r.getWidth(); x++)
                rgb[y * r.getWidth() + x] = r.getSample(x, y, 0) << 16 | r.getSample(x, y, 1) << 8 | r.getSample(x, y, 2);
        return new DecodedPng(r.getWidth(), r.getHeight(), rgb);
    }

    /** Decodes a 16-bit greyscale PNG, failing unless it is one. */
    static DecodedPng gray16(Path file) {
        BufferedImage image = read(file);
        Raster r = image.getRaster();
        assertEquals(1, r.getNumBands(), file + ": bands");
        assertEquals(16, r.getSampleModel().getSampleSize(0), file + ": bits per sample");
        assertEquals(DataBuffer.TYPE_USHORT, r.getDataBuffer().getDataType(), file + ": sample type");
        assertFalse(image.getColorModel().hasAlpha(), file + ": alpha");
        int[] samples = r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null);
        return new DecodedPng(r.getWidth(), r.getHeight(), samples);
    }

    /** Decodes an 8-bit greyscale PNG (the semantic image), failing unless it is one. */
    static DecodedPng gray8(Path file) {
        Raster r = read(file).getRaster();
        assertEquals(1, r.getNumBands(), file + ": bands");
        assertEquals(8, r.getSampleModel().getSampleSize(0), file + ": bits per sample");
        return new DecodedPng(r.getWidth(), r.getHeight(), r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null));
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + ": ImageIO found no PNG");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": does not decode", e);
        }
    }
}
