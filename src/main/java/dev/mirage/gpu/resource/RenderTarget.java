package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * A framebuffer with its own textures: any number of colour attachments and an optional depth
 * attachment, all {@code width × height}. Textures use nearest filtering and clamp to edge.
 *
 * <p>Owns one framebuffer and its textures. Thread safety: GL thread only.
 */
public final class RenderTarget extends GlObject {
    private final int framebuffer;
    private final int[] colorTextures;
    private final int depthTexture;
    private final int width;
    private final int height;

    private RenderTarget(String label, int framebuffer, int[] colorTextures, int depthTexture, int width, int height) {
        super(label);
        this.framebuffer = framebuffer;
        this.colorTextures = colorTextures;
        this.depthTexture = depthTexture;
        this.width = width;
        this.height = height;
    }

    /**
     * @param colorFormats sized internal formats of the colour attachments, in attachment order
     * @param depthFormat  sized depth (or depth-stencil) format, or 0 for none
     * @throws IllegalStateException naming the target when the framebuffer is incomplete
     */
    public static RenderTarget create(String label, int width, int height, int[] colorFormats, int depthFormat) {
        int fbo = glCreateFramebuffers();
        int[] colors = new int[colorFormats.length];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = texture(width, height, colorFormats[i]);
            glNamedFramebufferTexture(fbo, GL_COLOR_ATTACHMENT0 + i, colors[i], 0);
        }
        int depth = 0;
        if (depthFormat != 0) {
            depth = texture(width, height, depthFormat);
            boolean stencil = depthFormat == GL_DEPTH24_STENCIL8 || depthFormat == GL_DEPTH32F_STENCIL8;
            glNamedFramebufferTexture(fbo, stencil ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT, depth, 0);
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer buffers = stack.mallocInt(colors.length);
            for (int i = 0; i < colors.length; i++) buffers.put(GL_COLOR_ATTACHMENT0 + i);
            glNamedFramebufferDrawBuffers(fbo, buffers.flip());
        }
        if (colors.length == 0) glNamedFramebufferReadBuffer(fbo, GL_NONE);
        int status = glCheckNamedFramebufferStatus(fbo, GL_FRAMEBUFFER);
        RenderTarget target = new RenderTarget(label, fbo, colors, depth, width, height);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            target.close();
            throw new IllegalStateException(String.format("render target '%s' is incomplete (status 0x%04X)", label, status));
        }
        return target;
    }

    private static int texture(int width, int height, int format) {
        int t = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(t, 1, format, width, height);
        glTextureParameteri(t, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTextureParameteri(t, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTextureParameteri(t, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(t, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        return t;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** Binds it for drawing and sets the viewport to its size. */
    public void bindForDrawing() {
        checkOpen();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /** GL name of framebuffer, for clears and reads through DSA calls. */
    public int framebuffer() {
        checkOpen();
        return framebuffer;
    }

    /** GL name of colour attachment {@code i}, for sampling in a later pass. */
    public int colorTexture(int i) {
        checkOpen();
        return colorTextures[i];
    }

    /** GL name of the depth attachment (0 when none). */
    public int depthTexture() {
        checkOpen();
        return depthTexture;
    }

    @Override
    void release() {
        glDeleteFramebuffers(framebuffer);
        for (int t : colorTextures) glDeleteTextures(t);
        if (depthTexture != 0) glDeleteTextures(depthTexture);
    }
}
