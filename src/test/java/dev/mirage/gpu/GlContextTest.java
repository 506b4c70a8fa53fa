package dev.mirage.gpu;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.gpu.context.EglDeviceInfo;
import dev.mirage.gpu.context.GlCapabilities;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import org.junit.jupiter.api.Test;

/** Both headless paths give a GL 4.5 core context here (llvmpipe): CI runs each of them. */
class GlContextTest {
    @Test
    void surfacelessGivesGl45Core() {
        try (GlContext gl = GlContext.open(GlPlatform.SURFACELESS)) {
            GlCapabilities caps = gl.capabilities();
            assertTrue(caps.glVersion().compareTo("4.5") >= 0, caps.glVersion());
            assertTrue(caps.glVersion().contains("Core Profile") || !caps.glVersion().contains("Compatibility"), caps.glVersion());
            assertTrue(caps.maxRenderbufferSize() >= 1024);
            assertTrue(caps.maxDrawBuffers() >= 3, "three sensor targets in one pass");
            assertEquals("surfaceless", caps.platform());
        }
    }

    @Test
    void devicePlatformReachesTheListedDevice() {
        assertFalse(GlContext.listDevices().isEmpty(), "EGL lists at least Mesa's software device");
        try (GlContext gl = GlContext.open(GlPlatform.DEVICE)) {
            assertEquals("device", gl.capabilities().platform());
            assertTrue(gl.capabilities().glVersion().compareTo("4.5") >= 0);
        }
    }

    @Test
    void autoTakesAHardwareDeviceOnlyWhenOneIsListed() {
        boolean hardware = EglDeviceInfo.firstHardware(GlContext.listDevices()).isPresent();
        try (GlContext gl = GlContext.open(GlPlatform.AUTO)) {
            assertEquals(hardware ? "device" : "surfaceless", gl.capabilities().platform());
            assertEquals(!hardware, gl.capabilities().softwareRenderer(), gl.capabilities().glRenderer());
        }
    }

    @Test
    void useAfterCloseFailsLoudlyAndCloseIsIdempotent() {
        GlContext gl = GlContext.open(GlPlatform.SURFACELESS);
        gl.close();
        gl.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, gl::capabilities);
        assertTrue(e.getMessage().contains("closed"));
    }
}
