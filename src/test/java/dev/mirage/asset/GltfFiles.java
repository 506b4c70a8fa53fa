package dev.mirage.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Writes small glTF 2.0 files for tests, by hand from the specification (not through any code under
 * test): accessors, buffer views, nodes, meshes, materials and images, as .gltf with a data-URI or
 * external buffer, or as .glb.
 */
public final class GltfFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    public GltfFiles() {
        root.putObject("asset").put("version", "2.0");
        root.put("scene", 0);
        root.putArray("scenes").addObject().putArray("nodes");
    }

    public ObjectNode json() { return root; }

    private ArrayNode array(String name) {
        return root.has(name) ? (ArrayNode) root.get(name) : root.putArray(name);
    }

    /** Appends bytes to the buffer (4-aligned) and returns the new buffer view's index. */
    public int bufferView(byte[] bytes, Integer target) {
        while (bin.size() % 4 != 0) bin.write(0);
        ObjectNode view = array("bufferViews").addObject();
        view.put("buffer", 0).put("byteOffset", bin.size()).put("byteLength", bytes.length);
        if (target != null) view.put("target", target);
        bin.writeBytes(bytes);
        return array("bufferViews").size() - 1;
    }

    /** A FLOAT accessor of VEC2/VEC3/VEC4 (by {@code components}), with min/max. */
    public int floats(float[] values, int components) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        int view = bufferView(b.array(), 34962);
        ObjectNode a = array("accessors").addObject();
        a.put("bufferView", view).put("componentType", 5126).put("count", values.length / components)
                .put("type", components == 2 ? "VEC2" : components == 3 ? "VEC3" : "VEC4");
        ArrayNode min = a.putArray("min"), max = a.putArray("max");
        for (int c = 0; c < components; c++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int i = c; i < values.length; i += components) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
            min.add(lo);
            max.add(hi);
        }
        return array("accessors").size() - 1;
    }

    /** An index accessor: UNSIGNED_SHORT when {@code shortIndices}, else UNSIGNED_INT. */
    public int indices(int[] values, boolean shortIndices) {
        ByteBuffer b = ByteBuffer.allocate((shortIndices ? 2 : 4) * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            if (shortIndices) b.putShort((short) v);
            else b.putInt(v);
        }
        int view = bufferView(b.array(), 34963);
        array("accessors").addObject().put("bufferView", view).put("componentType", shortIndices ? 5123 : 5125)
                .put("count", values.length).put("type", "SCALAR");
        return array("accessors").size() - 1;
    }

    /** A mesh of one triangle primitive; {@code uvs}, {@code colors} may be null; material -1 for none. */
    public int mesh(String name, float[] positions, float[] normals, float[] uvs, float[] colors, int[] indices,
                    boolean shortIndices, int material) {
        ObjectNode prim = JSON.createObjectNode();
        ObjectNode attrs = prim.putObject("attributes");
        attrs.put("POSITION", floats(positions, 3));
        if (normals != null) attrs.put("NORMAL", floats(normals, 3));
        if (uvs != null) attrs.put("TEXCOORD_0", floats(uvs, 2));
        if (colors != null) attrs.put("COLOR_0", floats(colors, 4));
        prim.put("indices", indices(indices, shortIndices));
        if (material >= 0) prim.put("material", material);
        ObjectNode mesh = array("meshes").addObject();
        mesh.put("name", name);
        mesh.putArray("primitives").add(prim);
        return array("meshes").size() - 1;
    }

    /** A node; mesh -1 for none. Returns its index; add it to the scene with {@link #addRoot} or as a child. */
    public ObjectNode node(String name, int mesh) {
        ObjectNode node = array("nodes").addObject();
        node.put("name", name);
        if (mesh >= 0) node.put("mesh", mesh);
        return node;
    }

    public int nodeIndex(ObjectNode node) {
        ArrayNode nodes = array("nodes");
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i) == node) return i;
        throw new IllegalArgumentException("not a node of this file");
    }

    public void addRoot(ObjectNode node) {
        ((ArrayNode) root.get("scenes").get(0).get("nodes")).add(nodeIndex(node));
    }

    public void addChild(ObjectNode parent, ObjectNode child) {
        (parent.has("children") ? (ArrayNode) parent.get("children") : parent.putArray("children")).add(nodeIndex(child));
    }

    /** A material object to fill in; returns it (its index is the count before). */
    public ObjectNode material(String name) {
        ObjectNode m = array("materials").addObject();
        m.put("name", name);
        return m;
    }

    /** An image stored in the binary buffer, with a texture over it; returns the texture index. */
    public int embeddedPng(BufferedImage image) {
        int view = bufferView(png(image), null);
        array("images").addObject().put("bufferView", view).put("mimeType", "image/png");
        return texture(array("images").size() - 1);
    }

    /** An image as a data URI; returns the texture index. */
    public int dataUriPng(BufferedImage image) {
        array("images").addObject().put("uri", "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image)));
        return texture(array("images").size() - 1);
    }

    /** An image file referenced by relative URI; returns the texture index. */
    public int externalImage(String uri) {
        array("images").addObject().put("uri", uri);
        return texture(array("images").size() - 1);
    }

    private int texture(int image) {
        array("textures").addObject().put("source", image);
        return array("textures").size() - 1;
    }

    /** Writes .gltf with its buffer as a data URI. */
    public Path writeGltf(Path file) throws IOException {
        if (bin.size() > 0) {
            array("buffers").removeAll();
            array("buffers").addObject().put("byteLength", bin.size())
                    .put("uri", "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(bin.toByteArray()));
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    /** Writes .gltf with its buffer in a .bin file beside it. */
    public Path writeGltfWithBin(Path file, String binName) throws IOException {
        array("buffers").removeAll();
        array("buffers").addObject().put("byteLength", bin.size()).put("uri", binName);
        Files.write(file.resolveSibling(binName), bin.toByteArray());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    /** Writes a binary .glb (header, JSON chunk padded with spaces, BIN chunk padded with zeros). */
    public Path writeGlb(Path file) throws IOException {
        Files.write(file, glb());
        return file;
    }

    public byte[] glb() throws IOException {
        array("buffers").removeAll();
        while (bin.size() % 4 != 0) bin.write(0);
        array("buffers").addObject().put("byteLength", bin.size());
        byte[] json = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        int jsonLength = (json.length + 3) / 4 * 4;
        int total = 12 + 8 + jsonLength + 8 + bin.size();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(total);
        out.putInt(jsonLength).putInt(0x4E4F534A).put(json);
        for (int i = json.length; i < jsonLength; i++) out.put((byte) ' ');
        out.putInt(bin.size()).putInt(0x004E4942).put(bin.toByteArray());
        return out.array();
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ARGB image of 2×2 blocks of {@code size} pixels: top-left, top-right, bottom-left, bottom-right. */
    public static BufferedImage quadrants(int size, int tl, int tr, int bl, int br) {
        BufferedImage image = new BufferedImage(2 * size, 2 * size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 2 * size; y++)
            for (int x = 0; x < 2 * size; x++)
                image.setRGB(x, y, y < size ? (x < size ? tl : tr) : (x < size ? bl : br));
        return image;
    }

    /** A unit quad in the x-y plane at z = 0 facing +Z, corners (±0.5, ±0.5), glTF UVs with (0,0) top-left. */
    public static final float[] QUAD_POSITIONS = {-0.5f, -0.5f, 0, 0.5f, -0.5f, 0, 0.5f, 0.5f, 0, -0.5f, 0.5f, 0};
    public static final float[] QUAD_NORMALS = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    public static final float[] QUAD_UVS = {0, 1, 1, 1, 1, 0, 0, 0};
    public static final int[] QUAD_INDICES = {0, 1, 2, 0, 2, 3};

    /** A unit cube centred on the origin, 24 vertices, outward normals, counter-clockwise. */
    public static float[][] cube() {
        float[] p = new float[72], n = new float[72];
        int[] idx = new int[36];
        int v = 0, t = 0;
        for (int axis = 0; axis < 3; axis++) {
            for (int sign : new int[] {1, -1}) {
                float[] nn = new float[3];
                nn[axis] = sign;
                float[] u = new float[3], w = new float[3];
                u[(axis + 1) % 3] = 1;
                w[(axis + 2) % 3] = 1;
                if (sign < 0) u[(axis + 1) % 3] = -1; // keep u × w = n
                float[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
                int base = v;
                for (float[] c : corners) {
                    for (int k = 0; k < 3; k++) {
                        p[3 * v + k] = 0.5f * nn[k] + 0.5f * c[0] * u[k] + 0.5f * c[1] * w[k];
                        n[3 * v + k] = nn[k];
                    }
                    v++;
                }
                int[] quad = {base, base + 1, base + 2, base, base + 2, base + 3};
                for (int q : quad) idx[t++] = q;
            }
        }
        float[] fi = new float[36];
        for (int i = 0; i < 36; i++) fi[i] = idx[i];
        return new float[][] {p, n, fi};
    }

    public static int[] ints(float[] f) {
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = (int) f[i];
        return out;
    }
}
