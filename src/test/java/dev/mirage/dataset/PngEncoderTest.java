package dev.mirage.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngEncoderTest {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "3,5", "641,479", "50000,1", "1,3000"})
    void rgb8DecodesToTheSamePixels(int width, int height) throws IOException {
        byte[] rgb = randomBytes(width * height * 3, 11);
        try (PngEncoder encoder = new PngEncoder()) {
            byte[] png = encoder.encodeRgb8(width, height, rgb);
            assertRgbEquals(width, height, rgb, decode(png));
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "3,5", "641,479", "50000,1", "1,3000"})
    void gray8DecodesToTheSamePixels(int width, int height) throws IOException {
        byte[] gray = randomBytes(width * height, 12);
        try (PngEncoder encoder = new PngEncoder()) {
            BufferedImage image = decode(encoder.encodeGray8(width, height, gray));
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
            assertGray8Equals(width, height, gray, image);
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "3,5", "641,479", "50000,1", "1,3000"})
    void gray16DecodesToTheSameUnsignedSamples(int width, int height) throws IOException {
        short[] gray = randomShorts(width * height, 13);
        gray[0] = (short) 0xFFFF; // the extremes, and one value just above signed short range
        if (gray.length > 1) gray[gray.length - 1] = (short) 0x8000;
        try (PngEncoder encoder = new PngEncoder()) {
            BufferedImage image = decode(encoder.encodeGray16(width, height, gray));
            assertEquals(BufferedImage.TYPE_USHORT_GRAY, image.getType());
            Raster raster = image.getRaster();
            assertEquals(65535, raster.getSample(0, 0, 0));
            assertGray16Equals(width, height, gray, image);
        }
    }

    @Test
    void gray16KeepsValuesAboveSignedRange() throws IOException {
        short[] gray = {0, 1, 32767, (short) 32768, (short) 40000, (short) 65534, (short) 65535, 255, 256};
        try (PngEncoder encoder = new PngEncoder()) {
            Raster raster = decode(encoder.encodeGray16(3, 3, gray)).getRaster();
            int[] expected = {0, 1, 32767, 32768, 40000, 65534, 65535, 255, 256};
            int[] actual = raster.getSamples(0, 0, 3, 3, 0, new int[9]);
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void fileStartsWithThePngSignature() {
        try (PngEncoder encoder = new PngEncoder()) {
            byte[] png = encoder.encodeRgb8(2, 2, new byte[12]);
            assertArrayEquals(SIGNATURE, Arrays.copyOf(png, 8));
        }
    }

    @Test
    void headerFieldsAndEveryChunkCrcMatchAnIndependentCrc() {
        try (PngEncoder encoder = new PngEncoder()) {
            List<Chunk> rgb = chunks(encoder.encodeRgb8(641, 479, randomBytes(641 * 479 * 3, 1)));
            assertHeader(rgb.get(0), 641, 479, 8, 2);
            List<Chunk> gray16 = chunks(encoder.encodeGray16(7, 3, new short[21]));
            assertHeader(gray16.get(0), 7, 3, 16, 0);
            List<Chunk> gray8 = chunks(encoder.encodeGray8(1, 1, new byte[1]));
            assertHeader(gray8.get(0), 1, 1, 8, 0);
            for (List<Chunk> file : List.of(rgb, gray16, gray8)) {
                assertEquals("IHDR", file.get(0).type);
                assertEquals("IEND", file.get(file.size() - 1).type);
                assertEquals(0, file.get(file.size() - 1).data.length);
                for (Chunk chunk : file) assertEquals(bitwiseCrc32(chunk.typeAndData()), chunk.crc, chunk.type);
            }
            assertEquals(0xAE426082, rgb.get(rgb.size() - 1).crc, "IEND's CRC is a fixed, published value");
        }
    }

    @Test
    void everyRowUsesTheUpFilter() throws DataFormatException {
        int width = 33;
        int height = 300;
        try (PngEncoder encoder = new PngEncoder()) {
            byte[] raw = inflateIdat(encoder.encodeRgb8(width, height, randomBytes(width * height * 3, 2)));
            assertEquals((width * 3 + 1) * height, raw.length);
            for (int y = 0; y < height; y++) assertEquals(2, raw[y * (width * 3 + 1)], "filter of row " + y);
        }
    }

    @Test
    void oneEncoderServesManyImagesOfChangingSizeAndKind() throws IOException {
        try (PngEncoder encoder = new PngEncoder()) {
            for (int round = 0; round < 2; round++) {
                byte[] large = randomBytes(641 * 479 * 3, 20 + round);
                assertRgbEquals(641, 479, large, decode(encoder.encodeRgb8(641, 479, large)));
                byte[] tiny = randomBytes(3 * 5, 30 + round);
                assertGray8Equals(3, 5, tiny, decode(encoder.encodeGray8(3, 5, tiny)));
                short[] depth = randomShorts(320 * 240, 40 + round);
                assertGray16Equals(320, 240, depth, decode(encoder.encodeGray16(320, 240, depth)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 9})
    void everyLevelDecodes(int level) throws IOException {
        byte[] rgb = smoothRgb(200, 150);
        try (PngEncoder encoder = new PngEncoder(level)) {
            assertEquals(level, encoder.level());
            assertRgbEquals(200, 150, rgb, decode(encoder.encodeRgb8(200, 150, rgb)));
        }
    }

    @Test
    void smoothContentCompresses() {
        byte[] rgb = smoothRgb(1280, 720);
        try (PngEncoder encoder = new PngEncoder()) {
            byte[] png = encoder.encodeRgb8(1280, 720, rgb);
            assertTrue(png.length < rgb.length / 10, "PNG of a gradient took " + png.length + " bytes");
        }
    }

    @Test
    void rejectsLevelsOutsideZeroToNine() {
        assertThrows(IllegalArgumentException.class, () -> new PngEncoder(-1));
        assertThrows(IllegalArgumentException.class, () -> new PngEncoder(10));
    }

    @Test
    void rejectsSizesThatDoNotMatchTheData() {
        try (PngEncoder encoder = new PngEncoder()) {
            IllegalArgumentException wrongLength =
                    assertThrows(IllegalArgumentException.class, () -> encoder.encodeRgb8(2, 2, new byte[11]));
            assertTrue(wrongLength.getMessage().contains("12"), wrongLength.getMessage());
            assertThrows(IllegalArgumentException.class, () -> encoder.encodeGray8(0, 4, new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> encoder.encodeGray16(2, -1, new short[2]));
            assertThrows(IllegalArgumentException.class, () -> encoder.encodeGray16(3, 3, new short[8]));
            assertThrows(NullPointerException.class, () -> encoder.encodeGray8(1, 1, null));
            // A rejected call leaves the encoder usable.
            assertNotNull(encoder.encodeGray8(1, 1, new byte[1]));
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFails() {
        PngEncoder encoder = new PngEncoder();
        encoder.encodeGray8(1, 1, new byte[1]);
        encoder.close();
        encoder.close();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> encoder.encodeGray8(1, 1, new byte[1]));
        assertTrue(e.getMessage().contains("PngEncoder"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> encoder.encodeRgb8(1, 1, new byte[3]));
        assertThrows(IllegalStateException.class, () -> encoder.encodeGray16(1, 1, new short[1]));
    }

    // ---- helpers -------------------------------------------------------------------------------

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO found no PNG");
        return image;
    }

    private static void assertRgbEquals(int width, int height, byte[] rgb, BufferedImage image) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Raster raster = image.getRaster();
        assertEquals(3, raster.getNumBands());
        int[] row = new int[width * 3];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int i = 0; i < row.length; i++) {
                int expected = rgb[y * width * 3 + i] & 0xFF;
                if (row[i] != expected)
                    assertEquals(expected, row[i], "pixel (" + i / 3 + ", " + y + ") channel " + i % 3);
            }
        }
        // getPixels reads bands in the colour model's order; pin that band 0 really is red.
        assertEquals((rgb[0] & 0xFF) << 16 | (rgb[1] & 0xFF) << 8 | (rgb[2] & 0xFF), image.getRGB(0, 0) & 0xFFFFFF);
    }

    private static void assertGray8Equals(int width, int height, byte[] gray, BufferedImage image) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Raster raster = image.getRaster();
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) {
                int expected = gray[y * width + x] & 0xFF;
                if (raster.getSample(x, y, 0) != expected)
                    assertEquals(expected, raster.getSample(x, y, 0), "pixel (" + x + ", " + y + ")");
            }
    }

    static void assertGray16Equals(int width, int height, short[] gray, BufferedImage image) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Raster raster = image.getRaster();
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) {
                int expected = Short.toUnsignedInt(gray[y * width + x]);
                if (raster.getSample(x, y, 0) != expected)
                    assertEquals(expected, raster.getSample(x, y, 0), "pixel (" + x + ", " + y + ")");
            }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) bytes[i] = (byte) random.nextInt(256);
        return bytes;
    }

    private static short[] randomShorts(int length, long seed) {
        short[] values = new short[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) values[i] = (short) random.nextInt(65536);
        return values;
    }

    private static byte[] smoothRgb(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                rgb[i] = (byte) (x * 255 / width);
                rgb[i + 1] = (byte) (y * 255 / height);
                rgb[i + 2] = (byte) 128;
            }
        return rgb;
    }

    private record Chunk(String type, byte[] data, int crc) {
        byte[] typeAndData() {
            byte[] bytes = Arrays.copyOf(type.getBytes(StandardCharsets.US_ASCII), 4 + data.length);
            System.arraycopy(data, 0, bytes, 4, data.length);
            return bytes;
        }
    }

    private static List<Chunk> chunks(byte[] png) {
        assertArrayEquals(SIGNATURE, Arrays.copyOf(png, 8));
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> chunks = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            byte[] data = new byte[length];
            buffer.get(data);
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data, buffer.getInt()));
        }
        return chunks;
    }

    private static void assertHeader(Chunk ihdr, int width, int height, int bitDepth, int colourType) {
        assertEquals("IHDR", ihdr.type);
        ByteBuffer data = ByteBuffer.wrap(ihdr.data);
        assertEquals(13, data.remaining());
        assertEquals(width, data.getInt());
        assertEquals(height, data.getInt());
        assertEquals(bitDepth, data.get());
        assertEquals(colourType, data.get());
        assertEquals(0, data.get(), "compression");
        assertEquals(0, data.get(), "filter method");
        assertEquals(0, data.get(), "interlace");
    }

    /** CRC-32 as the PNG spec defines it, bit by bit, so the check does not share code with CRC32. */
    private static int bitwiseCrc32(byte[] bytes) {
        int crc = 0xFFFFFFFF;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
        }
        return ~crc;
    }

    private static byte[] inflateIdat(byte[] png) throws DataFormatException {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        for (Chunk chunk : chunks(png)) if (chunk.type.equals("IDAT")) zlib.writeBytes(chunk.data);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib.toByteArray());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) throw new DataFormatException("truncated zlib stream");
                raw.write(buffer, 0, n);
            }
            return raw.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
