package dev.mirage.gpu.render;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.gpu.resource.EmptyVertexArray;
import dev.mirage.gpu.resource.RenderTarget;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Bloom;
import java.util.ArrayList;
import java.util.List;

/**
 * Bloom around strong lights ({@link Bloom}), on the finished sRGB colour image before FXAA and lens
 * drops: the bright part averaged into a quarter-resolution linear target (bloom_bright.frag), halved
 * further while the reach is over {@link #MAX_TAPS} texels (bloom_down.frag), blurred by a separable
 * Gaussian (bloom_blur.frag), with glare a four-point star from the bright-pass target
 * (bloom_star.frag), then added back at full resolution (bloom_combine.frag) into this pass's
 * own colour target. Colour only: depth, ids and labels are the scene pass's. Frames without bloom skip it.
 *
 * <p>Owns its programs and targets (low-resolution ones made on first use at each level); the vertex
 * array is the renderer's. Thread safety: GL thread only.
 */
final class BloomPass implements AutoCloseable {
    /** The most Gaussian taps either side of a texel; wider reaches work at a lower resolution. */
    static final int MAX_TAPS = 8;
    /** Full-resolution pixels per texel of the first glow level. */
    static final int FIRST_SCALE = 4;

    private final int width, height;
    private final List<ShaderProgram> programs = new ArrayList<>();
    /** The most taps along each ray of the glare star (at the first glow level). */
    static final int MAX_STAR_TAPS = 64;

    private final ShaderProgram bright, down, blur, star, combine;
    /** The glare star at the first level, made on first use. */
    private RenderTarget starTarget;
    /** Per level, two targets (ping and pong); level l holds FIRST_SCALE · 2^l pixels per texel. */
    private final List<RenderTarget[]> levels = new ArrayList<>();
    private RenderTarget result;

    BloomPass(int width, int height) {
        this.width = width;
        this.height = height;
        try {
            bright = add(ShaderProgram.load("fullscreen.vert", "bloom_bright.frag"));
            down = add(ShaderProgram.load("fullscreen.vert", "bloom_down.frag"));
            blur = add(ShaderProgram.load("fullscreen.vert", "bloom_blur.frag"));
            star = add(ShaderProgram.load("fullscreen.vert", "bloom_star.frag"));
            combine = add(ShaderProgram.load("fullscreen.vert", "bloom_combine.frag"));
            result = RenderTarget.create("bloom", width, height, new int[] {GL_RGBA8}, 0);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        bright.setInt("uColor", 0);
        down.setInt("uSource", 0);
        blur.setInt("uSource", 0);
        star.setInt("uSource", 0);
        combine.setInt("uColor", 0);
        combine.setInt("uBloom", 1);
        combine.setInt("uStar", 2);
    }

    private ShaderProgram add(ShaderProgram p) {
        programs.add(p);
        return p;
    }

    /** The glow level for a reach of {@code radiusPx}: the first whose reach in texels is at most MAX_TAPS. */
    static int level(double radiusPx) {
        int l = 0;
        while (radiusPx / scale(l) > MAX_TAPS) l++;
        return l;
    }

    static int scale(int level) { return FIRST_SCALE << level; }

    /** The sRGB level {@code s} (0..1) in linear light. */
    static double linear(double s) {
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private RenderTarget[] targets(int level) {
        while (levels.size() <= level) {
            int s = scale(levels.size());
            int w = (width + s - 1) / s, h = (height + s - 1) / s;
            RenderTarget[] pair = new RenderTarget[2];
            levels.add(pair);
            pair[0] = RenderTarget.create("bloom level " + (levels.size() - 1), w, h, new int[] {GL_RGBA16F}, 0);
            pair[1] = RenderTarget.create("bloom level " + (levels.size() - 1) + " blur", w, h, new int[] {GL_RGBA16F}, 0);
            // the combine pass upsamples pair[0] bilinearly, reading 0 beyond the edge (the border's default colour)
            filterBilinearOverZeroBorder(pair[0].colorTexture(0));
        }
        return levels.get(level);
    }

    private static void filterBilinearOverZeroBorder(int t) {
        glTextureParameteri(t, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(t, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(t, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
        glTextureParameteri(t, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    }

    /** Taps along each ray of the glare star for a glow reaching {@code radiusPx}. */
    static int starTaps(double radiusPx) {
        return (int) Math.min(MAX_STAR_TAPS, Math.max(1, Math.ceil(Bloom.GLARE_REACH * radiusPx / FIRST_SCALE)));
    }

    /** Draws {@code colorTexture} with its bloom into this pass's target and returns that target. */
    RenderTarget apply(int colorTexture, Bloom bloom, EmptyVertexArray fullscreen) {
        if (!bloom.on()) throw new IllegalArgumentException("bloom is off: " + bloom);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_BLEND);
        int top = level(bloom.radiusPx());
        RenderTarget[] first = targets(0);
        first[0].bindForDrawing();
        bright.use();
        bright.set("uThreshold", (float) linear(bloom.threshold()));
        bright.set("uThresholdSrgb", (float) bloom.threshold());
        glBindTextureUnit(0, colorTexture);
        fullscreen.drawFullscreenTriangle();
        if (bloom.glare() > 0) {
            if (starTarget == null) {
                starTarget = RenderTarget.create("glare star", first[0].width(), first[0].height(), new int[] {GL_RGBA16F}, 0);
                filterBilinearOverZeroBorder(starTarget.colorTexture(0));
            }
            starTarget.bindForDrawing();
            star.use();
            star.setInt("uTaps", starTaps(bloom.radiusPx()));
            glBindTextureUnit(0, first[0].colorTexture(0));
            fullscreen.drawFullscreenTriangle();
        }
        for (int l = 1; l <= top; l++) {
            RenderTarget[] pair = targets(l);
            pair[0].bindForDrawing();
            down.use();
            glBindTextureUnit(0, targets(l - 1)[0].colorTexture(0));
            fullscreen.drawFullscreenTriangle();
        }
        RenderTarget[] glow = targets(top);
        double reach = bloom.radiusPx() / scale(top);
        int taps = (int) Math.floor(reach);
        if (taps > 0) {
            blur.use();
            blur.set("uSigma", (float) (reach / 3));
            blur.setInt("uTaps", taps);
            pass(glow[0], glow[1], 1, 0, fullscreen);
            pass(glow[1], glow[0], 0, 1, fullscreen);
        }
        result.bindForDrawing();
        combine.use();
        combine.set("uScale", (float) scale(top));
        combine.set("uStrength", (float) bloom.strength());
        combine.set("uGlare", (float) bloom.glare());
        glBindTextureUnit(0, colorTexture);
        glBindTextureUnit(1, glow[0].colorTexture(0));
        glBindTextureUnit(2, bloom.glare() > 0 ? starTarget.colorTexture(0) : glow[0].colorTexture(0));
        fullscreen.drawFullscreenTriangle();
        glBindTextureUnit(1, 0);
        glBindTextureUnit(2, 0);
        return result;
    }

    private void pass(RenderTarget from, RenderTarget to, int dx, int dy, EmptyVertexArray fullscreen) {
        to.bindForDrawing();
        blur.set("uDirection", dx, dy);
        glBindTextureUnit(0, from.colorTexture(0));
        fullscreen.drawFullscreenTriangle();
    }

    @Override
    public void close() {
        for (int i = levels.size() - 1; i >= 0; i--)
            for (RenderTarget t : levels.get(i)) if (t != null) t.close();
        levels.clear();
        if (starTarget != null) starTarget.close();
        if (result != null) result.close();
        for (int i = programs.size() - 1; i >= 0; i--) programs.get(i).close();
        programs.clear();
    }
}
