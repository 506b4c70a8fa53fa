package dev.mirage.scene;

import org.joml.Vector3dc;

/**
 * Automatic exposure, computed from a frame's lighting rather than from its pixels (deterministic,
 * free, and the same for a frame rendered alone or in a run): an incident-light meter.
 *
 * <p>The reference radiance E is what a white Lambertian surface reflects, averaged over a horizontal
 * surface and a vertical one facing the sun (a street's road and walls):
 * <pre>
 *   E = E_sun · (sin e + cos e) / 2          (direct sun at elevation e; 0 below the horizon)
 *     + (3 · lum(sky) + lum(ground)) / 4     (the hemisphere ambient: up-facing sky, and half sky,
 *                                              half ground for a wall)
 *     + Σ_lights lum(I) / max(d, 4 m)² · w(d) (point and spot lights, d from the camera to the light,
 *                                              w the light's range window)
 *     + mean lum(sky) 5°..35° up              (analytic sky only: the bright sky in view, so a dusk
 *                                              sky is not blown out; 8 azimuths × 4 elevations)
 * </pre>
 * and the factor maps a white surface to a key k: {@code factor = k / E}, so an 18% grey surface
 * lands at 0.18 · k linear (sRGB 118 when k = 1). The key falls in dim light, as the eye's and a
 * camera's rendering of night does: with L = 0.18 · E · 1000 cd/m² the luminance of that grey,
 * {@code k = clamp(0.45 + 0.25 · log10(L), 0.2, 1)}: 1 by day (L above 160 cd/m²), about 0.45 on a lit
 * street at night, 0.2 under a bare night sky. The factor is kept within EV −6..20.
 */
public final class AutoExposure {
    private AutoExposure() {}

    /** The linear exposure factor for {@code frame}. */
    public static double factor(FrameScene frame) {
        return factor(frame, SkyLight.of(frame.sun(), frame.sky()));
    }

    /** The same, for a caller that already has the frame's sky light. */
    public static double factor(FrameScene frame, SkyLight light) {
        double e = Math.max(referenceRadiance(frame, light), 1e-9);
        double grey = 0.18 * e * Exposure.CANDELA_PER_UNIT;
        double key = Math.max(0.2, Math.min(1, 0.45 + 0.25 * Math.log10(grey)));
        double factor = key / e;
        return Math.max(Exposure.factorOfEv(20), Math.min(Exposure.factorOfEv(-6), factor));
    }

    /** The white-surface reference radiance E of the class comment, in scene units. */
    public static double referenceRadiance(FrameScene frame, SkyLight light) {
        Sun sun = frame.sun();
        double sinE = sun.towardSun().y();
        double sunPart = 0;
        if (sinE > 0) sunPart = sun.intensity() * luminance(sun.colorLinear()) * (sinE + Math.sqrt(1 - sinE * sinE)) / 2;
        double ambient = (3 * luminance(light.skyRadiance()) + luminance(light.groundRadiance())) / 4;
        double skyInView = 0;
        if (light.preetham() != null) {
            for (int i = 0; i < 4; i++) {
                double e = Math.toRadians(5 + 10 * i);
                for (int j = 0; j < 8; j++)
                    skyInView += luminance(light.backgroundRadiance(Sun.towardSun(e, j * Math.PI / 4))) / 32;
            }
        }
        double local = 0;
        Vector3dc eye = frame.camera().position();
        for (Light l : frame.lights()) {
            double d = eye.distance(l.position());
            local += l.intensity() * luminance(l.colorLinear()) / Math.pow(Math.max(d, 4), 2) * l.window(d);
        }
        return sunPart + ambient + local + skyInView;
    }

    /** Rec. 709 luminance of a linear colour. */
    public static double luminance(Vector3dc c) {
        return 0.2126 * c.x() + 0.7152 * c.y() + 0.0722 * c.z();
    }
}
