package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.EmptyVertexArray;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.PreethamSky;
import dev.mirage.scene.SkyLight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * Draws a frame's background per pixel (sky.frag) into the colour target of the bound framebuffer:
 * an analytic sky, or fog whose look depends on the view direction (a sun lobe, a height profile).
 * One program variant per set of {@code #define}s, built when first needed. Drawn after the opaque
 * surfaces, on the far plane with depth test LEQUAL, so only pixels that no surface covers are
 * shaded; the caller masks every other colour target and depth writes. Owns its programs and closes them.
 * Thread safety: GL thread only.
 */
final class SkyPass implements AutoCloseable {
    private final Map<List<String>, ShaderProgram> programs = new HashMap<>();
    private final List<ShaderProgram> order = new ArrayList<>();

    /** Draws the background of {@code frame}, whose view-projection is {@code viewProjection}. */
    void draw(FrameScene frame, FrameAtmosphere atmosphere, Matrix4f viewProjection, EmptyVertexArray fullscreen) {
        List<String> defines = new ArrayList<>();
        SkyLight light = atmosphere.light();
        if (light.preetham() != null) defines.add("SKY_PREETHAM 1");
        if (frame.weather().foggy()) defines.add("FOG 1");
        defines.addAll(atmosphere.fogDefines());
        ShaderProgram p = programs.get(defines);
        if (p == null) {
            p = ShaderProgram.load("sky.vert", "sky.frag", defines);
            programs.put(List.copyOf(defines), p);
            order.add(p);
        }
        p.use();
        p.set("uInverseViewProjection", new Matrix4f(viewProjection).invert());
        Vector3dc eye = frame.camera().position();
        p.set("uCameraPosition", (float) eye.x(), (float) eye.y(), (float) eye.z());
        Vector3dc s = frame.sun().towardSun();
        p.set("uTowardSun", (float) s.x(), (float) s.y(), (float) s.z());
        p.set("uExposure", (float) atmosphere.exposure().factor());
        set(p, "uGroundRadiance", light.groundRadiance());
        PreethamSky sky = light.preetham();
        if (sky != null) {
            String[] names = {"uPerezA", "uPerezB", "uPerezC", "uPerezD", "uPerezE"};
            double[][] c = {sky.coefficients(0), sky.coefficients(1), sky.coefficients(2)};
            for (int i = 0; i < 5; i++) p.set(names[i], (float) c[0][i], (float) c[1][i], (float) c[2][i]);
            p.set("uZenithOverF0", (float) sky.zenithOverF0(0), (float) sky.zenithOverF0(1), (float) sky.zenithOverF0(2));
            Vector3d sunForSky = new Vector3d(s.x(), Math.max(s.y(), 0), s.z()).normalize();
            set(p, "uSunForSky", sunForSky);
            set(p, "uClearScale", sky.twilightScale().mul(1 - light.cloudCover()));
            set(p, "uGlow", new Vector3d(PreethamSky.GLOW_COLOR).mul(frame.sky().nightGlowRadiance()));
            p.set("uOvercastZenith", (float) (light.cloudCover() * light.overcastZenith()));
        } else {
            set(p, "uSkyColor", light.backgroundFlat());
        }
        if (frame.weather().foggy()) {
            p.set("uFogExtinction", (float) frame.weather().extinctionPerMetre());
            set(p, "uFogColor", atmosphere.fogColor());
            if (atmosphere.fogSunWeight() > 0) p.set("uFogSunWeight", (float) atmosphere.fogSunWeight());
            if (frame.weather().heightFalloff()) p.set("uFogHeightInv", (float) (1 / frame.weather().fogHeightFalloffM()));
        }
        fullscreen.drawFullscreenTriangle();
    }

    private static void set(ShaderProgram p, String name, Vector3dc v) {
        p.set(name, (float) v.x(), (float) v.y(), (float) v.z());
    }

    @Override
    public void close() {
        for (int i = order.size() - 1; i >= 0; i--) order.get(i).close();
        order.clear();
        programs.clear();
    }
}
