package dev.mirage.dataset;

import static org.lwjgl.util.tinyexr.TinyEXR.*;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.libc.LibCStdlib;
import org.lwjgl.util.tinyexr.EXRChannelInfo;
import org.lwjgl.util.tinyexr.EXRHeader;
import org.lwjgl.util.tinyexr.EXRImage;

/**
 * float32 OpenEXR files through tinyexr (lwjgl-tinyexr), ZIP-compressed, scanline, rows top first:
 * one channel named {@code Y} (depth, range, temperature) or three named {@code R}, {@code G},
 * {@code B} (normals x, y, z), as OpenCV, OpenImageIO and Blender read them.
 *
 * <p>Thread safety: stateless; each call uses its own native memory, freed before it returns.
 */
public final class ExrEncoder {
    private ExrEncoder() {}

    /** One float channel, {@code Y}. */
    public static byte[] encodeGray(int width, int height, float[] values) {
        return encode(width, height, new String[] {"Y"}, new float[][] {values});
    }

    /** Interleaved x, y, z floats as channels R, G, B. */
    public static byte[] encodeRgb(int width, int height, float[] xyz) {
        int n = width * height;
        if (xyz.length != 3 * n) throw new IllegalArgumentException(xyz.length + " floats for " + width + "x" + height + " RGB");
        float[][] planes = new float[3][n];
        for (int i = 0; i < n; i++) for (int c = 0; c < 3; c++) planes[c][i] = xyz[3 * i + c];
        // OpenEXR stores channels sorted by name: B, G, R
        return encode(width, height, new String[] {"B", "G", "R"}, new float[][] {planes[2], planes[1], planes[0]});
    }

    private static byte[] encode(int width, int height, String[] names, float[][] planes) {
        int n = width * height;
        for (float[] p : planes) if (p.length != n) throw new IllegalArgumentException(p.length + " floats for " + width + "x" + height);
        FloatBuffer[] native_ = new FloatBuffer[planes.length];
        try (MemoryStack stack = MemoryStack.stackPush()) {
            EXRHeader header = EXRHeader.calloc(stack);
            InitEXRHeader(header);
            EXRImage image = EXRImage.calloc(stack);
            InitEXRImage(image);
            EXRChannelInfo.Buffer channels = EXRChannelInfo.calloc(names.length, stack);
            var types = stack.mallocInt(names.length);
            var requested = stack.mallocInt(names.length);
            PointerBuffer pointers = stack.mallocPointer(names.length);
            for (int c = 0; c < names.length; c++) {
                channels.get(c).name(stack.ASCII(names[c]));
                types.put(c, TINYEXR_PIXELTYPE_FLOAT);
                requested.put(c, TINYEXR_PIXELTYPE_FLOAT);
                native_[c] = MemoryUtil.memAllocFloat(n).put(0, planes[c]);
                pointers.put(c, native_[c]);
            }
            image.images(pointers).width(width).height(height).num_channels(names.length);
            header.channels(channels).pixel_types(types).requested_pixel_types(requested).num_channels(names.length)
                    .compression_type(TINYEXR_COMPRESSIONTYPE_ZIP);
            PointerBuffer memory = stack.mallocPointer(1);
            PointerBuffer error = stack.mallocPointer(1);
            long size = SaveEXRImageToMemory(image, header, memory, error);
            if (size == 0) {
                String message = error.get(0) == 0 ? "unknown error" : MemoryUtil.memASCII(error.get(0));
                if (error.get(0) != 0) nFreeEXRErrorMessage(error.get(0));
                throw new IllegalStateException("EXR encoding failed: " + message);
            }
            ByteBuffer bytes = MemoryUtil.memByteBuffer(memory.get(0), (int) size);
            byte[] out = new byte[(int) size];
            bytes.get(0, out);
            LibCStdlib.nfree(memory.get(0));
            return out;
        } finally {
            for (FloatBuffer b : native_) if (b != null) MemoryUtil.memFree(b);
        }
    }
}
