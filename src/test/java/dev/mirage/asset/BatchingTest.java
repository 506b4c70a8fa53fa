package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mirage.asset.library.AssetCatalog;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Joining a model's meshes by material keeps its geometry: bounds, triangles, enclosed volume and facing. */
class BatchingTest {
    /** The volume a closed mesh encloses, from its triangles' signed tetrahedra (positive when faces point out). */
    private static double volume(Model model) {
        double sum = 0;
        for (MeshPart part : model.parts()) {
            Mesh m = part.mesh();
            float[] p = m.positions();
            int[] i = m.indices();
            for (int t = 0; t < i.length; t += 3) {
                Vector3d a = part.nodeToModel().transformPosition(new Vector3d(p[3 * i[t]], p[3 * i[t] + 1], p[3 * i[t] + 2]));
                Vector3d b = part.nodeToModel().transformPosition(new Vector3d(p[3 * i[t + 1]], p[3 * i[t + 1] + 1], p[3 * i[t + 1] + 2]));
                Vector3d c = part.nodeToModel().transformPosition(new Vector3d(p[3 * i[t + 2]], p[3 * i[t + 2] + 1], p[3 * i[t + 2] + 2]));
                sum += a.dot(b.cross(c, new Vector3d())) / 6;
            }
        }
        return sum;
    }

    @Test
    void partsOfOneMaterialJoinIntoOneMeshWithTheSameGeometry() {
        Mesh box = Primitives.mesh(dev.mirage.scene.MeshSource.PrimitiveKind.BOX);
        Material red = Material.plain("red", new Vector3d(1, 0, 0)), blue = Material.plain("blue", new Vector3d(0, 0, 1));
        List<MeshPart> parts = List.of(
                new MeshPart(box, new Matrix4d().translate(2, 0, 0).scale(2, 1, 1), red, "a"),
                new MeshPart(box, new Matrix4d().translate(-2, 0, 0).scale(-1, 1, 1), red, "b"), // mirrored
                new MeshPart(box, new Matrix4d().translate(0, 3, 0).rotateY(0.7), Material.plain("red", new Vector3d(1, 0, 0)), "c"),
                new MeshPart(box, new Matrix4d().translate(0, -3, 0), blue, "d"));
        Model model = Model.of("m", parts);
        Model joined = Batching.byMaterial(model);
        assertEquals(2, joined.parts().size(), "equal materials join, whatever their identity");
        assertEquals(model.triangleCount(), joined.triangleCount());
        assertEquals(model.bounds().min(), joined.bounds().min());
        assertEquals(model.bounds().max(), joined.bounds().max());
        Model recomputed = Model.of("j", joined.parts());
        assertEquals(model.bounds().min().x(), recomputed.bounds().min().x(), 1e-6);
        assertEquals(model.bounds().max().y(), recomputed.bounds().max().y(), 1e-6);
        // boxes of volume 2, 1, 1, 1: the mirrored one is rewound to keep facing out, so no volume cancels
        // (as drawn unjoined, a mirroring transform turns its triangles inside out: they sum to 3)
        assertEquals(5.0, volume(joined), 1e-5);
        for (MeshPart p : joined.parts()) {
            float[] n = p.mesh().normals();
            for (int k = 0; k < n.length; k += 3) assertEquals(1, Math.sqrt(n[k] * n[k] + n[k + 1] * n[k + 1] + n[k + 2] * n[k + 2]), 1e-5);
        }
    }

    @Test
    void aLibraryCarDrawsOncePerMaterialAndAOnePartModelIsKept() {
        AssetLibrary library = new AssetLibrary();
        var car = AssetCatalog.standard().source("car", Map.of());
        Model whole = library.model(car), drawn = library.drawModel(car);
        long materials = whole.parts().stream().map(MeshPart::material).distinct().count();
        assertEquals(materials, drawn.parts().size());
        assertEquals(whole.triangleCount(), drawn.triangleCount());
        assertEquals(volume(whole), volume(drawn), 1e-4 * Math.abs(volume(whole)));
        Model single = Model.of("one", List.of(whole.parts().get(0)));
        assertSame(single, Batching.byMaterial(single));
    }
}
