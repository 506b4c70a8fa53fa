package dev.mirage.gpu.render;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * Turns GL's bottom-up rows into the top-left images that sensors hold. The one place the image
 * origin is flipped. Pure functions over buffers, tested without a GPU.
 */
public final class Readback {
    private Readback() {}

    /** RGBA8 rows bottom-up → RGB8 rows top-down (alpha dropped). */
    public static byte[] rgbTopDown(ByteBuffer rgba, int width, int height) {
        byte[] out = new byte[width * height * 3];
        byte[] row = new byte[width * 4];
        for (int y = 0; y < height; y++) {
            rgba.get((height - 1 - y) * width * 4, row);
            int o = y * width * 3;
            for (int x = 0, i = 0; x < width; x++, i += 4, o += 3) {
                out[o] = row[i];
                out[o + 1] = row[i + 1];
                out[o + 2] = row[i + 2];
            }
        }
        return out;
    }

    /** Float rows bottom-up → top-down. */
    public static float[] floatsTopDown(FloatBuffer source, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) source.get((height - 1 - y) * width, out, y * width, width);
        return out;
    }

    /** Int rows bottom-up → top-down. */
    public static int[] intsTopDown(IntBuffer source, int width, int height) {
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) source.get((height - 1 - y) * width, out, y * width, width);
        return out;
    }

    /** RGBA float rows bottom-up → RGB float rows top-down (alpha dropped). */
    public static float[] rgbFloatsTopDown(FloatBuffer rgba, int width, int height) {
        float[] out = new float[width * height * 3];
        float[] row = new float[width * 4];
        for (int y = 0; y < height; y++) {
            rgba.get((height - 1 - y) * width * 4, row);
            for (int x = 0, i = 0, o = y * width * 3; x < width; x++, i += 4, o += 3) {
                out[o] = row[i];
                out[o + 1] = row[i + 1];
                out[o + 2] = row[i + 2];
            }
        }
        return out;
    }
}
