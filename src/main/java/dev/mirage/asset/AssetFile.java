package dev.mirage.asset;

import static org.lwjgl.assimp.Assimp.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.lwjgl.PointerBuffer;
import org.lwjgl.assimp.AIColor4D;
import org.lwjgl.assimp.AIFace;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIMatrix4x4;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AINode;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIVector3D;
import org.lwjgl.system.MemoryStack;

/**
 * A 3D asset file (glTF/GLB, OBJ, and what else Assimp reads) loaded into CPU meshes, with its node
 * tree flattened into named subtrees. Loaded once per run and shared by every frame and instance.
 *
 * <p>Colours: glTF base colour factors are linear and used as they are; formats with only a diffuse
 * colour (OBJ's Kd) are taken as linear too.
 *
 * <p>Thread safety: immutable after {@link #load}.
 */
public final class AssetFile {
    private static final int FLAGS = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices
            | aiProcess_GenSmoothNormals | aiProcess_SortByPType | aiProcess_ValidateDataStructure;

    private final Path file;
    private final Model whole;
    private final Map<String, Model> nodes;

    private AssetFile(Path file, Model whole, Map<String, Model> nodes) {
        this.file = file;
        this.whole = whole;
        this.nodes = nodes;
    }

    /**
     * Loads every triangle mesh of a file.
     *
     * @throws AssetException when Assimp cannot read it or it holds no triangles
     */
    public static AssetFile load(Path file) {
        AIScene scene = aiImportFile(file.toAbsolutePath().toString(), FLAGS);
        if (scene == null) throw new AssetException(file, "cannot load " + file + ": " + aiGetErrorString(), false);
        try {
            List<Mesh> meshes = new ArrayList<>();
            List<Vector3d> colors = new ArrayList<>();
            PointerBuffer meshPointers = scene.mMeshes();
            PointerBuffer materials = scene.mMaterials();
            for (int i = 0; i < scene.mNumMeshes(); i++) {
                AIMesh mesh = AIMesh.create(meshPointers.get(i));
                meshes.add((mesh.mPrimitiveTypes() & aiPrimitiveType_TRIANGLE) != 0 ? convert(mesh) : null);
                colors.add(baseColor(AIMaterial.create(materials.get(mesh.mMaterialIndex()))));
            }
            Map<String, Model> nodes = new LinkedHashMap<>();
            List<MeshPart> all = collect(scene.mRootNode(), new Matrix4d(), meshes, colors, nodes, file);
            if (all.isEmpty()) throw new AssetException(file, file + " holds no triangle mesh", false);
            return new AssetFile(file, Model.of(file.getFileName().toString(), all), nodes);
        } finally {
            aiReleaseImport(scene);
        }
    }

    public Path file() { return file; }

    /** The whole file as one model. */
    public Model model() { return whole; }

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

    private static List<MeshPart> collect(AINode node, Matrix4d parent, List<Mesh> meshes, List<Vector3d> colors,
                                          Map<String, Model> nodes, Path file) {
        Matrix4d world = new Matrix4d(parent).mul(matrix(node.mTransformation()));
        List<MeshPart> parts = new ArrayList<>();
        for (int i = 0; i < node.mNumMeshes(); i++) {
            int m = node.mMeshes().get(i);
            if (meshes.get(m) != null) parts.add(new MeshPart(meshes.get(m), world, colors.get(m)));
        }
        PointerBuffer children = node.mChildren();
        for (int i = 0; i < node.mNumChildren(); i++)
            parts.addAll(collect(AINode.create(children.get(i)), world, meshes, colors, nodes, file));
        String name = node.mName().dataString();
        if (!parts.isEmpty() && !name.isEmpty()) nodes.putIfAbsent(name, Model.of(file.getFileName() + "#" + name, parts, world));
        return parts;
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
        List<Integer> indices = new ArrayList<>();
        AIFace.Buffer faces = mesh.mFaces();
        for (int f = 0; f < mesh.mNumFaces(); f++) {
            AIFace face = faces.get(f);
            if (face.mNumIndices() != 3) continue; // points and lines sorted into the same mesh are not drawn
            for (int k = 0; k < 3; k++) indices.add(face.mIndices().get(k));
        }
        return new Mesh(mesh.mName().dataString(), positions, normals, indices.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Vector3d baseColor(AIMaterial material) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            AIColor4D c = AIColor4D.malloc(stack);
            if (aiGetMaterialColor(material, AI_MATKEY_BASE_COLOR, aiTextureType_NONE, 0, c) == aiReturn_SUCCESS
                    || aiGetMaterialColor(material, AI_MATKEY_COLOR_DIFFUSE, aiTextureType_NONE, 0, c) == aiReturn_SUCCESS)
                return new Vector3d(c.r(), c.g(), c.b());
            return new Vector3d(0.8, 0.8, 0.8);
        }
    }
}
