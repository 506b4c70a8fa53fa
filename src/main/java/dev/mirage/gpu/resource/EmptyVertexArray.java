package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

/**
 * A vertex array with no attributes, for full-screen passes that build their triangle from
 * gl_VertexID (the core profile needs some VAO bound to draw).
 *
 * <p>Owns one VAO. Thread safety: GL thread only.
 */
public final class EmptyVertexArray extends GlObject {
    private final int vao;

    public EmptyVertexArray() {
        super("full-screen triangle");
        vao = glCreateVertexArrays();
    }

    /** Draws one triangle that covers the viewport. */
    public void drawFullscreenTriangle() {
        checkOpen();
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    /** Draws {@code instances} triangle strips of {@code vertices} vertices each, built from gl_VertexID and gl_InstanceID. */
    public void drawInstancedStrips(int vertices, int instances) {
        checkOpen();
        glBindVertexArray(vao);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, vertices, instances);
    }

    @Override
    void release() {
        glDeleteVertexArrays(vao);
    }
}
