package dev.mirage.scene;

import java.util.List;

/**
 * What the thermal (LWIR) and near-infrared sensors need of a frame beyond its geometry and
 * weather: the air's temperature and humidity, and each object's thermal state (index-aligned with
 * {@link FrameScene#objects()}; an empty list means every object is {@link ObjectThermal#TYPICAL}).
 *
 * @param airK             air temperature, kelvin
 * @param relativeHumidity 0..1
 * @param objects          per object, in the frame's object order, or empty
 */
public record Thermal(double airK, double relativeHumidity, List<ObjectThermal> objects) {
    /** 15 °C, 60 % humidity, typical objects. */
    public static final Thermal DEFAULT = new Thermal(288.15, 0.6, List.of());

    public Thermal {
        if (!(airK > 150 && airK < 400)) throw new IllegalArgumentException("air temperature " + airK + " K");
        if (!(relativeHumidity >= 0 && relativeHumidity <= 1)) throw new IllegalArgumentException("relative humidity " + relativeHumidity);
        objects = List.copyOf(objects);
    }

    /** The thermal state of the object at {@code index} of the frame's object list. */
    public ObjectThermal object(int index) {
        return objects.isEmpty() ? ObjectThermal.TYPICAL : objects.get(index);
    }

    /**
     * One object's thermal state.
     *
     * @param kind           what sort of heat source it is
     * @param runningMinutes how long a vehicle's engine has run (0 = parked and cold)
     * @param skinK          skin temperature of a person or animal, kelvin
     * @param temperatureK   a surface temperature that replaces every part's own, or NaN
     * @param emissivity     an emissivity that replaces every part's own, or NaN
     */
    public record ObjectThermal(Kind kind, double runningMinutes, double skinK, double temperatureK, double emissivity) {
        /** An object that is neither a vehicle nor alive. */
        public static final ObjectThermal TYPICAL = new ObjectThermal(Kind.OTHER, 0, 307.15, Double.NaN, Double.NaN);

        public ObjectThermal {
            java.util.Objects.requireNonNull(kind);
            if (!(runningMinutes >= 0)) throw new IllegalArgumentException("running minutes " + runningMinutes);
            if (!(skinK > 200 && skinK < 350)) throw new IllegalArgumentException("skin temperature " + skinK + " K");
            if (!Double.isNaN(emissivity) && !(emissivity >= 0 && emissivity <= 1))
                throw new IllegalArgumentException("emissivity " + emissivity);
        }
    }

    /** The heat source an object is, as its category, asset or template entry says. */
    public enum Kind { VEHICLE, PERSON, ANIMAL, OTHER }
}
