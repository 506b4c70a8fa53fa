package dev.mirage.asset.library;

import dev.mirage.scene.Light;
import java.util.Objects;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * A light a library asset carries (a car's head lamp, a street lamp), in the asset's model space.
 * {@link dev.mirage.randomize.FrameSampler} turns the emitters of every placed asset into world
 * {@link Light}s of the frame.
 *
 * @param name         unique within the asset ({@code head_left})
 * @param kind         point or spot
 * @param position     model space, metres
 * @param direction    model-space axis of a spot light (ignored for a point light)
 * @param colorLinear  linear RGB colour
 * @param intensity    as {@link Light#intensity()}: a white surface facing it at 1 m reflects this
 * @param rangeM       where the light ends
 * @param innerConeDeg spot: half-angle of full light
 * @param outerConeDeg spot: half-angle where the light ends
 */
public record Emitter(String name, Light.Kind kind, Vector3dc position, Vector3dc direction, Vector3dc colorLinear,
                      double intensity, double rangeM, double innerConeDeg, double outerConeDeg) {
    public Emitter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        position = new Vector3d(position);
        direction = new Vector3d(direction == null ? new Vector3d(0, -1, 0) : direction);
        colorLinear = new Vector3d(colorLinear);
    }

    /** A point emitter. */
    public static Emitter point(String name, Vector3dc position, Vector3dc color, double intensity, double rangeM) {
        return new Emitter(name, Light.Kind.POINT, position, null, color, intensity, rangeM, 0, 0);
    }

    /** A spot emitter. */
    public static Emitter spot(String name, Vector3dc position, Vector3dc direction, Vector3dc color, double intensity,
                               double rangeM, double innerConeDeg, double outerConeDeg) {
        return new Emitter(name, Light.Kind.SPOT, position, direction, color, intensity, rangeM, innerConeDeg, outerConeDeg);
    }

    /**
     * The world light of this emitter on an object placed by {@code modelToWorld}. Position and axis
     * follow the transform (the axis renormalized); intensity and range stay as made, so a scaled
     * asset carries the same lamps.
     */
    public Light toWorld(Matrix4dc modelToWorld, Light.Origin origin) {
        Vector3d p = modelToWorld.transformPosition(new Vector3d(position));
        Vector3d d = null;
        if (kind == Light.Kind.SPOT) {
            d = modelToWorld.transformDirection(new Vector3d(direction));
            if (d.length() < 1e-12) d = new Vector3d(0, -1, 0);
            d.normalize();
        }
        return new Light(kind, p, d, colorLinear, intensity, rangeM, innerConeDeg, outerConeDeg, origin);
    }
}
