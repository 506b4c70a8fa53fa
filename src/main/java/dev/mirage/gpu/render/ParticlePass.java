package dev.mirage.gpu.render;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.gpu.resource.EmptyVertexArray;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.gpu.resource.StorageBuffer;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ParticleSet;
import dev.mirage.scene.Precipitation;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import org.joml.Matrix4f;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * Draws a frame's rain drops and snow flakes (particles.vert/.frag) over the scene pass's colour
 * target, after every opaque and blended surface: depth tested against the scene, so objects hide
 * the particles behind them, but writing neither depth nor the depth and id targets, so no label,
 * depth pixel or amodal measurement ever sees a particle.
 *
 * <p>Light: a rain drop refracts the bright sky above it toward the camera (Garg and Nayar, 2007),
 * so its radiance is {@link #RAIN_SKY_SHARE} of the sky's plus {@link #RAIN_SUN_SHARE} of the sun's;
 * a snow flake is a rough white body of albedo {@link #SNOW_ALBEDO}, lit by the sky over its upper
 * half and by a quarter of the sun (the mean cosine over a sphere), unshadowed. Rain streaks get an
 * opacity gain of {@link #RAIN_OPACITY_GAIN} over the time-averaged coverage, since a drop also
 * focuses light into a highlight several times brighter than its mean, and the plain mean leaves
 * 1/60 s streaks barely visible in 8-bit output; flakes take their coverage as it is.
 *
 * <p>Owns its program, vertex array and particle buffer. Thread safety: GL thread only.
 */
final class ParticlePass implements AutoCloseable {
    static final double RAIN_SKY_SHARE = 0.9;
    static final double RAIN_SUN_SHARE = 0.08;
    static final double RAIN_OPACITY_GAIN = 10;
    static final double SNOW_ALBEDO = 0.85;

    private final ShaderProgram program;
    private final EmptyVertexArray quads;
    private final StorageBuffer particles;

    ParticlePass(int width, int height) {
        ShaderProgram p = ShaderProgram.load("particles.vert", "particles.frag");
        EmptyVertexArray q = null;
        try {
            q = new EmptyVertexArray();
            particles = new StorageBuffer("precipitation particles");
        } catch (RuntimeException e) {
            if (q != null) q.close();
            p.close();
            throw e;
        }
        program = p;
        quads = q;
        program.set("uViewportPixels", width, height);
    }

    /** Whether a frame has particles to draw. */
    static boolean needed(FrameScene frame) {
        Precipitation p = frame.weather().precipitation();
        return p.rain().count() > 0 || p.snow().count() > 0;
    }

    /** Blends the frame's particles into colour attachment 0 of the bound scene target. */
    void draw(FrameScene frame, FrameAtmosphere atmosphere, Matrix4f viewProjection) {
        Precipitation p = frame.weather().precipitation();
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glDepthMask(false);
        glDisable(GL_CULL_FACE);
        glColorMaski(1, false, false, false, false);
        glColorMaski(2, false, false, false, false);
        glEnablei(GL_BLEND, 0);
        glBlendFuncSeparatei(0, GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        program.use();
        program.set("uViewProjection", viewProjection);
        program.set("uFocalPixels", (float) frame.camera().focalPixels());
        program.set("uFogExtinction", (float) frame.weather().extinctionPerMetre());
        // the sky light of the frame (flat, or the analytic sky's ambient), then the camera's exposure, as surfaces get
        Vector3d sky = new Vector3d(atmosphere.light().skyRadiance());
        double exposure = atmosphere.exposure().factor();
        drawSet(p.rain(), rainRadiance(frame.sun(), sky).mul(exposure), (float) (Precipitation.EXPOSURE_S * p.streakLengthScale()),
                (float) RAIN_OPACITY_GAIN);
        drawSet(p.snow(), snowRadiance(frame.sun(), sky).mul(exposure), (float) Precipitation.EXPOSURE_S, 1f);
        glDisablei(GL_BLEND, 0);
        glColorMaski(1, true, true, true, true);
        glColorMaski(2, true, true, true, true);
        glDepthMask(true);
    }

    private void drawSet(ParticleSet set, Vector3d radiance, float exposureS, float gain) {
        if (set.count() == 0) return;
        particles.fill(set.values());
        particles.bind(0);
        program.set("uRadiance", (float) radiance.x, (float) radiance.y, (float) radiance.z);
        program.set("uExposureS", exposureS);
        program.set("uOpacityGain", gain);
        quads.drawTriangles(3 * set.count());
    }

    /** Linear radiance of a rain drop: mostly the sky it refracts, a little sun. */
    static Vector3d rainRadiance(Sun sun, Vector3dc skyRadiance) {
        return new Vector3d(skyRadiance).mul(RAIN_SKY_SHARE).add(sun(sun).mul(RAIN_SUN_SHARE));
    }

    /** Linear radiance of a snow flake: albedo × (sky over its upper half, ground bounce over the lower, a quarter of the sun). */
    static Vector3d snowRadiance(Sun sun, Vector3dc skyRadiance) {
        Vector3d lit = new Vector3d(skyRadiance).mul(0.5 + 0.5 * SceneColors.GROUND_BOUNCE).add(sun(sun).mul(0.25));
        return lit.mul(SNOW_ALBEDO);
    }

    private static Vector3d sun(Sun sun) {
        return new Vector3d(sun.colorLinear()).mul(sun.intensity());
    }

    @Override
    public void close() {
        particles.close();
        quads.close();
        program.close();
    }
}
