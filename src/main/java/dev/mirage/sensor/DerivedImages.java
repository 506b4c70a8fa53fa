package dev.mirage.sensor;

/**
 * The images computed on the CPU from a frame's rendered buffers, each null unless its sensor is on.
 *
 * @param rangeM        distance from the camera centre along each pixel's ray, float32 metres, 0 = no surface
 * @param thermalKelvin the thermal camera's apparent (brightness) temperature per pixel, kelvin
 * @param thermalGrey   the thermal camera's 8-bit image after automatic gain control
 * @param nirGrey       the near-infrared camera's 8-bit image
 * @param normals       camera-space unit normals
 */
public record DerivedImages(float[] rangeM, float[] thermalKelvin, byte[] thermalGrey, byte[] nirGrey, NormalImage normals) {
    /** Nothing beyond RGB, depth and ids. */
    public static final DerivedImages NONE = new DerivedImages(null, null, null, null, null);
}
