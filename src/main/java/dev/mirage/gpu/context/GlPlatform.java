package dev.mirage.gpu.context;

import java.util.Locale;

/**
 * How {@link GlContext} reaches OpenGL without a display.
 *
 * <ul>
 *   <li>{@code AUTO}: a hardware EGL device if one is listed, else Mesa's surfaceless platform,
 *       else a software EGL device.</li>
 *   <li>{@code DEVICE}: EGL_EXT_platform_device on an enumerated device (GPU servers; a hardware
 *       device is preferred, Mesa's software device is taken when it is the only one).</li>
 *   <li>{@code SURFACELESS}: EGL_MESA_platform_surfaceless (machines without a GPU: llvmpipe).</li>
 * </ul>
 */
public enum GlPlatform {
    AUTO, DEVICE, SURFACELESS;

    /** Lower-case name as written on the command line. */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }
}
