package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.junit.jupiter.api.Test;

/**
 * Keypoint positions and COCO visibility on tiny hand-made depth and instance images, seen by a
 * level camera at the origin with f = 60 px on an 80×60 image: (X, Y, Z) lands at
 * u = 40 + 60·X/(−Z), v = 30 − 60·Y/(−Z).
 */
class KeypointsTest {
    static final int W = 80, H = 60;
    static final Camera CAMERA = new Camera(new Vector3d(), new Vector3d(0, 0, -1), 2 * Math.atan(0.5), 0.1, 100, W, H);
    static final Matrix4d IDENTITY = new Matrix4d();
    static final double EPS = 1e-9;

    static InstanceImage ids(int id) {
        int[] data = new int[W * H];
        Arrays.fill(data, id);
        return new InstanceImage(W, H, data);
    }

    static DepthImage depth(float metres) {
        float[] data = new float[W * H];
        Arrays.fill(data, metres);
        return new DepthImage(W, H, data);
    }

    static Keypoints.Keypoint one(Vector3dc point, double toleranceM, DepthImage depth, InstanceImage ids) {
        return Keypoints.locate(CAMERA, IDENTITY, List.of(point), 1, new double[] {toleranceM}, depth, ids).points().get(0);
    }

    @Test
    void seenWhereThePixelShowsTheObjectAtTheKeypointsDepth() {
        Keypoints k = Keypoints.locate(CAMERA, IDENTITY, List.of(new Vector3d(0, 0, -2), new Vector3d(1, 0.5, -2)), 1,
                new double[] {0, 0}, depth(2f), ids(1));
        assertEquals(40, k.points().get(0).x(), EPS);
        assertEquals(30, k.points().get(0).y(), EPS);
        assertEquals(2, k.points().get(0).visibility());
        assertEquals(70, k.points().get(1).x(), EPS);
        assertEquals(15, k.points().get(1).y(), EPS);
        assertEquals(2, k.points().get(1).visibility());
        assertEquals(2, k.numKeypoints());
    }

    /**
     * The tolerance is the keypoint's own plus two pixel footprints at its depth: at 2 m with
     * f = 60 px that is 2 · 2/60 m. A surface nearer than that hides the keypoint.
     */
    @Test
    void aNearerSurfaceBeyondTheToleranceHidesIt() {
        double footprints = 2 * 2.0 / 60;
        Vector3d p = new Vector3d(0, 0, -2);
        assertEquals(2, one(p, 0.1, depth((float) (2 - 0.1 - footprints + 0.001)), ids(1)).visibility());
        Keypoints.Keypoint hidden = one(p, 0.1, depth((float) (2 - 0.1 - footprints - 0.001)), ids(1));
        assertEquals(1, hidden.visibility());
        assertEquals(40, hidden.x(), EPS, "a hidden keypoint keeps its position");
        assertEquals(30, hidden.y(), EPS);
        assertEquals(2, one(p, 0.1, depth(5f), ids(1)).visibility(), "a farther surface does not hide it");
    }

    @Test
    void anotherObjectsPixelHidesIt() {
        assertEquals(1, one(new Vector3d(0, 0, -2), 0.1, depth(2f), ids(2)).visibility());
        assertEquals(1, one(new Vector3d(0, 0, -2), 0.1, depth(0f), ids(0)).visibility(), "background");
    }

    /** The pixel looked at is the one the keypoint falls in: (⌊x⌋, ⌊y⌋). */
    @Test
    void looksAtThePixelTheKeypointFallsIn() {
        int[] data = new int[W * H];
        data[15 * W + 70] = 1; // pixel (70, 15) covers [70, 71) × [15, 16)
        InstanceImage single = new InstanceImage(W, H, data);
        assertEquals(2, one(new Vector3d(1.01, 0.49, -2), 0, depth(2f), single).visibility(), "(70.3, 15.3)");
        assertEquals(1, one(new Vector3d(0.99, 0.49, -2), 0, depth(2f), single).visibility(), "(69.7, 15.3)");
        assertEquals(1, one(new Vector3d(1.01, 0.51, -2), 0, depth(2f), single).visibility(), "(70.3, 14.7)");
    }

    @Test
    void outsideTheImageOrBehindTheCameraIsAbsentAtTheOrigin() {
        Keypoints k = Keypoints.locate(CAMERA, IDENTITY, List.of(
                        new Vector3d(1.4, 0, -2),   // u = 82
                        new Vector3d(-1.4, 0, -2),  // u = -2
                        new Vector3d(0, 1.1, -2),   // v = -3
                        new Vector3d(0, -1.1, -2),  // v = 63
                        new Vector3d(0, 0, 2),      // behind
                        new Vector3d(0, 0, -0.05),  // nearer than the near plane
                        new Vector3d(0, 0, -2)),
                1, new double[7], depth(2f), ids(1));
        for (int i = 0; i < 6; i++) assertEquals(Keypoints.Keypoint.ABSENT, k.points().get(i), "keypoint " + i);
        assertEquals(new Keypoints.Keypoint(0, 0, 0), Keypoints.Keypoint.ABSENT);
        assertEquals(1, k.numKeypoints());
    }

    /** A scaled, moved object: its model points go through modelToWorld, its tolerances scale with its longest axis. */
    @Test
    void modelPointsGoThroughModelToWorldAndTolerancesScaleWithSize() {
        Matrix4d modelToWorld = new Matrix4d().translate(0, 0, -4).scale(1, 3, 2);
        Keypoints.Layout layout = new Keypoints.Layout(List.of(new Vector3d(1, 1.0 / 6, 1)), List.of(0.1));
        assertArrayEquals(new double[] {0.3}, layout.tolerancesM(modelToWorld), EPS);
        Keypoints k = Keypoints.locate(CAMERA, modelToWorld, layout.modelPoints(), 1, layout.tolerancesM(modelToWorld),
                depth(2f), ids(1));
        assertEquals(70, k.points().get(0).x(), EPS, "world (1, 0.5, -2)");
        assertEquals(15, k.points().get(0).y(), EPS);
    }

    /** Persons get located keypoints, other objects of a keypoint category all-zero ones, the rest none. */
    @Test
    void labelsPersonsAndFillsTheirCategoryForOtherShapes() {
        Vector3d zero = new Vector3d();
        ObjectInstance person = new ObjectInstance(1, 5, "person", new MeshSource.Primitive(MeshSource.PrimitiveKind.PERSON),
                new Matrix4d().translate(0, 0, -2), null, zero, zero, 0, new Vector3d(1));
        ObjectInstance boxSameCategory = new ObjectInstance(2, 5, "box", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                new Matrix4d(), null, zero, zero, 0, new Vector3d(1));
        ObjectInstance car = new ObjectInstance(3, 6, "car", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                new Matrix4d(), null, zero, zero, 0, new Vector3d(1));
        FrameScene frame = new FrameScene(0, 0, CAMERA, new Sun(new Vector3d(0, 1, 0), new Vector3d(1), 1),
                new Sky(new Vector3d(0.5), 0.3), List.of(person, boxSameCategory, car));
        int[] data = new int[W * H];
        for (int i = 0; i < data.length; i++) data[i] = i % W < 60 ? 1 : i % W < 70 ? 2 : 3;
        InstanceImage image = new InstanceImage(W, H, data);
        List<InstanceLabel> labels = MaskLabeler.label(image, 1);
        Keypoints.Layout layout = new Keypoints.Layout(List.of(new Vector3d(0, 0, 0), new Vector3d(0, 0, 5)), List.of(0.0, 0.0));
        Map<Integer, Keypoints> out = Keypoints.label(frame, depth(2f), image, labels, layout, Set.of(5));
        assertEquals(Set.of(1, 2), out.keySet());
        assertEquals(List.of(new Keypoints.Keypoint(40, 30, 2), Keypoints.Keypoint.ABSENT), out.get(1).points());
        assertEquals(Keypoints.absent(2), out.get(2));
        assertEquals(0, out.get(2).numKeypoints());
    }

    @Test
    void keypointsFollowCocosRules() {
        assertThrows(IllegalArgumentException.class, () -> new Keypoints.Keypoint(3, 4, 0), "v = 0 must sit at (0, 0)");
        assertThrows(IllegalArgumentException.class, () -> new Keypoints.Keypoint(3, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new Keypoints.Keypoint(Double.NaN, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new Keypoints.Layout(List.of(new Vector3d()), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Keypoints.Layout(List.of(new Vector3d()), List.of(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> Keypoints.locate(CAMERA, IDENTITY, List.of(new Vector3d()), 1,
                new double[1], new DepthImage(2, 2, new float[4]), ids(1)), "images of another size");
    }
}
