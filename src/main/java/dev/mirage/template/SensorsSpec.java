package dev.mirage.template;

import dev.mirage.infrared.NirCamera;
import dev.mirage.infrared.ThermalCamera;
import java.util.List;
import java.util.Locale;

/**
 * Which sensors a template renders and how ({@code "sensors"}, {@code "thermal"} and {@code "nir"}
 * in the file).
 *
 * @param outputs          each sensor's file kinds, in the order listed
 * @param thermalCamera    the LWIR camera's band, noise and gain control
 * @param nirCamera        the near-infrared camera and its illuminator
 * @param airTemperatureC  the air's temperature, or null for the default by time of day
 * @param relativeHumidity 0..1, or null for the default (0.6, 0.95 in fog or rain)
 */
public record SensorsSpec(List<Output> outputs, ThermalCamera thermalCamera, NirCamera nirCamera,
                          NumberDist airTemperatureC, NumberDist relativeHumidity) {
    /** A sensor of the frame. */
    public enum Sensor {
        RGB, DEPTH, INSTANCE, SEMANTIC, NORMALS, RANGE, THERMAL, NIR;

        /** Its name in templates. */
        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** Whether it may be written as float32 EXR. */
        public boolean floatData() { return this == DEPTH || this == RANGE || this == NORMALS || this == THERMAL; }
    }

    /** One file a sensor writes per frame: its PNG, or its float32 EXR ({@code "depth.exr"}). */
    public record Output(Sensor sensor, boolean exr) {
        public String key() { return sensor.key() + (exr ? ".exr" : ""); }
    }

    /** RGB, depth, instance and semantic images, as before sensors could be chosen. */
    public static final SensorsSpec DEFAULT = new SensorsSpec(List.of(new Output(Sensor.RGB, false), new Output(Sensor.DEPTH, false),
            new Output(Sensor.INSTANCE, false), new Output(Sensor.SEMANTIC, false)), ThermalCamera.DEFAULT, NirCamera.DEFAULT, null, null);

    public SensorsSpec {
        outputs = List.copyOf(outputs);
        java.util.Objects.requireNonNull(thermalCamera);
        java.util.Objects.requireNonNull(nirCamera);
    }

    /** Whether the sensor writes any file. */
    public boolean has(Sensor sensor) {
        return outputs.stream().anyMatch(o -> o.sensor() == sensor);
    }

    /** Whether the renderer must produce surface attributes (temperature, emissivity, NIR) and normals. */
    public boolean surfaces() {
        return has(Sensor.THERMAL) || has(Sensor.NIR) || has(Sensor.NORMALS);
    }

    /** Whether a frame's thermal state is sampled. */
    public boolean infrared() {
        return has(Sensor.THERMAL) || has(Sensor.NIR);
    }
}
