package dev.mirage.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A reader for the OpenEXR files the tests check, written from the file format's specification and
 * independent of the encoder: single-part scanline images of float32 channels, uncompressed or ZIP
 * (zlib over 16-line blocks, bytes split into halves and delta-predicted).
 */
record ExrFile(int width, int height, List<String> channels, float[][] planes) {
    static ExrFile read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != 20000630) throw new IOException(file + " is not an OpenEXR file");
        b.getInt(); // version and flags
        List<String> channels = new ArrayList<>();
        int compression = -1, width = 0, height = 0;
        while (true) {
            String name = cString(b);
            if (name.isEmpty()) break;
            String type = cString(b);
            int size = b.getInt();
            int start = b.position();
            switch (name) {
                case "channels" -> {
                    while (true) {
                        String c = cString(b);
                        if (c.isEmpty()) break;
                        if (b.getInt() != 2) throw new IOException("channel " + c + " is not float32");
                        b.position(b.position() + 12);
                        channels.add(c);
                    }
                }
                case "compression" -> compression = b.get();
                case "dataWindow" -> {
                    int x0 = b.getInt(), y0 = b.getInt(), x1 = b.getInt(), y1 = b.getInt();
                    width = x1 - x0 + 1;
                    height = y1 - y0 + 1;
                }
                default -> { }
            }
            b.position(start + size);
        }
        int linesPerChunk = compression == 3 ? 16 : compression == 0 ? 1 : -1;
        if (linesPerChunk < 0) throw new IOException("compression " + compression + " not read here");
        int chunks = (height + linesPerChunk - 1) / linesPerChunk;
        long[] offsets = new long[chunks];
        for (int i = 0; i < chunks; i++) offsets[i] = b.getLong();
        float[][] planes = new float[channels.size()][width * height];
        for (long offset : offsets) {
            b.position((int) offset);
            int y = b.getInt(), size = b.getInt();
            byte[] data = new byte[size];
            b.get(data);
            int lines = Math.min(linesPerChunk, height - y);
            int expected = lines * width * 4 * channels.size();
            byte[] raw = size == expected ? data : unzip(data, expected);
            ByteBuffer px = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int line = 0; line < lines; line++)
                for (float[] plane : planes)
                    for (int x = 0; x < width; x++) plane[(y + line) * width + x] = px.getFloat();
        }
        return new ExrFile(width, height, channels, planes);
    }

    float[] channel(String name) {
        return planes[channels.indexOf(name)];
    }

    private static byte[] unzip(byte[] data, int expected) throws IOException {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) break;
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
        byte[] t = out.toByteArray();
        for (int i = 1; i < t.length; i++) t[i] = (byte) (t[i - 1] + t[i] - 128);
        byte[] raw = new byte[t.length];
        int half = (t.length + 1) / 2;
        for (int i = 0; i < t.length; i++) raw[i] = i % 2 == 0 ? t[i / 2] : t[half + i / 2];
        return raw;
    }

    private static String cString(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) { }
        return new String(b.array(), start, b.position() - start - 1, StandardCharsets.US_ASCII);
    }
}
