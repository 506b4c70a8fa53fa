package dev.mirage.gpu.render;

import dev.mirage.asset.Mesh;
import dev.mirage.gpu.resource.GpuMesh;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uploads each CPU mesh once and hands back its GPU copy for every later frame and instance.
 *
 * <p>Keeps at most {@link #capacity} meshes between frames: {@link #beginFrame()} closes the least
 * recently used beyond it, so a long run whose templates draw new library shapes per instance does
 * not grow. Within a frame nothing is closed (a frame may use more), so a {@link GpuMesh} handed out
 * stays valid until the next {@code beginFrame}.
 *
 * <p>Owns the {@link GpuMesh}es it made and closes them. Thread safety: GL thread only.
 */
final class MeshUploads implements AutoCloseable {
    /** Meshes kept between frames by default: far more than a scene's fixed assets, a few hundred MB at most. */
    static final int DEFAULT_CAPACITY = 2048;

    private final int capacity;
    /** Access order: eldest first. Keyed by identity (Mesh does not override equals). */
    private final LinkedHashMap<Mesh, GpuMesh> uploaded = new LinkedHashMap<>(256, 0.75f, true);

    MeshUploads() {
        this(DEFAULT_CAPACITY);
    }

    MeshUploads(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
    }

    GpuMesh get(Mesh mesh) {
        GpuMesh gpu = uploaded.get(mesh);
        if (gpu == null) {
            gpu = GpuMesh.upload(mesh);
            uploaded.put(mesh, gpu);
        }
        return gpu;
    }

    /** Closes the least recently used meshes beyond capacity; call before drawing a frame. */
    void beginFrame() {
        Iterator<Map.Entry<Mesh, GpuMesh>> it = uploaded.entrySet().iterator();
        while (uploaded.size() > capacity && it.hasNext()) {
            it.next().getValue().close();
            it.remove();
        }
    }

    /** Meshes held on the GPU now. */
    int size() {
        return uploaded.size();
    }

    @Override
    public void close() {
        for (GpuMesh gpu : uploaded.values()) gpu.close();
        uploaded.clear();
    }
}
