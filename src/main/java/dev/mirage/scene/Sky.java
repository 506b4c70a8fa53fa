package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The sky: background colour and a hemisphere ambient term.
 *
 * @param colorLinear linear RGB colour of the sky (background and ambient tint)
 * @param intensity   multiplier on the ambient light it casts
 */
public record Sky(Vector3dc colorLinear, double intensity) {
    public Sky {
        colorLinear = new Vector3d(colorLinear);
        if (intensity < 0) throw new IllegalArgumentException("intensity " + intensity);
    }
}
