package dev.mirage.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.joml.Matrix4d;

/**
 * Writes a {@link Model} as one glTF 2.0 binary (GLB) file that other tools open.
 *
 * <p>The file holds one scene with one root node named after the model and, under it, one node per
 * part carrying the part's {@code nodeToModel} as its {@code matrix} (named after the part's node,
 * or its mesh when the node has no name; a mesh without triangles leaves its node empty). Each
 * distinct {@link Mesh} (by identity) is written once, however many parts draw it (a mesh drawn with
 * two materials becomes two glTF meshes over the same accessors): POSITION (with min and max),
 * NORMAL, and TEXCOORD_0, TANGENT and COLOR_0 when present, in float
 * accessors over 4-byte aligned buffer views, with UNSIGNED_SHORT indices up to 65535 vertices (so
 * that no index is 0xFFFF, glTF's primitive restart value) and UNSIGNED_INT above. Each distinct
 * {@link Material} (by value) becomes one metallic-roughness material; each distinct texture (by
 * {@link TextureRef#key()}) one image embedded in the BIN chunk (PNG and JPEG bytes as they are,
 * anything else re-encoded as PNG) with one shared sampler (linear-mipmap-linear, repeat).
 *
 * <p>Texture coordinates: a {@link Mesh} has v = 0 at the image's bottom row, glTF at the top, so v
 * is written as 1 − v; Assimp flips it back on import, so {@link AssetFile#load} reads the mesh's own
 * coordinates. Tangents are written as they are. An emissive factor above 1 is written normalized
 * with its maximum as {@code KHR_materials_emissive_strength}.
 *
 * <p>Thread safety: stateless; each call builds its own file.
 */
public final class GlbWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLOAT = 5126, UNSIGNED_SHORT = 5123, UNSIGNED_INT = 5125;
    private static final int LINEAR = 9729, LINEAR_MIPMAP_LINEAR = 9987, REPEAT = 10497;
    private static final String EMISSIVE_STRENGTH = "KHR_materials_emissive_strength";

    private final AssetLibrary textures;
    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode asset = root.putObject("asset").put("version", "2.0");
    private final GlbBuffer bin = new GlbBuffer(root.putArray("bufferViews"));
    private final ArrayNode accessors = root.putArray("accessors");
    private final ArrayNode meshes = root.putArray("meshes");
    private final ArrayNode materials = root.putArray("materials");
    private final ArrayNode textureNodes = root.putArray("textures");
    private final ArrayNode images = root.putArray("images");
    private final Map<Mesh, ObjectNode> attributesByMesh = new IdentityHashMap<>();
    private final Map<Mesh, Integer> indicesByMesh = new IdentityHashMap<>();
    private final Map<MeshKey, Integer> meshIndex = new HashMap<>();
    private final Map<Material, Integer> materialIndex = new LinkedHashMap<>();
    private final Map<String, Integer> textureIndex = new HashMap<>();

    private record MeshKey(Mesh mesh, int material) {
        @Override
        public boolean equals(Object o) {
            return o instanceof MeshKey k && k.mesh == mesh && k.material == material;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(mesh) + material;
        }
    }

    private GlbWriter(AssetLibrary textures) {
        this.textures = Objects.requireNonNull(textures);
    }

    /**
     * Encodes a model as GLB bytes.
     *
     * @param textures  decodes the images that are not already PNG or JPEG
     * @param generator {@code asset.generator}, e.g. "Mirage 0.1.0"
     * @throws AssetException when a texture is missing or does not decode
     */
    public static byte[] encode(Model model, AssetLibrary textures, String generator) {
        return new GlbWriter(textures).build(model, generator);
    }

    /**
     * Writes a model as a GLB file, through a temporary file in the same folder renamed into place,
     * so {@code target} is either whole or untouched.
     *
     * @throws IOException    when the file cannot be written
     * @throws AssetException when a texture is missing or does not decode
     */
    public static void write(Model model, AssetLibrary textures, String generator, Path target) throws IOException {
        byte[] glb = encode(model, textures, generator);
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // Not Files.createTempFile: its owner-only mode (0600) would carry over to the GLB file.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Files.createFile(temp);
        try {
            Files.write(temp, glb);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temp);
            throw failure;
        }
    }

    private byte[] build(Model model, String generator) {
        asset.put("generator", generator);
        root.put("scene", 0);
        root.putArray("scenes").addObject().putArray("nodes").add(0);
        ArrayNode nodes = root.putArray("nodes");
        ObjectNode top = nodes.addObject();
        if (model.name() != null) top.put("name", model.name());
        ArrayNode children = top.putArray("children");
        for (MeshPart part : model.parts()) {
            children.add(nodes.size());
            ObjectNode node = nodes.addObject().put("name", part.node().isEmpty() ? part.mesh().name() : part.node());
            if (!part.nodeToModel().equals(new Matrix4d(), 0)) {
                ArrayNode matrix = node.putArray("matrix");
                for (double v : part.nodeToModel().get(new double[16])) matrix.add(v);
            }
            if (part.mesh().triangleCount() > 0) node.put("mesh", mesh(part.mesh(), material(part.material())));
        }
        if (!textureNodes.isEmpty())
            root.putArray("samplers").addObject().put("magFilter", LINEAR).put("minFilter", LINEAR_MIPMAP_LINEAR)
                    .put("wrapS", REPEAT).put("wrapT", REPEAT);
        if (bin.byteLength() > 0) root.putArray("buffers").addObject().put("byteLength", bin.byteLength());
        for (String name : new String[] {"bufferViews", "accessors", "meshes", "materials", "textures", "images"})
            if (root.get(name).isEmpty()) root.remove(name); // glTF forbids empty arrays
        try {
            return bin.frame(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The glTF mesh drawing {@code mesh} with material {@code material}; the vertex data is shared. */
    private int mesh(Mesh mesh, int material) {
        return meshIndex.computeIfAbsent(new MeshKey(mesh, material), k -> {
            ObjectNode primitive = JSON.createObjectNode();
            primitive.set("attributes", attributesByMesh.computeIfAbsent(mesh, this::attributes));
            primitive.put("indices", indicesByMesh.computeIfAbsent(mesh, this::indices));
            primitive.put("material", material).put("mode", 4);
            ObjectNode m = meshes.addObject().put("name", mesh.name());
            m.putArray("primitives").add(primitive);
            return meshes.size() - 1;
        });
    }

    private ObjectNode attributes(Mesh mesh) {
        ObjectNode a = JSON.createObjectNode();
        int n = mesh.vertexCount();
        int position = accessor(bin.addFloats(mesh.positions()), FLOAT, n, "VEC3");
        float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] p = mesh.positions();
        for (int i = 0; i < p.length; i++) {
            min[i % 3] = Math.min(min[i % 3], p[i]);
            max[i % 3] = Math.max(max[i % 3], p[i]);
        }
        ObjectNode positions = (ObjectNode) accessors.get(position);
        ArrayNode lo = positions.putArray("min"), hi = positions.putArray("max");
        for (int k = 0; k < 3; k++) {
            lo.add(min[k]);
            hi.add(max[k]);
        }
        a.put("POSITION", position);
        a.put("NORMAL", accessor(bin.addFloats(mesh.normals()), FLOAT, n, "VEC3"));
        if (mesh.uvs() != null) {
            float[] flipped = mesh.uvs().clone();
            for (int i = 1; i < flipped.length; i += 2) flipped[i] = 1 - flipped[i];
            a.put("TEXCOORD_0", accessor(bin.addFloats(flipped), FLOAT, n, "VEC2"));
        }
        if (mesh.tangents() != null) a.put("TANGENT", accessor(bin.addFloats(mesh.tangents()), FLOAT, n, "VEC4"));
        if (mesh.colors() != null) a.put("COLOR_0", accessor(bin.addFloats(mesh.colors()), FLOAT, n, "VEC4"));
        return a;
    }

    private int indices(Mesh mesh) {
        boolean shorts = mesh.vertexCount() <= 0xFFFF;
        int view = bin.addIndices(mesh.indices(), shorts);
        return accessor(view, shorts ? UNSIGNED_SHORT : UNSIGNED_INT, mesh.indices().length, "SCALAR");
    }

    private int accessor(int view, int componentType, int count, String type) {
        accessors.addObject().put("bufferView", view).put("componentType", componentType).put("count", count).put("type", type);
        return accessors.size() - 1;
    }

    private int material(Material m) {
        Integer known = materialIndex.get(m);
        if (known != null) return known;
        ObjectNode node = materials.addObject().put("name", m.name());
        ObjectNode pbr = node.putObject("pbrMetallicRoughness");
        ArrayNode base = pbr.putArray("baseColorFactor");
        base.add(m.baseColorFactor().x()).add(m.baseColorFactor().y()).add(m.baseColorFactor().z()).add(m.baseColorFactor().w());
        textureInfo(pbr, "baseColorTexture", m.baseColorTexture());
        pbr.put("metallicFactor", m.metallic()).put("roughnessFactor", m.roughness());
        textureInfo(pbr, "metallicRoughnessTexture", m.metallicRoughnessTexture());
        ObjectNode normal = textureInfo(node, "normalTexture", m.normalTexture());
        if (normal != null) normal.put("scale", m.normalScale());
        ObjectNode occlusion = textureInfo(node, "occlusionTexture", m.occlusionTexture());
        if (occlusion != null) occlusion.put("strength", m.occlusionStrength());
        textureInfo(node, "emissiveTexture", m.emissiveTexture());
        emissive(node, m);
        node.put("alphaMode", m.alphaMode().name());
        if (m.alphaMode() == Material.AlphaMode.MASK) node.put("alphaCutoff", m.alphaCutoff());
        node.put("doubleSided", m.doubleSided());
        node.putObject("extras").put("recolorable", m.recolorable());
        materialIndex.put(m, materials.size() - 1);
        return materials.size() - 1;
    }

    /** glTF keeps emissiveFactor within 0..1; a brighter one moves its scale into the extension. */
    private void emissive(ObjectNode node, Material m) {
        double x = m.emissiveFactor().x(), y = m.emissiveFactor().y(), z = m.emissiveFactor().z();
        double strength = Math.max(x, Math.max(y, z));
        if (strength <= 0) return;
        double scale = strength > 1 ? strength : 1;
        node.putArray("emissiveFactor").add(x / scale).add(y / scale).add(z / scale);
        if (strength > 1) {
            node.putObject("extensions").putObject(EMISSIVE_STRENGTH).put("emissiveStrength", strength);
            ArrayNode used = root.has("extensionsUsed") ? (ArrayNode) root.get("extensionsUsed") : root.putArray("extensionsUsed");
            if (used.isEmpty()) used.add(EMISSIVE_STRENGTH);
        }
    }

    /** Sets {@code field} to a texture info naming the texture of {@code ref}; none when ref is null. */
    private ObjectNode textureInfo(ObjectNode parent, String field, TextureRef ref) {
        return ref == null ? null : parent.putObject(field).put("index", texture(ref));
    }

    private int texture(TextureRef ref) {
        return textureIndex.computeIfAbsent(ref.key(), key -> {
            GlbImages.Encoded image = GlbImages.encode(ref, textures);
            int view = bin.addView(ByteBuffer.wrap(image.bytes()), 0);
            images.addObject().put("name", key).put("bufferView", view).put("mimeType", image.mimeType());
            textureNodes.addObject().put("sampler", 0).put("source", images.size() - 1);
            return textureNodes.size() - 1;
        });
    }
}
