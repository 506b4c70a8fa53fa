package dev.mirage.label;

import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * COCO keypoints of one object in one frame: where each of its model-space keypoints lands in the
 * image and whether the camera sees it.
 *
 * <p><b>Position.</b> A keypoint p goes to camera coordinates {@code worldToCamera · modelToWorld · p}
 * and is projected with the camera's intrinsics in design.md's pixel-edge convention (origin at the
 * image's top-left corner, pixel (x, y) covers [x, x+1) × [y, y+1)): x = u = cx + fx·X/(−Z),
 * y = v = cy − fy·Y/(−Z), as {@link Camera} documents. COCO takes these coordinates as they are.
 *
 * <p><b>Visibility</b>, COCO's v:
 * <ul>
 *   <li>0: not in the image: outside [0, width) × [0, height), or not in front of the near plane
 *       (behind the camera). Then x = y = 0, as COCO requires.</li>
 *   <li>2: seen: the pixel under it, (⌊x⌋, ⌊y⌋), shows this object (its instance id) and the depth
 *       image there is no nearer than the keypoint's own planar depth minus a tolerance. The
 *       tolerance is the keypoint's own allowance ({@link Layout#depthTolerances}: joints lie inside
 *       limbs, face points on the head's surface) scaled by the object's size, plus two pixel
 *       footprints at the keypoint's depth (depth / fx metres each), because the pixel's centre may
 *       lie up to 0.71 px from the keypoint on a surface inclined to the view (two footprints cover
 *       surfaces inclined up to 70°).</li>
 *   <li>1: in the image but hidden: by another object, or by a part of the same object more than
 *       the tolerance in front of it (the far knee of a person seen from the side, the face of one
 *       seen from behind).</li>
 * </ul>
 * {@link #numKeypoints()} counts the keypoints with v &gt; 0.
 *
 * <p>Thread safety: immutable; the functions are pure.
 *
 * @param points one entry per keypoint, in the model's keypoint order
 */
public record Keypoints(List<Keypoint> points) {
    /** Pixel footprints added to every keypoint's depth tolerance (see the class notes). */
    static final double PIXEL_FOOTPRINTS = 2;

    public Keypoints {
        points = List.copyOf(points);
    }

    /**
     * One keypoint in COCO's terms.
     *
     * @param x          pixels from the image's left edge (0 when v = 0)
     * @param y          pixels from the image's top edge (0 when v = 0)
     * @param visibility 0 not in the image, 1 in the image but hidden, 2 seen
     */
    public record Keypoint(double x, double y, int visibility) {
        public static final Keypoint ABSENT = new Keypoint(0, 0, 0);

        public Keypoint {
            if (visibility < 0 || visibility > 2)
                throw new IllegalArgumentException("keypoint visibility " + visibility + ": expected 0, 1 or 2");
            if (visibility == 0 && (x != 0 || y != 0))
                throw new IllegalArgumentException("keypoint at (" + x + ", " + y + ") with v = 0: COCO expects (0, 0)");
            if (!Double.isFinite(x) || !Double.isFinite(y))
                throw new IllegalArgumentException("keypoint at (" + x + ", " + y + "): expected finite coordinates");
        }
    }

    /**
     * Where a model's keypoints are and how deep inside it they lie.
     *
     * @param modelPoints     the keypoints in model space, in their output order
     * @param depthTolerances per keypoint, how far below the surface facing the camera it may lie
     *                        and still be seen, as a fraction of the object's largest extent (the
     *                        longest axis of its modelToWorld), each ≥ 0
     */
    public record Layout(List<Vector3dc> modelPoints, List<Double> depthTolerances) {
        public Layout {
            List<Vector3dc> copies = new ArrayList<>();
            for (Vector3dc p : modelPoints) copies.add(new Vector3d(p));
            modelPoints = List.copyOf(copies);
            depthTolerances = List.copyOf(depthTolerances);
            if (depthTolerances.size() != modelPoints.size())
                throw new IllegalArgumentException(modelPoints.size() + " keypoints but " + depthTolerances.size() + " tolerances");
            for (double t : depthTolerances)
                if (!(t >= 0) || !Double.isFinite(t))
                    throw new IllegalArgumentException("depth tolerance " + t + ": expected finite and >= 0");
        }

        /** The tolerances in metres for an object placed by {@code modelToWorld}. */
        public double[] tolerancesM(Matrix4dc modelToWorld) {
            double longest = 0;
            for (int k = 0; k < 3; k++) longest = Math.max(longest, modelToWorld.getColumn(k, new Vector3d()).length());
            double[] out = new double[depthTolerances.size()];
            for (int i = 0; i < out.length; i++) out[i] = depthTolerances.get(i) * longest;
            return out;
        }
    }

    /** Keypoints of an object that has none in the image, all (0, 0, 0): the form COCO expects. */
    public static Keypoints absent(int count) {
        return new Keypoints(Collections.nCopies(count, Keypoint.ABSENT));
    }

    /** Keypoints with v &gt; 0 (COCO's {@code num_keypoints}). */
    public int numKeypoints() {
        return (int) points.stream().filter(p -> p.visibility() > 0).count();
    }

    /**
     * Locates one object's keypoints.
     *
     * @param camera       the frame's camera (its size must be the images')
     * @param modelToWorld the object's transform
     * @param modelPoints  its keypoints in model space
     * @param instanceId   its id in the instance image
     * @param tolerancesM  per keypoint, how far below the visible surface it may lie and still be
     *                     seen, metres (the pixel footprints of the class notes are added to it)
     * @param depth        the frame's planar depth, metres
     * @param ids          the frame's instance ids
     */
    public static Keypoints locate(Camera camera, Matrix4dc modelToWorld, List<? extends Vector3dc> modelPoints,
                                   int instanceId, double[] tolerancesM, DepthImage depth, InstanceImage ids) {
        int w = camera.width(), h = camera.height();
        if (depth.width() != w || depth.height() != h || ids.width() != w || ids.height() != h)
            throw new IllegalArgumentException("camera is " + w + "x" + h + " but depth is " + depth.width() + "x"
                    + depth.height() + " and ids " + ids.width() + "x" + ids.height());
        if (tolerancesM.length != modelPoints.size())
            throw new IllegalArgumentException(modelPoints.size() + " keypoints but " + tolerancesM.length + " tolerances");
        Box3d.Pinhole pinhole = Box3d.Pinhole.of(camera);
        Matrix4d modelToCamera = camera.worldToCamera().mul(modelToWorld);
        List<Keypoint> out = new ArrayList<>(modelPoints.size());
        for (int i = 0; i < modelPoints.size(); i++) {
            Vector3d c = modelToCamera.transformPosition(new Vector3d(modelPoints.get(i)));
            if (!pinhole.inFront(c)) {
                out.add(Keypoint.ABSENT);
                continue;
            }
            Box3d.Pixel px = pinhole.project(c);
            if (!(px.u() >= 0 && px.u() < w && px.v() >= 0 && px.v() < h)) {
                out.add(Keypoint.ABSENT);
                continue;
            }
            int x = (int) Math.floor(px.u()), y = (int) Math.floor(px.v());
            double planarDepth = -c.z;
            double tolerance = tolerancesM[i] + PIXEL_FOOTPRINTS * planarDepth / pinhole.fx();
            boolean seen = ids.idAt(x, y) == instanceId && depth.metresAt(x, y) >= planarDepth - tolerance;
            out.add(new Keypoint(px.u(), px.v(), seen ? 2 : 1));
        }
        return new Keypoints(out);
    }

    /**
     * Keypoints for a frame's labels: located for every labeled person ({@link MeshSource.PrimitiveKind#PERSON}),
     * all absent for other objects whose category has keypoints (so that every annotation of such a
     * category carries them, as COCO's keypoint evaluation expects), none for the rest.
     *
     * @param person             the person's keypoints
     * @param keypointCategories ids of the categories that have keypoints
     * @return keypoints by instance id, unmodifiable
     */
    public static Map<Integer, Keypoints> label(FrameScene frame, DepthImage depth, InstanceImage ids, List<InstanceLabel> labels,
                                                Layout person, Set<Integer> keypointCategories) {
        Objects.requireNonNull(person);
        Map<Integer, Keypoints> out = new TreeMap<>();
        for (InstanceLabel l : labels) {
            ObjectInstance o = frame.instance(l.instanceId());
            if (o.source() instanceof MeshSource.Primitive p && p.kind() == MeshSource.PrimitiveKind.PERSON)
                out.put(l.instanceId(), locate(frame.camera(), o.modelToWorld(), person.modelPoints(), l.instanceId(),
                        person.tolerancesM(o.modelToWorld()), depth, ids));
            else if (keypointCategories.contains(o.categoryId()))
                out.put(l.instanceId(), absent(person.modelPoints().size()));
        }
        return Collections.unmodifiableMap(out);
    }
}
