package dev.mirage.gpu.context;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The device choice behind {@code --gl auto|device}, decided without a GPU. */
class EglDeviceInfoTest {
    static final EglDeviceInfo MESA = new EglDeviceInfo(0, "EGL_MESA_device_software EGL_EXT_device_drm_render_node");
    static final EglDeviceInfo NVIDIA = new EglDeviceInfo(1, "EGL_NV_device_cuda EGL_EXT_device_drm");

    @Test
    void softwareDeviceIsRecognisedByItsExtensionOnly() {
        assertTrue(MESA.software());
        assertFalse(NVIDIA.software());
        assertFalse(new EglDeviceInfo(2, "EGL_MESA_device_software_not_really").software(), "whole names only");
        assertFalse(new EglDeviceInfo(3, null).software());
    }

    @Test
    void hardwareIsFoundWhereverItIsListed() {
        assertEquals(NVIDIA, EglDeviceInfo.firstHardware(List.of(MESA, NVIDIA)).orElseThrow());
        assertTrue(EglDeviceInfo.firstHardware(List.of(MESA)).isEmpty());
        assertTrue(EglDeviceInfo.firstHardware(List.of()).isEmpty());
    }

    @Test
    void softwareRendererNamesAreRecognised() {
        assertTrue(GlCapabilities.isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
        assertFalse(GlCapabilities.isSoftwareRenderer("NVIDIA H100 80GB HBM3/PCIe/SSE2"));
    }
}
