package dev.mirage.asset.library;

import dev.mirage.asset.Mesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.joml.Matrix3d;
import org.joml.Matrix4d;
import org.joml.Matrix4dc;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * Builds one mesh with normals, texture coordinates and tangents from simple shapes placed by a
 * current transform. Shapes are described in their own metric frame; {@link #place} moves the
 * shapes added after it (normals by the inverse transpose, so non-uniform scales keep them right).
 *
 * <p><b>Winding.</b> {@link #triangle} orients every triangle counter-clockwise about its
 * vertices' mean normal, so a shape only has to get its normals outward.
 *
 * <p><b>Texture coordinates.</b> Unless a shape says otherwise they are metric: one texture repeat
 * per {@code 1 / uvScale} metres of surface (set with {@link #uvScale}), v up. Shapes with
 * "unit" coordinates map their face onto 0..1 (sign faces).
 *
 * <p>Thread safety: none; one builder per mesh, used by one thread.
 */
public final class MeshBuilder {
    private float[] pos = new float[3 * 256], nrm = new float[3 * 256], uv = new float[2 * 256];
    private int vertices;
    private int[] idx = new int[3 * 256];
    private int indexCount;
    private final Matrix4d place = new Matrix4d();
    private final Matrix3d normalMatrix = new Matrix3d();
    private double uvScale = 1;

    /** Shapes added from now on are moved by {@code transform} (from shape space to the mesh's space). */
    public MeshBuilder place(Matrix4dc transform) {
        place.set(transform);
        place.normal(normalMatrix);
        return this;
    }

    /** Shapes added from now on are not moved. */
    public MeshBuilder unplaced() {
        return place(new Matrix4d());
    }

    /** Texture repeats per metre of surface for metric coordinates (default 1). */
    public MeshBuilder uvScale(double repeatsPerMetre) {
        uvScale = repeatsPerMetre;
        return this;
    }

    public boolean isEmpty() {
        return indexCount == 0;
    }

    /** Adds a vertex in shape space; returns its index. */
    public int vertex(double x, double y, double z, double nx, double ny, double nz, double u, double v) {
        if (vertices * 3 + 3 > pos.length) {
            pos = Arrays.copyOf(pos, pos.length * 2);
            nrm = Arrays.copyOf(nrm, nrm.length * 2);
            uv = Arrays.copyOf(uv, uv.length * 2);
        }
        Vector3d p = place.transformPosition(new Vector3d(x, y, z));
        Vector3d n = normalMatrix.transform(new Vector3d(nx, ny, nz));
        if (n.lengthSquared() > 0) n.normalize();
        int i = vertices++;
        pos[3 * i] = (float) p.x; pos[3 * i + 1] = (float) p.y; pos[3 * i + 2] = (float) p.z;
        nrm[3 * i] = (float) n.x; nrm[3 * i + 1] = (float) n.y; nrm[3 * i + 2] = (float) n.z;
        uv[2 * i] = (float) u; uv[2 * i + 1] = (float) v;
        return i;
    }

    /**
     * Adds a triangle, turned if needed so that it runs counter-clockwise seen from the side its
     * vertices' normals point to. Degenerate triangles are dropped.
     */
    public void triangle(int a, int b, int c) {
        double ux = pos[3 * b] - pos[3 * a], uy = pos[3 * b + 1] - pos[3 * a + 1], uz = pos[3 * b + 2] - pos[3 * a + 2];
        double vx = pos[3 * c] - pos[3 * a], vy = pos[3 * c + 1] - pos[3 * a + 1], vz = pos[3 * c + 2] - pos[3 * a + 2];
        double fx = uy * vz - uz * vy, fy = uz * vx - ux * vz, fz = ux * vy - uy * vx;
        if (fx * fx + fy * fy + fz * fz < 1e-20) return;
        double nx = nrm[3 * a] + nrm[3 * b] + nrm[3 * c], ny = nrm[3 * a + 1] + nrm[3 * b + 1] + nrm[3 * c + 1],
                nz = nrm[3 * a + 2] + nrm[3 * b + 2] + nrm[3 * c + 2];
        if (indexCount + 3 > idx.length) idx = Arrays.copyOf(idx, idx.length * 2);
        idx[indexCount++] = a;
        if (fx * nx + fy * ny + fz * nz >= 0) {
            idx[indexCount++] = b;
            idx[indexCount++] = c;
        } else {
            idx[indexCount++] = c;
            idx[indexCount++] = b;
        }
    }

    /** Two triangles a-b-c and a-c-d. */
    public void quad(int a, int b, int c, int d) {
        triangle(a, b, c);
        triangle(a, c, d);
    }

    /** A flat quad with one normal; corners in order around it, texture coordinates given per corner. */
    public void flatQuad(double[][] corners, double[][] uvs) {
        Vector3d e1 = new Vector3d(corners[1][0] - corners[0][0], corners[1][1] - corners[0][1], corners[1][2] - corners[0][2]);
        Vector3d e2 = new Vector3d(corners[2][0] - corners[0][0], corners[2][1] - corners[0][1], corners[2][2] - corners[0][2]);
        Vector3d n = e1.cross(e2).normalize();
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) v[i] = vertex(corners[i][0], corners[i][1], corners[i][2], n.x, n.y, n.z, uvs[i][0], uvs[i][1]);
        quad(v[0], v[1], v[2], v[3]);
    }

    /** An axis-aligned box from (x0, y0, z0) to (x1, y1, z1); metric coordinates on each face. */
    public MeshBuilder box(double x0, double y0, double z0, double x1, double y1, double z1) {
        return box(x0, y0, z0, x1, y1, z1, false);
    }

    /**
     * An axis-aligned box. With {@code unitUv} each face maps onto 0..1; otherwise coordinates are
     * metric. On side faces v runs up (+Y); on top and bottom u runs along X and v along −Z.
     */
    public MeshBuilder box(double x0, double y0, double z0, double x1, double y1, double z1, boolean unitUv) {
        double[] lo = {x0, y0, z0}, hi = {x1, y1, z1};
        for (int axis = 0; axis < 3; axis++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                // in-face axes: v is +Y on side faces, −Z on top/bottom; u = v × n keeps u to the right seen from outside
                int va = axis == 1 ? 2 : 1;
                double vSign = axis == 1 ? -1 : 1;
                int ua = 3 - axis - va;
                double[] n = new double[3];
                n[axis] = sign;
                double[] vDir = new double[3];
                vDir[va] = vSign;
                double[] uDir = {vDir[1] * n[2] - vDir[2] * n[1], vDir[2] * n[0] - vDir[0] * n[2], vDir[0] * n[1] - vDir[1] * n[0]};
                double uSign = uDir[ua];
                int[] ids = new int[4];
                int k = 0;
                for (int cu = 0; cu < 2; cu++) {
                    for (int cvv = 0; cvv < 2; cvv++) {
                        int cv = cu == 0 ? cvv : 1 - cvv; // corners in order around the face
                        double[] p = new double[3];
                        p[axis] = sign < 0 ? lo[axis] : hi[axis];
                        p[ua] = (cu == 0) == (uSign > 0) ? lo[ua] : hi[ua];
                        p[va] = (cv == 0) == (vSign > 0) ? lo[va] : hi[va];
                        double u, v;
                        if (unitUv) {
                            u = cu;
                            v = cv;
                        } else {
                            u = uSign * p[ua] * uvScale;
                            v = vSign * p[va] * uvScale;
                        }
                        ids[k++] = vertex(p[0], p[1], p[2], n[0], n[1], n[2], u, v);
                    }
                }
                quad(ids[0], ids[1], ids[2], ids[3]);
            }
        }
        return this;
    }

    /**
     * A frustum around the Y axis from radius {@code r0} at {@code y0} to {@code r1} at {@code y1}
     * (either radius may be 0), with flat caps where the radius is not 0. u runs around
     * (one repeat per turn times {@code uRepeats}), v is metric along the side.
     */
    public MeshBuilder frustum(double r0, double r1, double y0, double y1, int segments, boolean caps) {
        lathe(caps ? new double[] {0, r0, r1, 0} : new double[] {r0, r1}, caps ? new double[] {y0, y0, y1, y1}
                : new double[] {y0, y1}, segments, 1);
        return this;
    }

    /**
     * A surface of revolution about the Y axis through the profile points (radius, y), in order from
     * bottom to top; a point of radius 0 closes that end. Each profile segment gets its own flat
     * normal across the profile (sharp profile corners), smooth around the axis. u goes around
     * ({@code uRepeats} per turn), v is metric along the profile.
     */
    public MeshBuilder lathe(double[] radius, double[] y, int segments, double uRepeats) {
        double along = 0;
        for (int i = 0; i + 1 < radius.length; i++) {
            double dr = radius[i + 1] - radius[i], dy = y[i + 1] - y[i];
            double len = Math.hypot(dr, dy);
            if (len == 0) continue;
            // outward normal of a profile running upward is (dy, -dr) in (radius, y)
            double nr = dy / len, ny = -dr / len;
            int first = -1;
            for (int s = 0; s <= segments; s++) {
                double phi = 2 * Math.PI * s / segments;
                double cx = Math.cos(phi), cz = -Math.sin(phi);
                int a = vertex(radius[i] * cx, y[i], radius[i] * cz, nr * cx, ny, nr * cz, uRepeats * s / segments, along * uvScale);
                int b = vertex(radius[i + 1] * cx, y[i + 1], radius[i + 1] * cz, nr * cx, ny, nr * cz,
                        uRepeats * s / segments, (along + len) * uvScale);
                if (first >= 0) quad(first, a, b, first + 1);
                first = a;
            }
            along += len;
        }
        return this;
    }

    /**
     * A smooth surface of revolution about the Y axis (normals averaged along the profile): for
     * round shapes like bottles, mugs and cones with a soft edge.
     */
    public MeshBuilder smoothLathe(double[] radius, double[] y, int segments) {
        int n = radius.length;
        double[] nr = new double[n], ny = new double[n];
        for (int i = 0; i < n; i++) {
            double tr = 0, ty = 0;
            if (i > 0) { tr += radius[i] - radius[i - 1]; ty += y[i] - y[i - 1]; }
            if (i + 1 < n) { tr += radius[i + 1] - radius[i]; ty += y[i + 1] - y[i]; }
            double len = Math.hypot(tr, ty);
            nr[i] = ty / len;
            ny[i] = -tr / len;
        }
        int row = segments + 1;
        int base = vertices;
        double along = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) along += Math.hypot(radius[i] - radius[i - 1], y[i] - y[i - 1]);
            for (int s = 0; s <= segments; s++) {
                double phi = 2 * Math.PI * s / segments;
                double cx = Math.cos(phi), cz = -Math.sin(phi);
                vertex(radius[i] * cx, y[i], radius[i] * cz, nr[i] * cx, ny[i], nr[i] * cz, (double) s / segments, along * uvScale);
            }
        }
        for (int i = 0; i + 1 < n; i++)
            for (int s = 0; s < segments; s++) {
                int a = base + i * row + s, c = a + row;
                quad(a, a + 1, c + 1, c);
            }
        return this;
    }

    /** An ellipsoid centred on (cx, cy, cz) with radii (rx, ry, rz); u around, v from bottom to top. */
    public MeshBuilder ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz, int segments, int rings) {
        int row = segments + 1, base = vertices;
        for (int r = 0; r <= rings; r++) {
            double theta = Math.PI * r / rings;
            for (int s = 0; s <= segments; s++) {
                double phi = 2 * Math.PI * s / segments;
                double x = Math.sin(theta) * Math.cos(phi), y = -Math.cos(theta), z = -Math.sin(theta) * Math.sin(phi);
                vertex(cx + rx * x, cy + ry * y, cz + rz * z, x / rx, y / ry, z / rz, (double) s / segments, (double) r / rings);
            }
        }
        for (int r = 0; r < rings; r++)
            for (int s = 0; s < segments; s++) {
                int a = base + r * row + s, c = a + row;
                quad(a, a + 1, c + 1, c);
            }
        return this;
    }

    /**
     * A torus around the Y axis: tube of radius {@code tube} whose centre line is a circle of
     * radius {@code ring} in y = 0. u goes around the ring, v around the tube.
     */
    public MeshBuilder torus(double ring, double tube, int segments, int sides) {
        int row = sides + 1, base = vertices;
        for (int s = 0; s <= segments; s++) {
            double phi = 2 * Math.PI * s / segments;
            double cx = Math.cos(phi), cz = -Math.sin(phi);
            for (int t = 0; t <= sides; t++) {
                double psi = 2 * Math.PI * t / sides;
                double nr = Math.cos(psi), ny = Math.sin(psi);
                double r = ring + tube * nr;
                vertex(r * cx, tube * ny, r * cz, nr * cx, ny, nr * cz, (double) s / segments, (double) t / sides);
            }
        }
        for (int s = 0; s < segments; s++)
            for (int t = 0; t < sides; t++) {
                int a = base + s * row + t, c = a + row;
                quad(a, c, c + 1, a + 1);
            }
        return this;
    }

    /**
     * A prism: the polygon {@code profile} of (z, y) points (either winding, simple, not
     * self-intersecting) extruded along X from {@code x0} to {@code x1}, with flat caps. Sides have
     * flat normals per edge; coordinates are metric (u along the profile, v along X on the sides;
     * z and y on the caps).
     */
    public MeshBuilder extrudeX(double[][] profile, double x0, double x1) {
        int n = profile.length;
        double area = 0;
        for (int i = 0; i < n; i++) {
            double[] a = profile[i], b = profile[(i + 1) % n];
            area += a[0] * b[1] - b[0] * a[1];
        }
        double orient = Math.signum(area); // +1: counter-clockwise in (z, y)
        double along = 0;
        for (int i = 0; i < n; i++) {
            double[] a = profile[i], b = profile[(i + 1) % n];
            double dz = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dz, dy);
            if (len == 0) continue;
            double nz = orient * dy / len, ny = -orient * dz / len;
            int p = vertex(x0, a[1], a[0], 0, ny, nz, along * uvScale, x0 * uvScale);
            int q = vertex(x0, b[1], b[0], 0, ny, nz, (along + len) * uvScale, x0 * uvScale);
            int r = vertex(x1, b[1], b[0], 0, ny, nz, (along + len) * uvScale, x1 * uvScale);
            int s = vertex(x1, a[1], a[0], 0, ny, nz, along * uvScale, x1 * uvScale);
            quad(p, q, r, s);
            along += len;
        }
        List<int[]> tris = Polygons.triangulate(profile);
        for (int side = 0; side < 2; side++) {
            double x = side == 0 ? x0 : x1, nx = side == 0 ? -1 : 1;
            int base = vertices;
            for (double[] p : profile) vertex(x, p[1], p[0], nx, 0, 0, -nx * p[0] * uvScale, p[1] * uvScale);
            for (int[] t : tris) triangle(base + t[0], base + t[1], base + t[2]);
        }
        return this;
    }

    /**
     * A round capped cylinder of {@code radius} whose axis runs from {@code a} to {@code b} (tubes,
     * spokes, legs), placed like any other shape.
     */
    public MeshBuilder rod(Vector3dc a, Vector3dc b, double radius, int segments) {
        Vector3d axis = new Vector3d(b).sub(a);
        double length = axis.length();
        if (length == 0) return this;
        Matrix4d outer = new Matrix4d(place);
        Quaterniond turn = new Quaterniond().rotateTo(new Vector3d(0, 1, 0), axis.normalize());
        place(new Matrix4d(outer).translate(new Vector3d(a).add(b).mul(0.5)).rotate(turn));
        frustum(radius, radius, -length / 2, length / 2, segments, true);
        return place(outer);
    }

    /**
     * A round tube of {@code radius} swept along a path of points in the plane x = {@code x} given as
     * (z, y) pairs, with flat caps at both ends (a mug's handle). u runs around the tube, v along it.
     */
    public MeshBuilder sweepX(double[][] zy, double x, double radius, int sides) {
        int n = zy.length, row = sides + 1, base = vertices;
        double along = 0;
        double[][] dirs = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] prev = zy[Math.max(0, i - 1)], next = zy[Math.min(n - 1, i + 1)];
            double dz = next[0] - prev[0], dy = next[1] - prev[1], len = Math.hypot(dz, dy);
            dirs[i] = new double[] {dz / len, dy / len};
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) along += Math.hypot(zy[i][0] - zy[i - 1][0], zy[i][1] - zy[i - 1][1]);
            double pz = -dirs[i][1], py = dirs[i][0]; // in-plane normal of the path
            for (int s = 0; s <= sides; s++) {
                double t = 2 * Math.PI * s / sides, c = Math.cos(t), sn = Math.sin(t);
                double nx = sn, ny = c * py, nz = c * pz;
                vertex(x + radius * nx, zy[i][1] + radius * ny, zy[i][0] + radius * nz, nx, ny, nz, (double) s / sides, along * uvScale);
            }
        }
        for (int i = 0; i + 1 < n; i++)
            for (int s = 0; s < sides; s++) {
                int a = base + i * row + s, c = a + row;
                quad(a, a + 1, c + 1, c);
            }
        for (int end = 0; end < 2; end++) {
            int i = end == 0 ? 0 : n - 1;
            double sign = end == 0 ? -1 : 1, nz = sign * dirs[i][0], ny = sign * dirs[i][1];
            double pz = -dirs[i][1], py = dirs[i][0];
            int centre = vertex(x, zy[i][1], zy[i][0], 0, ny, nz, 0.5, 0.5), first = vertices;
            for (int s = 0; s <= sides; s++) {
                double t = 2 * Math.PI * s / sides, c = Math.cos(t), sn = Math.sin(t);
                vertex(x + radius * sn, zy[i][1] + radius * c * py, zy[i][0] + radius * c * pz, 0, ny, nz, 0.5 + sn / 2, 0.5 + c / 2);
            }
            for (int s = 0; s < sides; s++) triangle(centre, first + s, first + s + 1);
        }
        return this;
    }

    /** Appends all of another builder's geometry (already placed). */
    public MeshBuilder append(MeshBuilder other) {
        int base = vertices;
        for (int i = 0; i < other.vertices; i++) {
            int v = vertices++;
            if (vertices * 3 > pos.length) {
                pos = Arrays.copyOf(pos, pos.length * 2);
                nrm = Arrays.copyOf(nrm, nrm.length * 2);
                uv = Arrays.copyOf(uv, uv.length * 2);
            }
            System.arraycopy(other.pos, 3 * i, pos, 3 * v, 3);
            System.arraycopy(other.nrm, 3 * i, nrm, 3 * v, 3);
            System.arraycopy(other.uv, 2 * i, uv, 2 * v, 2);
        }
        for (int i = 0; i < other.indexCount; i++) {
            if (indexCount + 1 > idx.length) idx = Arrays.copyOf(idx, idx.length * 2);
            idx[indexCount++] = base + other.idx[i];
        }
        return this;
    }

    /** The mesh, with tangents from the texture coordinates. */
    public Mesh build(String name) {
        float[] p = Arrays.copyOf(pos, 3 * vertices), n = Arrays.copyOf(nrm, 3 * vertices), t = Arrays.copyOf(uv, 2 * vertices);
        int[] i = Arrays.copyOf(idx, indexCount);
        return new Mesh(name, p, n, t, tangents(p, n, t, i), null, i);
    }

    /** Per-vertex tangents (xyz, handedness w) from positions, normals and texture coordinates. */
    static float[] tangents(float[] p, float[] n, float[] uv, int[] idx) {
        int count = p.length / 3;
        double[] tan = new double[3 * count], bit = new double[3 * count];
        for (int k = 0; k < idx.length; k += 3) {
            int a = idx[k], b = idx[k + 1], c = idx[k + 2];
            double e1x = p[3 * b] - p[3 * a], e1y = p[3 * b + 1] - p[3 * a + 1], e1z = p[3 * b + 2] - p[3 * a + 2];
            double e2x = p[3 * c] - p[3 * a], e2y = p[3 * c + 1] - p[3 * a + 1], e2z = p[3 * c + 2] - p[3 * a + 2];
            double du1 = uv[2 * b] - uv[2 * a], dv1 = uv[2 * b + 1] - uv[2 * a + 1];
            double du2 = uv[2 * c] - uv[2 * a], dv2 = uv[2 * c + 1] - uv[2 * a + 1];
            double det = du1 * dv2 - du2 * dv1;
            if (Math.abs(det) < 1e-12) continue;
            double r = 1 / det;
            for (int v : new int[] {a, b, c}) {
                tan[3 * v] += r * (dv2 * e1x - dv1 * e2x);
                tan[3 * v + 1] += r * (dv2 * e1y - dv1 * e2y);
                tan[3 * v + 2] += r * (dv2 * e1z - dv1 * e2z);
                bit[3 * v] += r * (du1 * e2x - du2 * e1x);
                bit[3 * v + 1] += r * (du1 * e2y - du2 * e1y);
                bit[3 * v + 2] += r * (du1 * e2z - du2 * e1z);
            }
        }
        float[] out = new float[4 * count];
        for (int v = 0; v < count; v++) {
            Vector3d nn = new Vector3d(n[3 * v], n[3 * v + 1], n[3 * v + 2]);
            Vector3d t = new Vector3d(tan[3 * v], tan[3 * v + 1], tan[3 * v + 2]);
            t.fma(-nn.dot(t), nn);
            if (t.lengthSquared() < 1e-20) {
                // no usable texture direction: any unit vector perpendicular to the normal
                t.set(Math.abs(nn.x) < 0.9 ? 1 : 0, Math.abs(nn.x) < 0.9 ? 0 : 1, 0);
                t.fma(-nn.dot(t), nn);
            }
            t.normalize();
            Vector3d b = new Vector3d(bit[3 * v], bit[3 * v + 1], bit[3 * v + 2]);
            double w = new Vector3d(nn).cross(t).dot(b) < 0 ? -1 : 1;
            out[4 * v] = (float) t.x; out[4 * v + 1] = (float) t.y; out[4 * v + 2] = (float) t.z; out[4 * v + 3] = (float) w;
        }
        return out;
    }
}
