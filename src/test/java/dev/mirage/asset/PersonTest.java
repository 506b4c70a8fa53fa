package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.MeshSource;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.junit.jupiter.api.Test;

/**
 * The built-in person: a unit-sized model of closed parts, and keypoints that agree with COCO's
 * person category and with the parts they belong to.
 */
class PersonTest {
    static final Model MODEL = Person.model();
    static final List<Vector3dc> KEYPOINTS = Person.keypoints();

    /** COCO 2017 person_keypoints category, copied from its annotation file. */
    static final List<String> COCO_NAMES = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
    static final int[][] COCO_SKELETON = {{16, 14}, {14, 12}, {17, 15}, {15, 13}, {12, 13}, {6, 12}, {7, 13}, {6, 7},
            {6, 8}, {7, 9}, {8, 10}, {9, 11}, {2, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}, {5, 7}};

    @Test
    void namesAndSkeletonAreCocos() {
        assertEquals(COCO_NAMES, Person.KEYPOINT_NAMES);
        assertEquals(19, Person.SKELETON.size());
        for (int i = 0; i < COCO_SKELETON.length; i++)
            assertEquals(List.of(COCO_SKELETON[i][0], COCO_SKELETON[i][1]), Person.SKELETON.get(i), "pair " + i);
        assertEquals(17, KEYPOINTS.size());
        assertEquals(17, Person.keypointDepthTolerances().size());
    }

    /** Every vertex of every part, placed: the person stands on y = −0.5, reaches +0.5 and stays in the unit cube. */
    @Test
    void fillsTheUnitHeightAndStaysInTheUnitCube() {
        double[] lo = {1e9, 1e9, 1e9}, hi = {-1e9, -1e9, -1e9};
        for (MeshPart part : MODEL.parts()) {
            float[] p = part.mesh().positions();
            for (int i = 0; i < p.length; i += 3) {
                Vector3d v = part.nodeToModel().transformPosition(new Vector3d(p[i], p[i + 1], p[i + 2]));
                for (int k = 0; k < 3; k++) {
                    lo[k] = Math.min(lo[k], v.get(k));
                    hi[k] = Math.max(hi[k], v.get(k));
                }
            }
        }
        assertEquals(-0.5, lo[1], 1e-6, "soles");
        assertEquals(0.5, hi[1], 1e-6, "top of the head");
        for (int k = 0; k < 3; k += 2) {
            assertTrue(lo[k] >= -0.5 && hi[k] <= 0.5, "axis " + k + ": " + lo[k] + ".." + hi[k]);
            assertTrue(hi[k] - lo[k] > 0.6, "axis " + k + " is mostly filled: " + lo[k] + ".." + hi[k]);
        }
        assertEquals(-lo[0], hi[0], 1e-6, "left and right mirror each other");
    }

    /** Parts are unit primitives placed without mirroring, so their faces still wind outward. */
    @Test
    void partsArePlacedWithoutMirroring() {
        assertTrue(MODEL.parts().size() >= 15, MODEL.parts().size() + " parts");
        for (MeshPart part : MODEL.parts())
            assertTrue(part.nodeToModel().determinant() > 0, part.mesh().name() + " is mirrored");
    }

    @Test
    void libraryBuildsThePersonOnceAndPrimitivesRefuseIt() {
        AssetLibrary library = new AssetLibrary();
        MeshSource person = new MeshSource.Primitive(MeshSource.PrimitiveKind.PERSON);
        assertSame(library.model(person), library.model(person));
        assertEquals(MODEL.parts().size(), library.model(person).parts().size());
        assertThrows(IllegalArgumentException.class, () -> Primitives.mesh(MeshSource.PrimitiveKind.PERSON));
    }

    /** The person faces +Z, its own left is +X: left keypoints mirror right ones, the nose is in front. */
    @Test
    void facesPlusZWithItsLeftOnPlusX() {
        for (int i = 1; i < 17; i += 2) {
            Vector3dc left = KEYPOINTS.get(i), right = KEYPOINTS.get(i + 1);
            assertTrue(COCO_NAMES.get(i).startsWith("left_") && COCO_NAMES.get(i + 1).startsWith("right_"));
            assertTrue(left.x() > 0, COCO_NAMES.get(i) + " at " + left);
            assertEquals(-left.x(), right.x(), 1e-12, COCO_NAMES.get(i));
            assertEquals(left.y(), right.y(), 1e-12, COCO_NAMES.get(i));
            assertEquals(left.z(), right.z(), 1e-12, COCO_NAMES.get(i));
        }
        Vector3dc nose = KEYPOINTS.get(0);
        assertEquals(0, nose.x(), 1e-12);
        assertTrue(nose.z() > KEYPOINTS.get(1).z() && KEYPOINTS.get(1).z() > KEYPOINTS.get(3).z(), "nose, eyes, ears from front to back");
        // Top to bottom: face above shoulders above elbows above hips above knees above ankles.
        int[] downward = {1, 5, 7, 11, 13, 15};
        for (int i = 1; i < downward.length; i++)
            assertTrue(KEYPOINTS.get(downward[i - 1]).y() > KEYPOINTS.get(downward[i]).y(), COCO_NAMES.get(downward[i]));
        for (Vector3dc k : KEYPOINTS)
            for (int a = 0; a < 3; a++) assertTrue(Math.abs(k.get(a)) < 0.5, k + " inside the unit cube");
    }

    /** Nose, eyes and ears lie on the surface of the head, the model's one sphere. */
    @Test
    void faceKeypointsLieOnTheHeadSphere() {
        List<MeshPart> spheres = MODEL.parts().stream().filter(p -> p.mesh().name().equals("sphere")).toList();
        assertEquals(1, spheres.size(), "one head");
        Matrix4d toHead = new Matrix4d(spheres.get(0).nodeToModel()).invert();
        for (int i = 0; i < 5; i++) {
            Vector3d local = toHead.transformPosition(new Vector3d(KEYPOINTS.get(i)));
            assertEquals(0.5, local.length(), 1e-9, COCO_NAMES.get(i) + " in the unit sphere's frame: " + local);
        }
    }

    /**
     * Every joint lies on the axis of a limb cylinder near one of its ends (limbs run a little past
     * their joints); elbows and knees join two limbs.
     */
    @Test
    void jointsLieAtTheEndsOfLimbCylinders() {
        List<MeshPart> cylinders = MODEL.parts().stream().filter(p -> p.mesh().name().equals("cylinder")).toList();
        for (int i = 5; i < 17; i++) {
            int ends = 0;
            for (MeshPart c : cylinders) {
                Vector3d local = new Matrix4d(c.nodeToModel()).invert().transformPosition(new Vector3d(KEYPOINTS.get(i)));
                if (Math.hypot(local.x, local.z) < 1e-9 && Math.abs(local.y) < 0.5 && Math.abs(local.y) > 0.4) ends++;
            }
            String name = COCO_NAMES.get(i);
            assertEquals(name.endsWith("elbow") || name.endsWith("knee") ? 2 : 1, ends, name + " ends of limbs");
        }
    }
}
