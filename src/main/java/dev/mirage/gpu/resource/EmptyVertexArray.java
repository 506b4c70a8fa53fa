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

    /** Draws {@code vertices} vertices as separate triangles, for shaders that build them from gl_VertexID. */
    public void drawTriangles(int vertices) {
        checkOpen();
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, vertices);
    }

    @Override
    void release() {
        glDeleteVertexArrays(vao);
    }
}
