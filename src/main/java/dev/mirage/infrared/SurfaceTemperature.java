package dev.mirage.infrared;

import dev.mirage.asset.Bounds;
import dev.mirage.scene.Thermal;
import java.util.List;

/**
 * The temperature of a part's surface before sunlight and hot spots, and the hot spots of a running
 * vehicle. The shader adds sun heating, {@code sunGainK · (1 − albedo luminance) · max(n·l, 0) ·
 * shadow visibility · sun factor}, and each hot spot's {@code amplitude · exp(−|p − centre|² / r²)}.
 *
 * <p>Rules, with {@code t} the object's running minutes, {@code Ta} the air and {@code Ts} the skin temperature:
 * <ul>
 *   <li>skin: Ts; clothing: Ta + 0.45 (Ts − Ta); hair, and a person's parts of no known class: Ta + 0.6 (Ts − Ta);
 *       fur: Ta + 0.4 (Ts − Ta)</li>
 *   <li>tyres: Ta + 25 (1 − e^(−t/20)); engine parts: Ta + 70 (1 − e^(−t/8)); lit lamps: Ta + 35;
 *       any other part of a vehicle: Ta + 4 (1 − e^(−t/15)) (cabin and bodywork warmed by the engine)</li>
 *   <li>everything else: Ta + the class's stored heat (asphalt 3 K above the air, also after dusk)</li>
 *   <li>a template's {@code temperatureC} replaces the rule (and the hot spots) for every part</li>
 * </ul>
 * A running vehicle has two hot spots in its model frame (+Z forward, +Y up, as glTF): the engine
 * bay, 45 (1 − e^(−t/8)) K at the front 18 % of its length and 35 % of its height, radius 0.3 of
 * its width; and the exhaust, 80 (1 − e^(−t/5)) K low at the rear, radius 0.12 of its width.
 *
 * <p>Thread safety: stateless.
 */
public final class SurfaceTemperature {
    private SurfaceTemperature() {}

    /** A heat source on an object: a centre in its model frame, a radius and the kelvin it adds at the centre. */
    public record HotSpot(double x, double y, double z, double radiusM, double amplitudeK) {}

    /**
     * How strongly the sun heats surfaces this frame, 0..1: sqrt(sin elevation) × (1 − 0.7 × cloud
     * cover), 0 with the sun down or off.
     */
    public static double sunHeat(dev.mirage.scene.Sun sun, dev.mirage.scene.Sky sky) {
        double up = sun.towardSun().y();
        return up <= 0 || sun.intensity() <= 0 ? 0 : Math.sqrt(up) * (1 - 0.7 * sky.cloudCover());
    }

    /** The base temperature of a part of this class on an object in this state, kelvin. */
    public static double baseK(ThermalClass c, Thermal.ObjectThermal object, double airK) {
        if (!Double.isNaN(object.temperatureK())) return object.temperatureK();
        double skin = object.skinK(), t = object.runningMinutes();
        return switch (c) {
            case SKIN -> skin;
            case CLOTHING -> airK + 0.45 * (skin - airK);
            case HAIR, BODY -> airK + 0.6 * (skin - airK);
            case FUR -> airK + 0.4 * (skin - airK);
            case TYRE -> airK + 25 * warm(t, 20);
            case ENGINE -> airK + 70 * warm(t, 8);
            case LAMP -> airK + 35;
            default -> object.kind() == Thermal.Kind.VEHICLE ? airK + 4 * warm(t, 15) + c.storedK() : airK + c.storedK();
        };
    }

    /** The emissivity of a part of this class on this object. */
    public static double emissivity(ThermalClass c, Thermal.ObjectThermal object) {
        return Double.isNaN(object.emissivity()) ? c.emissivity() : object.emissivity();
    }

    /** The hot spots of an object whose model occupies {@code bounds} (none unless it is a running vehicle). */
    public static List<HotSpot> hotSpots(Thermal.ObjectThermal object, Bounds bounds) {
        if (object.kind() != Thermal.Kind.VEHICLE || object.runningMinutes() <= 0 || !Double.isNaN(object.temperatureK()))
            return List.of();
        double t = object.runningMinutes();
        double minX = bounds.min().x(), minY = bounds.min().y(), minZ = bounds.min().z();
        double w = bounds.max().x() - minX, h = bounds.max().y() - minY, l = bounds.max().z() - minZ;
        double cx = minX + w / 2;
        return List.of(
                new HotSpot(cx, minY + 0.35 * h, minZ + 0.82 * l, 0.3 * w, 45 * warm(t, 8)),
                new HotSpot(cx + 0.25 * w, minY + 0.12 * h, minZ + 0.02 * l, 0.12 * w, 80 * warm(t, 5)));
    }

    private static double warm(double minutes, double timeConstant) {
        return 1 - Math.exp(-minutes / timeConstant);
    }
}
