package dev.mirage.template;

import org.joml.Vector3d;

/** Placeholder until the exact version lands. */
public final class ColorTemperature {
    private ColorTemperature() {}
    public static Vector3d linearRgb(double kelvin) { return new Vector3d(1, 1, 1); }
}
