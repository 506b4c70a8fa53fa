package dev.mirage.asset;

import static org.lwjgl.assimp.Assimp.*;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;
import org.lwjgl.PointerBuffer;
import org.lwjgl.assimp.AIColor4D;
import org.lwjgl.assimp.AIFace;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIMatrix4x4;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AINode;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIString;
import org.lwjgl.assimp.AITexel;
import org.lwjgl.assimp.AITexture;
import org.lwjgl.assimp.AIVector3D;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A 3D asset file (glTF/GLB, OBJ + MTL, FBX, PLY, STL, DAE and what else Assimp reads) loaded into
 * CPU meshes and materials, with its node tree flattened into named subtrees. Loaded once per run and
 * shared by every frame and instance.
 *
 * <p><b>Materials.</b> Every material becomes a glTF metallic-roughness {@link Material}: base colour
 * factor and texture, metallic and roughness factors and their texture, normal map with its scale,
 * emissive, occlusion with its strength, alpha mode and cutoff, double-sidedness. Colour factors are
 * linear (glTF's, and OBJ's Kd taken as such). Formats without these keys get: metallic 0, roughness
 * 0.8, opacity from {@code d}/{@code Tr} as BLEND when below 1, and double-sided, since their winding
 * is not reliable. Textures are decoded here, once per file, so a broken image fails the load: images
 * embedded in the file (GLB buffer views, data URIs, FBX) and files beside the asset. A texture file
 * that is missing is left out with a {@link #warnings() warning}: the material renders with its
 * factor. Only texture coordinate set 0 is read; a texture on another set is used with set 0 and
 * warned about.
 *
 * <p><b>Geometry.</b> Triangles only (points and lines are skipped); normals generated where
 * missing; tangents computed where the file has texture coordinates but no tangents; vertex colour
 * set 0 kept. Texture coordinates keep Assimp's convention, v = 0 at the image's bottom row.
 *
 * <p>Thread safety: immutable after {@link #load}.
 */
public final class AssetFile {
    private static final int FLAGS = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices
            | aiProcess_GenSmoothNormals | aiProcess_CalcTangentSpace | aiProcess_SortByPType
            | aiProcess_ValidateDataStructure;

    private final Path file;
    private final Model whole;
    private final Map<String, Model> nodes;
    private final List<String> warnings;

    private AssetFile(Path file, Model whole, Map<String, Model> nodes, List<String> warnings) {
        this.file = file;
        this.whole = whole;
        this.nodes = nodes;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads every triangle mesh of a file with its materials and textures.
     *
     * @throws AssetException when Assimp cannot read it, it holds no triangles, it needs a feature
     *                        not supported (Draco-compressed meshes), or an image in it does not decode
     */
    public static AssetFile load(Path file) {
        if (!Files.isRegularFile(file)) throw new AssetException(file, file + ": no such file", false);
        refuseUnsupported(file);
        AIScene scene = aiImportFile(file.toAbsolutePath().toString(), FLAGS);
        if (scene == null)
            throw new AssetException(file, "cannot load " + file + ": " + aiGetErrorString()
                    + " (truncated, corrupt, or not a format Assimp reads)", false);
        try {
            Loader loader = new Loader(file, scene);
            Map<String, Model> nodes = new LinkedHashMap<>();
            List<MeshPart> all = loader.collect(scene.mRootNode(), new Matrix4d(), nodes);
            if (all.isEmpty()) throw new AssetException(file, file + " holds no triangle mesh", false);
            return new AssetFile(file, Model.of(file.getFileName().toString(), all), nodes, loader.warnings);
        } finally {
            aiReleaseImport(scene);
        }
    }

    public Path file() { return file; }

    /** The whole file as one model. */
    public Model model() { return whole; }

    /** What was degraded while loading (a missing texture file), one line each; empty when nothing was. */
    public List<String> warnings() { return warnings; }

    /** Names of the nodes that hold triangles in their subtree, in file order. */
    public List<String> nodeNames() { return List.copyOf(nodes.keySet()); }

    /**
     * The subtree of the first node with this name, each mesh placed by its transform from the
     * file's root (so it sits where the file puts it).
     *
     * @throws AssetException when no node has this name or it holds no triangles
     */
    public Model model(String nodeName) {
        if (nodeName == null) return whole;
        Model m = nodes.get(nodeName);
        if (m == null) {
            List<String> names = nodes.keySet().stream().limit(12).toList();
            throw new AssetException(file, "expected a node with triangles named \"" + nodeName + "\" in "
                    + file.getFileName() + "; it has " + names + (nodes.size() > names.size() ? " and more" : ""), true);
        }
        return m;
    }

    /**
     * Refuses glTF files that require an extension we cannot honour, with the extension's name,
     * before Assimp reads them (it would fail with a less helpful message or drop the meshes).
     */
    private static void refuseUnsupported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".gltf") && !name.endsWith(".glb")) return;
        String json;
        try {
            byte[] head = readHead(file, 1 << 20);
            json = new String(head, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new AssetException(file, file + ": cannot read (" + e.getMessage() + ")", false);
        }
        int required = json.indexOf("\"extensionsRequired\"");
        if (required < 0) return;
        int end = json.indexOf(']', required);
        String list = end < 0 ? json.substring(required) : json.substring(required, end);
        for (String ext : List.of("KHR_draco_mesh_compression", "EXT_meshopt_compression", "KHR_mesh_quantization",
                "KHR_texture_basisu", "EXT_texture_webp")) {
            if (list.contains(ext))
                throw new AssetException(file, file.getFileName() + " requires " + ext + ", which Mirage does not read; "
                        + "export it without compression (e.g. gltf-transform copy, or Blender without Draco)", false);
        }
    }

    private static byte[] readHead(Path file, int most) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(most);
        }
    }

    /** The state of one load: materials and textures converted once each, and the warnings. */
    private static final class Loader {
        private final Path file;
        private final AIScene scene;
        private final boolean gltf;
        private final List<Mesh> meshes = new ArrayList<>();
        private final List<Integer> materialIndex = new ArrayList<>();
        private final Map<Integer, Material> materials = new HashMap<>();
        private final Map<String, TextureRef> textures = new HashMap<>();
        final List<String> warnings = new ArrayList<>();

        Loader(Path file, AIScene scene) {
            this.file = file;
            this.scene = scene;
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            this.gltf = name.endsWith(".gltf") || name.endsWith(".glb");
            PointerBuffer pointers = scene.mMeshes();
            for (int i = 0; i < scene.mNumMeshes(); i++) {
                AIMesh mesh = AIMesh.create(pointers.get(i));
                meshes.add((mesh.mPrimitiveTypes() & aiPrimitiveType_TRIANGLE) != 0 ? convert(mesh) : null);
                materialIndex.add(mesh.mMaterialIndex());
            }
        }

        List<MeshPart> collect(AINode node, Matrix4d parent, Map<String, Model> nodes) {
            Matrix4d world = new Matrix4d(parent).mul(matrix(node.mTransformation()));
            String name = node.mName().dataString();
            List<MeshPart> parts = new ArrayList<>();
            for (int i = 0; i < node.mNumMeshes(); i++) {
                int m = node.mMeshes().get(i);
                if (meshes.get(m) != null) parts.add(new MeshPart(meshes.get(m), world, material(materialIndex.get(m)), name));
            }
            PointerBuffer children = node.mChildren();
            for (int i = 0; i < node.mNumChildren(); i++)
                parts.addAll(collect(AINode.create(children.get(i)), world, nodes));
            if (!parts.isEmpty() && !name.isEmpty())
                nodes.putIfAbsent(name, Model.of(file.getFileName() + "#" + name, parts, world));
            return parts;
        }

        private Material material(int index) {
            return materials.computeIfAbsent(index, i -> materialOf(AIMaterial.create(scene.mMaterials().get(i))));
        }

        private Material materialOf(AIMaterial m) {
            Material.Builder b = new Material.Builder(string(m, AI_MATKEY_NAME, "material"));
            Vector4d base = color(m, AI_MATKEY_BASE_COLOR);
            if (base == null) base = color(m, AI_MATKEY_COLOR_DIFFUSE);
            if (base == null) base = new Vector4d(0.8, 0.8, 0.8, 1);
            if (!gltf) {
                Float opacity = number(m, AI_MATKEY_OPACITY, aiTextureType_NONE);
                if (opacity != null && opacity < 1) {
                    base.w = Math.max(0, opacity);
                    b.alpha(Material.AlphaMode.BLEND, 0.5);
                }
            }
            b.baseColorFactor(clamp01(base));
            Float metallic = number(m, AI_MATKEY_METALLIC_FACTOR, aiTextureType_NONE);
            Float roughness = number(m, AI_MATKEY_ROUGHNESS_FACTOR, aiTextureType_NONE);
            b.metallic(metallic == null ? 0 : clamp01(metallic));
            b.roughness(roughness == null ? 0.8 : clamp01(roughness));
            TextureRef baseTexture = texture(m, aiTextureType_BASE_COLOR);
            b.baseColorTexture(baseTexture != null ? baseTexture : texture(m, aiTextureType_DIFFUSE));
            b.metallicRoughnessTexture(texture(m, aiTextureType_GLTF_METALLIC_ROUGHNESS));
            TextureRef normal = texture(m, aiTextureType_NORMALS);
            Float normalScale = number(m, _AI_MATKEY_GLTF_SCALE_BASE, aiTextureType_NORMALS);
            b.normalTexture(normal, normalScale == null ? 1 : normalScale);
            Vector4d emissive = color(m, AI_MATKEY_COLOR_EMISSIVE);
            Float strength = number(m, AI_MATKEY_EMISSIVE_INTENSITY, aiTextureType_NONE);
            if (emissive != null) {
                double k = strength == null ? 1 : Math.max(0, strength);
                b.emissive(new Vector3d(emissive.x, emissive.y, emissive.z).mul(k).max(new Vector3d()));
            }
            b.emissiveTexture(texture(m, aiTextureType_EMISSIVE));
            if (gltf) {
                TextureRef occlusion = texture(m, aiTextureType_LIGHTMAP);
                Float occlusionStrength = number(m, _AI_MATKEY_GLTF_STRENGTH_BASE, aiTextureType_LIGHTMAP);
                b.occlusionTexture(occlusion, occlusionStrength == null ? 1 : clamp01(occlusionStrength));
                String mode = string(m, AI_MATKEY_GLTF_ALPHAMODE, "OPAQUE");
                Float cutoff = number(m, AI_MATKEY_GLTF_ALPHACUTOFF, aiTextureType_NONE);
                Material.AlphaMode alpha = switch (mode) {
                    case "MASK" -> Material.AlphaMode.MASK;
                    case "BLEND" -> Material.AlphaMode.BLEND;
                    default -> Material.AlphaMode.OPAQUE;
                };
                b.alpha(alpha, cutoff == null ? 0.5 : clamp01(cutoff));
                Integer twoSided = integer(m, AI_MATKEY_TWOSIDED);
                b.doubleSided(twoSided != null && twoSided != 0);
            } else {
                b.doubleSided(true);
            }
            return b.build();
        }

        /** The first texture of a slot, decoded, or null when the slot is empty or its file is missing. */
        private TextureRef texture(AIMaterial m, int type) {
            if (aiGetMaterialTextureCount(m, type) == 0) return null;
            String path;
            try (MemoryStack stack = MemoryStack.stackPush()) {
                AIString s = AIString.calloc(stack);
                java.nio.IntBuffer uvIndex = stack.ints(0);
                if (aiGetMaterialTexture(m, type, 0, s, null, uvIndex, null, null, null, null) != aiReturn_SUCCESS) return null;
                path = s.dataString();
                if (uvIndex.get(0) != 0)
                    warn("texture " + path + " uses texture coordinate set " + uvIndex.get(0) + "; set 0 is used");
            }
            if (path.isEmpty()) return null;
            if (textures.containsKey(path)) return textures.get(path);
            TextureRef ref = resolve(path);
            textures.put(path, ref);
            return ref;
        }

        private TextureRef resolve(String path) {
            String key = file + "#" + path;
            AITexture embedded = embedded(path);
            if (embedded != null) return new TextureRef.Decoded(key, decodeEmbedded(embedded, path));
            // glTF image URIs are percent-encoded; other formats write plain paths, often with backslashes
            String plain = path.replace('\\', '/');
            Path image = null;
            for (String candidate : gltf ? List.of(uriDecoded(plain), plain) : List.of(plain)) {
                try {
                    Path p = file.toAbsolutePath().getParent().resolve(candidate).normalize();
                    if (Files.isRegularFile(p)) {
                        image = p;
                        break;
                    }
                    if (image == null) image = p;
                } catch (IllegalArgumentException e) { // InvalidPathException
                    continue;
                }
            }
            if (image == null) {
                warn("texture \"" + path + "\" is not a usable path; its factor is used instead");
                return null;
            }
            if (!Files.isRegularFile(image)) {
                warn("texture " + path + " not found beside it; its factor is used instead");
                return null;
            }
            return new TextureRef.Decoded(image.toString(), TextureImage.read(image));
        }

        private static String uriDecoded(String uri) {
            try {
                return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) { // a stray %: take it as written
                return uri;
            }
        }

        /** An image stored in the file: Assimp names it "*N", or by its original file name. */
        private AITexture embedded(String path) {
            if (scene.mNumTextures() == 0) return null;
            PointerBuffer list = scene.mTextures();
            if (path.startsWith("*")) {
                try {
                    int index = Integer.parseInt(path.substring(1));
                    if (index >= 0 && index < scene.mNumTextures()) return AITexture.create(list.get(index));
                } catch (NumberFormatException e) {
                    return null;
                }
                return null;
            }
            String wanted = Path.of(path.replace('\\', '/')).getFileName().toString();
            for (int i = 0; i < scene.mNumTextures(); i++) {
                AITexture t = AITexture.create(list.get(i));
                String name = t.mFilename().dataString();
                if (!name.isEmpty() && Path.of(name.replace('\\', '/')).getFileName().toString().equals(wanted)) return t;
            }
            return null;
        }

        private TextureImage decodeEmbedded(AITexture t, String path) {
            String name = file.getFileName() + " (embedded image " + path + ")";
            if (t.mHeight() == 0) {
                ByteBuffer bytes = MemoryUtil.memByteBuffer(t.pcData().address(), t.mWidth());
                byte[] encoded = new byte[t.mWidth()];
                bytes.get(0, encoded);
                return TextureImage.decode(file, name, encoded);
            }
            int w = t.mWidth(), h = t.mHeight();
            AITexel.Buffer texels = AITexel.create(t.pcData().address(), w * h);
            byte[] rgba = new byte[4 * w * h];
            for (int i = 0; i < w * h; i++) {
                AITexel x = texels.get(i);
                rgba[4 * i] = x.r();
                rgba[4 * i + 1] = x.g();
                rgba[4 * i + 2] = x.b();
                rgba[4 * i + 3] = x.a();
            }
            return new TextureImage(w, h, rgba);
        }

        private void warn(String message) {
            String line = file.getFileName() + ": " + message;
            if (!warnings.contains(line)) warnings.add(line);
        }
    }

    private static Vector4d color(AIMaterial m, String key) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            AIColor4D c = AIColor4D.malloc(stack);
            if (aiGetMaterialColor(m, key, aiTextureType_NONE, 0, c) != aiReturn_SUCCESS) return null;
            return new Vector4d(c.r(), c.g(), c.b(), c.a());
        }
    }

    private static Float number(AIMaterial m, String key, int type) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            java.nio.FloatBuffer out = stack.mallocFloat(1);
            java.nio.IntBuffer max = stack.ints(1);
            if (aiGetMaterialFloatArray(m, key, type, 0, out, max) != aiReturn_SUCCESS || !Float.isFinite(out.get(0))) return null;
            return out.get(0);
        }
    }

    private static Integer integer(AIMaterial m, String key) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            java.nio.IntBuffer out = stack.mallocInt(1);
            java.nio.IntBuffer max = stack.ints(1);
            if (aiGetMaterialIntegerArray(m, key, aiTextureType_NONE, 0, out, max) != aiReturn_SUCCESS) return null;
            return out.get(0);
        }
    }

    private static String string(AIMaterial m, String key, String fallback) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            AIString s = AIString.calloc(stack);
            if (aiGetMaterialString(m, key, aiTextureType_NONE, 0, s) != aiReturn_SUCCESS) return fallback;
            String value = s.dataString();
            return value.isEmpty() ? fallback : value;
        }
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static Vector4d clamp01(Vector4d v) {
        return new Vector4d(clamp01(v.x), clamp01(v.y), clamp01(v.z), clamp01(v.w));
    }

    private static Matrix4d matrix(AIMatrix4x4 m) {
        // Assimp stores rows (a = first row); JOML's setters take columns.
        return new Matrix4d(
                m.a1(), m.b1(), m.c1(), m.d1(),
                m.a2(), m.b2(), m.c2(), m.d2(),
                m.a3(), m.b3(), m.c3(), m.d3(),
                m.a4(), m.b4(), m.c4(), m.d4());
    }

    private static Mesh convert(AIMesh mesh) {
        int n = mesh.mNumVertices();
        float[] positions = new float[3 * n];
        float[] normals = new float[3 * n];
        AIVector3D.Buffer v = mesh.mVertices();
        AIVector3D.Buffer nb = mesh.mNormals();
        for (int i = 0; i < n; i++) {
            AIVector3D p = v.get(i);
            positions[3 * i] = p.x();
            positions[3 * i + 1] = p.y();
            positions[3 * i + 2] = p.z();
            if (nb != null) {
                AIVector3D q = nb.get(i);
                normals[3 * i] = q.x();
                normals[3 * i + 1] = q.y();
                normals[3 * i + 2] = q.z();
            } else {
                normals[3 * i + 1] = 1;
            }
        }
        float[] uvs = null;
        AIVector3D.Buffer tc = mesh.mTextureCoords(0);
        if (tc != null) {
            uvs = new float[2 * n];
            for (int i = 0; i < n; i++) {
                AIVector3D t = tc.get(i);
                uvs[2 * i] = t.x();
                uvs[2 * i + 1] = t.y();
            }
        }
        float[] tangents = null;
        AIVector3D.Buffer tb = mesh.mTangents(), bb = mesh.mBitangents();
        if (uvs != null && tb != null && bb != null && nb != null) {
            tangents = new float[4 * n];
            Vector3d t = new Vector3d(), b = new Vector3d(), nn = new Vector3d();
            for (int i = 0; i < n; i++) {
                AIVector3D tv = tb.get(i), bv = bb.get(i), q = nb.get(i);
                t.set(tv.x(), tv.y(), tv.z());
                b.set(bv.x(), bv.y(), bv.z());
                nn.set(q.x(), q.y(), q.z());
                // Gram-Schmidt against the normal.
                t.sub(new Vector3d(nn).mul(nn.dot(t)));
                if (t.lengthSquared() < 1e-20) { // degenerate texture mapping: any direction across the normal
                    t.set(Math.abs(nn.x) < 0.9 ? 1 : 0, Math.abs(nn.x) < 0.9 ? 0 : 1, 0);
                    t.sub(new Vector3d(nn).mul(nn.dot(t)));
                }
                t.normalize();
                tangents[4 * i] = (float) t.x;
                tangents[4 * i + 1] = (float) t.y;
                tangents[4 * i + 2] = (float) t.z;
                // Assimp's bitangent points toward decreasing v in our convention (v = 0 at the image's
                // bottom row), both when it computes tangents and when it reads glTF's (whose v runs
                // down the image): the bitangent we want, toward increasing v, is its opposite. That is
                // also the normal map's +Y (up the image), as glTF defines it.
                tangents[4 * i + 3] = new Vector3d(nn).cross(t).dot(b) > 0 ? -1f : 1f;
            }
        }
        float[] colors = null;
        AIColor4D.Buffer cb = mesh.mColors(0);
        if (cb != null) {
            colors = new float[4 * n];
            for (int i = 0; i < n; i++) {
                AIColor4D c = cb.get(i);
                colors[4 * i] = c.r();
                colors[4 * i + 1] = c.g();
                colors[4 * i + 2] = c.b();
                colors[4 * i + 3] = c.a();
            }
        }
        List<Integer> indices = new ArrayList<>();
        AIFace.Buffer faces = mesh.mFaces();
        for (int f = 0; f < mesh.mNumFaces(); f++) {
            AIFace face = faces.get(f);
            if (face.mNumIndices() != 3) continue; // points and lines sorted into the same mesh are not drawn
            for (int k = 0; k < 3; k++) indices.add(face.mIndices().get(k));
        }
        return new Mesh(mesh.mName().dataString(), positions, normals, uvs, tangents, colors,
                indices.stream().mapToInt(Integer::intValue).toArray());
    }
}
