import dev.mirage.infrared.NirCamera;
import dev.mirage.infrared.Planck;
import dev.mirage.infrared.ThermalAtmosphere;
import dev.mirage.infrared.ThermalCamera;
import dev.mirage.optics.CameraRays;
import dev.mirage.scene.Camera;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Thermal;
import dev.mirage.scene.Weather;
import dev.mirage.sensor.SurfaceImage;
import java.util.List;
import java.util.SplittableRandom;
import org.joml.Vector3d;

/**
 * CPU cost per frame of what the infrared sensors add after readback, on one thread: the camera's
 * rays (range and view directions), the thermal camera (radiance, apparent temperature, NETD and
 * fixed-pattern noise), its histogram AGC, and the NIR camera with automatic gain.
 * {@code java -cp target/mirage.jar bench/InfraredCost.java [WIDTH HEIGHT]} (default 640 480).
 */
public class InfraredCost {
    public static void main(String[] args) {
        int w = args.length > 1 ? Integer.parseInt(args[0]) : 640, h = args.length > 1 ? Integer.parseInt(args[1]) : 480;
        SplittableRandom random = new SplittableRandom(1);
        float[] s = new float[4 * w * h], depth = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            s[4 * i] = (float) (270 + 60 * random.nextDouble());
            s[4 * i + 1] = (float) (0.8 + 0.2 * random.nextDouble());
            s[4 * i + 2] = (float) (2 * random.nextDouble() - 1);
            s[4 * i + 3] = (float) random.nextDouble();
            depth[i] = i % 7 == 0 ? 0 : (float) (1 + 100 * random.nextDouble());
        }
        SurfaceImage surface = new SurfaceImage(w, h, s);
        Camera camera = new Camera(new Vector3d(0, 1.5, 0), new Vector3d(0, 1.4, -10), Math.toRadians(50), 0.1, 300, w, h);
        ThermalCamera thermal = new ThermalCamera(Planck.LWIR, 0.05, 0.1, ThermalCamera.Agc.HISTOGRAM);
        ThermalAtmosphere air = ThermalAtmosphere.of(Planck.LWIR, new Thermal(288, 0.6, List.of()), Weather.CLEAR,
                new Sky(new Vector3d(0.5), 1));
        double[] ms = new double[4];
        int runs = 20;
        for (int k = -5; k < runs; k++) {
            long t0 = System.nanoTime();
            CameraRays rays = CameraRays.of(camera);
            float[] range = rays.range(depth);
            long t1 = System.nanoTime();
            float[] kelvin = thermal.apparentKelvin(surface, range, rays.up(), air, k, 7);
            long t2 = System.nanoTime();
            thermal.grey8(kelvin);
            long t3 = System.nanoTime();
            NirCamera.DEFAULT.grey8(surface, k);
            long t4 = System.nanoTime();
            if (k < 0) continue;
            ms[0] += (t1 - t0) / 1e6 / runs;
            ms[1] += (t2 - t1) / 1e6 / runs;
            ms[2] += (t3 - t2) / 1e6 / runs;
            ms[3] += (t4 - t3) / 1e6 / runs;
        }
        System.out.printf("%dx%d, ms per frame: rays + range %.1f, thermal radiance %.1f, AGC %.1f, NIR %.1f; total %.1f%n",
                w, h, ms[0], ms[1], ms[2], ms[3], ms[0] + ms[1] + ms[2] + ms[3]);
    }
}
