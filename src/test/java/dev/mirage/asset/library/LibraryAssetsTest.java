package dev.mirage.asset.library;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every generator of the built-in library must hold, with its default parameters and at its range's ends. */
class LibraryAssetsTest {
    static Stream<String> names() {
        return AssetCatalog.standard().names().stream();
    }

    private static Model build(String name) {
        return AssetCatalog.standard().get(name).build(Map.of());
    }

    @ParameterizedTest
    @MethodSource("names")
    void defaultBuildIsDeterministic(String name) {
        Model a = build(name), b = build(name);
        assertEquals(a.parts().size(), b.parts().size());
        for (int i = 0; i < a.parts().size(); i++) {
            Mesh x = a.parts().get(i).mesh(), y = b.parts().get(i).mesh();
            assertNotSame(x, y);
            assertArrayEquals(x.positions(), y.positions(), name);
            assertArrayEquals(x.normals(), y.normals(), name);
            assertArrayEquals(x.uvs(), y.uvs(), name);
            assertArrayEquals(x.indices(), y.indices(), name);
            assertSame(a.parts().get(i).material(), b.parts().get(i).material(), "materials are shared");
            assertEquals(a.parts().get(i).node(), b.parts().get(i).node());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void meshesAreWellFormed(String name) {
        for (Map<String, Object> params : extremes(name)) {
            Model m = AssetCatalog.standard().get(name).build(params);
            double volume = 0;
            for (MeshPart part : m.parts()) {
                Mesh mesh = part.mesh();
                assertTrue(mesh.triangleCount() > 0, name + " " + part.node());
                assertFalse(part.node().isEmpty(), name + ": every part is named");
                float[] n = mesh.normals();
                for (int i = 0; i < n.length; i += 3)
                    assertEquals(1, Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]), 1e-3, name + " normal " + i / 3);
                if (part.material().textured()) assertNotNull(mesh.uvs(), name + " " + part.node() + " is textured but has no uvs");
                windingFollowsNormals(name + " " + part.node(), mesh);
                volume += signedVolume(mesh);
            }
            assertTrue(volume > 0, name + " " + params + ": faces point inward (signed volume " + volume + ")");
            Vector3d lo = new Vector3d(m.bounds().min()), hi = new Vector3d(m.bounds().max());
            assertEquals(0, lo.y, 0.02, name + " stands on y = 0");
            assertEquals(0, (lo.x + hi.x) / 2, 0.05 * (hi.x - lo.x) + 0.02, name + " is centred in x");
        }
    }

    /** Defaults, all minima, and all maxima (choices at their first and last). */
    static List<Map<String, Object>> extremes(String name) {
        List<ParamSpec> specs = AssetCatalog.standard().get(name).params();
        Map<String, Object> lo = new java.util.HashMap<>(), hi = new java.util.HashMap<>();
        for (ParamSpec s : specs) {
            lo.put(s.name(), s.isChoice() ? s.choices().get(0) : s.min());
            hi.put(s.name(), s.isChoice() ? s.choices().get(s.choices().size() - 1) : s.max());
        }
        return List.of(Map.of(), lo, hi);
    }

    static void windingFollowsNormals(String what, Mesh m) {
        float[] p = m.positions(), n = m.normals();
        int[] idx = m.indices();
        for (int t = 0; t < idx.length; t += 3) {
            int a = 3 * idx[t], b = 3 * idx[t + 1], c = 3 * idx[t + 2];
            double ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
            double gx = uy * vz - uz * vy, gy = uz * vx - ux * vz, gz = ux * vy - uy * vx;
            double nx = n[a] + n[b] + n[c], ny = n[a + 1] + n[b + 1] + n[c + 1], nz = n[a + 2] + n[b + 2] + n[c + 2];
            assertTrue(gx * nx + gy * ny + gz * nz >= 0, what + " triangle " + t / 3 + " winds against its normals");
        }
    }

    /** The volume enclosed by a closed mesh, positive when its faces wind outward (divergence theorem). */
    static double signedVolume(Mesh m) {
        float[] p = m.positions();
        int[] idx = m.indices();
        double v = 0;
        for (int t = 0; t < idx.length; t += 3) {
            int a = 3 * idx[t], b = 3 * idx[t + 1], c = 3 * idx[t + 2];
            v += p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) - p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c])
                    + p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
        }
        return v / 6;
    }

    @Test
    void unknownNamesAndParametersListWhatIsAllowed() {
        ParamException e = assertThrows(ParamException.class, () -> AssetCatalog.standard().get("spaceship"));
        assertNull(e.param());
        assertTrue(e.getMessage().contains("mirage:traffic_cone"), e.getMessage());
        e = assertThrows(ParamException.class, () -> AssetCatalog.standard().get("traffic_cone").build(Map.of("colour", 1)));
        assertEquals("colour", e.param());
        assertTrue(e.getMessage().contains("heightM"), e.getMessage());
        e = assertThrows(ParamException.class, () -> AssetCatalog.standard().get("traffic_cone").build(Map.of("heightM", 9.0)));
        assertEquals("heightM", e.param());
        assertTrue(e.getMessage().contains("0.3..1.2"), e.getMessage());
        e = assertThrows(ParamException.class, () -> AssetCatalog.standard().get("traffic_cone").build(Map.of("bands", 1.5)));
        assertEquals("bands", e.param());
    }

    @Test
    void texturesAreSharedBetweenBuilds() {
        assertSame(Textures.asphalt(), Textures.asphalt());
        assertEquals("mirage:asphalt", Textures.asphalt().key());
    }

    @Test
    void everyAssetBuildsQuickly() {
        for (String name : AssetCatalog.standard().names()) build(name); // warm up: textures, class loading
        long start = System.nanoTime();
        int rounds = 5;
        for (int r = 0; r < rounds; r++)
            for (String name : AssetCatalog.standard().names()) build(name);
        double perModelMs = (System.nanoTime() - start) / 1e6 / rounds / AssetCatalog.standard().names().size();
        assertTrue(perModelMs < 20, "a model takes " + perModelMs + " ms on average");
    }
}
