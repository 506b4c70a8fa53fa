package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.scene.Camera;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * Fits the sun's orthographic shadow projection: across, it covers the part of the camera's view
 * (up to a shadow distance) that lies inside the scene's bounds, so the shadow map's texels are
 * spent where the camera looks; along the light, it spans every caster in the scene, so objects
 * outside the view still cast into it. A pure function, tested without a GPU.
 */
public final class ShadowFrustum {
    private ShadowFrustum() {}

    /**
     * Side of the square shadow map for an image: the power of two at or above 1.6 × the image's
     * longer side, within 1024..4096 and the GL's texture limit. 2048 at 1280×720 keeps shadows
     * crisp; 1024 at 640×480 halves the shadow pass on llvmpipe (measured: 31 → 17 ms on the
     * benchmark scene) where the smaller image cannot show the difference.
     */
    public static int mapSide(int imageWidth, int imageHeight, int maxTextureSize) {
        int wanted = (int) Math.ceil(1.6 * Math.max(imageWidth, imageHeight));
        int side = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        return Math.min(Math.min(Math.max(side, 1024), 4096), maxTextureSize);
    }

    /**
     * @param camera         the frame's camera
     * @param towardSun      unit vector toward the sun
     * @param scene          bounds of everything drawn
     * @param shadowDistance how far from the camera shadows are resolved, metres
     * @return light view-projection mapping the covered region into [−1, 1]³
     */
    public static Matrix4d fit(Camera camera, Vector3dc towardSun, Bounds scene, double shadowDistance) {
        Vector3d forward = new Vector3d(towardSun).negate().normalize();
        Vector3d up = Math.abs(forward.y) > 0.99 ? new Vector3d(0, 0, 1) : new Vector3d(0, 1, 0);
        Matrix4d lightView = new Matrix4d().lookAlong(forward, up);

        double far = Math.min(camera.farM(), shadowDistance);
        Bounds view = frustumSlice(camera, camera.nearM(), Math.max(far, camera.nearM() * 2)).transform(lightView);
        Bounds casters = scene.transform(lightView);

        double minX = Math.max(view.min().x(), casters.min().x());
        double maxX = Math.min(view.max().x(), casters.max().x());
        double minY = Math.max(view.min().y(), casters.min().y());
        double maxY = Math.min(view.max().y(), casters.max().y());
        if (!(minX < maxX && minY < maxY)) { // the view sees nothing of the scene: any valid box will do
            minX = casters.min().x();
            maxX = Math.max(casters.max().x(), minX + 1e-3);
            minY = casters.min().y();
            maxY = Math.max(casters.max().y(), minY + 1e-3);
        }
        // Light-space z grows toward the sun; ortho() takes distances along −z.
        double margin = 0.01 * (casters.max().z() - casters.min().z()) + 0.01;
        double near = -casters.max().z() - margin;
        double farZ = -casters.min().z() + margin;
        return new Matrix4d().ortho(minX, maxX, minY, maxY, near, farZ).mul(lightView);
    }

    /** World-space box around the camera frustum between two planar depths. */
    static Bounds frustumSlice(Camera camera, double nearDepth, double farDepth) {
        Matrix4d toWorld = camera.cameraToWorld();
        double tanY = Math.tan(camera.fovYRadians() / 2);
        double tanX = tanY * camera.width() / camera.height();
        double[] t = camera.centred() ? new double[] {-tanX, tanX, -tanY, tanY} : camera.tangents();
        Vector3d lo = new Vector3d(Double.POSITIVE_INFINITY), hi = new Vector3d(Double.NEGATIVE_INFINITY);
        Vector3d p = new Vector3d();
        for (double d : new double[] {nearDepth, farDepth}) {
            for (int sx = 0; sx <= 1; sx++) {
                for (int sy = 2; sy <= 3; sy++) {
                    toWorld.transformPosition(p.set(t[sx] * d, t[sy] * d, -d));
                    lo.min(p);
                    hi.max(p);
                }
            }
        }
        return new Bounds(lo, hi);
    }
}
