package dev.mirage.gpu.context;

/**
 * No usable EGL display or OpenGL 4.5 core context could be made. The message says what is
 * missing and which packages or drivers provide it; the CLI maps it to exit code 3.
 */
public final class GlUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Debian packages that provide EGL and Mesa's software OpenGL. */
    public static final String PACKAGE_HINT =
            "install libegl1, libegl-mesa0 and libgl1-mesa-dri (Debian/Ubuntu), or the NVIDIA driver's EGL library on GPU servers";

    public GlUnavailableException(String message) {
        super(message);
    }

    public GlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
