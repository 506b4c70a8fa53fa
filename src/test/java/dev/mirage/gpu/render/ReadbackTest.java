package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.junit.jupiter.api.Test;

class ReadbackTest {
    @Test
    void rgbaTwoByThreeFlipsRowsAndDropsAlpha() {
        // width 2, height 3; GL row 0 is the bottom. Pixel bytes: R = 10·row + x + 1, G = R + 100,
        // B = R + 200 (wraps past 127 as a byte), A = 0xEE everywhere
        ByteBuffer rgba = ByteBuffer.wrap(new byte[] {
                1, 101, (byte) 201, (byte) 0xEE,   2, 102, (byte) 202, (byte) 0xEE,   // GL row 0 (bottom)
                11, 111, (byte) 211, (byte) 0xEE,  12, 112, (byte) 212, (byte) 0xEE,  // GL row 1
                21, 121, (byte) 221, (byte) 0xEE,  22, 122, (byte) 222, (byte) 0xEE,  // GL row 2 (top)
        });
        byte[] expected = {
                21, 121, (byte) 221,  22, 122, (byte) 222,  // image row 0 (top)
                11, 111, (byte) 211,  12, 112, (byte) 212,
                1, 101, (byte) 201,   2, 102, (byte) 202,   // image row 2 (bottom)
        };
        assertArrayEquals(expected, Readback.rgbTopDown(rgba, 2, 3));
    }

    @Test
    void rgbaThreeByTwo() {
        // width 3, height 2: catches a width/height mix-up
        ByteBuffer rgba = ByteBuffer.wrap(new byte[] {
                1, 2, 3, 4,   5, 6, 7, 8,   9, 10, 11, 12,      // bottom
                13, 14, 15, 16,   17, 18, 19, 20,   21, 22, 23, 24,  // top
        });
        byte[] expected = {13, 14, 15, 17, 18, 19, 21, 22, 23, 1, 2, 3, 5, 6, 7, 9, 10, 11};
        assertArrayEquals(expected, Readback.rgbTopDown(rgba, 3, 2));
    }

    @Test
    void rgbaIgnoresTheBufferPositionAndDirectBuffersWork() {
        ByteBuffer direct = ByteBuffer.allocateDirect(2 * 1 * 4);
        direct.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).position(3);
        assertArrayEquals(new byte[] {1, 2, 3, 5, 6, 7}, Readback.rgbTopDown(direct, 2, 1));
    }

    @Test
    void floatsTwoByThree() {
        FloatBuffer depth = FloatBuffer.wrap(new float[] {
                0.5f, 1.5f,    // bottom
                2.5f, 3.5f,
                4.5f, 5.5f});  // top
        assertArrayEquals(new float[] {4.5f, 5.5f, 2.5f, 3.5f, 0.5f, 1.5f}, Readback.floatsTopDown(depth, 2, 3));
        FloatBuffer wide = FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, Readback.floatsTopDown(wide, 3, 2));
    }

    @Test
    void intsTwoByThree() {
        IntBuffer ids = IntBuffer.wrap(new int[] {
                0, 1,       // bottom
                2, 0,
                70000, 3}); // top (ids above 16 bits survive)
        assertArrayEquals(new int[] {70000, 3, 2, 0, 0, 1}, Readback.intsTopDown(ids, 2, 3));
        IntBuffer wide = IntBuffer.wrap(new int[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new int[] {4, 5, 6, 1, 2, 3}, Readback.intsTopDown(wide, 3, 2));
    }
}
