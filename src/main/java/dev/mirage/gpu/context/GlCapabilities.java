package dev.mirage.gpu.context;

/**
 * What the GL context offers, probed once when the context is made.
 *
 * @param platform            how the display was reached ("device" or "surfaceless")
 * @param softwareRenderer     true when the renderer is a CPU rasterizer (llvmpipe and friends)
 * @param eglVendor            EGL_VENDOR of the display
 * @param eglVersion           EGL_VERSION of the display
 * @param glVendor             GL_VENDOR
 * @param glRenderer           GL_RENDERER
 * @param glVersion            GL_VERSION
 * @param maxRenderbufferSize  GL_MAX_RENDERBUFFER_SIZE: the largest image side a sensor can have
 * @param maxTextureSize       GL_MAX_TEXTURE_SIZE
 * @param maxSamples           GL_MAX_SAMPLES
 * @param maxDrawBuffers       GL_MAX_DRAW_BUFFERS: how many sensor targets one pass can write
 */
public record GlCapabilities(
        String platform,
        boolean softwareRenderer,
        String eglVendor,
        String eglVersion,
        String glVendor,
        String glRenderer,
        String glVersion,
        int maxRenderbufferSize,
        int maxTextureSize,
        int maxSamples,
        int maxDrawBuffers) {

    /** True when the renderer string names a CPU rasterizer. */
    public static boolean isSoftwareRenderer(String glRenderer) {
        String r = glRenderer == null ? "" : glRenderer.toLowerCase(java.util.Locale.ROOT);
        return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") || r.contains("lavapipe");
    }
}
