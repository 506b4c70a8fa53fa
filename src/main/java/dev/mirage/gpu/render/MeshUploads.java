package dev.mirage.gpu.render;

import dev.mirage.asset.Mesh;
import dev.mirage.gpu.resource.GpuMesh;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads each CPU mesh once and hands back its GPU copy for every later frame and instance.
 *
 * <p>Owns the {@link GpuMesh}es it made and closes them, newest first. Thread safety: GL thread only.
 */
final class MeshUploads implements AutoCloseable {
    private final Map<Mesh, GpuMesh> uploaded = new IdentityHashMap<>();
    private final List<GpuMesh> order = new ArrayList<>();

    GpuMesh get(Mesh mesh) {
        GpuMesh gpu = uploaded.get(mesh);
        if (gpu == null) {
            gpu = GpuMesh.upload(mesh);
            uploaded.put(mesh, gpu);
            order.add(gpu);
        }
        return gpu;
    }

    @Override
    public void close() {
        for (int i = order.size() - 1; i >= 0; i--) order.get(i).close();
        order.clear();
        uploaded.clear();
    }
}
