package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The ambient light and background of a frame's sky, computed once per frame on the CPU so the
 * shaders stay as cheap as a flat sky: the radiance a white up-facing surface reflects from the sky
 * ({@code skyRadiance}, the top of scene.frag's hemisphere gradient), the light the ground bounces up
 * ({@code groundRadiance}, its bottom), and for an analytic sky its {@link PreethamSky}.
 *
 * <p>Flat sky: sky = colour × intensity, ground = 0.3 × sky. Analytic sky: sky = (1/π)∫ L(ω) cos θ dω
 * over the upper hemisphere (24 × 48 midpoint samples of the clear sky and the night glow), ground
 * = 0.2 (ground albedo) × (direct sun on a horizontal surface + sky).
 *
 * <p>Cloud cover c (both models): the sun was already dimmed by {@link Sky#sunThroughClouds()} when
 * the frame was sampled; the diffuse sky turns toward a grey CIE overcast sky whose white-surface
 * radiance is D = 0.3 × (clear-sky direct sun on a horizontal surface + clear sky), i.e.
 * sky = (1 − c) · sky_clear + c · D, and an overcast background L_z · (1 + 2 cos θ) / 3 with
 * L_z = 9/7 · D (so that it reflects D). A flat sky's background colour turns toward the grey of its
 * luminance by c.
 *
 * @param skyRadiance     white up-facing surface radiance from the sky, linear RGB, scene units
 * @param groundRadiance  the hemisphere gradient's downward end
 * @param backgroundFlat  a flat sky's background colour (linear), null for an analytic sky
 * @param preetham        the analytic clear sky, or null
 * @param cloudCover      c
 * @param overcastZenith  L_z of the overcast sky (grey), scene units
 * @param sunHorizontal   direct sun reflected by a white horizontal surface (after clouds), scene units
 */
public record SkyLight(Vector3dc skyRadiance, Vector3dc groundRadiance, Vector3dc backgroundFlat, PreethamSky preetham,
                       double cloudCover, double overcastZenith, double sunHorizontal) {
    /** Share of sky light the ground bounces onto downward-facing surfaces, flat sky. */
    public static final double GROUND_BOUNCE = 0.3;
    /** Ground albedo under an analytic sky. */
    public static final double GROUND_ALBEDO = 0.2;

    /** The sky light of a frame with this sun and sky. */
    public static SkyLight of(Sun sun, Sky sky) {
        double c = sky.cloudCover();
        double sinE = Math.max(0, sun.towardSun().y());
        double sunH = sun.intensity() * AutoExposure.luminance(sun.colorLinear()) * sinE;
        double sunClearH = sunH / sky.sunThroughClouds();
        if (!sky.physical()) {
            Vector3d clear = new Vector3d(sky.colorLinear()).mul(sky.intensity());
            double overcast = 0.3 * (sunClearH + AutoExposure.luminance(clear));
            Vector3d skyR = new Vector3d(clear).mul(1 - c).add(c * overcast, c * overcast, c * overcast);
            double grey = AutoExposure.luminance(sky.colorLinear());
            Vector3d background = new Vector3d(sky.colorLinear()).lerp(new Vector3d(grey, grey, grey), c);
            return new SkyLight(skyR, new Vector3d(skyR).mul(GROUND_BOUNCE), background, null, c, overcast * 9 / 7, sunH);
        }
        PreethamSky model = new PreethamSky(sun.towardSun(), sky.turbidity(), sky.nightGlowRadiance());
        Vector3d clearUp = new Vector3d(), glowUp = new Vector3d();
        int nt = 24, np = 48;
        double dt = Math.PI / 2 / nt, dp = 2 * Math.PI / np;
        for (int i = 0; i < nt; i++) {
            double theta = (i + 0.5) * dt;
            double weight = Math.cos(theta) * Math.sin(theta) * dt * dp / Math.PI;
            for (int j = 0; j < np; j++) {
                double phi = (j + 0.5) * dp;
                Vector3d dir = new Vector3d(Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi));
                clearUp.fma(weight, model.clearRadiance(dir));
                glowUp.fma(weight, model.glowRadiance(dir));
            }
        }
        double overcast = 0.3 * (sunClearH + AutoExposure.luminance(clearUp));
        Vector3d skyR = new Vector3d(clearUp).mul(1 - c).add(glowUp).add(c * overcast, c * overcast, c * overcast);
        Vector3d sunColorH = new Vector3d(sun.colorLinear()).mul(sun.intensity() * sinE);
        Vector3d ground = new Vector3d(sunColorH).add(skyR).mul(GROUND_ALBEDO);
        return new SkyLight(skyR, ground, null, model, c, overcast * 9 / 7, sunH);
    }

    /** What a white horizontal surface reflects in this light (direct sun + sky), luminance, scene units. */
    public double whiteHorizontal() {
        return sunHorizontal + AutoExposure.luminance(skyRadiance);
    }

    /** Background radiance of an analytic sky looking along unit {@code dir} (the sky pass computes the same). */
    public Vector3d backgroundRadiance(Vector3dc dir) {
        if (preetham == null) return new Vector3d(backgroundFlat);
        if (dir.y() < 0) return new Vector3d(groundRadiance);
        double oc = overcastZenith * (1 + 2 * dir.y()) / 3;
        return preetham.clearRadiance(dir).mul(1 - cloudCover).add(preetham.glowRadiance(dir)).add(cloudCover * oc, cloudCover * oc, cloudCover * oc);
    }
}
