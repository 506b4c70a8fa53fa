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
 * model, fog's lost returns included), thermal radiance over the true range. One per run: the
 * thermal camera's fixed pattern belongs to the dataset (its seed, not a frame's, which under
 * constraints is the accepted attempt's), so it is made once, for the first frame's size.
 *
 * <p>Thread safety: safe to share between worker threads.
 */
public final class SensorDerivation {
    private final SensorsSpec spec;
    private final long patternSeed;
    private float[] pattern;
    private boolean patternMade;

    /** @param datasetSeed the run's dataset seed */
    public SensorDerivation(SensorsSpec spec, long datasetSeed) {
        this.spec = spec;
        this.patternSeed = SplitMix64.mix(datasetSeed ^ 0x5EED_F1BEL);
    }

    /**
     * @param sensors     the frame through the lens, true depth
     * @param recorded    the same with the depth the sensor records (fog)
     * @param noiseSeed   the frame's sensor-noise seed
     */
    public DerivedImages derive(FrameScene frame, SensorFrame sensors, SensorFrame recorded, long noiseSeed) {
        boolean range = spec.has(Sensor.RANGE), thermal = spec.has(Sensor.THERMAL), nir = spec.has(Sensor.NIR);
        if (!range && !thermal && !nir && !spec.has(Sensor.NORMALS)) return DerivedImages.NONE;
        CameraRays rays = range || thermal ? CameraRays.of(frame.camera()) : null;
        float[] kelvin = null;
        byte[] thermalGrey = null, nirGrey = null;
        if (thermal) {
            var camera = spec.thermalCamera();
            var air = ThermalAtmosphere.of(camera.band(), frame.thermal(), frame.weather(), frame.sky());
            kelvin = camera.apparentKelvin(sensors.surface(), rays.range(sensors.depth().data()), rays.up(), air,
                    SplitMix64.mix(noiseSeed ^ 0x7A3E11C5L), pattern(sensors.width(), sensors.height()));
            thermalGrey = camera.grey8(kelvin);
        }
        if (nir) nirGrey = spec.nirCamera().grey8(sensors.surface(), SplitMix64.mix(noiseSeed ^ 0x0B1E_5EEDL));
        return new DerivedImages(range ? rays.range(recorded.depth().data()) : null, kelvin, thermalGrey, nirGrey,
                spec.has(Sensor.NORMALS) ? sensors.normals() : null);
    }

    /** The run's fixed pattern (every frame of a run has one size). */
    private synchronized float[] pattern(int width, int height) {
        if (!patternMade) {
            pattern = spec.thermalCamera().fixedPattern(width, height, patternSeed);
            patternMade = true;
        }
        return pattern;
    }
}
