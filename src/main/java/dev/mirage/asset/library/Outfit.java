package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Person;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;

/**
 * Dresses {@link Person}'s body pieces for the library: skin, a recolorable shirt, trousers, shoes
 * and hair, with a child's larger head. Shared by {@link Pedestrian} and {@link Rider}. Stateless.
 */
final class Outfit {
    /** How much larger a child's head is than an adult's at the same height. */
    static final double CHILD_HEAD_SCALE = 1.25;

    private Outfit() {}

    /**
     * Adds the pieces to {@code m}.
     *
     * @param toModel from Person's reference metres to model space
     * @param node    the part every piece goes to, or null to keep each piece's own (head, torso, arm_l...)
     */
    static void dress(ModelBuilder m, List<Person.Piece> pieces, Matrix4dc toModel, boolean child, String node) {
        Material skin = Materials.skin(), shirt = Materials.cloth("shirt", 0.7, 0.25, 0.2),
                trousers = Materials.matte("trousers", 0.12, 0.15, 0.25), shoes = Materials.trim(), hair = Materials.matte("hair", 0.1, 0.07, 0.05);
        for (Person.Piece piece : pieces) {
            String part = node != null ? node : piece.node();
            Matrix4d t = new Matrix4d(toModel).mul(piece.metres());
            if (piece.kind() == Person.PieceKind.SPHERE) { // the head: grown about its top for a child, with hair
                if (child) t.translate(0, 0.5, 0).scale(CHILD_HEAD_SCALE).translate(0, -0.5, 0);
                m.part(part, skin).place(t).ellipsoid(0, 0, 0, 0.5, 0.5, 0.5, 20, 12);
                m.part(part, hair).place(t).ellipsoid(0, 0.08, -0.03, 0.5, 0.44, 0.5, 20, 10);
                continue;
            }
            boolean box = piece.kind() == Person.PieceKind.BOX;
            Material mat = switch (piece.node()) {
                case "head" -> skin;
                case "torso" -> box ? trousers : shirt;
                case "arm_l", "arm_r" -> box ? skin : shirt;
                default -> box ? shoes : trousers;
            };
            MeshBuilder b = m.part(part, mat).place(t);
            if (box) b.box(-0.5, -0.5, -0.5, 0.5, 0.5, 0.5);
            else b.frustum(0.5, 0.5, -0.5, 0.5, 16, true);
        }
    }
}
