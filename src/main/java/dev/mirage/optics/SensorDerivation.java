package dev.mirage.optics;

import dev.mirage.infrared.ThermalAtmosphere;
import dev.mirage.randomize.SplitMix64;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.DerivedImages;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.template.SensorsSpec;
import dev.mirage.template.SensorsSpec.Sensor;

/**
 * Computes the range, thermal, NIR and normal images a template asks for from a frame's buffers,
 * after the camera's optics: range from the recorded depth (so the two agree through the camera
 * model, fog's lost returns included), thermal radiance over the true range.
 *
 * <p>Thread safety: stateless.
 */
public final class SensorDerivation {
    private SensorDerivation() {}

    /**
     * @param sensors     the frame through the lens, true depth
     * @param recorded    the same with the depth the sensor records (fog)
     * @param noiseSeed   the frame's sensor-noise seed
     */
    public static DerivedImages derive(FrameScene frame, SensorFrame sensors, SensorFrame recorded, SensorsSpec spec,
                                       long noiseSeed) {
        boolean range = spec.has(Sensor.RANGE), thermal = spec.has(Sensor.THERMAL), nir = spec.has(Sensor.NIR);
        if (!range && !thermal && !nir && !spec.has(Sensor.NORMALS)) return DerivedImages.NONE;
        CameraRays rays = range || thermal ? CameraRays.of(frame.camera()) : null;
        float[] kelvin = null;
        byte[] thermalGrey = null, nirGrey = null;
        if (thermal) {
            var camera = spec.thermalCamera();
            var air = ThermalAtmosphere.of(camera.band(), frame.thermal(), frame.weather(), frame.sky());
            kelvin = camera.apparentKelvin(sensors.surface(), rays.range(sensors.depth().data()), rays.up(), air,
                    SplitMix64.mix(noiseSeed ^ 0x7A3E11C5L), SplitMix64.mix(frame.seed() ^ 0x5EED_F1BEL));
            thermalGrey = camera.grey8(kelvin);
        }
        if (nir) nirGrey = spec.nirCamera().grey8(sensors.surface(), SplitMix64.mix(noiseSeed ^ 0x0B1E_5EEDL));
        return new DerivedImages(range ? rays.range(recorded.depth().data()) : null, kelvin, thermalGrey, nirGrey,
                spec.has(Sensor.NORMALS) ? sensors.normals() : null);
    }
}
