package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mirage.scene.LensDrop;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drops go to the shader in GL pixels: y flipped to bottom-up, radius in pixels of the image height. */
class LensDropPassTest {
    @Test
    void packsCentreAndRadiusInGlPixels() {
        float[] v = LensDropPass.pack(List.of(new LensDrop(0.25, 0.1, 0.05), new LensDrop(1, 1, 0.5)), 200, 100);
        assertArrayEquals(new float[] {50, 90, 5, 0, 200, 0, 50, 0}, v, 1e-4f);
    }

    @Test
    void refusesMoreDropsThanTheShaderHolds() {
        assertThrows(IllegalArgumentException.class,
                () -> LensDropPass.pack(Collections.nCopies(LensDropPass.MAX_DROPS + 1, new LensDrop(0.5, 0.5, 0.1)), 10, 10));
    }
}
