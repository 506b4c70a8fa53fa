package dev.mirage.gpu.render;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.asset.Bounds;
import dev.mirage.gpu.resource.QueryPool;
import dev.mirage.gpu.resource.RenderTarget;
import dev.mirage.sensor.AmodalCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Vector4f;

/**
 * Measures how many pixels each labeled object would cover if nothing hid it: each object is drawn
 * alone into a guard-band target three times the image's width and height, with the image's pixel
 * grid in its centre, and occlusion queries count its pixels in the whole band and in the image
 * part. The stencil lets only the first fragment at each pixel pass (its value steps up once per
 * count), so a pixel counts once however the mesh overlaps itself; an object whose bounds lie in
 * the image needs one draw, one that crosses the image's edge two. Results are read with the
 * frame's readback, so on a GPU nothing stalls. Alpha-tested and blended surfaces count only where
 * they are labeled ({@link DepthOnlyPrograms}), so visible and amodal pixels stay comparable.
 *
 * <p>Owns its target, program and queries. Thread safety: GL thread only.
 */
final class AmodalPass implements AutoCloseable {
    private static final int BAND = AmodalCoverage.GUARD_BAND;

    private final int width;
    private final int height;
    private final RenderTarget band;
    private final DepthOnlyPrograms depthOnly;
    private final QueryPool[] queries;
    private final List<List<Pending>> pending = new ArrayList<>();

    /** The two queries of one instance. */
    private record Pending(int instanceId, int totalQuery, int imageQuery) {}

    AmodalPass(int width, int height, int slots) {
        this.width = width;
        this.height = height;
        band = RenderTarget.create("amodal guard band", BAND * width, BAND * height, new int[0], GL_DEPTH24_STENCIL8);
        depthOnly = new DepthOnlyPrograms();
        queries = new QueryPool[slots];
        for (int i = 0; i < slots; i++) {
            queries[i] = new QueryPool("amodal queries " + i);
            pending.add(new ArrayList<>());
        }
    }

    /** Queues the measurement of every labeled object of a frame into readback slot {@code slot}. */
    void measure(List<DrawItem> items, Matrix4f viewProjection, int slot, MeshUploads meshes, TextureUploads textures) {
        Map<Integer, List<DrawItem>> byInstance = new LinkedHashMap<>();
        for (DrawItem item : items) if (item.instanceId() > 0) byInstance.computeIfAbsent(item.instanceId(), k -> new ArrayList<>()).add(item);
        QueryPool pool = queries[slot];
        pool.reset();
        List<Pending> list = pending.get(slot);
        list.clear();
        Matrix4f bandViewProjection = new Matrix4f().scaling(1f / BAND, 1f / BAND, 1f).mul(viewProjection);
        band.bindForDrawing();
        depthOnly.begin(bandViewProjection);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glEnable(GL_SCISSOR_TEST);
        glEnable(GL_STENCIL_TEST);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INCR);
        for (var entry : byInstance.entrySet()) {
            int[] rect = scissor(entry.getValue(), bandViewProjection);
            if (rect == null) { // wholly behind the camera or outside the band
                list.add(new Pending(entry.getKey(), -1, -1));
                continue;
            }
            glScissor(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
            glClearStencil(0);
            glClear(GL_STENCIL_BUFFER_BIT);
            glStencilFunc(GL_EQUAL, 0, 0xFF);
            int total = pool.begin();
            draw(entry.getValue(), meshes, textures);
            pool.end();
            int x0 = Math.max(rect[0], width), y0 = Math.max(rect[1], height);
            int x1 = Math.min(rect[2], 2 * width), y1 = Math.min(rect[3], 2 * height);
            int image = -1;
            if (x0 == rect[0] && y0 == rect[1] && x1 == rect[2] && y1 == rect[3]) {
                image = total; // the bounds lie in the image: nothing of it can be outside
            } else if (x0 < x1 && y0 < y1) {
                glScissor(x0, y0, x1 - x0, y1 - y0);
                glStencilFunc(GL_EQUAL, 1, 0xFF);
                image = pool.begin();
                draw(entry.getValue(), meshes, textures);
                pool.end();
            }
            list.add(new Pending(entry.getKey(), total, image));
        }
        glDisable(GL_CULL_FACE);
        glDisable(GL_STENCIL_TEST);
        glDisable(GL_SCISSOR_TEST);
        glEnable(GL_DEPTH_TEST);
    }

    /** The coverage measured into {@code slot} (waits for the queries). */
    AmodalCoverage collect(int slot) {
        List<Pending> list = pending.get(slot);
        int maxId = list.stream().mapToInt(Pending::instanceId).max().orElse(0);
        long[] inImage = new long[maxId + 1], total = new long[maxId + 1];
        for (Pending p : list) {
            if (p.totalQuery() >= 0) total[p.instanceId()] = queries[slot].result(p.totalQuery());
            if (p.imageQuery() >= 0) inImage[p.instanceId()] = queries[slot].result(p.imageQuery());
        }
        return new AmodalCoverage(inImage, total);
    }

    private void draw(List<DrawItem> parts, MeshUploads meshes, TextureUploads textures) {
        for (DrawItem item : parts) {
            // Culled as in the scene pass: a one-sided sheet seen from behind covers nothing there either.
            item.setFrontFace();
            if (item.cullBackFaces()) glEnable(GL_CULL_FACE);
            else glDisable(GL_CULL_FACE);
            depthOnly.draw(item, meshes, textures);
        }
        glFrontFace(GL_CCW);
    }

    /**
     * The guard-band pixel rectangle {x0, y0, x1, y1} (x1, y1 exclusive) around an object's world
     * bounds, the whole band when the bounds reach behind the camera, or null when they miss it.
     */
    private int[] scissor(List<DrawItem> parts, Matrix4f bandViewProjection) {
        Bounds b = parts.stream().map(DrawItem::worldBounds).reduce(Bounds::union).orElseThrow();
        int bw = BAND * width, bh = BAND * height;
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        Vector4f p = new Vector4f();
        for (int i = 0; i < 8; i++) {
            var c = b.corner(i);
            bandViewProjection.transform(p.set((float) c.x, (float) c.y, (float) c.z, 1f));
            if (p.w <= 1e-6f) return new int[] {0, 0, bw, bh};
            float x = (p.x / p.w + 1) * 0.5f * bw, y = (p.y / p.w + 1) * 0.5f * bh;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int x0 = Math.max(0, (int) Math.floor(minX) - 1), y0 = Math.max(0, (int) Math.floor(minY) - 1);
        int x1 = Math.min(bw, (int) Math.ceil(maxX) + 1), y1 = Math.min(bh, (int) Math.ceil(maxY) + 1);
        return x0 < x1 && y0 < y1 ? new int[] {x0, y0, x1, y1} : null;
    }

    @Override
    public void close() {
        for (int i = queries.length - 1; i >= 0; i--) queries[i].close();
        depthOnly.close();
        band.close();
    }
}
