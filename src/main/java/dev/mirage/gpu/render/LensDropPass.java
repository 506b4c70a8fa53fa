package dev.mirage.gpu.render;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.gpu.resource.EmptyVertexArray;
import dev.mirage.gpu.resource.RenderTarget;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.LensDrop;
import java.util.List;

/**
 * Water drops on the lens (lensdrops.frag): a full-screen pass from the finished colour image into
 * its own colour target, which is then read back instead. Colour only: depth, ids and labels are
 * the scene pass's. Frames without drops skip it.
 *
 * <p>Owns its program and target; the vertex array is the renderer's. Thread safety: GL thread only.
 */
final class LensDropPass implements AutoCloseable {
    /** The most drops the shader holds (PrecipitationParticles.MAX_LENS_DROPS). */
    static final int MAX_DROPS = 32;

    private final ShaderProgram program;
    private final RenderTarget target;
    private final int width, height;

    LensDropPass(int width, int height) {
        this.width = width;
        this.height = height;
        program = ShaderProgram.load("fullscreen.vert", "lensdrops.frag");
        try {
            target = RenderTarget.create("lens drops", width, height, new int[] {GL_RGBA8}, 0);
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
        int size = program.uniformArraySize("uDrops");
        if (size != MAX_DROPS) {
            close();
            throw new IllegalStateException("lensdrops.frag declares uDrops[" + size + "] but MAX_DROPS is " + MAX_DROPS);
        }
        program.setInt("uColor", 0);
        program.set("uSize", width, height);
    }

    /** Packs drops as the shader reads them: centre in GL pixels (bottom-up), radius in pixels. */
    static float[] pack(List<LensDrop> drops, int width, int height) {
        if (drops.size() > MAX_DROPS) throw new IllegalArgumentException(drops.size() + " lens drops, at most " + MAX_DROPS);
        float[] v = new float[4 * drops.size()];
        for (int i = 0; i < drops.size(); i++) {
            LensDrop d = drops.get(i);
            v[4 * i] = (float) (d.x() * width);
            v[4 * i + 1] = (float) ((1 - d.y()) * height);
            v[4 * i + 2] = (float) (d.radius() * height);
        }
        return v;
    }

    /** Draws {@code colorTexture} with the drops into this pass's target and returns that target. */
    RenderTarget apply(int colorTexture, List<LensDrop> drops, EmptyVertexArray fullscreen) {
        target.bindForDrawing();
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_BLEND);
        program.use();
        program.setInt("uDropCount", drops.size());
        program.setVec4Array("uDrops", pack(drops, width, height));
        glBindTextureUnit(0, colorTexture);
        fullscreen.drawFullscreenTriangle();
        return target;
    }

    @Override
    public void close() {
        target.close();
        program.close();
    }
}
