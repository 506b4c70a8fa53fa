package dev.mirage.asset.library;

import dev.mirage.asset.Person;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * A seated rider for the two-wheelers: {@link Person}'s body in {@link Person#seated} pose, dressed
 * by {@link Outfit}, as part {@code rider}. Its pelvis rests on the seat, its hands hold the grips
 * and the balls of its feet are on the pedals or pegs. Stateless.
 */
final class Rider {
    private Rider() {}

    /**
     * Where the rider sits and reaches, in model metres. Hands and feet are matched in the side view
     * (y, z); across (x) the body keeps its own stance, so grips and pedals should lie near
     * ± 0.21 and ± 0.10 of the height / 1.75.
     *
     * @param seat  the top of the seat under the pelvis's centre
     * @param gripL the centre of the left hand on the bars (its x is ignored; likewise the others)
     * @param footL the top of the left pedal or peg under the ball of the foot
     */
    record Fit(Vector3dc seat, Vector3dc gripL, Vector3dc gripR, Vector3dc footL, Vector3dc footR) {}

    /** Adds part {@code rider}: a person {@code heightM} tall (child proportions if {@code child}) seated as {@code fit} says. */
    static void add(ModelBuilder m, double heightM, boolean child, Fit fit) {
        double k = heightM / Person.REFERENCE_HEIGHT_M;
        Vector3d hips = new Vector3d(0, fit.seat().y() + Person.SEAT_DROP_M * k, fit.seat().z());
        Matrix4d toModel = new Matrix4d().translate(hips).scale(k).translate(0, -Person.HIP_HEIGHT_M, 0);
        Matrix4d toReference = new Matrix4d(toModel).invert();
        // the hand's centre lies about 5.5 cm past the wrist along a forward-down forearm
        Vector3d handToWrist = new Vector3d(0, 0.039, -0.039).mul(k);
        // the ankle is 8.5 cm above the sole and 10 cm behind the ball of a level foot
        Vector3d ballToAnkle = new Vector3d(0, 0.085 * k + 0.01, -0.10 * k);
        Person.Pose pose = Person.seated(
                toReference.transformPosition(new Vector3d(fit.gripL()).add(handToWrist)),
                toReference.transformPosition(new Vector3d(fit.gripR()).add(handToWrist)),
                toReference.transformPosition(new Vector3d(fit.footL()).add(ballToAnkle)),
                toReference.transformPosition(new Vector3d(fit.footR()).add(ballToAnkle)));
        Outfit.dress(m, Person.pieces(pose), toModel, child, "rider");
    }
}
