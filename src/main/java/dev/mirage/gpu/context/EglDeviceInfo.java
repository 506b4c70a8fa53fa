package dev.mirage.gpu.context;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One device listed by eglQueryDevicesEXT: its index in the list and its extension string.
 * The choice among devices is a pure function here so it is tested without a GPU.
 */
public record EglDeviceInfo(int index, String extensions) {
    /** Extension that Mesa's software (llvmpipe) device advertises. */
    public static final String SOFTWARE_EXTENSION = "EGL_MESA_device_software";

    public EglDeviceInfo {
        extensions = extensions == null ? "" : extensions;
    }

    /** True for Mesa's software rasterizer device. */
    public boolean software() {
        return Arrays.asList(extensions.trim().split("\\s+")).contains(SOFTWARE_EXTENSION);
    }

    /** The first hardware device, if any. */
    public static Optional<EglDeviceInfo> firstHardware(List<EglDeviceInfo> devices) {
        return devices.stream().filter(d -> !d.software()).findFirst();
    }
}
