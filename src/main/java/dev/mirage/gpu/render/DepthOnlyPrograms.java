package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import org.joml.Matrix4fc;

/**
 * The two programs of a depth-only pass (the sun's shadow map, the amodal coverage): plain
 * position-only for surfaces that cover wherever they are drawn, and cut-out (cutout.vert +
 * cutout.frag) for MASK and BLEND surfaces whose alpha varies, which discards below the item's
 * {@link DrawItem#coverageCutoff()} exactly where the scene pass leaves no depth and no id. Items
 * that cover nothing ({@link DrawItem#covers()} false) are skipped.
 *
 * <p>Owns both programs. Thread safety: GL thread only.
 */
final class DepthOnlyPrograms implements AutoCloseable {
    private final ShaderProgram plain;
    private final ShaderProgram cutout;
    private ShaderProgram current;

    DepthOnlyPrograms() {
        plain = ShaderProgram.load("shadow.vert", null);
        try {
            cutout = ShaderProgram.load("cutout.vert", "cutout.frag");
        } catch (RuntimeException e) {
            plain.close();
            throw e;
        }
        cutout.setInt("uBaseColorMap", 0);
    }

    /** Starts a pass: every item is projected by {@code viewProjection}. */
    void begin(Matrix4fc viewProjection) {
        plain.set("uLightViewProjection", viewProjection);
        cutout.set("uLightViewProjection", viewProjection);
        plain.use();
        current = plain;
    }

    /** Draws one item's depth (texture unit 0 is taken for its base colour image). */
    void draw(DrawItem item, MeshUploads meshes, TextureUploads textures) {
        if (!item.covers()) return;
        ShaderProgram program = item.cutout() ? cutout : plain;
        if (program != current) {
            program.use();
            current = program;
        }
        program.set("uModel", item.model());
        if (program == cutout) {
            var image = item.material().baseColorTexture();
            (image != null ? textures.get(image, true) : textures.white()).bind(0);
            cutout.set("uBaseAlpha", item.baseAlpha());
            cutout.set("uAlphaCutoff", item.coverageCutoff());
        }
        meshes.get(item.mesh()).draw();
    }

    @Override
    public void close() {
        cutout.close();
        plain.close();
    }
}
