package dev.mirage.asset;

import dev.mirage.scene.MeshSource.PrimitiveKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in unit meshes, centred on the origin with extent 1 m on each axis (a plane is 1 × 1 m in
 * x–z with its normal +Y). Scenes scale them to size. Counter-clockwise front faces, outward normals.
 *
 * <p>Thread safety: stateless.
 */
public final class Primitives {
    /** Segments around the axis of round shapes; enough that silhouettes look round at 1280 px. */
    static final int SEGMENTS = 48;
    static final int RINGS = 24;

    private Primitives() {}

    /**
     * The single mesh of a one-part primitive.
     *
     * @throws IllegalArgumentException for {@link PrimitiveKind#PERSON}, a model of several meshes
     *                                  ({@link Person#model()})
     */
    public static Mesh mesh(PrimitiveKind kind) {
        return switch (kind) {
            case BOX -> box();
            case SPHERE -> sphere();
            case CYLINDER -> cylinder();
            case CONE -> cone();
            case PLANE -> plane();
            case PERSON -> throw new IllegalArgumentException("person is a model of several meshes: use Person.model()");
        };
    }

    /** A growable vertex and index list. */
    private static final class Builder {
        final List<float[]> vertices = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();

        int vertex(double px, double py, double pz, double nx, double ny, double nz) {
            vertices.add(new float[] {(float) px, (float) py, (float) pz, (float) nx, (float) ny, (float) nz});
            return vertices.size() - 1;
        }

        void triangle(int a, int b, int c) {
            indices.add(a);
            indices.add(b);
            indices.add(c);
        }

        Mesh build(String name) {
            float[] p = new float[vertices.size() * 3];
            float[] n = new float[vertices.size() * 3];
            for (int i = 0; i < vertices.size(); i++) {
                float[] v = vertices.get(i);
                System.arraycopy(v, 0, p, 3 * i, 3);
                System.arraycopy(v, 3, n, 3 * i, 3);
            }
            return new Mesh(name, p, n, indices.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    static Mesh box() {
        Builder b = new Builder();
        for (int k = 0; k < 3; k++) {
            for (int sign : new int[] {1, -1}) {
                // Face normal n; in-plane axes u and v = n × u, so u × v = n and the corners below run
                // counter-clockwise seen from outside.
                double[] n = new double[3];
                n[k] = sign;
                double[] u = new double[3];
                u[(k + 1) % 3] = 1;
                double[] v = cross(n, u);
                int base = b.vertices.size();
                double[][] corners = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
                for (double[] c : corners) {
                    b.vertex(0.5 * n[0] + c[0] * u[0] + c[1] * v[0],
                            0.5 * n[1] + c[0] * u[1] + c[1] * v[1],
                            0.5 * n[2] + c[0] * u[2] + c[1] * v[2], n[0], n[1], n[2]);
                }
                b.triangle(base, base + 1, base + 2);
                b.triangle(base, base + 2, base + 3);
            }
        }
        return b.build("box");
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static Mesh sphere() {
        Builder b = new Builder();
        for (int r = 0; r <= RINGS; r++) {
            double theta = Math.PI * r / RINGS;
            for (int s = 0; s <= SEGMENTS; s++) {
                double phi = 2 * Math.PI * s / SEGMENTS;
                double x = Math.sin(theta) * Math.cos(phi), y = Math.cos(theta), z = -Math.sin(theta) * Math.sin(phi);
                b.vertex(0.5 * x, 0.5 * y, 0.5 * z, x, y, z);
            }
        }
        int row = SEGMENTS + 1;
        for (int r = 0; r < RINGS; r++) {
            for (int s = 0; s < SEGMENTS; s++) {
                int a = r * row + s, c = a + row;
                if (r > 0) b.triangle(a, c, a + 1);
                if (r < RINGS - 1) b.triangle(a + 1, c, c + 1);
            }
        }
        return b.build("sphere");
    }

    static Mesh cylinder() {
        Builder b = new Builder();
        side(b, 0.5, 0.5);
        cap(b, 0.5, 1);
        cap(b, -0.5, -1);
        return b.build("cylinder");
    }

    static Mesh cone() {
        Builder b = new Builder();
        side(b, 0.5, 0.0);
        cap(b, -0.5, -1);
        return b.build("cone");
    }

    /** The lateral surface from radius {@code bottom} at y = −0.5 to radius {@code top} at y = +0.5. */
    private static void side(Builder b, double bottom, double top) {
        double slope = bottom - top; // radial change per unit height, sets the normal's y
        double len = Math.sqrt(1 + slope * slope);
        for (int s = 0; s <= SEGMENTS; s++) {
            double phi = 2 * Math.PI * s / SEGMENTS;
            double cx = Math.cos(phi), cz = -Math.sin(phi);
            b.vertex(bottom * cx, -0.5, bottom * cz, cx / len, slope / len, cz / len);
            b.vertex(top * cx, 0.5, top * cz, cx / len, slope / len, cz / len);
        }
        for (int s = 0; s < SEGMENTS; s++) {
            int i = 2 * s;
            b.triangle(i, i + 2, i + 3);
            b.triangle(i, i + 3, i + 1);
        }
    }

    /** A disc of radius 0.5 at height y, facing {@code facing} (+1 up, −1 down). */
    private static void cap(Builder b, double y, int facing) {
        int centre = b.vertex(0, y, 0, 0, facing, 0);
        int first = b.vertices.size();
        for (int s = 0; s <= SEGMENTS; s++) {
            double phi = 2 * Math.PI * s / SEGMENTS;
            b.vertex(0.5 * Math.cos(phi), y, -0.5 * Math.sin(phi), 0, facing, 0);
        }
        for (int s = 0; s < SEGMENTS; s++) {
            if (facing > 0) b.triangle(centre, first + s, first + s + 1);
            else b.triangle(centre, first + s + 1, first + s);
        }
    }

    static Mesh plane() {
        Builder b = new Builder();
        int a = b.vertex(-0.5, 0, 0.5, 0, 1, 0);
        int c = b.vertex(0.5, 0, 0.5, 0, 1, 0);
        int d = b.vertex(0.5, 0, -0.5, 0, 1, 0);
        int e = b.vertex(-0.5, 0, -0.5, 0, 1, 0);
        b.triangle(a, c, d);
        b.triangle(a, d, e);
        return b.build("plane");
    }
}
