package dev.mirage.scene;

import java.util.Objects;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * A point or spot light of a frame (street lights, lamps, head lights). Unlike the sun it casts no
 * shadow.
 *
 * <p>Falloff: a white surface facing the light at distance d reflects
 * {@code intensity / d² · window(d)}, where {@code window(d) = clamp(1 − (d/range)⁴, 0, 1)²} takes the
 * light smoothly to zero at {@code rangeM} (and is above 0.99 for d &lt; 0.3·range). A spot light
 * is full inside {@code innerConeDeg} of its axis, zero outside {@code outerConeDeg}, smooth between.
 *
 * @param kind         point or spot
 * @param position     world position, metres
 * @param direction    unit axis a spot light shines along (world); for point lights ignored (may be null)
 * @param colorLinear  linear RGB colour
 * @param intensity    reflected radiance of a white facing surface at 1 m (same scale as the sun's intensity)
 * @param rangeM       distance at which the light ends, &gt; 0
 * @param innerConeDeg spot: half-angle of full light, degrees
 * @param outerConeDeg spot: half-angle where light ends, degrees, ≥ inner
 * @param origin       the placed asset that carries the light (a car's head lamp), or null for a
 *                     template's own light
 */
public record Light(Kind kind, Vector3dc position, Vector3dc direction, Vector3dc colorLinear, double intensity,
                    double rangeM, double innerConeDeg, double outerConeDeg, Origin origin) {
    /** Light kinds. */
    public enum Kind { POINT, SPOT }

    /**
     * Which object of the frame a light comes with.
     *
     * @param object     index of the object in the frame's object list
     * @param instanceId that object's instance id (0 for unlabeled scenery)
     * @param emitter    the emitter's name in the asset ({@code head_left})
     */
    public record Origin(int object, int instanceId, String emitter) {
        public Origin {
            Objects.requireNonNull(emitter);
            if (object < 0 || instanceId < 0) throw new IllegalArgumentException("negative index");
        }
    }

    /** A template's own light (no origin). */
    public Light(Kind kind, Vector3dc position, Vector3dc direction, Vector3dc colorLinear, double intensity,
                 double rangeM, double innerConeDeg, double outerConeDeg) {
        this(kind, position, direction, colorLinear, intensity, rangeM, innerConeDeg, outerConeDeg, null);
    }

    public Light {
        Objects.requireNonNull(kind);
        position = new Vector3d(position);
        colorLinear = new Vector3d(colorLinear);
        if (kind == Kind.SPOT) {
            if (direction == null || direction.length() < 1e-9) throw new IllegalArgumentException("spot light without direction");
            // a vector already of unit length keeps its bits, so a frame replayed from its meta file is exact
            direction = Math.abs(direction.length() - 1) < 1e-12 ? new Vector3d(direction) : new Vector3d(direction).normalize();
        } else {
            direction = new Vector3d(0, -1, 0);
        }
        if (!(intensity >= 0)) throw new IllegalArgumentException("intensity " + intensity);
        if (!(rangeM > 0)) throw new IllegalArgumentException("range " + rangeM);
        if (!(innerConeDeg >= 0 && outerConeDeg >= innerConeDeg && outerConeDeg <= 180))
            throw new IllegalArgumentException("cone " + innerConeDeg + ".." + outerConeDeg);
    }

    /** The falloff window at distance d (see the class comment). */
    public double window(double d) {
        double x = d / rangeM;
        double w = Math.max(0, Math.min(1, 1 - x * x * x * x));
        return w * w;
    }
}
