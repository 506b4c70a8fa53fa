package dev.mirage.optics;

import dev.mirage.scene.Camera;
import dev.mirage.scene.Weather;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.SensorFrame;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * The depth sensor in fog: an active sensor (time of flight, lidar) sends light out and back, so a
 * surface returns T² of it, T the fog's transmittance from the camera to the surface (with the
 * height profile when the fog has one). Where T² falls below {@link Weather#fogDepthReturn()} the
 * depth image reads 0, "no surface", as the sensor would. Labels (masks, keypoints, boxes) are
 * computed before this and stay the true ones; only the written depth changes.
 *
 * <p>Thread safety: stateless.
 */
public final class FogDepth {
    private FogDepth() {}

    /** The frame with its depth thinned by the fog; the frame itself when the weather asks for nothing. */
    public static SensorFrame apply(Camera camera, Weather weather, SensorFrame frame) {
        if (!weather.foggy() || weather.fogDepthReturn() <= 0) return frame;
        DepthImage depth = frame.depth();
        int w = depth.width(), h = depth.height();
        float[] in = depth.data(), out = new float[in.length];
        Matrix4d toWorld = camera.cameraToWorld();
        Vector3d p = new Vector3d();
        double f = camera.focalPixels(), minT = Math.sqrt(weather.fogDepthReturn());
        boolean lens = !camera.lens().identity();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float z = in[i];
                if (!(z > 0)) continue;
                double u = x + 0.5, v = y + 0.5;
                if (lens) {
                    double[] undistorted = camera.undistortPixel(u, v);
                    u = undistorted[0];
                    v = undistorted[1];
                }
                // camera space: x right, y up, looking down −z; planar depth z along the axis
                p.set((u - camera.cx()) / f * z, -(v - camera.cy()) / f * z, -z);
                toWorld.transformPosition(p);
                if (weather.transmittance(camera.position(), p) >= minT) out[i] = z;
            }
        }
        return frame.with(frame.rgb(), new DepthImage(w, h, out), frame.instance(), frame.amodal());
    }
}
