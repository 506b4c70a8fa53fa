package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.scene.Camera;
import java.util.HashSet;
import java.util.Set;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.joml.Vector4d;
import org.junit.jupiter.api.Test;

class Box3dTest {
    static final double EPS = 1e-9;
    /** fovY with tan(fov/2) = 240/500, so f = 500 px on a 640×480 image: pixel maths stays on paper. */
    static final double FOV_F500 = 2 * Math.atan(240.0 / 500.0);
    /** At the origin, looking down −Z, +Y up: camera coordinates equal world coordinates. */
    static final Camera LEVEL = new Camera(new Vector3d(0, 0, 0), new Vector3d(0, 0, -1), FOV_F500, 0.1, 500, 640, 480);
    static final Box3d.Pinhole PINHOLE = Box3d.Pinhole.of(LEVEL);
    static final double[] UNIT_MIN = {-0.5, -0.5, -0.5}, UNIT_MAX = {0.5, 0.5, 0.5};

    static void assertVector(double x, double y, double z, Vector3dc v) {
        assertEquals(x, v.x(), EPS, "x of " + v);
        assertEquals(y, v.y(), EPS, "y of " + v);
        assertEquals(z, v.z(), EPS, "z of " + v);
    }

    @Test
    void theLevelCameraHasFocal500AndTheImageCentreAsPrincipalPoint() {
        assertEquals(500, PINHOLE.fx(), EPS);
        assertEquals(500, PINHOLE.fy(), EPS);
        assertEquals(320, PINHOLE.cx(), EPS);
        assertEquals(240, PINHOLE.cy(), EPS);
        assertEquals(0.1, PINHOLE.nearM());
    }

    /** 2 m wide (x), 1 m tall (y), 4 m long (z), centred 10 m ahead: everything by hand. */
    @Test
    void anAxisAlignedBoxTenMetresAheadProjectsWherePinholeMathsSays() {
        Box3d box = Box3d.of(LEVEL, new double[] {-1, -0.5, -2}, new double[] {1, 0.5, 2}, new Matrix4d().translation(0, 0, -10));
        assertVector(0, 0, -10, box.centre());
        assertVector(2, 1, 4, box.size());
        assertVector(1, 0, 0, box.axis(0));
        assertVector(0, 1, 0, box.axis(1));
        assertVector(0, 0, 1, box.axis(2));
        assertVector(0, 1, 0, box.upInCamera());
        // corner i: x max if bit 0, y max if bit 1, z max if bit 2; z min −2 → camera z −12, z max 2 → −8
        assertVector(-1, -0.5, -12, box.corner(0));
        assertVector(1, 0.5, -8, box.corner(7));
        assertVector(1, -0.5, -8, box.corner(5));
        // u = 320 + 500·X/(−Z), v = 240 − 500·Y/(−Z)
        double[][] pixels = {
                {320 - 500 / 12.0, 240 + 250 / 12.0}, // (-1, -0.5, -12): 278.333, 260.833
                {320 + 500 / 12.0, 240 + 250 / 12.0}, // ( 1, -0.5, -12): 361.667, 260.833
                {320 - 500 / 12.0, 240 - 250 / 12.0}, // (-1,  0.5, -12): 278.333, 219.167
                {320 + 500 / 12.0, 240 - 250 / 12.0}, // ( 1,  0.5, -12)
                {320 - 62.5, 240 + 31.25},            // (-1, -0.5,  -8): 257.5, 271.25
                {320 + 62.5, 240 + 31.25},            // ( 1, -0.5,  -8): 382.5, 271.25
                {320 - 62.5, 240 - 31.25},            // (-1,  0.5,  -8): 257.5, 208.75
                {320 + 62.5, 240 - 31.25}};           // ( 1,  0.5,  -8): 382.5, 208.75
        for (int i = 0; i < 8; i++) {
            Box3d.Pixel p = box.cornerPixel(i, PINHOLE).orElseThrow();
            assertEquals(pixels[i][0], p.u(), EPS, "u of corner " + i);
            assertEquals(pixels[i][1], p.v(), EPS, "v of corner " + i);
        }
        Box3d.Rect extent = box.imageExtent(PINHOLE).orElseThrow();
        assertEquals(257.5, extent.left(), EPS);
        assertEquals(208.75, extent.top(), EPS);
        assertEquals(382.5, extent.right(), EPS);
        assertEquals(271.25, extent.bottom(), EPS);
        assertEquals(extent, box.projectedExtent(PINHOLE).orElseThrow());
        assertEquals(0, box.truncation(PINHOLE), EPS);

        Box3d.Upright u = box.upright();
        assertEquals(1, u.heightM(), EPS);
        assertEquals(2, u.widthM(), EPS);
        assertEquals(4, u.lengthM(), EPS);
        assertEquals(1, u.heightAxisIndex());
        assertEquals(2, u.lengthAxisIndex());
        assertVector(0, -0.5, -10, u.bottomCentre());
        assertVector(0, 0, 1, u.lengthAxis());
    }

    @Test
    void aYawedScaledUnitBoxHasTheRotationAndSizeOfItsTransform() {
        double yaw = Math.toRadians(30);
        Matrix4d boxToWorld = new Matrix4d().translation(3, 0.5, -20).rotateY(yaw).scale(4, 1, 2);
        Box3d box = Box3d.of(LEVEL, UNIT_MIN, UNIT_MAX, boxToWorld);
        assertVector(3, 0.5, -20, box.centre());
        assertVector(4, 1, 2, box.size());
        // Ry(θ) maps +x to (cos θ, 0, −sin θ) and +z to (sin θ, 0, cos θ)
        assertVector(Math.cos(yaw), 0, -Math.sin(yaw), box.axis(0));
        assertVector(Math.sin(yaw), 0, Math.cos(yaw), box.axis(2));
        assertEquals(1, box.rotation().determinant(), EPS);
        // corner 1 (x max, y min, z min) = centre + 2·x̂ − 0.5·ŷ − 1·ẑ
        assertVector(3 + 2 * Math.cos(yaw) - Math.sin(yaw), 0, -20 - 2 * Math.sin(yaw) - Math.cos(yaw), box.corner(1));
        Box3d.Upright u = box.upright();
        assertEquals(0, u.lengthAxisIndex());
        assertEquals(4, u.lengthM(), EPS);
        assertEquals(2, u.widthM(), EPS);
        assertVector(3, 0, -20, u.bottomCentre());
    }

    /** The same pixels as the GL projection matrix the renderer draws with, for a tilted camera. */
    @Test
    void cornerPixelsAgreeWithTheGlProjectionForAnyPose() {
        Camera camera = new Camera(new Vector3d(1, 3, 2), new Vector3d(-2, 0.5, -25), Math.toRadians(40), 0.1, 500, 1280, 720);
        Matrix4d boxToWorld = new Matrix4d().translation(-4, 0, -18).rotateY(Math.toRadians(-57));
        Box3d box = Box3d.of(camera, new double[] {-2.25, 0, -0.9}, new double[] {2.25, 1.5, 0.9}, boxToWorld);
        Box3d.Pinhole pinhole = Box3d.Pinhole.of(camera);
        Matrix4d clipFromWorld = new Matrix4d(camera.projection()).mul(camera.worldToCamera());
        for (int i = 0; i < 8; i++) {
            Vector3d world = boxToWorld.transformPosition(new Vector3d((i & 1) != 0 ? 2.25 : -2.25, (i & 2) != 0 ? 1.5 : 0, (i & 4) != 0 ? 0.9 : -0.9));
            Vector4d clip = clipFromWorld.transform(new Vector4d(world, 1));
            Box3d.Pixel p = box.cornerPixel(i, pinhole).orElseThrow();
            assertEquals((clip.x / clip.w + 1) / 2 * 1280, p.u(), 1e-6, "u of corner " + i);
            assertEquals((1 - clip.y / clip.w) / 2 * 720, p.v(), 1e-6, "v of corner " + i);
        }
        // the camera looks down at the ground: world up is tilted in camera coordinates, still the height axis
        assertTrue(box.upInCamera().z() > 0.05, "up leans toward the camera: " + box.upInCamera());
        Box3d.Upright u = box.upright();
        assertEquals(1, u.heightAxisIndex());
        assertEquals(1.5, u.heightM(), EPS);
        Vector3d bottomWorld = boxToWorld.transformPosition(new Vector3d(0, 0, 0));
        Vector3d expected = camera.worldToCamera().transformPosition(bottomWorld);
        assertVector(expected.x, expected.y, expected.z, u.bottomCentre());
    }

    /**
     * A thin board 2 m wide whose centre projects onto the image's left edge: half of its projection
     * is outside. Flat (1 cm deep) so that its projection is symmetric about that edge to within 0.1%.
     */
    @Test
    void aBoxHalfOutsideTheImageIsHalfTruncated() {
        // X at depth 10 that lands on u = 0: 320 + 500·X/10 = 0 → X = −6.4
        Box3d box = Box3d.of(LEVEL, new double[] {-1, -0.5, -0.005}, new double[] {1, 0.5, 0.005}, new Matrix4d().translation(-6.4, 0, -10));
        assertEquals(0.5, box.truncation(PINHOLE), 0.005);
        Box3d.Rect inside = box.imageExtent(PINHOLE).orElseThrow();
        assertEquals(0, inside.left());
        assertEquals(50, inside.right(), 0.2);
        Box3d.Rect whole = box.projectedExtent(PINHOLE).orElseThrow();
        assertEquals(-50, whole.left(), 0.2);
    }

    @Test
    void aBoxOffTheImageIsFullyTruncatedAndHasNoImageExtent() {
        Box3d box = Box3d.of(LEVEL, UNIT_MIN, UNIT_MAX, new Matrix4d().translation(30, 0, -10));
        assertTrue(box.projectedExtent(PINHOLE).orElseThrow().left() > 640);
        assertTrue(box.imageExtent(PINHOLE).isEmpty());
        assertEquals(1, box.truncation(PINHOLE), EPS);
    }

    @Test
    void aBoxBehindTheCameraHasNoPixelsAndIsFullyTruncated() {
        Box3d box = Box3d.of(LEVEL, UNIT_MIN, UNIT_MAX, new Matrix4d().translation(0, 0, 10));
        for (int i = 0; i < 8; i++) assertTrue(box.cornerPixel(i, PINHOLE).isEmpty());
        assertTrue(box.projectedExtent(PINHOLE).isEmpty());
        assertTrue(box.imageExtent(PINHOLE).isEmpty());
        assertEquals(1, box.truncation(PINHOLE));
    }

    /**
     * A box 2 m wide and 1 m tall from 5 m behind the camera to 5 m ahead is clipped at the near plane
     * (0.1 m): there its edges reach x = ±1, y = ±0.5, i.e. u = 320 ± 5000, v = 240 ∓ 2500. Truncation
     * = 1 − (640/10000)·(480/5000).
     */
    @Test
    void aBoxThroughTheCameraPlaneIsClippedToTheNearPlane() {
        Box3d box = Box3d.of(LEVEL, new double[] {-1, -0.5, -5}, new double[] {1, 0.5, 5}, new Matrix4d());
        assertTrue(box.cornerPixel(0, PINHOLE).isPresent(), "z min −5 is ahead");
        assertTrue(box.cornerPixel(4, PINHOLE).isEmpty(), "z max +5 is behind");
        Box3d.Rect r = box.projectedExtent(PINHOLE).orElseThrow();
        assertEquals(320 - 5000, r.left(), 1e-6);
        assertEquals(320 + 5000, r.right(), 1e-6);
        assertEquals(240 - 2500, r.top(), 1e-6);
        assertEquals(240 + 2500, r.bottom(), 1e-6);
        assertEquals(new Box3d.Rect(0, 0, 640, 480), box.imageExtent(PINHOLE).orElseThrow());
        assertEquals(1 - 0.064 * 0.096, box.truncation(PINHOLE), 1e-9);
    }

    @Test
    void aMirroringTransformStillGivesAProperRotationAndTheSameCorners() {
        Box3d box = Box3d.of(LEVEL, UNIT_MIN, UNIT_MAX, new Matrix4d().translation(0, 0, -10).scale(-2, 1, 1));
        assertEquals(1, box.rotation().determinant(), EPS);
        assertVector(2, 1, 1, box.size());
        Set<String> corners = new HashSet<>();
        for (Vector3dc c : box.corners()) {
            assertEquals(1, Math.abs(c.x()), EPS);
            assertEquals(0.5, Math.abs(c.y()), EPS);
            assertEquals(0.5, Math.abs(c.z() + 10), EPS);
            corners.add(Math.signum(c.x()) + "," + Math.signum(c.y()) + "," + Math.signum(c.z() + 10));
        }
        assertEquals(8, corners.size(), "all eight corners of the box, each once");
    }

    @Test
    void intrinsicsFromKMatchTheCameraAndSkewIsRefused() {
        Box3d.Pinhole fromK = Box3d.Pinhole.of(LEVEL.intrinsics(), 640, 480, 0.1);
        assertEquals(PINHOLE, fromK);
        assertThrows(IllegalArgumentException.class, () -> Box3d.Pinhole.of(new double[] {500, 1, 320, 0, 500, 240, 0, 0, 1}, 640, 480, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Box3d.Pinhole.of(new double[] {500, 0, 320, 0, 500, 240}, 640, 480, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Box3d.of(LEVEL, UNIT_MAX, UNIT_MIN, new Matrix4d()));
        assertThrows(IllegalArgumentException.class, () -> Box3d.of(LEVEL, UNIT_MIN, UNIT_MAX, new Matrix4d().scale(1, 0, 1)));
        assertFalse(PINHOLE.inFront(new Vector3d(0, 0, -0.05)), "nearer than the near plane");
    }
}
