package dev.mirage.dataset;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A fast PNG writer for sensor images: 8-bit RGB, 8-bit grey and 16-bit grey, non-interlaced.
 *
 * <p>Every row uses filter type Up (2): on rendered images it compresses about as well as adaptive
 * filtering at a fraction of the cost (see platform-notes.md, "Encoding"). Row 0 is filtered against
 * an implicit zero row, so it is stored unchanged. The zlib stream is written straight into a reused
 * output buffer as a single IDAT chunk; filtered rows are deflated in batches of about 128 KiB, so no
 * whole filtered copy of the image is ever held.
 *
 * <p>Whoever creates an encoder closes it: it owns a {@link Deflater} (native memory) and its scratch
 * buffers, which {@link #close()} releases. {@code close()} is idempotent; any encode after it throws
 * {@link IllegalStateException}.
 *
 * <p>Thread safety: not thread-safe. Use one instance per thread and reuse it for every frame that
 * thread encodes; the buffers settle at the size of the largest image seen.
 */
public final class PngEncoder implements AutoCloseable {
    /** Deflate level used by {@link #PngEncoder()}: 1, the fastest that still compresses well. */
    public static final int DEFAULT_LEVEL = 1;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int TYPE_IHDR = 0x49484452;
    private static final int TYPE_IDAT = 0x49444154;
    private static final int TYPE_IEND = 0x49454E44;
    private static final int COLOUR_GREY = 0;
    private static final int COLOUR_RGB = 2;
    private static final byte FILTER_UP = 2;
    /** Filtered bytes handed to the deflater per call: big enough to amortise the JNI call, small enough for L2. */
    private static final int BATCH_BYTES = 1 << 17;
    /** Free space guaranteed in the output buffer before each deflate call. */
    private static final int MIN_ROOM = 1 << 16;
    /** Largest array the JVM reliably allocates. */
    private static final int MAX_OUTPUT = Integer.MAX_VALUE - 16;

    private final int level;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] batch = new byte[0];
    private byte[] out = new byte[0];
    private int pos;
    private int idatStart;
    private boolean closed;

    /** An encoder at {@link #DEFAULT_LEVEL}. */
    public PngEncoder() {
        this(DEFAULT_LEVEL);
    }

    /**
     * An encoder at the given deflate level.
     *
     * @param level 0 (store) to 9 (smallest, slowest); 1 is the default and the right choice for datasets
     */
    public PngEncoder(int level) {
        if (level < 0 || level > 9) throw new IllegalArgumentException("level: expected 0..9, got " + level);
        this.level = level;
        this.deflater = new Deflater(level);
    }

    /** The deflate level, 0..9. */
    public int level() {
        return level;
    }

    /**
     * Encodes an 8-bit RGB image (PNG colour type 2, bit depth 8).
     *
     * @param rgbRowMajor {@code 3 * width * height} bytes R, G, B per pixel, row-major, top row first
     * @return a complete PNG file
     */
    public byte[] encodeRgb8(int width, int height, byte[] rgbRowMajor) {
        return encodeBytes(width, height, rgbRowMajor, 3, COLOUR_RGB);
    }

    /**
     * Encodes an 8-bit greyscale image (PNG colour type 0, bit depth 8).
     *
     * @param gray {@code width * height} unsigned samples, row-major, top row first
     * @return a complete PNG file
     */
    public byte[] encodeGray8(int width, int height, byte[] gray) {
        return encodeBytes(width, height, gray, 1, COLOUR_GREY);
    }

    /**
     * Encodes a 16-bit greyscale image (PNG colour type 0, bit depth 16), samples written big-endian
     * as PNG requires.
     *
     * @param gray {@code width * height} unsigned 16-bit samples held in {@code short}s (so 65535 is
     *             {@code (short) -1}), row-major, top row first
     * @return a complete PNG file
     */
    public byte[] encodeGray16(int width, int height, short[] gray) {
        checkOpen();
        Objects.requireNonNull(gray, "gray");
        checkLength(width, height, gray.length, 1, "16-bit samples");
        int rowBytes = width * 2;
        int rowsPerBatch = beginImage(width, height, 16, COLOUR_GREY, rowBytes);
        for (int y0 = 0; y0 < height; y0 += rowsPerBatch) {
            int y1 = Math.min(height, y0 + rowsPerBatch);
            int n = 0;
            for (int y = y0; y < y1; y++) n = filterUp16(gray, width, y, batch, n);
            deflateBatch(n);
        }
        return endImage();
    }

    /** Ends the deflater and drops the buffers. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        deflater.end();
        batch = null;
        out = null;
    }

    private byte[] encodeBytes(int width, int height, byte[] data, int channels, int colourType) {
        checkOpen();
        Objects.requireNonNull(data, "pixel data");
        checkLength(width, height, data.length, channels, "bytes");
        int rowBytes = width * channels;
        int rowsPerBatch = beginImage(width, height, 8, colourType, rowBytes);
        for (int y0 = 0; y0 < height; y0 += rowsPerBatch) {
            int y1 = Math.min(height, y0 + rowsPerBatch);
            int n = 0;
            for (int y = y0; y < y1; y++) n = filterUp8(data, rowBytes, y, batch, n);
            deflateBatch(n);
        }
        return endImage();
    }

    /** Writes row {@code y} as filter byte + Up differences at {@code dst[d]}; returns the new end. */
    private static int filterUp8(byte[] src, int rowBytes, int y, byte[] dst, int d) {
        dst[d++] = FILTER_UP;
        int s = y * rowBytes;
        if (y == 0) {
            System.arraycopy(src, s, dst, d, rowBytes);
        } else {
            int p = s - rowBytes;
            for (int i = 0; i < rowBytes; i++) dst[d + i] = (byte) (src[s + i] - src[p + i]);
        }
        return d + rowBytes;
    }

    /**
     * 16-bit variant: Up works byte by byte, so each sample's high and low bytes are differenced
     * separately against the byte above (modulo 256), which is exactly what a decoder undoes.
     */
    private static int filterUp16(short[] src, int width, int y, byte[] dst, int d) {
        dst[d++] = FILTER_UP;
        int s = y * width;
        if (y == 0) {
            for (int x = 0; x < width; x++, d += 2) {
                int v = src[s + x];
                dst[d] = (byte) (v >> 8);
                dst[d + 1] = (byte) v;
            }
        } else {
            int p = s - width;
            for (int x = 0; x < width; x++, d += 2) {
                int v = src[s + x];
                int u = src[p + x];
                dst[d] = (byte) ((v >> 8) - (u >> 8));
                dst[d + 1] = (byte) (v - u);
            }
        }
        return d;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("PngEncoder (level " + level + ") is closed");
    }

    private static void checkLength(int width, int height, int length, int perPixel, String unit) {
        if (width <= 0 || height <= 0)
            throw new IllegalArgumentException("size: expected positive width and height, got " + width + "x" + height);
        long expected = (long) width * height * perPixel;
        if (length != expected)
            throw new IllegalArgumentException("expected " + expected + " " + unit + " for " + width + "x" + height
                    + ", got " + length);
    }

    /** Writes signature and IHDR, opens the IDAT chunk and sizes the batch buffer; returns rows per batch. */
    private int beginImage(int width, int height, int bitDepth, int colourType, int rowBytes) {
        int filteredRow = rowBytes + 1;
        int rowsPerBatch = Math.max(1, BATCH_BYTES / filteredRow);
        if (batch.length < rowsPerBatch * filteredRow) batch = new byte[rowsPerBatch * filteredRow];
        // Rendered frames deflate to well under half their raw size at level 1; the buffer grows if not.
        long estimate = (long) filteredRow * height / 2 + MIN_ROOM;
        if (out.length < estimate) out = new byte[(int) Math.min(MAX_OUTPUT, estimate)];
        pos = 0;
        System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
        pos = SIGNATURE.length;

        int ihdr = startChunk(13, TYPE_IHDR);
        putInt(width);
        putInt(height);
        out[pos++] = (byte) bitDepth;
        out[pos++] = (byte) colourType;
        out[pos++] = 0; // compression: deflate
        out[pos++] = 0; // filter method: adaptive (per-row filter byte)
        out[pos++] = 0; // interlace: none
        endChunk(ihdr);

        deflater.reset();
        idatStart = startChunk(0, TYPE_IDAT); // length patched in endImage
        return rowsPerBatch;
    }

    private void deflateBatch(int length) {
        deflater.setInput(batch, 0, length);
        while (!deflater.needsInput()) deflateIntoOut();
    }

    private byte[] endImage() {
        deflater.finish();
        while (!deflater.finished()) deflateIntoOut();
        putIntAt(idatStart, pos - idatStart - 8);
        ensureRoom(4 + 12); // IDAT CRC, then the empty IEND chunk
        endChunk(idatStart);
        endChunk(startChunk(0, TYPE_IEND));
        return Arrays.copyOf(out, pos);
    }

    private void deflateIntoOut() {
        ensureRoom(MIN_ROOM);
        pos += deflater.deflate(out, pos, out.length - pos);
    }

    private void ensureRoom(int room) {
        if (out.length - pos >= room) return;
        long wanted = Math.max((long) out.length * 2, (long) pos + room);
        if ((long) pos + room > MAX_OUTPUT)
            throw new IllegalArgumentException("PNG would exceed " + MAX_OUTPUT + " bytes");
        out = Arrays.copyOf(out, (int) Math.min(MAX_OUTPUT, wanted));
    }

    /** Writes length and type; returns the chunk's start offset for {@link #endChunk}. */
    private int startChunk(int length, int type) {
        int start = pos;
        putInt(length);
        putInt(type);
        return start;
    }

    /** Appends the CRC over type and data of the chunk starting at {@code start}. */
    private void endChunk(int start) {
        crc.reset();
        crc.update(out, start + 4, pos - start - 4);
        putInt((int) crc.getValue());
    }

    private void putInt(int value) {
        putIntAt(pos, value);
        pos += 4;
    }

    private void putIntAt(int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }
}
