package dev.mirage.label;

import dev.mirage.scene.Camera;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;

/**
 * The amodal box of an object: the pixel extent of its whole projected geometry, hidden parts and
 * parts outside the image included, from its vertices in front of the camera. A COCO-style
 * {@code [x, y, w, h]} that may reach past the image's edges. The rasterised silhouette lies within
 * it (pixel centres inside the projected triangles), so it is at most one pixel larger per side.
 *
 * <p>Thread safety: stateless.
 */
public final class AmodalBox {
    /** One mesh of the object: its vertices (x, y, z triples) and where they go in the world. */
    public record Part(Matrix4dc toWorld, float[] positions) {}

    private AmodalBox() {}

    /**
     * @return {x, y, w, h} in pixels, or null when no vertex lies in front of the near plane
     */
    public static double[] of(Camera camera, List<Part> parts) {
        double[] k = camera.intrinsics();
        double fx = k[0], cx = k[2], fy = k[4], cy = k[5];
        Matrix4d worldToCamera = camera.worldToCamera();
        boolean distorted = !camera.lens().identity();
        double field = distorted ? camera.lens().maxRadius() : Double.POSITIVE_INFINITY;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        Vector3d p = new Vector3d();
        Matrix4d toCamera = new Matrix4d();
        for (Part part : parts) {
            worldToCamera.mul(part.toWorld(), toCamera);
            float[] v = part.positions();
            for (int i = 0; i < v.length; i += 3) {
                toCamera.transformPosition(p.set(v[i], v[i + 1], v[i + 2]));
                if (-p.z < camera.nearM()) continue;
                double u = cx + fx * p.x / -p.z, w = cy - fy * p.y / -p.z;
                if (distorted) {
                    double[] d = camera.lens().distort((u - cx) / fx, (w - cy) / fy, field);
                    if (d == null) continue;
                    u = cx + fx * d[0];
                    w = cy + fy * d[1];
                }
                x0 = Math.min(x0, u);
                x1 = Math.max(x1, u);
                y0 = Math.min(y0, w);
                y1 = Math.max(y1, w);
            }
        }
        return x0 > x1 ? null : new double[] {x0, y0, x1 - x0, y1 - y0};
    }
}
