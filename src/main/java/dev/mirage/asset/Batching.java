package dev.mirage.asset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix3d;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Joins a model's meshes that share a material into one mesh each, placed in model space, so the
 * renderer issues one draw per material instead of one per part: a library car's 17 meshes (a tyre,
 * rim and hub per wheel...) become 7 draws. What is drawn is the same geometry with the same
 * materials; only the draw count changes, which on the CPU renderer costs time per draw and pass.
 * Part names are lost, so labeled parts are split off before (see {@code MeshSource.Parts}).
 *
 * <p>Thread safety: stateless.
 */
public final class Batching {
    private Batching() {}

    /** The model with its parts grouped by material (and vertex layout); the model itself when nothing would join. */
    public static Model byMaterial(Model model) {
        Map<Key, List<MeshPart>> groups = new LinkedHashMap<>();
        for (MeshPart p : model.parts()) groups.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        if (groups.size() == model.parts().size()) return model;
        List<MeshPart> joined = new ArrayList<>();
        for (List<MeshPart> group : groups.values())
            joined.add(group.size() == 1 ? group.get(0) : new MeshPart(join(group), new Matrix4d(), group.get(0).material(), ""));
        return new Model(model.name(), joined, model.bounds(), model.frame(), model.frameBounds());
    }

    /** Parts join when their materials are equal and they carry the same vertex attributes. */
    private record Key(Material material, boolean uvs, boolean tangents, boolean colors) {}

    private static Key key(MeshPart p) {
        Mesh m = p.mesh();
        return new Key(p.material(), m.uvs() != null, m.tangents() != null, m.colors() != null);
    }

    private static Mesh join(List<MeshPart> parts) {
        int vertices = 0, indices = 0;
        for (MeshPart p : parts) {
            vertices += p.mesh().vertexCount();
            indices += p.mesh().indices().length;
        }
        Mesh first = parts.get(0).mesh();
        float[] pos = new float[3 * vertices], nor = new float[3 * vertices];
        float[] uv = first.uvs() != null ? new float[2 * vertices] : null;
        float[] tan = first.tangents() != null ? new float[4 * vertices] : null;
        float[] col = first.colors() != null ? new float[4 * vertices] : null;
        int[] idx = new int[indices];
        int v0 = 0, i0 = 0;
        Vector3d a = new Vector3d();
        for (MeshPart p : parts) {
            Mesh m = p.mesh();
            Matrix4d place = new Matrix4d(p.nodeToModel());
            Matrix3d normals = place.normal(new Matrix3d());
            Matrix3d linear = place.get3x3(new Matrix3d());
            // a mirroring transform turns the winding and the tangent frame's handedness
            boolean mirrored = linear.determinant() < 0;
            for (int k = 0; k < m.vertexCount(); k++) {
                place.transformPosition(a.set(m.positions()[3 * k], m.positions()[3 * k + 1], m.positions()[3 * k + 2]));
                put3(pos, v0 + k, a);
                normals.transform(a.set(m.normals()[3 * k], m.normals()[3 * k + 1], m.normals()[3 * k + 2])).normalize();
                put3(nor, v0 + k, a);
                if (uv != null) {
                    uv[2 * (v0 + k)] = m.uvs()[2 * k];
                    uv[2 * (v0 + k) + 1] = m.uvs()[2 * k + 1];
                }
                if (tan != null) {
                    linear.transform(a.set(m.tangents()[4 * k], m.tangents()[4 * k + 1], m.tangents()[4 * k + 2])).normalize();
                    tan[4 * (v0 + k)] = (float) a.x;
                    tan[4 * (v0 + k) + 1] = (float) a.y;
                    tan[4 * (v0 + k) + 2] = (float) a.z;
                    tan[4 * (v0 + k) + 3] = mirrored ? -m.tangents()[4 * k + 3] : m.tangents()[4 * k + 3];
                }
                if (col != null) System.arraycopy(m.colors(), 4 * k, col, 4 * (v0 + k), 4);
            }
            int[] src = m.indices();
            for (int t = 0; t < src.length; t += 3) {
                idx[i0 + t] = v0 + src[t];
                idx[i0 + t + 1] = v0 + (mirrored ? src[t + 2] : src[t + 1]);
                idx[i0 + t + 2] = v0 + (mirrored ? src[t + 1] : src[t + 2]);
            }
            v0 += m.vertexCount();
            i0 += src.length;
        }
        return new Mesh(first.name() + "+" + (parts.size() - 1), pos, nor, uv, tan, col, idx);
    }

    private static void put3(float[] out, int vertex, Vector3d v) {
        out[3 * vertex] = (float) v.x;
        out[3 * vertex + 1] = (float) v.y;
        out[3 * vertex + 2] = (float) v.z;
    }
}
