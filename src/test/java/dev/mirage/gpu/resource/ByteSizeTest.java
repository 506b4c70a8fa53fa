package dev.mirage.gpu.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mirage.asset.Mesh;
import dev.mirage.asset.TextureImage;
import org.junit.jupiter.api.Test;

/** The GPU memory figures of {@code mirage assets --stats}, counted by hand. */
class ByteSizeTest {
    @Test
    void textureStorageCountsEveryMipLevel() {
        // 8x2 RGBA8: 8x2, 4x1, 2x1, 1x1 levels = (16 + 4 + 2 + 1) texels of 4 bytes
        assertEquals(4 * (16 + 4 + 2 + 1), Texture2d.byteSize(new TextureImage(8, 2, new byte[64])));
        assertEquals(4, Texture2d.byteSize(new TextureImage(1, 1, new byte[4])));
    }

    @Test
    void meshStorageIsItsVertexLayoutAndIndices() {
        float[] p = new float[9], n = new float[9];
        int[] idx = {0, 1, 2};
        // position + normal: 6 floats a vertex
        assertEquals(3 * 6 * 4 + 3 * 4, GpuMesh.byteSize(new Mesh("t", p, n, idx)));
        // + uv (2) + tangent (4) + colour (4)
        assertEquals(3 * 16 * 4 + 3 * 4, GpuMesh.byteSize(new Mesh("t", p, n, new float[6], new float[12], new float[12], idx)));
    }
}
