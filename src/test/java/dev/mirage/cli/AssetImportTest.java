package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * Assets brought into a scene: a Z-up file in centimetres, fitting to a real size, named parts with
 * their own labels, and the paths a template may use. Boxes are checked against the projection of
 * the geometry worked out by hand for a camera looking straight down.
 */
class AssetImportTest {
    static final int W = 200, H = 160;
    /** Camera 10 m above the origin looking down (image right = +X, image down = +Z), 40° vertical field. */
    static final double F = H / 2.0 / Math.tan(Math.toRadians(20));

    @TempDir
    Path tmp;

    /**
     * A box authored Z-up in centimetres: 200 cm along x, 100 cm along y (its depth), 50 cm tall from
     * z = 0. Turned Y-up and scaled to metres it is 2 m wide, 1 m deep and 0.5 m tall, standing on
     * the ground.
     */
    private Path zUpCentimetreBox() throws IOException {
        float[][] cube = GltfFiles.cube();
        float[] p = cube[0].clone();
        for (int i = 0; i < p.length; i += 3) {
            p[i] *= 200;
            p[i + 1] *= 100;
            p[i + 2] = (p[i + 2] + 0.5f) * 50;
        }
        GltfFiles g = new GltfFiles();
        g.addRoot(g.node("crate", g.mesh("crate", p, cube[1], null, null, GltfFiles.ints(cube[2]), true, -1)));
        return g.writeGltf(tmp.resolve("crate.gltf"));
    }

    private Path scene(String objects) throws IOException {
        Path scene = tmp.resolve("scene.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 200, "height": 160, "antiAliasing": "none" },
                  "camera": { "position": [0, 10, 0], "lookAt": [0, 0, 0], "fovDeg": 40 },
                  "categories": [ { "id": 1, "name": "crate" }, { "id": 2, "name": "trailer" } ],
                  "labels": { "minVisiblePixels": 1 },
                  "objects": [ %s ] }
                """.formatted(objects));
        return scene;
    }

    private static JsonNode coco(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("annotations/coco.json").toFile());
    }

    /**
     * The pixel box [x, y, w, h] of a box x0..x1, 0..top, z0..z1 standing on the ground: the bounds of
     * its eight corners projected by the pinhole (a corner at height y lies 10 − y in front).
     */
    private static double[] topFaceBox(double x0, double x1, double z0, double z1, double top) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double x : new double[] {x0, x1})
            for (double y : new double[] {0, top})
                for (double z : new double[] {z0, z1}) {
                    double px = W / 2.0 + F * x / (10 - y), py = H / 2.0 + F * z / (10 - y);
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                }
        return new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    private static void assertBox(double[] expected, JsonNode bbox) {
        for (int i = 0; i < 4; i++) assertEquals(expected[i], bbox.get(i).asDouble(), 1.01, "bbox[" + i + "] of " + bbox);
    }

    @Test
    void zUpCentimetresAreTurnedAndScaledAndFitSetsARealSize() throws IOException {
        zUpCentimetreBox();
        Path out = tmp.resolve("out");
        CliRun r = CliRun.render(scene("""
                { "asset": "crate.gltf", "upAxis": "z", "unitM": 0.01, "category": "crate" }"""), out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        // 2 m along x, 1 m along z (the file's y), top at 0.5 m
        assertBox(topFaceBox(-1, 1, -0.5, 0.5, 0.5), coco(out).at("/annotations/0/bbox"));

        Path fitted = tmp.resolve("fitted");
        r = CliRun.render(scene("""
                { "asset": "crate.gltf", "upAxis": "z", "unitM": 0.01, "fit": { "widthM": 4 }, "category": "crate" }"""),
                fitted, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        // fitted to 4 m wide: every extent doubles, so 4 × 2 m with its top at 1 m
        assertBox(topFaceBox(-2, 2, -1, 1, 1), coco(fitted).at("/annotations/0/bbox"));
        JsonNode meta = new ObjectMapper().readTree(fitted.resolve("meta/000000.json").toFile());
        assertEquals("z", meta.at("/objects/0/upAxis").asText());
        assertEquals(0.01, meta.at("/objects/0/unitM").asDouble(), 1e-12);
        assertEquals(2, meta.at("/objects/0/scale/0").asDouble(), 1e-9, "the fit is recorded as scale");
    }

    /**
     * A truck of two nodes: "cab" (a 1 m cube centred at x = −1.5) and its child "trailer" (a 2 m
     * cube at x = +1); with the trailer labeled on its own, the truck's annotation covers the cab
     * alone and the trailer gets a second instance and category.
     */
    @Test
    void namedPartsCarryTheirOwnInstanceAndCategory() throws IOException {
        float[][] cube = GltfFiles.cube();
        GltfFiles g = new GltfFiles();
        int mesh = g.mesh("cube", cube[0], cube[1], null, null, GltfFiles.ints(cube[2]), true, -1);
        ObjectNode cab = g.node("cab", mesh);
        cab.putArray("translation").add(-1.5).add(0.5).add(0);
        ObjectNode trailer = g.node("trailer", mesh);
        // the child's transform is relative to the cab: centre (1, 1, 0) in the world, scaled 2
        trailer.putArray("translation").add(2.5).add(0.5).add(0);
        trailer.putArray("scale").add(2).add(2).add(2);
        g.addChild(cab, trailer);
        g.addRoot(cab);
        g.writeGltf(tmp.resolve("truck.gltf"));
        Path out = tmp.resolve("parts");
        Path scene = scene("""
                { "asset": "truck.gltf", "category": "crate", "parts": [ { "node": "trailer", "category": "trailer" } ] }""");
        CliRun r = CliRun.render(scene, out, 1, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        JsonNode annotations = coco(out).get("annotations");
        assertEquals(2, annotations.size(), annotations.toString());
        JsonNode truck = annotations.get(0), part = annotations.get(1);
        assertEquals(1, truck.get("category_id").asInt());
        assertEquals(2, part.get("category_id").asInt());
        assertBox(topFaceBox(-2, -1, -0.5, 0.5, 1), truck.get("bbox"));
        assertBox(topFaceBox(0, 2, -1, 1, 2), part.get("bbox"));
        DecodedPng ids = DecodedPng.gray16(out.resolve("instance/000000.png"));
        double[] trailerTop = topFaceBox(0.1, 1.9, -0.9, 0.9, 2), cabTop = topFaceBox(-1.9, -1.1, -0.4, 0.4, 1);
        assertEquals(2, ids.at((int) (trailerTop[0] + trailerTop[2] / 2), (int) (trailerTop[1] + trailerTop[3] / 2)));
        assertEquals(1, ids.at((int) (cabTop[0] + cabTop[2] / 2), (int) (cabTop[1] + cabTop[3] / 2)));
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/000000.json").toFile());
        assertEquals("trailer", meta.at("/objects/0/without/0").asText());
        assertEquals("trailer", meta.at("/objects/1/part").asText());

        Path again = tmp.resolve("parts-again");
        r = CliRun.render(scene, again, 1, 0, W, H, "--replay", out.resolve("meta/000000.json").toString());
        assertEquals(0, r.exit(), r.describe());
        assertArrayEquals(Files.readAllBytes(out.resolve("instance/000000.png")), Files.readAllBytes(again.resolve("instance/000000.png")));
    }

    /** A part that only some drawn shapes have (a pickup's bed) is an instance exactly when the shape has it. */
    @Test
    void aPartOfSomeShapesOnlyIsLabeledWhenTheDrawnShapeHasIt() throws IOException {
        Path scene = tmp.resolve("pickups.json");
        Files.writeString(scene, """
                { "mirage": 1, "image": { "width": 200, "height": 160 },
                  "camera": { "position": [0, 12, 14], "lookAt": [0, 0, 0], "fovDeg": 50 },
                  "categories": [ { "id": 1, "name": "car" }, { "id": 2, "name": "cargo bed" } ],
                  "labels": { "minVisiblePixels": 1 },
                  "objects": [ { "asset": "mirage:car", "category": "car", "count": 3,
                                 "params": { "bodyType": { "choice": ["sedan", "pickup"] } },
                                 "parts": [ { "node": "bed", "category": "cargo bed" } ],
                                 "placement": { "region": { "min": [-8, -8], "max": [8, 8] }, "noOverlap": true } } ] }
                """);
        Path out = tmp.resolve("pickups-out");
        CliRun r = CliRun.render(scene, out, 4, 0, W, H);
        assertEquals(0, r.exit(), r.describe());
        int pickups = 0, beds = 0;
        for (int f = 0; f < 4; f++) {
            JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/%06d.json".formatted(f)).toFile());
            java.util.List<Integer> ids = new java.util.ArrayList<>();
            for (JsonNode o : meta.get("objects")) {
                ids.add(o.get("instanceId").asInt());
                boolean pickup = "pickup".equals(o.at("/params/bodyType").asText());
                if (o.has("part")) {
                    beds++;
                    assertTrue(pickup, "a bed comes from a pickup");
                    assertEquals(2, o.get("categoryId").asInt());
                } else if (pickup) {
                    pickups++;
                    assertEquals("bed", o.at("/without/0").asText(), "the pickup's own instance leaves its bed out");
                } else {
                    assertTrue(!o.has("without"), "a sedan is whole");
                }
            }
            for (int k = 0; k < ids.size(); k++) assertEquals(k + 1, ids.get(k), "instance ids stay contiguous");
        }
        assertTrue(pickups > 0, "the 12 draws hold pickups");
        assertEquals(pickups, beds, "one bed per pickup");

        Files.writeString(scene, Files.readString(scene).replace("\"bed\"", "\"sidecar\""));
        r = CliRun.render(scene, tmp.resolve("sidecar"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/parts/0/node") && r.err().contains("bed"), r.err());
    }

    @Test
    void partsOfAFileMustNotOverlapAndAReplayedMissingPartIsAnInputError() throws IOException {
        float[][] cube = GltfFiles.cube();
        GltfFiles g = new GltfFiles();
        int mesh = g.mesh("cube", cube[0], cube[1], null, null, GltfFiles.ints(cube[2]), true, -1);
        ObjectNode cab = g.node("cab", mesh);
        ObjectNode trailer = g.node("trailer", mesh);
        trailer.putArray("translation").add(2).add(0).add(0);
        ObjectNode wheel = g.node("wheel", mesh);
        wheel.putArray("translation").add(0).add(-1).add(0);
        g.addChild(trailer, wheel);
        g.addChild(cab, trailer);
        g.addRoot(cab);
        g.writeGltf(tmp.resolve("rig.gltf"));
        CliRun r = CliRun.render(scene("""
                { "asset": "rig.gltf", "category": "crate",
                  "parts": [ { "node": "trailer", "category": "trailer" }, { "node": "wheel", "category": "trailer" } ] }"""),
                tmp.resolve("overlap"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/parts/1/node") && r.err().contains("overlap"), r.err());

        Path scene = scene("""
                { "asset": "rig.gltf", "category": "crate", "parts": [ { "node": "trailer", "category": "trailer" } ] }""");
        Path out = tmp.resolve("rig");
        assertEquals(0, CliRun.render(scene, out, 1, 0, W, H).exit());
        Path meta = out.resolve("meta/000000.json");
        Files.writeString(meta, Files.readString(meta).replace("\"part\" : \"trailer\"", "\"part\" : \"nope\""));
        assertTrue(Files.readString(meta).contains("nope"), "the meta file was edited");
        r = CliRun.render(scene, tmp.resolve("rig-replay"), 1, 0, W, H, "--replay", meta.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("nope") && !r.err().contains("at dev.mirage"), r.err());
    }

    @Test
    void mistakesInAssetFieldsNameTheirPointer() throws IOException {
        zUpCentimetreBox();
        CliRun r = CliRun.render(scene("""
                { "asset": "crate.gltf", "parts": [ { "node": "lid", "category": "trailer" } ] }"""), tmp.resolve("a"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/parts/0/node") && r.err().contains("crate"), r.err());
        r = CliRun.render(scene("""
                { "shape": "box", "upAxis": "z" }"""), tmp.resolve("b"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/upAxis") && r.err().contains("only with \"asset\""), r.err());
        r = CliRun.render(scene("""
                { "asset": "crate.gltf", "fit": { "lengthM": 4, "widthM": 2 } }"""), tmp.resolve("c"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/fit") && r.err().contains("exactly one"), r.err());
        r = CliRun.render(scene("""
                { "asset": "crate.gltf", "unitM": 0 }"""), tmp.resolve("d"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/unitM"), r.err());
        assertTrue(Files.notExists(tmp.resolve("a")) || !Files.exists(tmp.resolve("a/rgb/000000.png")), "nothing rendered");
    }

    @Test
    void assetsOutsideTheSceneFolderNeedARoot() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        zUpCentimetreBox();
        Files.move(tmp.resolve("crate.gltf"), elsewhere.resolve("crate.gltf"));
        Path scene = scene("""
                { "asset": "../elsewhere/crate.gltf", "upAxis": "z", "unitM": 0.01, "category": "crate" }""");
        Path sceneDir = Files.createDirectories(tmp.resolve("scenes"));
        Files.move(scene, sceneDir.resolve("scene.json"));
        scene = sceneDir.resolve("scene.json");
        CliRun r = CliRun.render(scene, tmp.resolve("refused"), 1, 0, W, H);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("/objects/0/asset") && r.err().contains("--assets"), r.err());
        r = CliRun.render(scene, tmp.resolve("rooted"), 1, 0, W, H, "--assets", elsewhere.toString());
        assertEquals(0, r.exit(), r.describe());
        r = CliRun.render(scene, tmp.resolve("allowed"), 1, 0, W, H, "--allow-outside-assets");
        assertEquals(0, r.exit(), r.describe());
        // a root also lets the scene name the file without the ../
        Files.writeString(scene, Files.readString(scene).replace("../elsewhere/crate.gltf", "crate.gltf"));
        r = CliRun.render(scene, tmp.resolve("looked-up"), 1, 0, W, H, "--assets", elsewhere.toString());
        assertEquals(0, r.exit(), r.describe());
    }

    @Test
    void validateWarnsAboutAMissingTextureAndStillPasses() throws IOException {
        GltfFiles g = new GltfFiles();
        int tex = g.externalImage("missing.png");
        g.material("m").putObject("pbrMetallicRoughness").putObject("baseColorTexture").put("index", tex);
        g.addRoot(g.node("q", g.mesh("q", GltfFiles.QUAD_POSITIONS, GltfFiles.QUAD_NORMALS, GltfFiles.QUAD_UVS, null,
                GltfFiles.QUAD_INDICES, true, 0)));
        g.writeGltf(tmp.resolve("sign.gltf"));
        CliRun r = CliRun.of("validate", scene("""
                { "asset": "sign.gltf" }""").toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.err().contains("warning") && r.err().contains("/objects/0/asset") && r.err().contains("missing.png"), r.err());
    }
}
