package dev.mirage.gpu;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.gpu.context.GlCapabilities;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import org.junit.jupiter.api.Test;

class GlContextTest {
    @Test
    void surfacelessGivesGl45Core() {
        try (GlContext gl = GlContext.open(GlPlatform.SURFACELESS)) {
            GlCapabilities caps = gl.capabilities();
            System.out.println(caps);
            assertTrue(caps.glVersion().startsWith("4.5") || caps.glVersion().compareTo("4.5") > 0, caps.glVersion());
        }
    }

    @Test
    void devicePlatformWorks() {
        System.out.println(GlContext.listDevices());
        try (GlContext gl = GlContext.open(GlPlatform.DEVICE)) {
            System.out.println(gl.capabilities());
            assertEquals("device", gl.capabilities().platform());
        }
    }
}
