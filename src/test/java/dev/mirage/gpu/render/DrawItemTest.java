package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.Surface;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** The pattern frame of a draw, without GL. */
class DrawItemTest {
    @Test
    void patternSpaceIsTheObjectsRotatedFrameInMetres() {
        Vector3d centre = new Vector3d(2, -1, 5), scale = new Vector3d(4, 0.5, 3);
        Matrix4d rotation = new Matrix4d().rotateY(0.7).rotateX(-0.3);
        Matrix4d modelToWorld = new Matrix4d().translation(centre).mul(rotation).scale(scale);
        Vector3d world = new Vector3d(3.1, -0.4, 6.2);
        // The world offset from the object's origin, expressed along the object's rotated axes.
        Vector3d expected = new Matrix4d(rotation).invert().transformPosition(new Vector3d(world).sub(centre));
        Vector3d actual = DrawItem.patternFromWorld(modelToWorld).transformPosition(new Vector3d(world));
        assertEquals(expected.x, actual.x, 1e-12);
        assertEquals(expected.y, actual.y, 1e-12);
        assertEquals(expected.z, actual.z, 1e-12);
    }

    @Test
    void everyPatternHasItsOwnShaderCode() {
        assertEquals(0, DrawItem.patternCode(Surface.Pattern.NONE));
        assertEquals(1, DrawItem.patternCode(Surface.Pattern.CHECKER));
        assertEquals(2, DrawItem.patternCode(Surface.Pattern.STRIPES));
        assertEquals(3, DrawItem.patternCode(Surface.Pattern.NOISE));
    }
}
