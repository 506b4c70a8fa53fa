package dev.mirage.scene;

import java.util.List;
import java.util.Objects;

/**
 * One concrete frame sampled from a template: everything the renderer draws and the labeler and
 * writer record. GL-free and immutable.
 *
 * @param frameIndex 0-based index of the frame in the dataset
 * @param seed       the dataset seed it was sampled with
 * @param camera     the camera
 * @param sun        the sun
 * @param sky        the sky
 * @param objects    placed objects; labeled ones carry instance ids 1..N in list order
 * @param lights     point and spot lights besides the sun
 * @param weather    the atmosphere (fog)
 * @param exposure   how radiance is scaled before encoding
 * @param thermal    air temperature, humidity and each object's heat, for the infrared sensors
 */
public record FrameScene(int frameIndex, long seed, Camera camera, Sun sun, Sky sky, List<ObjectInstance> objects,
                         List<Light> lights, Weather weather, Exposure exposure, Thermal thermal) {
    public FrameScene {
        Objects.requireNonNull(camera);
        Objects.requireNonNull(sun);
        Objects.requireNonNull(sky);
        objects = List.copyOf(objects);
        lights = List.copyOf(lights);
        Objects.requireNonNull(weather);
        Objects.requireNonNull(exposure);
        Objects.requireNonNull(thermal);
        if (!thermal.objects().isEmpty() && thermal.objects().size() != objects.size())
            throw new IllegalArgumentException(thermal.objects().size() + " object thermal states for " + objects.size() + " objects");
    }

    /** A frame whose infrared state is the default one. */
    public FrameScene(int frameIndex, long seed, Camera camera, Sun sun, Sky sky, List<ObjectInstance> objects,
                      List<Light> lights, Weather weather, Exposure exposure) {
        this(frameIndex, seed, camera, sun, sky, objects, lights, weather, exposure, Thermal.DEFAULT);
    }

    /** This frame with another infrared state. */
    public FrameScene withThermal(Thermal newThermal) {
        return new FrameScene(frameIndex, seed, camera, sun, sky, objects, lights, weather, exposure, newThermal);
    }

    /** A frame without exposure (factor 1). */
    public FrameScene(int frameIndex, long seed, Camera camera, Sun sun, Sky sky, List<ObjectInstance> objects,
                      List<Light> lights, Weather weather) {
        this(frameIndex, seed, camera, sun, sky, objects, lights, weather, Exposure.NONE);
    }

    /** A frame in clear air. */
    public FrameScene(int frameIndex, long seed, Camera camera, Sun sun, Sky sky, List<ObjectInstance> objects, List<Light> lights) {
        this(frameIndex, seed, camera, sun, sky, objects, lights, Weather.CLEAR);
    }

    /** A frame lit by the sun and sky alone. */
    public FrameScene(int frameIndex, long seed, Camera camera, Sun sun, Sky sky, List<ObjectInstance> objects) {
        this(frameIndex, seed, camera, sun, sky, objects, List.of());
    }

    /** The labeled object with this instance id. */
    public ObjectInstance instance(int instanceId) {
        for (ObjectInstance o : objects) if (o.instanceId() == instanceId) return o;
        throw new IllegalArgumentException("no instance " + instanceId + " in frame " + frameIndex);
    }
}
