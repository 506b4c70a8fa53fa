package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.scene.MeshSource.PrimitiveKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one-mesh primitives; the person, a model of several of them, has {@link PersonTest}. */
class PrimitivesTest {
    @ParameterizedTest
    @EnumSource(value = PrimitiveKind.class, names = "PERSON", mode = EnumSource.Mode.EXCLUDE)
    void facesWindCounterClockwiseSeenFromOutside(PrimitiveKind kind) {
        Mesh m = Primitives.mesh(kind);
        float[] p = m.positions(), n = m.normals();
        int[] idx = m.indices();
        assertTrue(m.triangleCount() > 0);
        for (int t = 0; t < idx.length; t += 3) {
            int a = 3 * idx[t], b = 3 * idx[t + 1], c = 3 * idx[t + 2];
            double ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
            double gx = uy * vz - uz * vy, gy = uz * vx - ux * vz, gz = ux * vy - uy * vx;
            double area = Math.sqrt(gx * gx + gy * gy + gz * gz);
            if (area < 1e-9) continue; // degenerate slivers at a cone's apex carry no surface
            double avgNx = n[a] + n[b] + n[c], avgNy = n[a + 1] + n[b + 1] + n[c + 1], avgNz = n[a + 2] + n[b + 2] + n[c + 2];
            assertTrue(gx * avgNx + gy * avgNy + gz * avgNz > 0, kind + " triangle " + t / 3 + " winds inward");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PrimitiveKind.class, names = "PERSON", mode = EnumSource.Mode.EXCLUDE)
    void unitExtentCentredOnOrigin(PrimitiveKind kind) {
        float[] p = Primitives.mesh(kind).positions();
        for (int axis = 0; axis < 3; axis++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int i = axis; i < p.length; i += 3) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            double expected = kind == PrimitiveKind.PLANE && axis == 1 ? 0 : 0.5;
            assertEquals(-expected, lo, 1e-6, kind + " axis " + axis);
            assertEquals(expected, hi, 1e-6, kind + " axis " + axis);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PrimitiveKind.class, names = "PERSON", mode = EnumSource.Mode.EXCLUDE)
    void normalsAreUnitLength(PrimitiveKind kind) {
        float[] n = Primitives.mesh(kind).normals();
        for (int i = 0; i < n.length; i += 3)
            assertEquals(1.0, Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]), 1e-5);
    }
}
