package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.asset.TextureImage;
import java.nio.ByteBuffer;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryUtil;

/**
 * One 8-bit RGBA texture, sRGB ({@code GL_SRGB8_ALPHA8}: colour images, decoded to linear by the
 * sampler) or linear ({@code GL_RGBA8}: data such as metalness, roughness, normals and occlusion),
 * with a full mipmap chain, trilinear filtering, repeat wrapping and anisotropic filtering up to a
 * given ratio (at most what the GL offers). Software renderers get none: llvmpipe's anisotropic
 * sampling was measured to stall for minutes on a textured road seen nearly edge-on 200 m away at
 * 320×180 (a frame that renders in 0.1 s without it), and costs about 20% of a frame there anyway. Rows are uploaded bottom first, so texture coordinate (0, 0)
 * is the image's bottom-left corner, as in GL and glTF's flipped convention. Alpha is always linear.
 *
 * <p>Thread safety: GL thread only.
 */
public final class Texture2d extends GlObject {
    private static final int MAX_ANISOTROPY = 0x84FF; // GL_MAX_TEXTURE_MAX_ANISOTROPY(_EXT)
    private static final int TEXTURE_MAX_ANISOTROPY = 0x84FE;
    private final int texture;

    private Texture2d(String label, int texture) {
        super(label);
        this.texture = texture;
    }

    /** Bytes of GL texture storage {@link #upload} allocates for an image: RGBA8 over its full mipmap chain. */
    public static long byteSize(TextureImage image) {
        long sum = 0;
        for (int w = image.width(), h = image.height(); ; w = Math.max(1, w / 2), h = Math.max(1, h / 2)) {
            sum += 4L * w * h;
            if (w == 1 && h == 1) return sum;
        }
    }

    /** An sRGB colour texture. */
    public static Texture2d upload(String label, TextureImage image) {
        return upload(label, image, true);
    }

    /** @param srgb true for colour (sRGB-encoded RGB), false for data read as stored */
    public static Texture2d upload(String label, TextureImage image, boolean srgb) {
        return upload(label, image, srgb, DEFAULT_ANISOTROPY);
    }

    /** Anisotropic filtering on hardware GLs (8×). */
    public static final float DEFAULT_ANISOTROPY = 8f;

    /**
     * @param srgb           true for colour (sRGB-encoded RGB), false for data read as stored
     * @param maxAnisotropy  the largest anisotropy ratio to filter with (1: none)
     */
    public static Texture2d upload(String label, TextureImage image, boolean srgb, float maxAnisotropy) {
        int w = image.width(), h = image.height();
        int levels = 1 + (31 - Integer.numberOfLeadingZeros(Math.max(w, h)));
        int texture = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(texture, levels, srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, w, h);
        ByteBuffer pixels = MemoryUtil.memAlloc(image.rgba().length);
        try {
            int row = 4 * w;
            for (int y = h - 1; y >= 0; y--) pixels.put(image.rgba(), y * row, row);
            pixels.flip();
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTextureSubImage2D(texture, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        } finally {
            MemoryUtil.memFree(pixels);
        }
        glGenerateTextureMipmap(texture);
        glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_S, GL_REPEAT);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_T, GL_REPEAT);
        var caps = GL.getCapabilities();
        if (maxAnisotropy > 1 && (caps.OpenGL46 || caps.GL_ARB_texture_filter_anisotropic || caps.GL_EXT_texture_filter_anisotropic)) {
            float most = glGetFloat(MAX_ANISOTROPY);
            glTextureParameterf(texture, TEXTURE_MAX_ANISOTROPY, Math.min(maxAnisotropy, Math.max(1f, most)));
        }
        return new Texture2d(label, texture);
    }

    /** Binds it to a texture unit. */
    public void bind(int unit) {
        checkOpen();
        glBindTextureUnit(unit, texture);
    }

    @Override
    void release() {
        glDeleteTextures(texture);
    }
}
