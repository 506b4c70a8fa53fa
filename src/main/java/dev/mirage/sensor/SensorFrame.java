package dev.mirage.sensor;

import java.util.Objects;

/**
 * Every sensor image of one rendered frame, all of the same size and camera, and each labeled
 * instance's unoccluded coverage. The infrared surface values and normals are there only when the
 * renderer was asked for them (null otherwise).
 *
 * <p>Thread safety: immutable by contract.
 */
public record SensorFrame(RgbImage rgb, DepthImage depth, InstanceImage instance, AmodalCoverage amodal,
                          SurfaceImage surface, NormalImage normals) {
    public SensorFrame {
        Objects.requireNonNull(amodal);
        Objects.requireNonNull(rgb);
        Objects.requireNonNull(depth);
        Objects.requireNonNull(instance);
        if (rgb.width() != depth.width() || rgb.width() != instance.width()
                || rgb.height() != depth.height() || rgb.height() != instance.height())
            throw new IllegalArgumentException("sensor images differ in size");
        if (surface != null && (surface.width() != rgb.width() || surface.height() != rgb.height()))
            throw new IllegalArgumentException("surface image differs in size");
        if (normals != null && (normals.width() != rgb.width() || normals.height() != rgb.height()))
            throw new IllegalArgumentException("normal image differs in size");
    }

    /** A frame of colour, depth and ids only. */
    public SensorFrame(RgbImage rgb, DepthImage depth, InstanceImage instance, AmodalCoverage amodal) {
        this(rgb, depth, instance, amodal, null, null);
    }

    public int width() { return rgb.width(); }
    public int height() { return rgb.height(); }

    /** This frame with other colour, depth, ids and coverage, keeping its surface values and normals. */
    public SensorFrame with(RgbImage newRgb, DepthImage newDepth, InstanceImage newInstance, AmodalCoverage newAmodal) {
        return new SensorFrame(newRgb, newDepth, newInstance, newAmodal, surface, normals);
    }
}
