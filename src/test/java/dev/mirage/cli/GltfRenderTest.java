package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.asset.GltfFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * glTF files written by the test, loaded and rendered end to end: a textured quad shows each texel
 * where the camera sees it, and an alpha-masked quad is neither drawn nor labeled where it is clear.
 * The quad spans ±1 m in x and y at z = 0 facing +Z; the camera sits 5 m in front, 40° vertical field.
 */
class GltfRenderTest {
    static final int W = 160, H = 120;
    static final double F = H / 2.0 / Math.tan(Math.toRadians(20));
    static final int RED = 0xffe02010, GREEN = 0xff20c040, BLUE = 0xff2040e0, WHITE = 0xfff0f0f0;

    @TempDir
    Path tmp;

    /** A 2 m quad with material 0; the GLB is written beside the scene. */
    private Path quad(GltfFiles g, String name) throws IOException {
        float[] p = GltfFiles.QUAD_POSITIONS.clone();
        for (int i = 0; i < p.length; i++) p[i] *= 2;
        g.addRoot(g.node("sign", g.mesh("sign", p, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, null, GltfFiles.QUAD_INDICES, true, 0)));
        return g.writeGlb(tmp.resolve(name));
    }

    private Path scene(String asset, String lighting) throws IOException {
        Path scene = tmp.resolve("scene.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 160, "height": 120, "antiAliasing": "none" },
                  "camera": { "position": [0, 0, 5], "lookAt": [0, 0, 0], "fovDeg": 40 },
                  %s,
                  "categories": [ { "id": 1, "name": "sign" } ],
                  "labels": { "minVisiblePixels": 1 },
                  "objects": [ { "asset": "%s", "category": "sign" } ] }
                """.formatted(lighting, asset));
        return scene;
    }

    /** The pixel the camera sees world point (x, y, 0) in. */
    private static int[] pixel(double x, double y) {
        return new int[] {(int) Math.floor(W / 2.0 + F * x / 5), (int) Math.floor(H / 2.0 - F * y / 5)};
    }

    @Test
    void anEmissiveTextureShowsEachTexelWhereTheCameraSeesIt() throws IOException {
        GltfFiles g = new GltfFiles();
        int tex = g.embeddedPng(GltfFiles.quadrants(8, RED, GREEN, BLUE, WHITE));
        ObjectNode m = g.material("screen");
        m.putObject("pbrMetallicRoughness").putArray("baseColorFactor").add(0).add(0).add(0).add(1);
        m.putArray("emissiveFactor").add(1).add(1).add(1);
        m.putObject("emissiveTexture").put("index", tex);
        quad(g, "screen.glb");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene("screen.glb", """
                "sun": { "intensity": 0 }, "sky": { "color": "#000000", "intensity": 0 }"""), out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        DecodedPng rgb = DecodedPng.rgb8(out.resolve("rgb/000000.png"));
        // black base colour, no light: the pixel is the emissive texel itself (sRGB in, sRGB out)
        int[][] expect = {{-1, 1, RED}, {1, 1, GREEN}, {-1, -1, BLUE}, {1, -1, WHITE}};
        for (int[] e : expect) {
            int[] px = pixel(0.5 * e[0], 0.5 * e[1]);
            int got = rgb.at(px[0], px[1]);
            for (int shift = 0; shift <= 16; shift += 8)
                assertEquals(e[2] >> shift & 0xff, got >> shift & 0xff, 2.0,
                        String.format("quadrant (%d, %d) at pixel (%d, %d): %06x, expected %06x", e[0], e[1], px[0], px[1], got, e[2] & 0xffffff));
        }
    }

    @Test
    void anAlphaMaskedHalfIsNeitherDrawnNorLabeled() throws IOException {
        GltfFiles g = new GltfFiles();
        // left half clear (alpha 0), right half opaque
        int tex = g.embeddedPng(GltfFiles.quadrants(8, 0x00ffffff, 0xffffffff, 0x00ffffff, 0xffffffff));
        ObjectNode m = g.material("leaf");
        m.putObject("pbrMetallicRoughness").putObject("baseColorTexture").put("index", tex);
        m.put("alphaMode", "MASK").put("alphaCutoff", 0.5);
        quad(g, "leaf.glb");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene("leaf.glb", """
                "sun": { "elevationDeg": 60, "azimuthDeg": 90 }"""), out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        DecodedPng ids = DecodedPng.gray16(out.resolve("instance/000000.png"));
        for (double y = -0.8; y <= 0.8; y += 0.4) {
            int[] left = pixel(-0.5, y), right = pixel(0.5, y);
            assertEquals(0, ids.at(left[0], left[1]), "the clear half is not labeled at " + y);
            assertEquals(1, ids.at(right[0], right[1]), "the opaque half is the sign at " + y);
        }
        JsonNode a = new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile()).at("/annotations/0");
        // the box covers the right half only: x from the centre to +1 m, y over ±1 m
        assertEquals(W / 2.0, a.at("/bbox/0").asDouble(), 1.01);
        assertEquals(F / 5, a.at("/bbox/2").asDouble(), 1.01);
        assertEquals(2 * F / 5, a.at("/bbox/3").asDouble(), 1.01);
        assertTrue(Math.abs(a.get("area").asDouble() - (F / 5) * (2 * F / 5)) < 2 * F / 5 + 2 * F / 5, a.toString());
    }

    /** A node scaled by −1 turns its triangles clockwise: culling and shading must follow, not drop or darken it. */
    @Test
    void aMirroredNodeIsDrawnAndLitLikeItsOriginal() throws IOException {
        int[] centre = pixel(0.3, 0.3);
        int[] colours = new int[2];
        for (int mirrored = 0; mirrored < 2; mirrored++) {
            GltfFiles g = new GltfFiles();
            g.material("plate").putObject("pbrMetallicRoughness").put("metallicFactor", 0.0).put("roughnessFactor", 1.0);
            float[] p = GltfFiles.QUAD_POSITIONS.clone();
            for (int k = 0; k < p.length; k++) p[k] *= 2;
            ObjectNode node = g.node("plate", g.mesh("plate", p, GltfFiles.QUAD_NORMALS, null, null, GltfFiles.QUAD_INDICES, true, 0));
            if (mirrored == 1) node.putArray("scale").add(-1).add(1).add(1);
            g.addRoot(node);
            g.writeGlb(tmp.resolve("plate" + mirrored + ".glb"));
            Path out = tmp.resolve("plate-out" + mirrored);
            CliRun r = CliRun.render(scene("plate" + mirrored + ".glb", """
                    "sun": { "direction": [0.3, 0.4, 1] }"""), out, 1, 0, W, H);
            assertEquals(0, r.exit(), r.describe());
            assertEquals(1, DecodedPng.gray16(out.resolve("instance/000000.png")).at(centre[0], centre[1]), "drawn, mirrored = " + mirrored);
            colours[mirrored] = DecodedPng.rgb8(out.resolve("rgb/000000.png")).at(centre[0], centre[1]);
        }
        assertEquals(colours[0], colours[1], String.format("lit alike: %06x and %06x", colours[0], colours[1]));
    }
}
