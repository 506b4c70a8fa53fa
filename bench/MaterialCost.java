import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Material;
import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.gpu.render.SceneRenderer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;

/**
 * What asset materials cost on this GL: 24 UV spheres (2,304 triangles each, with texture
 * coordinates and tangents) on a floor at 640×480, drawn with a plain material, with base colour,
 * metallic-roughness and normal images (256²), and as MASK cut-outs; blocks of frames alternate so
 * that a shared machine's load falls on every case alike. A measurement, not a test; it prints
 * milliseconds per frame: {@code ./mirage info >/dev/null; java -cp target/mirage.jar bench/MaterialCost.java}.
 */
public class MaterialCost {
    static final int W = 640, H = 480, BLOCK = 20, BLOCKS = 4;

    public static void main(String[] args) {
        AssetLibrary assets = new AssetLibrary();
        Mesh sphere = uvSphere(48, 24);
        TextureRef base = image("base", (x, y) -> ((x / 32 + y / 32) & 1) == 0 ? new int[] {200, 60, 40, 255} : new int[] {230, 220, 200, 255});
        TextureRef mr = image("mr", (x, y) -> new int[] {0, 100 + (x ^ y) % 155, (x / 64 & 1) * 255, 255});
        TextureRef normal = image("normal", (x, y) -> new int[] {128 + (int) (60 * Math.sin(x / 6.0)), 128, 240, 255});
        TextureRef holes = image("holes", (x, y) -> new int[] {180, 180, 180, ((x / 16 + y / 16) & 1) * 255});
        Material plain = new Material.Builder("plain").baseColor(new Vector3d(0.6, 0.3, 0.2)).build();
        Material textured = new Material.Builder("textured").baseColorTexture(base).metallicRoughnessTexture(mr)
                .normalTexture(normal, 1).build();
        Material cutout = new Material.Builder("cut-out").baseColorTexture(holes).alpha(Material.AlphaMode.MASK, 0.5)
                .doubleSided(true).build();
        String[] names = {"plain", "textured", "cut-out"};
        Material[] materials = {plain, textured, cutout};
        List<List<ObjectInstance>> scenes = new ArrayList<>();
        for (int m = 0; m < materials.length; m++) {
            MeshSource.Generated source = new MeshSource.Generated(names[m], new TreeMap<>());
            assets.put(source, Model.of(names[m], List.of(new MeshPart(sphere, new Matrix4d(), materials[m], ""))));
            List<ObjectInstance> objects = new ArrayList<>();
            Vector3d floorSize = new Vector3d(60, 1, 60);
            objects.add(new ObjectInstance(0, 0, "floor", new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE),
                    new Matrix4d().scale(floorSize), new Vector3d(0.4, 0.4, 0.4), new Vector3d(), new Vector3d(), 0, floorSize));
            for (int i = 0; i < 24; i++) {
                Vector3d at = new Vector3d((i % 6 - 2.5) * 2.2, 1, -4 - (i / 6) * 3.0);
                objects.add(new ObjectInstance(i + 1, 1, names[m], source, new Matrix4d().translation(at), null, at,
                        new Vector3d(), 0, new Vector3d(1, 1, 1)));
            }
            scenes.add(objects);
        }
        Camera camera = new Camera(new Vector3d(0, 3, 4), new Vector3d(0, 3, 4).add(new Vector3d(0, 0.5, -8)), Math.toRadians(60), 0.05, 100, W, H);
        Sun sun = new Sun(new Vector3d(0.4, 0.8, 0.3), new Vector3d(1, 1, 1), 2.5);
        Sky sky = new Sky(new Vector3d(0.5, 0.6, 0.8), 0.6);
        double[] nanos = new double[materials.length];
        try (GlContext gl = GlContext.open(GlPlatform.SURFACELESS);
             SceneRenderer renderer = new SceneRenderer(gl, assets, new SceneRenderer.Options(W, H, true, 1024, 60, true))) {
            for (List<ObjectInstance> objects : scenes)
                for (int i = 0; i < 3; i++) renderer.render(new FrameScene(i, 0, camera, sun, sky, objects, List.of()));
            for (int b = 0; b < BLOCKS; b++)
                for (int m = 0; m < materials.length; m++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < BLOCK; i++)
                        renderer.render(new FrameScene(i, 0, camera, sun, sky, scenes.get(m), List.of()));
                    nanos[m] += System.nanoTime() - start;
                }
        }
        for (int m = 0; m < materials.length; m++)
            System.out.printf("MaterialCost %-9s %6.1f ms/frame (render + readback, %d frames)%n", names[m],
                    nanos[m] / 1e6 / (BLOCK * BLOCKS), BLOCK * BLOCKS);
    }

    static TextureRef image(String name, java.util.function.BiFunction<Integer, Integer, int[]> texel) {
        int n = 256;
        byte[] rgba = new byte[n * n * 4];
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++) {
                int[] v = texel.apply(x, y);
                for (int c = 0; c < 4; c++) rgba[4 * (n * y + x) + c] = (byte) v[c];
            }
        return new TextureRef.Decoded(name, new TextureImage(n, n, rgba));
    }

    /** A unit-radius UV sphere with texture coordinates and tangents along +u. */
    static Mesh uvSphere(int segments, int rings) {
        int verts = (segments + 1) * (rings + 1);
        float[] p = new float[3 * verts], n = new float[3 * verts], uv = new float[2 * verts], t = new float[4 * verts];
        int k = 0;
        for (int r = 0; r <= rings; r++) {
            double theta = Math.PI * r / rings;
            for (int s = 0; s <= segments; s++, k++) {
                double phi = 2 * Math.PI * s / segments;
                double x = Math.sin(theta) * Math.cos(phi), y = Math.cos(theta), z = -Math.sin(theta) * Math.sin(phi);
                p[3 * k] = n[3 * k] = (float) x;
                p[3 * k + 1] = n[3 * k + 1] = (float) y;
                p[3 * k + 2] = n[3 * k + 2] = (float) z;
                uv[2 * k] = (float) s / segments;
                uv[2 * k + 1] = 1 - (float) r / rings;
                t[4 * k] = (float) -Math.sin(phi);
                t[4 * k + 2] = (float) -Math.cos(phi);
                t[4 * k + 3] = 1;
            }
        }
        int[] idx = new int[6 * segments * rings];
        int i = 0;
        for (int r = 0; r < rings; r++)
            for (int s = 0; s < segments; s++) {
                int a = r * (segments + 1) + s, b = a + segments + 1;
                idx[i++] = a; idx[i++] = b; idx[i++] = a + 1;
                idx[i++] = a + 1; idx[i++] = b; idx[i++] = b + 1;
            }
        return new Mesh("uv sphere", p, n, uv, t, null, idx);
    }
}
