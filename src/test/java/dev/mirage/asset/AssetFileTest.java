package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading real asset files through Assimp: glTF written by hand in the test ({@link GltfFiles}) and
 * OBJ + MTL, checked against values worked out from the files' own numbers.
 */
class AssetFileTest {
    @TempDir
    Path tmp;

    private static final double EPS = 1e-5;

    /**
     * Root "car": translation (10, 0, 0), rotation +90° about Y, scale 2; child "wheel": translation
     * (0, 1, 0) holding a unit cube. The cube [-0.5, 0.5]³ moved by (0, 1, 0), doubled, turned (x, y, z)
     * → (z, y, −x) and moved 10 along x spans [9, 11] × [1, 3] × [−1, 1]. A second cube sits in the
     * root node itself: doubled and turned, [9, 11] × [−1, 1] × [−1, 1].
     */
    @Test
    void hierarchyOfTransformsGivesKnownWorldBounds() throws IOException {
        GltfFiles g = new GltfFiles();
        float[][] cube = GltfFiles.cube();
        int mesh = g.mesh("cube", cube[0], cube[1], null, null, GltfFiles.ints(cube[2]), true, -1);
        ObjectNode car = g.node("car", mesh);
        car.putArray("translation").add(10).add(0).add(0);
        double s = Math.sqrt(0.5);
        car.putArray("rotation").add(0).add(s).add(0).add(s);
        car.putArray("scale").add(2).add(2).add(2);
        ObjectNode wheel = g.node("wheel", mesh);
        wheel.putArray("translation").add(0).add(1).add(0);
        g.addChild(car, wheel);
        g.addRoot(car);
        AssetFile file = AssetFile.load(g.writeGltf(tmp.resolve("car.gltf")));

        assertBounds(file.model().bounds(), 9, -1, -1, 11, 3, 1);
        assertBounds(file.model("wheel").bounds(), 9, 1, -1, 11, 3, 1);
        assertEquals(24, file.model().triangleCount());
        assertEquals(List.of("wheel", "car"), file.nodeNames());
        assertTrue(file.model().parts().stream().anyMatch(p -> p.node().equals("wheel")));
        AssetException e = assertThrows(AssetException.class, () -> file.model("trailer"));
        assertTrue(e.nodeMissing());
        assertTrue(e.getMessage().contains("wheel"), e.getMessage());
    }

    @Test
    void glbWithMaterialsTexturesAndBothIndexSizes() throws IOException {
        GltfFiles g = new GltfFiles();
        int baseTex = g.embeddedPng(GltfFiles.quadrants(2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0x80ffffff));
        int normalTex = g.dataUriPng(GltfFiles.quadrants(1, 0xff8080ff, 0xff8080ff, 0xff8080ff, 0xff8080ff));
        ObjectNode mat = g.material("paint");
        ObjectNode pbr = mat.putObject("pbrMetallicRoughness");
        pbr.putArray("baseColorFactor").add(0.5).add(0.25).add(1.0).add(0.75);
        pbr.put("metallicFactor", 0.3).put("roughnessFactor", 0.6);
        pbr.putObject("baseColorTexture").put("index", baseTex);
        mat.putObject("normalTexture").put("index", normalTex).put("scale", 0.5);
        mat.putObject("occlusionTexture").put("index", normalTex).put("strength", 0.25);
        mat.putArray("emissiveFactor").add(0.1).add(0.2).add(0.3);
        mat.put("alphaMode", "MASK").put("alphaCutoff", 0.3).put("doubleSided", true);
        ObjectNode plain = g.material("rubber");
        plain.putObject("pbrMetallicRoughness").put("metallicFactor", 0.0).put("roughnessFactor", 0.9);

        float[] colors = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 0.5f};
        int quad = g.mesh("quad", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, colors,
                GltfFiles.QUAD_INDICES, true, 0);
        // A strip of 70,000 vertices needs 32-bit indices.
        int n = 70_000;
        float[] p = new float[3 * n], nn = new float[3 * n];
        int[] idx = new int[3 * (n - 2)];
        for (int i = 0; i < n; i++) {
            p[3 * i] = i * 0.001f;
            p[3 * i + 1] = (i % 2) * 0.5f;
            nn[3 * i + 2] = 1;
        }
        for (int i = 0; i < n - 2; i++) {
            idx[3 * i] = i;
            idx[3 * i + 1] = i % 2 == 0 ? i + 1 : i + 2;
            idx[3 * i + 2] = i % 2 == 0 ? i + 2 : i + 1;
        }
        int strip = g.mesh("strip", p, nn, null, null, idx, false, 1);
        g.addRoot(g.node("sign", quad));
        g.addRoot(g.node("strip", strip));
        AssetFile file = AssetFile.load(g.writeGlb(tmp.resolve("sign.glb")));

        MeshPart quadPart = part(file, "sign");
        Material m = quadPart.material();
        assertEquals("paint", m.name());
        assertEquals(0.5, m.baseColorFactor().x(), EPS);
        assertEquals(0.25, m.baseColorFactor().y(), EPS);
        assertEquals(1.0, m.baseColorFactor().z(), EPS);
        assertEquals(0.75, m.baseColorFactor().w(), EPS);
        assertEquals(0.3, m.metallic(), EPS);
        assertEquals(0.6, m.roughness(), EPS);
        assertEquals(0.5, m.normalScale(), EPS);
        assertEquals(0.25, m.occlusionStrength(), EPS);
        assertEquals(0.1, m.emissiveFactor().x(), EPS);
        assertEquals(0.3, m.emissiveFactor().z(), EPS);
        assertEquals(Material.AlphaMode.MASK, m.alphaMode());
        assertEquals(0.3, m.alphaCutoff(), EPS);
        assertTrue(m.doubleSided());
        assertNull(m.metallicRoughnessTexture());
        assertNull(m.emissiveTexture());

        TextureImage base = new AssetLibrary().texture(m.baseColorTexture());
        assertEquals(4, base.width());
        assertArrayEquals(new int[] {255, 0, 0, 255}, rgba(base, 0, 0));        // top-left red
        assertArrayEquals(new int[] {0, 255, 0, 255}, rgba(base, 3, 0));        // top-right green
        assertArrayEquals(new int[] {0, 0, 255, 255}, rgba(base, 0, 3));        // bottom-left blue
        assertArrayEquals(new int[] {255, 255, 255, 128}, rgba(base, 3, 3));    // bottom-right half alpha
        TextureImage normal = new AssetLibrary().texture(m.normalTexture());
        assertArrayEquals(new int[] {128, 128, 255, 255}, rgba(normal, 1, 1));
        assertEquals(m.normalTexture(), m.occlusionTexture(), "one image, decoded once, shared by both slots");

        Mesh q = quadPart.mesh();
        assertNotNull(q.uvs());
        // glTF's (0, 1) is the image's bottom-left: our convention puts v = 0 at the bottom row.
        for (int i = 0; i < q.vertexCount(); i++) {
            float x = q.positions()[3 * i], y = q.positions()[3 * i + 1];
            assertEquals(x + 0.5f, q.uvs()[2 * i], 1e-6f, "u runs with x");
            assertEquals(y + 0.5f, q.uvs()[2 * i + 1], 1e-6f, "v = 0 at the bottom (y = -0.5)");
        }
        assertNotNull(q.tangents(), "tangents computed from the texture coordinates");
        for (int i = 0; i < q.vertexCount(); i++) {
            assertEquals(1, q.tangents()[4 * i], 1e-5, "u grows along +x, so the tangent is +x");
            assertEquals(1, q.tangents()[4 * i + 3], 1e-5, "v grows along +y = n × t: right-handed");
        }
        assertNotNull(q.colors());
        for (int i = 0; i < q.vertexCount(); i++) {
            int corner = cornerOf(q.positions()[3 * i], q.positions()[3 * i + 1]);
            assertArrayEquals(Arrays.copyOfRange(colors, 4 * corner, 4 * corner + 4), Arrays.copyOfRange(q.colors(), 4 * i, 4 * i + 4), 1e-6f);
        }

        MeshPart stripPart = part(file, "strip");
        assertEquals(n - 2, stripPart.mesh().triangleCount());
        assertEquals(n, stripPart.mesh().vertexCount());
        assertEquals(n - 1, Arrays.stream(stripPart.mesh().indices()).max().orElseThrow());
        assertFalse(stripPart.material().doubleSided(), "glTF materials are single-sided unless they say otherwise");
        assertEquals(0.9, stripPart.material().roughness(), EPS);
        assertTrue(file.warnings().isEmpty(), file.warnings().toString());
    }

    /** Which corner of the quad (index into QUAD_POSITIONS) a position is. */
    private static int cornerOf(float x, float y) {
        for (int c = 0; c < 4; c++)
            if (GltfFiles.QUAD_POSITIONS[3 * c] == x && GltfFiles.QUAD_POSITIONS[3 * c + 1] == y) return c;
        throw new AssertionError("not a corner: " + x + ", " + y);
    }

    @Test
    void externalBufferAndImageBesideTheFile() throws IOException {
        Files.write(tmp.resolve("paint.png"), GltfFiles.png(GltfFiles.quadrants(1, 0xff102030, 0xff102030, 0xff102030, 0xff102030)));
        GltfFiles g = new GltfFiles();
        int tex = g.externalImage("paint.png");
        g.material("m").putObject("pbrMetallicRoughness").putObject("baseColorTexture").put("index", tex);
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, null,
                GltfFiles.QUAD_INDICES, true, 0)));
        AssetFile file = AssetFile.load(g.writeGltfWithBin(tmp.resolve("q.gltf"), "q.bin"));
        TextureImage image = new AssetLibrary().texture(file.model().parts().get(0).material().baseColorTexture());
        assertArrayEquals(new int[] {0x10, 0x20, 0x30, 255}, rgba(image, 1, 1));
    }

    @Test
    void missingTextureFileIsAWarningAndTheFactorRemains() throws IOException {
        GltfFiles g = new GltfFiles();
        int tex = g.externalImage("gone.png");
        ObjectNode pbr = g.material("m").putObject("pbrMetallicRoughness");
        pbr.putObject("baseColorTexture").put("index", tex);
        pbr.putArray("baseColorFactor").add(0.2).add(0.4).add(0.6).add(1);
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, null,
                GltfFiles.QUAD_INDICES, true, 0)));
        AssetFile file = AssetFile.load(g.writeGltf(tmp.resolve("q.gltf")));
        Material m = file.model().parts().get(0).material();
        assertNull(m.baseColorTexture());
        assertEquals(0.4, m.baseColorFactor().y(), EPS);
        assertEquals(1, file.warnings().size());
        assertTrue(file.warnings().get(0).contains("gone.png") && file.warnings().get(0).contains("q.gltf"), file.warnings().toString());
    }

    @Test
    void imageThatDoesNotDecodeFailsTheLoadNamingTheFile() throws IOException {
        GltfFiles g = new GltfFiles();
        Files.write(tmp.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        int tex = g.externalImage("bad.png");
        g.material("m").putObject("pbrMetallicRoughness").putObject("baseColorTexture").put("index", tex);
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, null,
                GltfFiles.QUAD_INDICES, true, 0)));
        Path file = g.writeGltf(tmp.resolve("q.gltf"));
        AssetException e = assertThrows(AssetException.class, () -> AssetFile.load(file));
        assertTrue(e.getMessage().contains("bad.png") && e.getMessage().contains("does not decode"), e.getMessage());
    }

    @Test
    void truncatedGlbIsAnAssetError() throws IOException {
        GltfFiles g = new GltfFiles();
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, null, null, GltfFiles.QUAD_INDICES, true, -1)));
        byte[] whole = g.glb();
        Path file = tmp.resolve("cut.glb");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        AssetException e = assertThrows(AssetException.class, () -> AssetFile.load(file));
        assertTrue(e.getMessage().contains("cut.glb"), e.getMessage());
        Path garbage = tmp.resolve("noise.glb");
        Files.write(garbage, new byte[] {'g', 'l', 'T', 'F', 2, 0, 0, 0, 9, 9, 9, 9});
        assertThrows(AssetException.class, () -> AssetFile.load(garbage));
    }

    @Test
    void dracoCompressedMeshIsRefusedByName() throws IOException {
        GltfFiles g = new GltfFiles();
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, null, null, GltfFiles.QUAD_INDICES, true, -1)));
        g.json().putArray("extensionsUsed").add("KHR_draco_mesh_compression");
        g.json().putArray("extensionsRequired").add("KHR_draco_mesh_compression");
        Path file = g.writeGltf(tmp.resolve("draco.gltf"));
        AssetException e = assertThrows(AssetException.class, () -> AssetFile.load(file));
        assertTrue(e.getMessage().contains("KHR_draco_mesh_compression"), e.getMessage());
    }

    @Test
    void objWithMtlReadsColoursTexturesOpacityAndGroups() throws IOException {
        Files.write(tmp.resolve("wood.png"), GltfFiles.png(GltfFiles.quadrants(1, 0xff804020, 0xff804020, 0xff804020, 0xff804020)));
        Files.writeString(tmp.resolve("box.mtl"), """
                newmtl red
                Kd 0.8 0.1 0.1
                newmtl wood
                Kd 1 1 1
                map_Kd wood.png
                newmtl glass
                Kd 0.9 0.9 1.0
                d 0.25
                """);
        Files.writeString(tmp.resolve("box.obj"), """
                mtllib box.mtl
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                v 0 0 2
                v 1 0 2
                vt 0 0
                vt 1 0
                vt 1 1
                vt 0 1
                vn 0 0 1
                o lid
                usemtl red
                f 1//1 2//1 3//1
                o side
                usemtl wood
                f 1/1/1 2/2/1 3/3/1 4/4/1
                o window
                usemtl glass
                f 1//1 5//1 6//1
                """);
        AssetFile file = AssetFile.load(tmp.resolve("box.obj"));
        assertBounds(file.model().bounds(), 0, 0, 0, 1, 1, 2);
        Material red = file.model("lid").parts().get(0).material();
        assertEquals(0.8, red.baseColorFactor().x(), EPS);
        assertEquals(0.1, red.baseColorFactor().y(), EPS);
        assertTrue(red.doubleSided(), "OBJ winding is not trusted");
        assertEquals(Material.AlphaMode.OPAQUE, red.alphaMode());
        Material wood = file.model("side").parts().get(0).material();
        assertArrayEquals(new int[] {0x80, 0x40, 0x20, 255}, rgba(new AssetLibrary().texture(wood.baseColorTexture()), 0, 0));
        assertEquals(2, file.model("side").triangleCount(), "the quad is triangulated");
        assertNotNull(file.model("side").parts().get(0).mesh().uvs());
        Material glass = file.model("window").parts().get(0).material();
        assertTrue(file.warnings().isEmpty(), file.warnings().toString());
        assertEquals(Material.AlphaMode.BLEND, glass.alphaMode());
        assertEquals(0.25, glass.baseColorFactor().w(), EPS);
    }

    @Test
    void mtlTexturePathsWithBackslashesAndPercentSignsAreFound() throws IOException {
        Files.createDirectories(tmp.resolve("maps"));
        Files.write(tmp.resolve("maps/100%wool.png"), GltfFiles.png(GltfFiles.quadrants(1, 0xff336699, 0xff336699, 0xff336699, 0xff336699)));
        Files.writeString(tmp.resolve("rug.mtl"), "newmtl wool\nKd 1 1 1\nmap_Kd maps\\100%wool.png\n");
        Files.writeString(tmp.resolve("rug.obj"), """
                mtllib rug.mtl
                v 0 0 0
                v 1 0 0
                v 1 0 1
                vt 0 0
                vt 1 0
                vt 1 1
                usemtl wool
                f 1/1 2/2 3/3
                """);
        AssetFile file = AssetFile.load(tmp.resolve("rug.obj"));
        assertTrue(file.warnings().isEmpty(), file.warnings().toString());
        TextureImage image = new AssetLibrary().texture(file.model().parts().get(0).material().baseColorTexture());
        assertArrayEquals(new int[] {0x33, 0x66, 0x99, 255}, rgba(image, 0, 0));
    }

    @Test
    void stlAndPlyLoadThroughAssimpToo() throws IOException {
        Files.writeString(tmp.resolve("wedge.stl"), """
                solid wedge
                facet normal 0 0 1
                outer loop
                vertex 0 0 0
                vertex 2 0 0
                vertex 0 3 0
                endloop
                endfacet
                endsolid wedge
                """);
        AssetFile stl = AssetFile.load(tmp.resolve("wedge.stl"));
        assertEquals(1, stl.model().triangleCount());
        assertBounds(stl.model().bounds(), 0, 0, 0, 2, 3, 0);
        Files.writeString(tmp.resolve("quad.ply"), """
                ply
                format ascii 1.0
                element vertex 4
                property float x
                property float y
                property float z
                element face 1
                property list uchar int vertex_indices
                end_header
                -1 0 -2
                1 0 -2
                1 0 2
                -1 0 2
                4 0 1 2 3
                """);
        AssetFile ply = AssetFile.load(tmp.resolve("quad.ply"));
        assertEquals(2, ply.model().triangleCount(), "the quad is triangulated");
        assertBounds(ply.model().bounds(), -1, 0, -2, 1, 0, 2);
        Mesh m = ply.model().parts().get(0).mesh();
        assertEquals(1, Math.abs(m.normals()[1]), 1e-5, "normals generated where the file has none");
    }

    private static MeshPart part(AssetFile file, String node) {
        return file.model().parts().stream().filter(p -> p.node().equals(node)).findFirst().orElseThrow();
    }

    private static int[] rgba(TextureImage image, int x, int y) {
        int i = 4 * (y * image.width() + x);
        return new int[] {image.rgba()[i] & 255, image.rgba()[i + 1] & 255, image.rgba()[i + 2] & 255, image.rgba()[i + 3] & 255};
    }

    private static void assertBounds(Bounds b, double x0, double y0, double z0, double x1, double y1, double z1) {
        assertEquals(x0, b.min().x(), EPS, "min x");
        assertEquals(y0, b.min().y(), EPS, "min y");
        assertEquals(z0, b.min().z(), EPS, "min z");
        assertEquals(x1, b.max().x(), EPS, "max x");
        assertEquals(y1, b.max().y(), EPS, "max y");
        assertEquals(z1, b.max().z(), EPS, "max z");
    }
}
