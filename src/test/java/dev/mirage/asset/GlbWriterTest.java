package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.*;
import static org.lwjgl.assimp.Assimp.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.assimp.AIColor4D;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIString;
import org.lwjgl.assimp.AITexture;
import org.lwjgl.assimp.AIVector3D;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * GLB files written from models: read back by Assimp (the loader Mirage itself uses) and, apart from
 * any reader, taken apart with Jackson and a byte buffer against the glTF 2.0 binary layout.
 */
class GlbWriterTest {
    private static final String GENERATOR = "Mirage test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // ---- fixtures

    /** A wavy grid of {@code n}×{@code n} vertices over [-1, 1]² with its uvs. */
    static Mesh grid(String name, int n) {
        float[] p = new float[3 * n * n], nrm = new float[3 * n * n], uv = new float[2 * n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                int v = j * n + i;
                float x = -1 + 2f * i / (n - 1), z = -1 + 2f * j / (n - 1);
                p[3 * v] = x;
                p[3 * v + 1] = (float) (0.2 * Math.sin(3 * x) * Math.cos(2 * z));
                p[3 * v + 2] = z;
                nrm[3 * v + 1] = 1;
                uv[2 * v] = (float) i / (n - 1);
                uv[2 * v + 1] = (float) j / (n - 1);
            }
        int[] idx = new int[6 * (n - 1) * (n - 1)];
        int k = 0;
        for (int j = 0; j + 1 < n; j++)
            for (int i = 0; i + 1 < n; i++) {
                int a = j * n + i, b = a + 1, c = a + n, d = c + 1;
                idx[k++] = a; idx[k++] = c; idx[k++] = b;
                idx[k++] = b; idx[k++] = c; idx[k++] = d;
            }
        return new Mesh(name, p, nrm, uv, null, null, idx);
    }

    /** Four parts: a box used twice, a small grid, and a grid of more than 65535 vertices, each moved by rotation, translation and scale. */
    static Model sample() {
        Mesh box = Primitives.mesh(dev.mirage.scene.MeshSource.PrimitiveKind.BOX);
        Mesh small = grid("small", 5);
        Mesh big = grid("big", 260);
        Material red = Material.plain("red", new Vector3d(0.8, 0.1, 0.1));
        Material blue = new Material.Builder("blue").baseColor(new Vector3d(0.1, 0.2, 0.9)).metallic(0.5).roughness(0.3)
                .doubleSided(true).emissive(new Vector3d(0, 2, 4)).build();
        return Model.of("sample", List.of(
                new MeshPart(box, new Matrix4d().translate(1, 2, 3).rotateXYZ(0.3, 0.7, -1.1).scale(2, 0.5, 1.5), red, "box-a"),
                new MeshPart(box, new Matrix4d().translate(-4, 0.5, 2).rotateY(2.2).scale(0.75), red, "box-b"),
                new MeshPart(small, new Matrix4d().translate(0, -1, -6).rotateX(-0.4).scale(3, 1, 2), blue, ""),
                new MeshPart(big, new Matrix4d().translate(5, 1, -2).rotateZ(0.9).rotateY(0.4).scale(4), blue, "ground")));
    }

    // ---- (1) read back by Assimp through AssetFile

    @Test
    void assimpReadsTheSameBoundsAndTriangles() throws Exception {
        Model model = sample();
        Path file = dir.resolve("sample.glb");
        GlbWriter.write(model, new AssetLibrary(), GENERATOR, file);
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file), "the umask's mode, not 0600");
        Model back = AssetFile.load(file).model();
        assertEquals(model.triangleCount(), back.triangleCount());
        assertEquals(model.parts().size(), back.parts().size());
        assertTrue(model.bounds().min().equals(back.bounds().min(), 1e-5), model.bounds() + " vs " + back.bounds());
        assertTrue(model.bounds().max().equals(back.bounds().max(), 1e-5), model.bounds() + " vs " + back.bounds());
        List<Integer> backVertices = back.parts().stream().map(p -> p.mesh().vertexCount()).sorted().toList();
        List<Integer> vertices = model.parts().stream().map(p -> p.mesh().vertexCount()).sorted().toList();
        assertEquals(vertices, backVertices);
        assertTrue(backVertices.get(3) > 65535, "the 32-bit index case is exercised");
    }

    // ---- (2) the binary layout, apart from any reader

    /** A GLB file taken apart: its JSON document and its BIN chunk. */
    record Glb(JsonNode json, ByteBuffer bin) {
        static Glb parse(byte[] bytes) throws Exception {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x46546C67, b.getInt(0), "magic glTF");
            assertEquals(2, b.getInt(4), "version");
            assertEquals(bytes.length, b.getInt(8), "length");
            int jsonLength = b.getInt(12);
            assertEquals(0x4E4F534A, b.getInt(16), "JSON chunk first");
            assertEquals(0, jsonLength % 4);
            String text = new String(bytes, 20, jsonLength, StandardCharsets.UTF_8);
            String padding = text.substring(text.lastIndexOf('}') + 1);
            assertTrue(padding.length() < 4 && padding.isBlank() && padding.chars().allMatch(c -> c == ' '), "JSON padded with spaces");
            int binStart = 20 + jsonLength;
            if (binStart == bytes.length) return new Glb(JSON.readTree(text), ByteBuffer.allocate(0));
            int binLength = b.getInt(binStart);
            assertEquals(0x004E4942, b.getInt(binStart + 4), "BIN chunk second");
            assertEquals(0, binLength % 4);
            assertEquals(bytes.length, binStart + 8 + binLength, "nothing after the BIN chunk");
            ByteBuffer bin = b.slice(binStart + 8, binLength).order(ByteOrder.LITTLE_ENDIAN);
            return new Glb(JSON.readTree(text), bin);
        }

        JsonNode accessor(int i) { return json.get("accessors").get(i); }

        /** The accessor's elements as floats (FLOAT accessors). */
        float[] floats(int accessor) {
            JsonNode a = accessor(accessor);
            int components = components(a.get("type").asText());
            JsonNode view = json.get("bufferViews").get(a.get("bufferView").asInt());
            int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
            float[] out = new float[components * a.get("count").asInt()];
            for (int i = 0; i < out.length; i++) out[i] = bin.getFloat(offset + 4 * i);
            return out;
        }

        int[] indices(int accessor) {
            JsonNode a = accessor(accessor);
            JsonNode view = json.get("bufferViews").get(a.get("bufferView").asInt());
            int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
            boolean shorts = a.get("componentType").asInt() == 5123;
            int[] out = new int[a.get("count").asInt()];
            for (int i = 0; i < out.length; i++)
                out[i] = shorts ? Short.toUnsignedInt(bin.getShort(offset + 2 * i)) : bin.getInt(offset + 4 * i);
            return out;
        }

        static int components(String type) {
            switch (type) {
                case "SCALAR": return 1;
                case "VEC2": return 2;
                case "VEC3": return 3;
                case "VEC4": return 4;
                default: throw new AssertionError("accessor type " + type);
            }
        }
    }

    @Test
    void layoutFollowsTheGlbSpecification() throws Exception {
        Model model = sample();
        Glb glb = Glb.parse(GlbWriter.encode(model, new AssetLibrary(), GENERATOR));
        JsonNode json = glb.json();
        assertEquals("2.0", json.at("/asset/version").asText());
        assertEquals(GENERATOR, json.at("/asset/generator").asText());
        long bufferLength = json.at("/buffers/0/byteLength").asLong();
        assertTrue(bufferLength <= glb.bin().capacity() && glb.bin().capacity() - bufferLength < 4);

        for (JsonNode view : json.get("bufferViews")) {
            assertEquals(0, view.path("byteOffset").asInt(0) % 4, "views start on 4-byte boundaries");
            assertTrue(view.path("byteOffset").asLong(0) + view.get("byteLength").asLong() <= bufferLength);
        }
        for (JsonNode a : json.get("accessors")) {
            JsonNode view = json.get("bufferViews").get(a.get("bufferView").asInt());
            int componentSize = a.get("componentType").asInt() == 5123 ? 2 : 4;
            int stride = view.path("byteStride").asInt(componentSize * Glb.components(a.get("type").asText()));
            assertTrue(a.path("byteOffset").asLong(0) + (long) a.get("count").asInt() * stride <= view.get("byteLength").asLong(), a.toString());
        }

        JsonNode top = json.at("/nodes/0");
        assertEquals(0, json.at("/scenes/0/nodes/0").asInt());
        assertEquals("sample", top.get("name").asText());
        assertEquals(model.parts().size(), top.get("children").size());
        int distinctMeshes = 3;
        assertEquals(distinctMeshes, json.get("meshes").size(), "the box used twice is written once");
        assertEquals(2, json.get("materials").size(), "one material per distinct material");
        for (int i = 0; i < model.parts().size(); i++) {
            MeshPart part = model.parts().get(i);
            JsonNode node = json.get("nodes").get(top.get("children").get(i).asInt());
            assertEquals(part.node().isEmpty() ? part.mesh().name() : part.node(), node.get("name").asText());
            double[] expected = part.nodeToModel().get(new double[16]);
            for (int k = 0; k < 16; k++) assertEquals(expected[k], node.get("matrix").get(k).asDouble(), 0, "column-major matrix");
            JsonNode primitive = json.get("meshes").get(node.get("mesh").asInt()).at("/primitives/0");
            assertEquals(4, primitive.path("mode").asInt(4));
            checkMesh(glb, primitive, part.mesh());
        }
        assertEquals(json.at("/nodes/1/mesh"), json.at("/nodes/2/mesh"), "both boxes draw one glTF mesh");

        JsonNode blue = json.at("/materials/1");
        assertTrue(blue.get("doubleSided").asBoolean());
        assertEquals(0.5, blue.at("/pbrMetallicRoughness/metallicFactor").asDouble());
        assertEquals(4.0, blue.at("/extensions/KHR_materials_emissive_strength/emissiveStrength").asDouble());
        assertEquals(1.0, blue.at("/emissiveFactor/2").asDouble());
        assertEquals("KHR_materials_emissive_strength", json.at("/extensionsUsed/0").asText());
    }

    private static void checkMesh(Glb glb, JsonNode primitive, Mesh mesh) {
        JsonNode attributes = primitive.get("attributes");
        int position = attributes.get("POSITION").asInt();
        assertArrayEquals(mesh.positions(), glb.floats(position));
        assertArrayEquals(mesh.normals(), glb.floats(attributes.get("NORMAL").asInt()));
        JsonNode accessor = glb.accessor(position);
        for (int axis = 0; axis < 3; axis++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int i = axis; i < mesh.positions().length; i += 3) {
                lo = Math.min(lo, mesh.positions()[i]);
                hi = Math.max(hi, mesh.positions()[i]);
            }
            assertEquals(lo, accessor.get("min").get(axis).floatValue(), 0, "POSITION min");
            assertEquals(hi, accessor.get("max").get(axis).floatValue(), 0, "POSITION max");
        }
        assertEquals(mesh.uvs() != null, attributes.has("TEXCOORD_0"));
        if (mesh.uvs() != null) {
            float[] uv = glb.floats(attributes.get("TEXCOORD_0").asInt());
            for (int i = 0; i < uv.length; i += 2) {
                assertEquals(mesh.uvs()[i], uv[i]);
                assertEquals(1 - mesh.uvs()[i + 1], uv[i + 1], 1e-7, "v counted from the top in glTF");
            }
        }
        int indices = primitive.get("indices").asInt();
        assertEquals(mesh.vertexCount() <= 65535 ? 5123 : 5125, glb.accessor(indices).get("componentType").asInt());
        assertArrayEquals(mesh.indices(), glb.indices(indices));
        JsonNode indexView = glb.json().get("bufferViews").get(glb.accessor(indices).get("bufferView").asInt());
        assertEquals(34963, indexView.get("target").asInt());
        JsonNode positionView = glb.json().get("bufferViews").get(accessor.get("bufferView").asInt());
        assertEquals(34962, positionView.get("target").asInt());
    }

    // ---- (3) textures and material factors, through Assimp

    static TextureImage checker() {
        byte[] rgba = {
            (byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 128,
            0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 0};
        return new TextureImage(2, 2, rgba);
    }

    static Mesh quad() {
        float[] p = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        float[] n = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
        float[] uv = {0.25f, 0.1f, 1, 0, 1, 1, 0, 1};
        float[] tangents = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1};
        float[] colors = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 0.5f};
        return new Mesh("quad", p, n, uv, tangents, colors, new int[] {0, 1, 2, 0, 2, 3});
    }

    static Model texturedModel() {
        TextureRef texture = new TextureRef.Decoded("checker", checker());
        Material a = new Material.Builder("leaf").baseColorFactor(new Vector4d(0.2, 0.4, 0.6, 0.8)).baseColorTexture(texture)
                .alpha(Material.AlphaMode.MASK, 0.3).normalTexture(texture, 0.5).build();
        Material b = new Material.Builder("glass").baseColorTexture(new TextureRef.Decoded("checker", checker()))
                .alpha(Material.AlphaMode.BLEND, 0.5).build();
        return Model.of("textured", List.of(new MeshPart(quad(), new Matrix4d(), a, "leaf"),
                new MeshPart(quad(), new Matrix4d().translate(2, 0, 0), b, "glass")));
    }

    /** Runs {@code check} on the scene Assimp imports from GLB bytes held in memory. */
    static void withAssimp(byte[] glb, Consumer<AIScene> check) {
        ByteBuffer data = MemoryUtil.memAlloc(glb.length).put(glb).flip();
        try {
            AIScene scene = aiImportFileFromMemory(data, aiProcess_Triangulate | aiProcess_ValidateDataStructure, "glb");
            assertNotNull(scene, () -> "Assimp: " + aiGetErrorString());
            try {
                check.accept(scene);
            } finally {
                aiReleaseImport(scene);
            }
        } finally {
            MemoryUtil.memFree(data);
        }
    }

    @Test
    void texturedMaterialRoundTripsThroughAssimp() {
        Model model = texturedModel();
        withAssimp(GlbWriter.encode(model, new AssetLibrary(), GENERATOR), scene -> {
            assertEquals(1, scene.mNumTextures(), "one image per texture key");
            AITexture texture = AITexture.create(scene.mTextures().get(0));
            assertEquals(0, texture.mHeight(), "compressed bytes");
            byte[] png = new byte[texture.mWidth()];
            texture.pcDataCompressed().get(0, png);
            TextureImage decoded = TextureImage.decode(null, "embedded", png);
            assertEquals(2, decoded.width());
            assertArrayEquals(checker().rgba(), decoded.rgba());

            AIMaterial leaf = material(scene, "leaf");
            try (MemoryStack stack = MemoryStack.stackPush()) {
                AIColor4D c = AIColor4D.malloc(stack);
                assertEquals(aiReturn_SUCCESS, aiGetMaterialColor(leaf, AI_MATKEY_BASE_COLOR, aiTextureType_NONE, 0, c));
                assertEquals(0.2f, c.r(), 1e-6);
                assertEquals(0.4f, c.g(), 1e-6);
                assertEquals(0.6f, c.b(), 1e-6);
                assertEquals(0.8f, c.a(), 1e-6);
                assertEquals("MASK", string(leaf, AI_MATKEY_GLTF_ALPHAMODE, stack));
                float[] cutoff = new float[1];
                assertEquals(aiReturn_SUCCESS, aiGetMaterialFloatArray(leaf, AI_MATKEY_GLTF_ALPHACUTOFF, aiTextureType_NONE, 0, cutoff, new int[] {1}));
                assertEquals(0.3f, cutoff[0], 1e-6);
                AIString path = AIString.malloc(stack);
                assertEquals(aiReturn_SUCCESS, aiGetMaterialTexture(leaf, aiTextureType_BASE_COLOR, 0, path, (int[]) null, null, null, null, null, null));
                assertEquals("*0", path.dataString(), "the base colour reads the embedded image");
                assertEquals(aiReturn_SUCCESS, aiGetMaterialTexture(leaf, aiTextureType_NORMALS, 0, path, (int[]) null, null, null, null, null, null));
                assertEquals("*0", path.dataString(), "the normal map too");
                assertEquals("BLEND", string(material(scene, "glass"), AI_MATKEY_GLTF_ALPHAMODE, stack));
            }
        });
    }

    private static AIMaterial material(AIScene scene, String name) {
        for (int i = 0; i < scene.mNumMaterials(); i++) {
            AIMaterial m = AIMaterial.create(scene.mMaterials().get(i));
            try (MemoryStack stack = MemoryStack.stackPush()) {
                if (name.equals(string(m, AI_MATKEY_NAME, stack))) return m;
            }
        }
        throw new AssertionError("no material " + name);
    }

    private static String string(AIMaterial m, String key, MemoryStack stack) {
        AIString s = AIString.malloc(stack);
        assertEquals(aiReturn_SUCCESS, aiGetMaterialString(m, key, aiTextureType_NONE, 0, s), key);
        return s.dataString();
    }

    @Test
    void pngAndJpegSourcesAreEmbeddedAsTheyAre() throws Exception {
        byte[] png = GlbImages.png(checker());
        Material m = new Material.Builder("m").baseColorTexture(new TextureRef.Encoded("file.glb#image0", null, png)).build();
        Model model = Model.of("encoded", List.of(new MeshPart(quad(), new Matrix4d(), m, "")));
        Glb glb = Glb.parse(GlbWriter.encode(model, new AssetLibrary(), GENERATOR));
        JsonNode image = glb.json().at("/images/0");
        assertEquals("image/png", image.get("mimeType").asText());
        JsonNode view = glb.json().get("bufferViews").get(image.get("bufferView").asInt());
        assertFalse(view.has("target"), "image views have no target");
        byte[] embedded = new byte[view.get("byteLength").asInt()];
        glb.bin().get(view.path("byteOffset").asInt(0), embedded);
        assertArrayEquals(png, embedded);
        JsonNode sampler = glb.json().at("/samplers/0");
        assertEquals(9987, sampler.get("minFilter").asInt());
        assertEquals(10497, sampler.get("wrapS").asInt());
    }

    @Test
    void imageFilesAreEmbeddedAndAMissingOneIsNamed() throws Exception {
        byte[] png = GlbImages.png(checker());
        Path file = Files.write(dir.resolve("checker.png"), png);
        Material m = new Material.Builder("m").emissiveTexture(new TextureRef.File(file)).build();
        Model model = Model.of("file", List.of(new MeshPart(quad(), new Matrix4d(), m, "")));
        Glb glb = Glb.parse(GlbWriter.encode(model, new AssetLibrary(), GENERATOR));
        JsonNode view = glb.json().get("bufferViews").get(glb.json().at("/images/0/bufferView").asInt());
        byte[] embedded = new byte[view.get("byteLength").asInt()];
        glb.bin().get(view.path("byteOffset").asInt(0), embedded);
        assertArrayEquals(png, embedded);
        assertEquals(0, glb.json().at("/materials/0/emissiveTexture/index").asInt());

        Path missing = dir.resolve("missing.png");
        Material broken = new Material.Builder("m").baseColorTexture(new TextureRef.File(missing)).build();
        Model bad = Model.of("bad", List.of(new MeshPart(quad(), new Matrix4d(), broken, "")));
        Path target = dir.resolve("bad.glb");
        AssetException e = assertThrows(AssetException.class, () -> GlbWriter.write(bad, new AssetLibrary(), GENERATOR, target));
        assertEquals(missing, e.file());
        assertFalse(Files.exists(target));
    }

    // ---- (4) texture coordinates and other vertex attributes, through Assimp

    @Test
    void assimpReadsBackTheMeshUvsUnflipped() {
        Mesh quad = quad();
        Model model = Model.of("quad", List.of(new MeshPart(quad, new Matrix4d(), Material.DEFAULT, "")));
        withAssimp(GlbWriter.encode(model, new AssetLibrary(), GENERATOR), scene -> {
            assertEquals(1, scene.mNumMeshes());
            AIMesh mesh = AIMesh.create(scene.mMeshes().get(0));
            assertEquals(4, mesh.mNumVertices());
            AIVector3D.Buffer uv = mesh.mTextureCoords(0);
            assertNotNull(uv);
            assertEquals(0.25f, uv.get(0).x(), 1e-7);
            assertEquals(0.1f, uv.get(0).y(), 1e-7, "Assimp's flip undoes the writer's");
            for (int i = 0; i < 4; i++) {
                assertEquals(quad.uvs()[2 * i], uv.get(i).x(), 1e-7);
                assertEquals(quad.uvs()[2 * i + 1], uv.get(i).y(), 1e-7);
                assertEquals(quad.colors()[4 * i + 3], mesh.mColors(0).get(i).a(), 1e-7);
                assertEquals(quad.tangents()[4 * i], mesh.mTangents().get(i).x(), 1e-7);
            }
        });
    }
}
