package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import java.util.Arrays;

/**
 * Occlusion queries (GL_SAMPLES_PASSED) handed out in order each frame and reused across frames;
 * the pool grows when a frame needs more.
 *
 * <p>Owns its GL query objects. Thread safety: GL thread only.
 */
public final class QueryPool extends GlObject {
    private int[] queries = new int[0];
    private int used;

    public QueryPool(String label) {
        super(label);
    }

    /** Makes every query available again (their previous results must have been read). */
    public void reset() {
        checkOpen();
        used = 0;
    }

    /** Starts counting samples into the next free query and returns its index. */
    public int begin() {
        checkOpen();
        if (used == queries.length) {
            int[] more = new int[Math.max(16, queries.length)];
            glCreateQueries(GL_SAMPLES_PASSED, more);
            int old = queries.length;
            queries = Arrays.copyOf(queries, old + more.length);
            System.arraycopy(more, 0, queries, old, more.length);
        }
        glBeginQuery(GL_SAMPLES_PASSED, queries[used]);
        return used++;
    }

    public void end() {
        checkOpen();
        glEndQuery(GL_SAMPLES_PASSED);
    }

    /** The sample count of query {@code index}, waiting for it if needed. */
    public long result(int index) {
        checkOpen();
        if (index >= used) throw new IllegalArgumentException("query " + index + " was not used this frame");
        return glGetQueryObjecti64(queries[index], GL_QUERY_RESULT);
    }

    @Override
    void release() {
        if (queries.length > 0) glDeleteQueries(queries);
    }
}
