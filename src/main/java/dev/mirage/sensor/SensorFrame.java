package dev.mirage.sensor;

import java.util.Objects;

/**
 * Every sensor image of one rendered frame, all of the same size and camera, and each labeled
 * instance's unoccluded coverage.
 *
 * <p>Thread safety: immutable by contract.
 */
public record SensorFrame(RgbImage rgb, DepthImage depth, InstanceImage instance, AmodalCoverage amodal) {
    public SensorFrame {
        Objects.requireNonNull(amodal);
        Objects.requireNonNull(rgb);
        Objects.requireNonNull(depth);
        Objects.requireNonNull(instance);
        if (rgb.width() != depth.width() || rgb.width() != instance.width()
                || rgb.height() != depth.height() || rgb.height() != instance.height())
            throw new IllegalArgumentException("sensor images differ in size");
    }

    public int width() { return rgb.width(); }
    public int height() { return rgb.height(); }
}
