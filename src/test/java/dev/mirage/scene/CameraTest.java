package dev.mirage.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;
import org.junit.jupiter.api.Test;

class CameraTest {
    private static Camera camera(Vector3d position, Vector3d lookAt, double fovDeg, int w, int h) {
        return new Camera(position, lookAt, Math.toRadians(fovDeg), 0.1, 500, w, h);
    }

    /** Pixel of a world point by K, computed here from the camera coordinates worldToCamera gives. */
    private static double[] pixelByK(Camera c, Vector3d world) {
        Vector3d p = c.worldToCamera().transformPosition(new Vector3d(world));
        assertTrue(p.z < 0, "in front of the camera: " + p);
        double f = c.height() / 2.0 / Math.tan(c.fovYRadians() / 2);
        return new double[] {c.width() / 2.0 + f * p.x / -p.z, c.height() / 2.0 - f * p.y / -p.z};
    }

    /** Pixel of a world point by the GL projection: clip, NDC, then ((ndc+1)/2·w, (1−ndc_y)/2·h). */
    private static double[] pixelByGl(Camera c, Vector3d world) {
        Vector4d clip = new Matrix4d(c.projection()).mul(c.worldToCamera()).transform(new Vector4d(world, 1));
        double nx = clip.x / clip.w, ny = clip.y / clip.w;
        return new double[] {(nx + 1) / 2 * c.width(), (1 - ny) / 2 * c.height()};
    }

    private static void assertFinite(Matrix4d m) {
        for (int col = 0; col < 4; col++)
            for (int row = 0; row < 4; row++)
                assertTrue(Double.isFinite(m.get(col, row)), "entry " + col + "," + row + " of\n" + m);
    }

    @Test
    void intrinsicsFor640x480AndNinetyDegrees() {
        // fy = (480/2) / tan(45°) = 240; principal point at the image centre
        Camera c = camera(new Vector3d(0, 0, 0), new Vector3d(0, 0, -1), 90, 640, 480);
        assertArrayEquals(new double[] {240, 0, 320, 0, 240, 240, 0, 0, 1}, c.intrinsics(), 1e-9);
        assertEquals(240, c.focalPixels(), 1e-9);
    }

    @Test
    void intrinsicsForANarrowWideCamera() {
        // 1280x720, fovY 40°: f = 360 / tan(20°) = 360 / 0.36397023 = 989.0918
        Camera c = camera(new Vector3d(0, 3, 0), new Vector3d(0, 0.5, -25), 40, 1280, 720);
        double[] k = c.intrinsics();
        assertEquals(989.0918, k[0], 1e-4);
        assertEquals(k[0], k[4]);
        assertEquals(640, k[2]);
        assertEquals(360, k[5]);
    }

    @Test
    void aPointStraightAheadProjectsToThePrincipalPoint() {
        Vector3d position = new Vector3d(1, 2, 3), lookAt = new Vector3d(4, 2.5, -1);
        Camera c = camera(position, lookAt, 90, 640, 480);
        Vector3d ahead = new Vector3d(lookAt).sub(position).mul(7).add(position);
        Vector3d inCamera = c.worldToCamera().transformPosition(new Vector3d(ahead));
        assertEquals(0, inCamera.x, 1e-9);
        assertEquals(0, inCamera.y, 1e-9);
        assertEquals(-7 * lookAt.distance(position), inCamera.z, 1e-9);
        assertArrayEquals(new double[] {320, 240}, pixelByK(c, ahead), 1e-9);
        assertArrayEquals(new double[] {320, 240}, pixelByGl(c, ahead), 1e-9);
    }

    @Test
    void pixelAxesPointRightAndDown() {
        // camera at the origin looking down -Z: world +x is camera +x (right), world +y is up (smaller v)
        Camera c = camera(new Vector3d(0, 0, 0), new Vector3d(0, 0, -1), 90, 640, 480);
        // X = 1, Y = 0.5 at Z = -2: u = 320 + 240·0.5 = 440, v = 240 − 240·0.25 = 180
        assertArrayEquals(new double[] {440, 180}, pixelByK(c, new Vector3d(1, 0.5, -2)), 1e-9);
        assertArrayEquals(new double[] {440, 180}, pixelByGl(c, new Vector3d(1, 0.5, -2)), 1e-9);
    }

    @Test
    void intrinsicsAgreeWithTheGlProjection() {
        Camera c = camera(new Vector3d(-2, 1.7, 4), new Vector3d(3, 0.8, -30), 50, 1280, 720);
        double[] k = c.intrinsics();
        assertEquals(k[0], c.height() / 2.0 / Math.tan(c.fovYRadians() / 2), 1e-9);
        Vector3d[] points = {
                new Vector3d(3, 0.8, -30), new Vector3d(-10, 0, -20), new Vector3d(5, 4, -12),
                new Vector3d(0, 0, -5), new Vector3d(8, -1, -60), new Vector3d(-2.5, 2.2, 0)};
        for (Vector3d p : points) {
            double[] byK = pixelByK(c, p), byGl = pixelByGl(c, p);
            assertEquals(byK[0], byGl[0], 1e-6, "u of " + p);
            assertEquals(byK[1], byGl[1], 1e-6, "v of " + p);
        }
    }

    @Test
    void cameraToWorldInvertsWorldToCamera() {
        Camera c = camera(new Vector3d(-2, 1.7, 4), new Vector3d(3, 0.8, -30), 50, 1280, 720);
        Matrix4d product = c.cameraToWorld().mul(c.worldToCamera());
        assertTrue(product.equals(new Matrix4d(), 1e-12), "not identity:\n" + product);
        // the pose puts the camera origin at its position and its -Z toward the look-at point
        Vector3d origin = c.cameraToWorld().transformPosition(new Vector3d());
        assertTrue(origin.equals(new Vector3d(-2, 1.7, 4), 1e-12), origin.toString());
        Vector3d forward = c.cameraToWorld().transformDirection(new Vector3d(0, 0, -1));
        Vector3d expected = new Vector3d(5, -0.9, -34).normalize();
        assertTrue(forward.equals(expected, 1e-12), forward + " vs " + expected);
        // +Y up: the camera's up has a positive world-y component and is orthogonal to forward
        Vector3d up = c.cameraToWorld().transformDirection(new Vector3d(0, 1, 0));
        assertTrue(up.y > 0);
        assertEquals(0, up.dot(forward), 1e-12);
    }

    @Test
    void lookingStraightDownIsFinite() {
        Camera c = camera(new Vector3d(2, 10, -3), new Vector3d(2, 0, -3), 60, 640, 480);
        assertFinite(c.worldToCamera());
        assertFinite(c.cameraToWorld());
        assertFinite(c.projection());
        assertArrayEquals(new double[] {320, 240}, pixelByK(c, new Vector3d(2, 0, -3)), 1e-9);
        assertArrayEquals(new double[] {320, 240}, pixelByGl(c, new Vector3d(2, 0, -3)), 1e-9);
        Matrix4d product = c.cameraToWorld().mul(c.worldToCamera());
        assertTrue(product.equals(new Matrix4d(), 1e-12), "not identity:\n" + product);
    }

    @Test
    void lookingStraightUpIsFinite() {
        Camera c = camera(new Vector3d(0, 0, 0), new Vector3d(0, 5, 0), 60, 640, 480);
        assertFinite(c.worldToCamera());
        assertArrayEquals(new double[] {320, 240}, pixelByK(c, new Vector3d(0, 9, 0)), 1e-9);
    }

    @Test
    void imageOrientationIsContinuousThroughVertical() {
        // a camera tilting down from the horizon toward the ground keeps world -Z (ahead) at the top of
        // the image, whether it is nearly vertical (+Y up hint) or exactly vertical (special-cased)
        Vector3d eye = new Vector3d(0, 10, 0);
        Camera nearly = camera(eye, new Vector3d(0, 0, -0.5), 60, 640, 480); // dir.y ≈ -0.9988, +Y hint
        Camera exactly = camera(eye, new Vector3d(0, 0, 0), 60, 640, 480);
        Camera past = camera(eye, new Vector3d(0, 0, -0.1), 60, 640, 480); // dir.y ≈ -0.99995, vertical branch
        for (Camera c : new Camera[] {nearly, exactly, past}) {
            double[] aheadPixel = pixelByK(c, new Vector3d(0, 0, -3));
            assertTrue(aheadPixel[1] < 240, "ahead (−Z) should be in the upper half, got v = " + aheadPixel[1]);
            assertEquals(320, aheadPixel[0], 1e-6);
            double[] rightPixel = pixelByK(c, new Vector3d(3, 0, (c == nearly ? -0.5 : c == past ? -0.1 : 0)));
            assertTrue(rightPixel[0] > 320, "world +X should be on the right, got u = " + rightPixel[0]);
        }
    }

    @Test
    void rejectsImpossibleCameras() {
        Vector3d o = new Vector3d(0, 0, 0), ahead = new Vector3d(0, 0, -1);
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, o, 1, 0.1, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, ahead, 0, 0.1, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, ahead, Math.PI, 0.1, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, ahead, 1, 0, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, ahead, 1, 10, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Camera(o, ahead, 1, 0.1, 10, 0, 8));
    }

    @Test
    void holdsCopiesOfItsVectors() {
        Vector3d position = new Vector3d(1, 2, 3);
        Camera c = camera(position, new Vector3d(0, 0, -1), 50, 8, 8);
        position.set(9, 9, 9);
        assertEquals(new Vector3d(1, 2, 3), c.position());
    }
}
