package dev.mirage.dataset;

import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.Raster;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensorEncodingTest {

    @ParameterizedTest(name = "{0} m -> {1} mm")
    @CsvSource({
            "1.2345, 1235",
            "0, 0",
            "-0, 0",
            "70, 0",
            "NaN, 0",
            "Infinity, 0",
            "-Infinity, 0",
            "-1.5, 0",
            "65.535, 65535",
            "65.536, 0",
            "0.001, 1",
            "0.0014, 1",
            "0.0016, 2",
            "0.0004, 0",
            "32.768, 32768",
            "12.5, 12500",
    })
    void depthBecomesRoundedUnsignedMillimetres(float metres, int millimetres) {
        short[] encoded = SensorEncoding.depthMillimetres(new DepthImage(1, 1, new float[] {metres}));
        assertEquals(millimetres, Short.toUnsignedInt(encoded[0]));
    }

    @Test
    void depthKeepsLayoutAndLeavesInputAlone() {
        float[] metres = {0.5f, 0f, 2f, 1.25f, 100f, 3f};
        DepthImage depth = new DepthImage(3, 2, metres);
        short[] encoded = SensorEncoding.depthMillimetres(depth);
        assertArrayEquals(new short[] {500, 0, 2000, 1250, 0, 3000}, encoded);
        assertArrayEquals(new float[] {0.5f, 0f, 2f, 1.25f, 100f, 3f}, metres);
    }

    @Test
    void depthSurvivesA16BitPng() throws IOException {
        float[] metres = {0f, 1.2345f, 40f, 65.535f, Float.NaN, 0.25f};
        short[] millimetres = SensorEncoding.depthMillimetres(new DepthImage(2, 3, metres));
        try (PngEncoder encoder = new PngEncoder()) {
            Raster raster = PngEncoderTest.decode(encoder.encodeGray16(2, 3, millimetres)).getRaster();
            assertArrayEquals(new int[] {0, 1235, 40000, 65535, 0, 250}, raster.getSamples(0, 0, 2, 3, 0, new int[6]));
        }
    }

    @Test
    void instanceIdsUpTo65535BecomeUnsignedSamples() {
        int[] ids = {0, 1, 2, 32767, 32768, 65535};
        short[] encoded = SensorEncoding.instanceIds16(new InstanceImage(3, 2, ids));
        for (int i = 0; i < ids.length; i++) assertEquals(ids[i], Short.toUnsignedInt(encoded[i]));
    }

    @Test
    void instanceIdAbove65535IsRejectedByValueAndPixel() {
        InstanceImage image = new InstanceImage(3, 2, new int[] {0, 1, 2, 3, 65536, 7});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SensorEncoding.instanceIds16(image));
        assertTrue(e.getMessage().contains("65536"), e.getMessage());
        assertTrue(e.getMessage().contains("(1, 1)"), e.getMessage());
    }

    @Test
    void instanceIdsAreUnsigned32BitSoNegativeIntsAreHugeIds() {
        InstanceImage image = new InstanceImage(1, 1, new int[] {-1});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SensorEncoding.instanceIds16(image));
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
    }
}
