package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Person;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.label.Keypoints;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a 1.75 m person facing the camera on the real GL path (llvmpipe in CI) and checks its
 * keypoints against a pinhole projection computed here: alone, behind a wall that hides its legs,
 * and with a camera that leaves its legs and right side out of the frame.
 */
class PersonKeypointsRenderTest {
    static final int W = 640, H = 480;
    static final double FOV_DEG = 50;
    static final Vector3d CENTRE = new Vector3d(0, 0.875, 0);
    static final Vector3d SIZE = new Vector3d(0.5, 1.75, 0.3);
    static final int PERSON_ID = 1;

    /** In front of the person (who faces +Z), a little above its hips, looking slightly down. */
    static final View FRONT = new View(new Vector3d(0, 1.1, 2.6), new Vector3d(0, 0.85, 0));
    /** Close to the head and to the person's left: legs below the image, the right side past its left edge. */
    static final View CLOSE = new View(new Vector3d(1.15, 1.5, 2.0), new Vector3d(1.15, 1.5, 0));

    static GlContext gl;
    static Keypoints alone, walled, cropped;
    static SensorFrame aloneFrame, walledFrame, croppedFrame;

    /** A camera with its own basis, for the projection this test computes by hand. */
    record View(Vector3d eye, Vector3d target) {
        Vector3d forward() { return new Vector3d(target).sub(eye).normalize(); }
        Vector3d right() { return forward().cross(0, 1, 0).normalize(); }
        Vector3d up() { return right().cross(forward()); }
        Camera camera() { return new Camera(eye, target, Math.toRadians(FOV_DEG), 0.1, 100, W, H); }

        /** Pixel-edge coordinates (u, v) of a world point: origin top-left, pixel (x, y) covers [x, x+1) × [y, y+1). */
        double[] project(Vector3dc p) {
            double f = H / 2.0 / Math.tan(Math.toRadians(FOV_DEG) / 2);
            Vector3d d = new Vector3d(p).sub(eye);
            double x = d.dot(right()), y = d.dot(up()), z = d.dot(forward());
            return new double[] {W / 2.0 + f * x / z, H / 2.0 - f * y / z};
        }
    }

    @BeforeAll
    static void render() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        ObjectInstance person = new ObjectInstance(PERSON_ID, 1, "person", new MeshSource.Primitive(MeshSource.PrimitiveKind.PERSON),
                ObjectRandomizer.modelToWorld(CENTRE, new Vector3d(), 0, SIZE), new Vector3d(0.6, 0.3, 0.2), CENTRE,
                new Vector3d(), 0, SIZE);
        // A 0.88 m wall 1.2 m in front of the person: it hides everything below ~0.68 m on the person (knees, ankles).
        Vector3d wallCentre = new Vector3d(0, 0.44, 1.2), wallSize = new Vector3d(2, 0.88, 0.1);
        ObjectInstance wall = new ObjectInstance(0, 0, "wall", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                ObjectRandomizer.modelToWorld(wallCentre, new Vector3d(), 0, wallSize), new Vector3d(0.5, 0.5, 0.5), wallCentre,
                new Vector3d(), 0, wallSize);
        try (SceneRenderer renderer = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, true, 1024, 50, false))) {
            aloneFrame = renderer.render(scene(FRONT, List.of(person)));
            walledFrame = renderer.render(scene(FRONT, List.of(person, wall)));
            croppedFrame = renderer.render(scene(CLOSE, List.of(person)));
        }
        alone = locate(FRONT, person, aloneFrame);
        walled = locate(FRONT, person, walledFrame);
        cropped = locate(CLOSE, person, croppedFrame);
    }

    static FrameScene scene(View view, List<ObjectInstance> objects) {
        return new FrameScene(0, 0, view.camera(), new Sun(new Vector3d(0.3, 1, 0.6), new Vector3d(1, 1, 1), 1),
                new Sky(new Vector3d(0.5, 0.6, 0.8), 0.3), objects);
    }

    static Keypoints locate(View view, ObjectInstance person, SensorFrame frame) {
        Keypoints.Layout layout = new Keypoints.Layout(Person.keypoints(), Person.keypointDepthTolerances());
        return Keypoints.locate(view.camera(), person.modelToWorld(), layout.modelPoints(), PERSON_ID,
                layout.tolerancesM(person.modelToWorld()), frame.depth(), frame.instance());
    }

    @AfterAll
    static void close() {
        gl.close();
    }

    /** Where the test places keypoint i in the world: centre + size ⊙ p (no rotation). */
    static Vector3d world(int i) {
        Vector3dc p = Person.keypoints().get(i);
        return new Vector3d(p).mul(SIZE).add(CENTRE);
    }

    static String name(int i) {
        return Person.KEYPOINT_NAMES.get(i);
    }

    @Test
    void eachKeypointIsThePinholeProjectionOfItsWorldPoint() {
        for (int i = 0; i < 17; i++) {
            double[] uv = FRONT.project(world(i));
            Keypoints.Keypoint k = alone.points().get(i);
            assertEquals(uv[0], k.x(), 1e-6, name(i) + " x");
            assertEquals(uv[1], k.y(), 1e-6, name(i) + " y");
            assertTrue(k.visibility() > 0, name(i) + " is in the image");
        }
    }

    /** Alone and facing the camera the person shows all its face and every joint. */
    @Test
    void facingTheCameraAloneEveryKeypointIsSeen() {
        for (int i = 0; i < 17; i++) assertEquals(2, alone.points().get(i).visibility(), name(i));
        assertEquals(17, alone.numKeypoints());
    }

    @Test
    void seenKeypointsLieOnThePersonsPixels() {
        List<String> wrong = new ArrayList<>();
        for (var c : List.of(new Object[] {alone, aloneFrame}, new Object[] {walled, walledFrame}, new Object[] {cropped, croppedFrame})) {
            Keypoints k = (Keypoints) c[0];
            SensorFrame frame = (SensorFrame) c[1];
            for (int i = 0; i < 17; i++) {
                Keypoints.Keypoint p = k.points().get(i);
                if (p.visibility() == 2 && frame.instance().idAt((int) Math.floor(p.x()), (int) Math.floor(p.y())) != PERSON_ID)
                    wrong.add(name(i) + " at " + p);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The wall hides knees and ankles (v = 1, still at their projections); the head stays seen. */
    @Test
    void aWallInFrontHidesTheLegsButNotTheHead() {
        for (int i = 13; i < 17; i++) {
            Keypoints.Keypoint k = walled.points().get(i);
            assertEquals(1, k.visibility(), name(i));
            double[] uv = FRONT.project(world(i));
            assertEquals(uv[0], k.x(), 1e-6, name(i) + " x");
            assertEquals(uv[1], k.y(), 1e-6, name(i) + " y");
            int x = (int) Math.floor(k.x()), y = (int) Math.floor(k.y());
            assertEquals(0, walledFrame.instance().idAt(x, y), name(i) + " pixel shows the wall (scenery)");
        }
        for (int i = 0; i < 5; i++) assertEquals(2, walled.points().get(i).visibility(), name(i));
        for (int i = 5; i < 13; i++) assertEquals(2, walled.points().get(i).visibility(), name(i) + " above the wall");
        assertEquals(17, walled.numKeypoints(), "hidden keypoints are labeled (v = 1) and counted");
    }

    /** Keypoints outside the image are (0, 0, 0); those inside keep their projections and are counted. */
    @Test
    void keypointsOutsideTheFrameAreZero() {
        int outside = 0, inside = 0;
        for (int i = 0; i < 17; i++) {
            double[] uv = CLOSE.project(world(i));
            Keypoints.Keypoint k = cropped.points().get(i);
            if (uv[0] < 0 || uv[0] >= W || uv[1] < 0 || uv[1] >= H) {
                assertEquals(new Keypoints.Keypoint(0, 0, 0), k, name(i) + " projects to " + uv[0] + ", " + uv[1]);
                outside++;
            } else {
                assertEquals(uv[0], k.x(), 1e-6, name(i) + " x");
                assertEquals(uv[1], k.y(), 1e-6, name(i) + " y");
                assertTrue(k.visibility() > 0, name(i));
                inside++;
            }
        }
        for (int i = 13; i < 17; i++) assertEquals(0, cropped.points().get(i).visibility(), name(i) + " is below the image");
        assertEquals(0, cropped.points().get(6).visibility(), "right_shoulder is past the left edge");
        assertEquals(2, cropped.points().get(5).visibility(), "left_shoulder is in view");
        assertTrue(outside >= 6 && inside >= 6, outside + " outside, " + inside + " inside");
        assertEquals(inside, cropped.numKeypoints());
    }
}
