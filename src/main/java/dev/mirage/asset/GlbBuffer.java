package dev.mirage.asset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The binary side of a GLB file being written: the BIN chunk grown one buffer view at a time, each
 * view starting on a 4-byte boundary (so any component type can be read in place), and the framing
 * of the JSON and BIN chunks into one GLB 2.0 file.
 *
 * <p>Created by {@link GlbWriter} for one file and dropped after it. Thread safety: none needed.
 */
final class GlbBuffer {
    /** {@code bufferView.target} for vertex attributes. */
    static final int ARRAY_BUFFER = 34962;
    /** {@code bufferView.target} for indices. */
    static final int ELEMENT_ARRAY_BUFFER = 34963;

    private static final int MAGIC = 0x46546C67; // "glTF"
    private static final int VERSION = 2;
    private static final int CHUNK_JSON = 0x4E4F534A; // "JSON"
    private static final int CHUNK_BIN = 0x004E4942; // "BIN\0"

    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();
    private final ArrayNode views;

    /** @param views the document's {@code bufferViews} array, filled as views are added */
    GlbBuffer(ArrayNode views) {
        this.views = views;
    }

    /**
     * Appends a buffer view holding {@code data} from its position to its limit.
     *
     * @param target {@link #ARRAY_BUFFER}, {@link #ELEMENT_ARRAY_BUFFER}, or 0 for none (images)
     * @return the view's index
     */
    int addView(ByteBuffer data, int target) {
        pad(bin, 4, (byte) 0);
        ObjectNode view = views.addObject();
        view.put("buffer", 0);
        view.put("byteOffset", bin.size());
        view.put("byteLength", data.remaining());
        if (target != 0) view.put("target", target);
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        bin.write(bytes, 0, bytes.length);
        return views.size() - 1;
    }

    /** Appends floats as a vertex-attribute view. */
    int addFloats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return addView(b, ARRAY_BUFFER);
    }

    /** Appends triangle indices as an index view of 2-byte ({@code shorts}) or 4-byte components. */
    int addIndices(int[] indices, boolean shorts) {
        ByteBuffer b = ByteBuffer.allocate((shorts ? 2 : 4) * indices.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : indices) {
            if (shorts) b.putShort((short) i);
            else b.putInt(i);
        }
        return addView(b.flip(), ELEMENT_ARRAY_BUFFER);
    }

    /** The BIN chunk's length so far, before the final padding ({@code buffers[0].byteLength}). */
    int byteLength() {
        return bin.size();
    }

    /**
     * Frames the document and this buffer as a GLB 2.0 file: the 12-byte header, the JSON chunk
     * padded with spaces, and (when not empty) the BIN chunk padded with zeros.
     */
    byte[] frame(String json) {
        ByteArrayOutputStream jsonChunk = new ByteArrayOutputStream();
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        jsonChunk.write(text, 0, text.length);
        pad(jsonChunk, 4, (byte) ' ');
        pad(bin, 4, (byte) 0);
        long total = 12L + 8 + jsonChunk.size() + (bin.size() > 0 ? 8 + bin.size() : 0);
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("a GLB file holds at most 2 GiB; this one needs " + total + " bytes");
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt((int) total);
        out.putInt(jsonChunk.size()).putInt(CHUNK_JSON).put(jsonChunk.toByteArray());
        if (bin.size() > 0) out.putInt(bin.size()).putInt(CHUNK_BIN).put(bin.toByteArray());
        return out.array();
    }

    private static void pad(ByteArrayOutputStream out, int alignment, byte with) {
        while (out.size() % alignment != 0) out.write(with);
    }
}
