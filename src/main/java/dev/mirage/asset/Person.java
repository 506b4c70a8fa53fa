package dev.mirage.asset;

import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The built-in pedestrian: a standing person made of the unit primitives (a sphere head, elliptic
 * cylinders for chest and waist, a box pelvis, cylinders for neck, upper and lower arms and legs,
 * small boxes for hands and feet), each part placed by a fixed {@code nodeToModel} transform, with
 * the 17 COCO person keypoints in model space.
 *
 * <p><b>Frame and pose.</b> Like the other unit shapes the person fills y = −0.5 (soles) to +0.5
 * (top of the head), centred on its origin, and stays inside the unit cube; scaling it by
 * {@code size} = [{@value #REFERENCE_WIDTH_M}, {@value #REFERENCE_HEIGHT_M}, {@value #REFERENCE_DEPTH_M}]
 * gives a person of natural proportions 1.75 m tall (it is modelled in metres at that size and
 * divided by it). It faces +Z (toward a camera at +Z looking back at the origin), so its own left is
 * +X. The pose is a relaxed stance: legs straight, feet slightly apart, arms hanging a few
 * centimetres away from the body with the hands a little forward.
 *
 * <p><b>Keypoints</b> follow COCO's order and names ({@link #KEYPOINT_NAMES}); "left" is the
 * person's own left. Nose, eyes and ears lie on the head sphere's surface; every joint lies on the
 * axis of the limb cylinders it joins, at their (unextended) ends: shoulders and wrists at the ends
 * of the arm, hips and ankles at the ends of the leg. Joints are therefore inside the body, at most
 * 0.09 m (the hips, inside the pelvis; limbs are at most 0.068 m thick in radius) below the surface
 * facing a camera at the reference size; {@link #keypointDepthTolerances()} allows for that.
 *
 * <p>Thread safety: stateless; every call builds new values.
 */
public final class Person {
    /** Width (x) in metres at which the model has natural proportions. */
    public static final double REFERENCE_WIDTH_M = 0.5;
    /** Height (y) in metres at which the model has natural proportions. */
    public static final double REFERENCE_HEIGHT_M = 1.75;
    /** Depth (z) in metres at which the model has natural proportions. */
    public static final double REFERENCE_DEPTH_M = 0.3;

    /** COCO's person keypoint names, in COCO's order. */
    public static final List<String> KEYPOINT_NAMES = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");

    /** COCO's person skeleton: pairs of 1-based keypoint indices joined by a limb. */
    public static final List<List<Integer>> SKELETON = List.of(List.of(16, 14), List.of(14, 12), List.of(17, 15),
            List.of(15, 13), List.of(12, 13), List.of(6, 12), List.of(7, 13), List.of(6, 7), List.of(6, 8), List.of(7, 9),
            List.of(8, 10), List.of(9, 11), List.of(2, 3), List.of(1, 2), List.of(1, 3), List.of(2, 4), List.of(3, 5),
            List.of(4, 6), List.of(5, 7));

    /**
     * How deep below the surface the camera sees a joint may lie and still count as seen, as a
     * fraction of the object's largest extent: 0.15 m for a 1.75 m person, about twice the thickest
     * limb's radius (the hips lie 0.09 m behind the pelvis's front).
     */
    public static final double JOINT_DEPTH_TOLERANCE = 0.15 / REFERENCE_HEIGHT_M;
    /**
     * The same for nose, eyes and ears, which lie on the head's surface: 0.03 m for a 1.75 m person,
     * small enough that the far eye of a head seen in profile (0.1 m behind the near side) is hidden.
     */
    public static final double FACE_DEPTH_TOLERANCE = 0.03 / REFERENCE_HEIGHT_M;

    // Reference-size layout in metres: x to the person's left, y up from the ground, z forward.
    private static final Vector3d HEAD = new Vector3d(0, 1.64, 0);
    private static final double HEAD_RADIUS = 0.11;
    private static final double SHOULDER_Y = 1.42, ELBOW_Y = 1.14, WRIST_Y = 0.90, HIP_Y = 0.92, KNEE_Y = 0.50, ANKLE_Y = 0.085;
    /** How far each limb cylinder runs past its joints, so that joints show no seam. */
    private static final double LIMB_OVERLAP = 0.02;
    /** Where the trunk leans and the head tilts: between the hips, and at the neck's base. */
    private static final Vector3d HIP_CENTRE = new Vector3d(0, HIP_Y, 0), NECK_BASE = new Vector3d(0, 1.44, 0);

    private Person() {}

    /** Shoulder, elbow, wrist, hip, knee, ankle of one side: {@code side} +1 is the person's left (+X). */
    private static Vector3d shoulder(int side) { return new Vector3d(side * 0.175, SHOULDER_Y, 0); }
    private static Vector3d elbow(int side) { return new Vector3d(side * 0.20, ELBOW_Y, -0.02); }
    private static Vector3d wrist(int side) { return new Vector3d(side * 0.21, WRIST_Y, 0.03); }
    private static Vector3d hip(int side) { return new Vector3d(side * 0.085, HIP_Y, 0); }
    private static Vector3d knee(int side) { return new Vector3d(side * 0.09, KNEE_Y, 0.01); }
    private static Vector3d ankle(int side) { return new Vector3d(side * 0.10, ANKLE_Y, -0.01); }

    /** A point on the head's surface, {@code azimuthDeg} from the front toward the person's left, {@code elevationDeg} up. */
    private static Vector3d onHead(double azimuthDeg, double elevationDeg) {
        double a = Math.toRadians(azimuthDeg), e = Math.toRadians(elevationDeg);
        return new Vector3d(Math.cos(e) * Math.sin(a), Math.sin(e), Math.cos(e) * Math.cos(a)).mul(HEAD_RADIUS).add(HEAD);
    }

    /** The 17 keypoints in model space, in the order of {@link #KEYPOINT_NAMES}. */
    public static List<Vector3dc> keypoints() {
        List<Vector3d> metres = List.of(onHead(0, -10), onHead(22, 8), onHead(-22, 8), onHead(70, 0), onHead(-70, 0),
                shoulder(1), shoulder(-1), elbow(1), elbow(-1), wrist(1), wrist(-1),
                hip(1), hip(-1), knee(1), knee(-1), ankle(1), ankle(-1));
        List<Vector3dc> out = new ArrayList<>();
        for (Vector3d p : metres) out.add(toModel().transformPosition(p));
        return List.copyOf(out);
    }

    /** Per keypoint, in the order of {@link #KEYPOINT_NAMES}: the face's five, then the joints' tolerance. */
    public static List<Double> keypointDepthTolerances() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < KEYPOINT_NAMES.size(); i++) out.add(i < 5 ? FACE_DEPTH_TOLERANCE : JOINT_DEPTH_TOLERANCE);
        return List.copyOf(out);
    }

    /** From reference metres (ground at y = 0) to the unit model. */
    private static Matrix4d toModel() {
        return new Matrix4d()
                .scale(1 / REFERENCE_WIDTH_M, 1 / REFERENCE_HEIGHT_M, 1 / REFERENCE_DEPTH_M)
                .translate(0, -REFERENCE_HEIGHT_M / 2, 0);
    }

    /** The person's parts; one box, sphere and cylinder mesh shared by all of them. */
    public static Model model() {
        Parts p = new Parts(Primitives.box(), Primitives.sphere(), Primitives.cylinder());
        for (Piece piece : pieces(0)) p.add(piece.kind() == PieceKind.BOX ? p.box : piece.kind() == PieceKind.SPHERE ? p.sphere : p.cylinder,
                new Matrix4d(piece.metres()));
        return Model.of("person", p.parts);
    }

    /** The unit primitive a {@link Piece} scales and places. */
    public enum PieceKind { BOX, SPHERE, CYLINDER }

    /**
     * One body part: a unit primitive (centred, extent 1) placed by {@code metres} in reference
     * metres (ground at y = 0, facing +Z), and the limb it belongs to.
     *
     * @param node head, torso, arm_l, arm_r, leg_l or leg_r ("_l" is the person's own left, +X)
     */
    public record Piece(String node, PieceKind kind, Matrix4dc metres) {
        public Piece {
            metres = new Matrix4d(metres);
        }
    }

    /**
     * The body's parts in reference metres in a walking pose: each leg swings about its hip by
     * ± {@code strideDeg} (the left forward), each arm about its shoulder the other way by 0.8 of it.
     * Stride 0 is the stance of {@link #model()} and {@link #keypoints()}.
     */
    public static List<Piece> pieces(double strideDeg) {
        return pieces(Pose.walking(strideDeg));
    }

    /**
     * How one arm or leg is held, as rotations about the X axis (in the body's side view). Positive
     * angles turn toward the front (+Z) a limb that hangs down.
     *
     * @param swingDeg the whole limb about its shoulder or hip
     * @param bendDeg  the lower limb about the elbow or knee, relative to the upper: positive bends
     *                 an elbow, negative a knee
     * @param endDeg   the hand or foot about the wrist or ankle, relative to the lower limb
     */
    public record LimbPose(double swingDeg, double bendDeg, double endDeg) {
        public static final LimbPose STRAIGHT = new LimbPose(0, 0, 0);
    }

    /**
     * A body pose: the trunk (chest, waist, pelvis, head and arms) leaned forward about the hips, the
     * head tilted back on the neck, and each limb's {@link LimbPose}.
     *
     * @param trunkLeanDeg forward lean of the trunk about the hips (0 upright)
     * @param neckDeg      backward tilt of the head relative to the trunk (to look ahead when leaning)
     */
    public record Pose(double trunkLeanDeg, double neckDeg, LimbPose armL, LimbPose armR, LimbPose legL, LimbPose legR) {
        /** Walking with legs swung ± {@code strideDeg} (the left forward) and arms the other way by 0.8 of it. */
        public static Pose walking(double strideDeg) {
            return new Pose(0, 0, new LimbPose(-0.8 * 1 * strideDeg, 0, 0), new LimbPose(-0.8 * -1 * strideDeg, 0, 0),
                    new LimbPose(1 * strideDeg, 0, 0), new LimbPose(-1 * strideDeg, 0, 0));
        }

        LimbPose arm(int side) { return side > 0 ? armL : armR; }
        LimbPose leg(int side) { return side > 0 ? legL : legR; }
    }

    /**
     * The body's parts in reference metres in {@code pose}. {@code pieces(Pose.walking(0))} is the
     * stance of {@link #model()}.
     */
    public static List<Piece> pieces(Pose pose) {
        Matrix4d trunk = pose.trunkLeanDeg() == 0 ? null : swing(HIP_CENTRE, -pose.trunkLeanDeg());
        Matrix4d neck = then(trunk, pose.neckDeg() == 0 ? null : swing(NECK_BASE, pose.neckDeg()));
        List<Piece> out = new ArrayList<>();
        out.add(new Piece("head", PieceKind.SPHERE, then(neck, new Matrix4d().translate(HEAD).scale(2 * HEAD_RADIUS))));
        out.add(new Piece("head", PieceKind.CYLINDER, then(neck, column(0.11, 0.11, 1.44, 1.56))));   // neck
        out.add(new Piece("torso", PieceKind.CYLINDER, then(trunk, column(0.30, 0.19, 1.12, 1.47))));  // chest
        out.add(new Piece("torso", PieceKind.CYLINDER, then(trunk, column(0.26, 0.17, 0.98, 1.14))));  // waist
        out.add(new Piece("torso", PieceKind.BOX, then(trunk, new Matrix4d().translate(0, 0.91, 0).scale(0.28, 0.18, 0.18)))); // pelvis
        for (int side : new int[] {1, -1}) {
            String s = side > 0 ? "_l" : "_r";
            LimbPose a = pose.arm(side), l = pose.leg(side);
            Matrix4d arm = then(trunk, swing(shoulder(side), a.swingDeg())), leg = swing(hip(side), l.swingDeg());
            Matrix4d forearm = then(arm, a.bendDeg() == 0 ? null : swing(elbow(side), a.bendDeg()));
            Matrix4d hand = then(forearm, a.endDeg() == 0 ? null : swing(wrist(side), a.endDeg()));
            Matrix4d shin = then(leg, l.bendDeg() == 0 ? null : swing(knee(side), l.bendDeg()));
            Matrix4d foot = then(shin, l.endDeg() == 0 ? null : swing(ankle(side), l.endDeg()));
            out.add(new Piece("arm" + s, PieceKind.CYLINDER, new Matrix4d(arm).mul(limb(shoulder(side), elbow(side), 0.042))));
            out.add(new Piece("arm" + s, PieceKind.CYLINDER, new Matrix4d(forearm).mul(limb(elbow(side), wrist(side), 0.034))));
            out.add(new Piece("arm" + s, PieceKind.BOX, new Matrix4d(hand).translate(side * 0.212, 0.845, 0.035).scale(0.035, 0.09, 0.07))); // hand
            out.add(new Piece("leg" + s, PieceKind.CYLINDER, new Matrix4d(leg).mul(limb(hip(side), knee(side), 0.068))));
            out.add(new Piece("leg" + s, PieceKind.CYLINDER, new Matrix4d(shin).mul(limb(knee(side), ankle(side), 0.052))));
            out.add(new Piece("leg" + s, PieceKind.BOX, new Matrix4d(foot).translate(side * 0.10, 0.035, 0.04).scale(0.09, 0.07, 0.22))); // foot
        }
        return List.copyOf(out);
    }

    /**
     * A seated pose whose wrists and ankles reach the given points (reference metres, the standing
     * frame: hips at {@value #HIP_HEIGHT_M} m above the soles' plane, facing +Z): the trunk leans
     * forward until the hands reach with slightly bent elbows, the head tilts back to look ahead,
     * knees bend forward and feet stay level. Points out of reach are reached for (the limb straight
     * toward them).
     */
    public static Pose seated(Vector3dc wristL, Vector3dc wristR, Vector3dc ankleL, Vector3dc ankleR) {
        double armLength = shoulder(1).distance(elbow(1)) + elbow(1).distance(wrist(1));
        double lo = -10, hi = 80;
        for (int i = 0; i < 40; i++) { // lean until the shoulders are 0.9 of an arm from the wrists
            double mid = (lo + hi) / 2;
            Vector3d s = swing(HIP_CENTRE, -mid).transformPosition(shoulder(1));
            double reach = Math.hypot(s.y - (wristL.y() + wristR.y()) / 2, s.z - (wristL.z() + wristR.z()) / 2);
            if (reach > 0.9 * armLength) lo = mid; else hi = mid;
        }
        double lean = (lo + hi) / 2;
        Matrix4d intoTrunk = swing(HIP_CENTRE, lean); // undoes the lean
        LimbPose armL = reach(shoulder(1), elbow(1), wrist(1), intoTrunk.transformPosition(new Vector3d(wristL)), 1);
        LimbPose armR = reach(shoulder(-1), elbow(-1), wrist(-1), intoTrunk.transformPosition(new Vector3d(wristR)), 1);
        LimbPose legL = reach(hip(1), knee(1), ankle(1), new Vector3d(ankleL), -1);
        LimbPose legR = reach(hip(-1), knee(-1), ankle(-1), new Vector3d(ankleR), -1);
        return new Pose(lean, 0.7 * lean, armL, armR, level(legL), level(legR));
    }

    /** Height of the hip joints above the soles in the reference stance. */
    public static final double HIP_HEIGHT_M = HIP_Y;
    /** How far the hip joints sit above a seat: the pelvis's underside is this far below them. */
    public static final double SEAT_DROP_M = HIP_Y - 0.82;

    /** The same limb pose with the foot turned back to its standing angle (level when the leg was vertical). */
    private static LimbPose level(LimbPose leg) {
        return new LimbPose(leg.swingDeg(), leg.bendDeg(), -(leg.swingDeg() + leg.bendDeg()));
    }

    /**
     * Two-joint reach in the side view (y, z): the swing and bend that bring the limb's end from
     * {@code end} toward {@code target}; {@code bendSign} +1 bends the lower limb forward (elbows),
     * −1 backward (knees).
     */
    private static LimbPose reach(Vector3d root, Vector3d middle, Vector3d end, Vector3d target, int bendSign) {
        double l1 = Math.hypot(middle.y - root.y, middle.z - root.z), l2 = Math.hypot(end.y - middle.y, end.z - middle.z);
        double upper0 = sideAngle(middle.y - root.y, middle.z - root.z), lower0 = sideAngle(end.y - middle.y, end.z - middle.z);
        double d = Math.hypot(target.y - root.y, target.z - root.z);
        d = Math.max(Math.abs(l1 - l2) + 1e-6, Math.min(d, (l1 + l2) * 0.9999));
        double rel = bendSign * Math.acos(Math.max(-1, Math.min(1, (d * d - l1 * l1 - l2 * l2) / (2 * l1 * l2))));
        double upper = sideAngle(target.y - root.y, target.z - root.z) - Math.atan2(l2 * Math.sin(rel), l1 + l2 * Math.cos(rel));
        return new LimbPose(Math.toDegrees(upper - upper0), Math.toDegrees(rel - (lower0 - upper0)), 0);
    }

    /** The angle of a side-view direction from straight down, positive toward the front (+Z); what {@link #swing} adds to. */
    private static double sideAngle(double dy, double dz) {
        return Math.atan2(dz, -dy);
    }

    /** {@code outer} then {@code inner} (inner applied first); a null transform is none, so unposed joints add no rounding. */
    private static Matrix4d then(Matrix4d outer, Matrix4d inner) {
        if (outer == null) return inner;
        if (inner == null) return new Matrix4d(outer);
        return new Matrix4d(outer).mul(inner);
    }

    /** A rotation about the X axis through {@code pivot}; positive swings a hanging limb forward (+Z). */
    private static Matrix4d swing(Vector3d pivot, double deg) {
        return new Matrix4d().translate(pivot).rotateX(-Math.toRadians(deg)).translate(-pivot.x, -pivot.y, -pivot.z);
    }

    /** An upright elliptic cylinder on the body's axis, {@code width} by {@code depth}, from y0 to y1. */
    private static Matrix4d column(double width, double depth, double y0, double y1) {
        return new Matrix4d().translate(0, (y0 + y1) / 2, 0).scale(width, y1 - y0, depth);
    }

    /** A round cylinder whose axis runs from joint {@code a} to joint {@code b}, extended by the overlap. */
    private static Matrix4d limb(Vector3d a, Vector3d b, double radius) {
        Vector3d axis = new Vector3d(b).sub(a);
        double length = axis.length() + 2 * LIMB_OVERLAP;
        Quaterniond turn = new Quaterniond().rotateTo(new Vector3d(0, 1, 0), axis.normalize(new Vector3d()));
        Vector3d middle = new Vector3d(a).add(b).mul(0.5);
        return new Matrix4d().translate(middle).rotate(turn).scale(2 * radius, length, 2 * radius);
    }

    /** Places unit primitives given in reference metres. */
    private static final class Parts {
        private static final Vector3d GREY = new Vector3d(0.7, 0.7, 0.7);
        final List<MeshPart> parts = new ArrayList<>();
        final Mesh box, sphere, cylinder;

        Parts(Mesh box, Mesh sphere, Mesh cylinder) {
            this.box = box;
            this.sphere = sphere;
            this.cylinder = cylinder;
        }

        void add(Mesh mesh, Matrix4d metres) {
            parts.add(new MeshPart(mesh, toModel().mul(metres), GREY));
        }
    }
}
