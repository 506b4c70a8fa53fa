package dev.mirage.randomize;

import dev.mirage.scene.Camera;
import dev.mirage.template.SceneTemplate.CameraSpec;
import dev.mirage.template.SceneTemplate.ImageSpec;
import java.util.random.RandomGenerator;
import org.joml.Vector3d;

/** Samples the camera of a frame: position, look-at target and vertical field of view. */
public final class CameraRandomizer {
    private CameraRandomizer() {}

    /**
     * @throws SamplingException when a draw puts the camera on its own look-at point
     */
    public static Camera sample(CameraSpec spec, ImageSpec image, RandomGenerator rng) {
        Vector3d position = spec.position().sample(rng);
        Vector3d lookAt = spec.lookAt().sample(rng);
        double fovDeg = spec.fovDeg().sample(rng);
        if (position.distance(lookAt) < 1e-6)
            throw new SamplingException("/camera/lookAt", String.format("expected a look-at point away from the camera position, got both at [%s, %s, %s]",
                    position.x, position.y, position.z));
        return new Camera(position, lookAt, Math.toRadians(fovDeg), spec.nearM(), spec.farM(), image.width(), image.height());
    }
}
