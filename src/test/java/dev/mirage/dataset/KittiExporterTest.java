package dev.mirage.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.label.Box3d;
import dev.mirage.scene.Camera;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector3dc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KittiExporterTest {
    static final double EPS = 1e-9;
    /** 640×480, f = 500 px, at the origin looking down −Z: camera coordinates are world coordinates. */
    static final Camera LEVEL = new Camera(new Vector3d(0, 0, 0), new Vector3d(0, 0, -1), 2 * Math.atan(240.0 / 500.0), 0.1, 500, 640, 480);
    /** A car-like box: 4 m long along its x, 1 m tall, 2 m wide along its z, origin at the box centre. */
    static final double[] CAR_MIN = {-2, -0.5, -1}, CAR_MAX = {2, 0.5, 1};

    @TempDir
    Path tmp;

    static KittiExporter.Geometry geometry(double x, double z, double yawDeg) {
        Matrix4d boxToWorld = new Matrix4d().translation(x, 0, z).rotateY(Math.toRadians(yawDeg));
        return KittiExporter.Geometry.of(Box3d.of(LEVEL, CAR_MIN, CAR_MAX, boxToWorld));
    }

    /** The brief's box: 2 m wide (x), 1 m tall, 4 m long (z), centred 10 m ahead. */
    @Test
    void theHandBoxTenMetresAheadHasKittiDimensionsLocationAndAngles() {
        KittiExporter.Geometry g = KittiExporter.Geometry.of(
                Box3d.of(LEVEL, new double[] {-1, -0.5, -2}, new double[] {1, 0.5, 2}, new Matrix4d().translation(0, 0, -10)));
        assertEquals(1, g.heightM(), EPS);
        assertEquals(2, g.widthM(), EPS);
        assertEquals(4, g.lengthM(), EPS);
        // bottom centre (0, −0.5, −10) in ours is (0, 0.5, 10) in KITTI's y-down, z-forward frame
        assertEquals(0, g.x(), EPS);
        assertEquals(0.5, g.y(), EPS);
        assertEquals(10, g.z(), EPS);
        // the length axis is the box's +z, our +z = KITTI −z (toward the camera): (cos ry, 0, −sin ry) = (0, 0, −1)
        assertEquals(Math.PI / 2, g.rotationY(), EPS);
        assertEquals(Math.PI / 2, g.alpha(), EPS, "straight ahead alpha equals rotation_y");
    }

    /**
     * Yaw θ about world +Y turns the box's +x (its length) to (cos θ, 0, −sin θ) in ours, (cos θ, 0, sin θ)
     * in KITTI's frame, so rotation_y = atan2(−sin θ, cos θ) = −θ; alpha = ry − atan2(x, z).
     */
    @Test
    void rotationYAndAlphaForYaw0And90And30() {
        double[][] cases = { // x, z (ours), yawDeg, rotation_y, alpha
                {0, -10, 0, 0, 0},
                {0, -10, 90, -Math.PI / 2, -Math.PI / 2},
                {0, -10, 30, -Math.PI / 6, -Math.PI / 6},
                {10, -10, 0, 0, -Math.PI / 4},
                {10, -10, 90, -Math.PI / 2, -3 * Math.PI / 4},
                {10, -10, 30, -Math.PI / 6, -Math.PI / 6 - Math.PI / 4},
                {-10, -10, -170, Math.toRadians(170), Math.toRadians(170 + 45 - 360)}, // alpha wraps into −π..π
        };
        for (double[] c : cases) {
            KittiExporter.Geometry g = geometry(c[0], c[1], c[2]);
            String where = "box at x " + c[0] + ", z " + c[1] + ", yaw " + c[2] + "°: " + g;
            assertEquals(c[3], g.rotationY(), EPS, where);
            assertEquals(c[4], g.alpha(), EPS, where);
            assertEquals(1, g.heightM(), EPS, where);
            assertEquals(2, g.widthM(), EPS, where);
            assertEquals(4, g.lengthM(), EPS, where);
            assertEquals(c[0], g.x(), EPS, where);
            assertEquals(0.5, g.y(), EPS, where);
            assertEquals(-c[1], g.z(), EPS, where);
        }
    }

    /**
     * A KITTI reader rebuilds the box from h, w, l, location and rotation_y as the devkit does (corners
     * x = ±l/2, y = 0 or −h, z = ±w/2, rotated by Ry(ry), moved to the location): for a level camera it
     * must get the same eight corners back.
     */
    @Test
    void kittiReadersRebuildTheSameCorners() {
        for (double yaw : new double[] {0, 30, 90, 135, -170}) {
            Box3d box = Box3d.of(LEVEL, CAR_MIN, CAR_MAX, new Matrix4d().translation(-3, -1.2, -14).rotateY(Math.toRadians(yaw)));
            KittiExporter.Geometry g = KittiExporter.Geometry.of(box);
            List<Vector3d> rebuilt = new ArrayList<>();
            double c = Math.cos(g.rotationY()), s = Math.sin(g.rotationY());
            for (int i = 0; i < 8; i++) {
                double ox = (i & 1) != 0 ? g.lengthM() / 2 : -g.lengthM() / 2;
                double oy = (i & 2) != 0 ? -g.heightM() : 0;
                double oz = (i & 4) != 0 ? g.widthM() / 2 : -g.widthM() / 2;
                double kx = c * ox + s * oz + g.x(), ky = oy + g.y(), kz = -s * ox + c * oz + g.z();
                rebuilt.add(new Vector3d(kx, -ky, -kz)); // back to ours
            }
            for (Vector3dc corner : box.corners()) {
                boolean found = rebuilt.stream().anyMatch(r -> r.distance(corner) < 1e-9);
                assertTrue(found, "yaw " + yaw + ": corner " + corner + " not among " + rebuilt);
            }
        }
    }

    @Test
    void aLabelLineHasKittisFifteenFieldsWithTwoDecimals() {
        KittiExporter.Label label = new KittiExporter.Label("Car", 0, 0, 587.01, 173.33, 614.126, 200.12,
                new KittiExporter.Geometry(1.65, 1.67, 3.64, -0.65, 1.71, 46.70, -1.59, -0.0001));
        assertEquals("Car 0.00 0 0.00 587.01 173.33 614.13 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59", label.toLine());
        assertEquals(15, label.toLine().split(" ").length);
        assertEquals("Misc 0.00 3 -10.00 1.00 2.00 3.00 4.00 -1.00 -1.00 -1.00 -1000.00 -1000.00 -1000.00 -10.00",
                new KittiExporter.Label("Misc", 0, 3, 1, 2, 3, 4, KittiExporter.Geometry.UNKNOWN).toLine());
    }

    @Test
    void typesAreCapitalisedWithUnderscores() {
        assertEquals("Car", KittiExporter.typeName("car"));
        assertEquals("Pedestrian", KittiExporter.typeName("pedestrian"));
        assertEquals("Person_sitting", KittiExporter.typeName("person sitting"));
        assertEquals("Traffic_cone", KittiExporter.typeName("  traffic \t cone "));
        assertEquals("DontCare", KittiExporter.typeName("DontCare"));
        assertThrows(IllegalArgumentException.class, () -> KittiExporter.typeName(" "));
    }

    @Test
    void occlusionRatiosMapToKittiLevels() {
        assertEquals(0, KittiExporter.occlusionLevel(0));
        assertEquals(0, KittiExporter.occlusionLevel(0.0999));
        assertEquals(1, KittiExporter.occlusionLevel(0.10));
        assertEquals(1, KittiExporter.occlusionLevel(0.4999));
        assertEquals(2, KittiExporter.occlusionLevel(0.5));
        assertEquals(2, KittiExporter.occlusionLevel(1));
        assertEquals(3, KittiExporter.occlusionLevel(Double.NaN));
    }

    @Test
    void calibHoldsKInEveryProjectionAndIdentitiesElsewhere() {
        String calib = KittiExporter.calib(LEVEL.intrinsics());
        String p = "5.000000000000e+02 0.000000000000e+00 3.200000000000e+02 0.000000000000e+00 "
                + "0.000000000000e+00 5.000000000000e+02 2.400000000000e+02 0.000000000000e+00 "
                + "0.000000000000e+00 0.000000000000e+00 1.000000000000e+00 0.000000000000e+00";
        String rt = "1.000000000000e+00 0.000000000000e+00 0.000000000000e+00 0.000000000000e+00 "
                + "0.000000000000e+00 1.000000000000e+00 0.000000000000e+00 0.000000000000e+00 "
                + "0.000000000000e+00 0.000000000000e+00 1.000000000000e+00 0.000000000000e+00";
        assertEquals("P0: " + p + "\nP1: " + p + "\nP2: " + p + "\nP3: " + p + "\n"
                + "R0_rect: 1.000000000000e+00 0.000000000000e+00 0.000000000000e+00 0.000000000000e+00 1.000000000000e+00 "
                + "0.000000000000e+00 0.000000000000e+00 0.000000000000e+00 1.000000000000e+00\n"
                + "Tr_velo_to_cam: " + rt + "\nTr_imu_to_velo: " + rt + "\n", calib);
    }

    // ---- a hand-made dataset folder: one car, one cone with occlusion and truncation fields, frame 1 not rendered

    private Path handMadeDataset(RgbEncoding rgb) throws IOException {
        Path out = tmp.resolve("data-" + rgb.extension());
        new Manifest("test", "hand", "hand.json", "0".repeat(64), 0, 2, 640, 480, Shard.WHOLE, rgb).write(out);
        Files.createDirectories(out.resolve("rgb"));
        Files.write(out.resolve(OutputLayout.rgb(0, rgb)), new byte[] {1, 2, 3});
        ObjectNode coco = Json.NODES.objectNode();
        coco.putObject("info").put("description", "hand");
        coco.putArray("images").addObject().put("id", 1).putArray("nested").add(Json.NODES.arrayNode().add(1));
        ArrayNode categories = coco.putArray("categories");
        categories.addObject().put("id", 1).put("name", "car").put("supercategory", "vehicle");
        categories.addObject().put("id", 2).put("name", "traffic cone").put("supercategory", "prop");
        coco.putArray("annotations");
        AtomicFiles.write(out.resolve(OutputLayout.COCO), Json.MAPPER.writeValueAsBytes(coco));

        ObjectNode meta = Json.NODES.objectNode();
        meta.put("frame", 0).put("width", 640).put("height", 480);
        meta.putObject("files").put("rgb", OutputLayout.rgb(0, rgb));
        ObjectNode camera = meta.putObject("camera");
        camera.set("K", Json.rows3(LEVEL.intrinsics()));
        camera.put("nearM", 0.1);
        camera.set("cameraToWorld", Json.rows(LEVEL.cameraToWorld()));
        ArrayNode objects = meta.putArray("objects");
        objects.addObject().put("instanceId", 0).put("categoryId", 0).put("name", "ground");
        // the car: 4 m × 1.5 m × 1.8 m standing on y = −1.5 (1.5 m below the camera), 10 m ahead
        object(objects, 1, 1, new double[] {-2, 0, -0.9}, new double[] {2, 1.5, 0.9}, new Matrix4d().translation(0, -1.5, -10));
        // the cone: 0.4 × 0.7 × 0.4 at x 3, 8 m ahead (equal horizontal sides: length along its x)
        object(objects, 2, 2, new double[] {-0.2, 0, -0.2}, new double[] {0.2, 0.7, 0.2}, new Matrix4d().translation(3, -1.5, -8));
        ArrayNode annotations = meta.putArray("annotations");
        annotations.addObject().put("id", 1).put("category_id", 1).put("instance_id", 1)
                .putArray("bbox").add(250).add(200).add(140).add(60);
        ObjectNode cone = annotations.addObject().put("id", 2).put("category_id", 2).put("instance_id", 2)
                .put("occlusion", 0.3).put("truncation", 0.25);
        cone.putArray("bbox").add(490).add(250).add(12).add(40);
        AtomicFiles.write(out.resolve(OutputLayout.meta(0)), Json.MAPPER.writeValueAsBytes(meta));
        return out;
    }

    private static void object(ArrayNode objects, int instance, int category, double[] min, double[] max, Matrix4d boxToWorld) {
        ObjectNode o = objects.addObject().put("instanceId", instance).put("categoryId", category).put("name", "o" + instance);
        ObjectNode box = o.putObject("box3d");
        box.putArray("min").add(min[0]).add(min[1]).add(min[2]);
        box.putArray("max").add(max[0]).add(max[1]).add(max[2]);
        box.set("boxToWorld", Json.rows(boxToWorld));
    }

    @Test
    void exportsAHandMadeDatasetIntoKittiFolders() throws IOException {
        Path data = handMadeDataset(RgbEncoding.PNG);
        KittiExporter.Result r = KittiExporter.export(data);
        Path kitti = data.resolve("kitti");
        assertEquals(new KittiExporter.Result(kitti, 1, 2, 1, 0, "png", 1), r);
        assertTrue(Files.isSameFile(data.resolve("rgb/000000.png"), kitti.resolve("image_2/000000.png")), "a hard link");
        // car: bottom centre (0, −1.5, −10) → (0, 1.5, 10); length along +x → ry 0; straight ahead → alpha 0;
        // corners within the image (x ±2 at 9.1 m: u = 320 ± 109.9), so truncation 0; no occlusion field → 3.
        // cone: fields from the annotation (0.25; 0.3 → partly occluded); alpha = 0 − atan2(3, 8) = −0.3588
        assertEquals("Car 0.00 3 0.00 250.00 200.00 390.00 260.00 1.50 1.80 4.00 0.00 1.50 10.00 0.00\n"
                        + "Traffic_cone 0.25 1 -0.36 490.00 250.00 502.00 290.00 0.70 0.40 0.40 3.00 1.50 8.00 0.00\n",
                Files.readString(kitti.resolve("label_2/000000.txt")));
        assertEquals(KittiExporter.calib(LEVEL.intrinsics()), Files.readString(kitti.resolve("calib/000000.txt")));
        assertTrue(Files.notExists(kitti.resolve("label_2/000001.txt")), "frame 1 has no meta: skipped");

        // a rerun replaces everything in place and leaves no temporary files
        assertEquals(r, KittiExporter.export(data, kitti));
        try (var files = Files.walk(kitti)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void aJpegDatasetGetsJpgImages() throws IOException {
        Path data = handMadeDataset(new RgbEncoding(RgbEncoding.Format.JPEG, 90));
        Path kitti = tmp.resolve("elsewhere/kitti");
        KittiExporter.Result r = KittiExporter.export(data, kitti);
        assertEquals("jpg", r.imageExtension());
        assertTrue(Files.isSameFile(data.resolve("rgb/000000.jpg"), kitti.resolve("image_2/000000.jpg")));
        assertTrue(Files.notExists(kitti.resolve("image_2/000000.png")));
    }

    @Test
    void aFolderThatIsNoReadableDatasetIsRefusedNamingTheFile() throws IOException {
        var noManifest = assertThrows(InvalidDatasetException.class, () -> KittiExporter.export(tmp.resolve("nothing")));
        assertTrue(noManifest.getMessage().contains("dataset.json"), noManifest.getMessage());

        Path data = handMadeDataset(RgbEncoding.PNG);
        Path metaFile = data.resolve(OutputLayout.meta(0));
        String meta = Files.readString(metaFile);
        Files.writeString(metaFile, meta.replace("\"category_id\" : 2", "\"category_id\" : 9"));
        var unknown = assertThrows(InvalidDatasetException.class, () -> KittiExporter.export(data));
        assertTrue(unknown.getMessage().contains("category 9") && unknown.getMessage().contains(metaFile.toString()), unknown.getMessage());

        Files.writeString(metaFile, meta.substring(0, meta.length() / 2));
        var malformed = assertThrows(InvalidDatasetException.class, () -> KittiExporter.export(data));
        assertTrue(malformed.getMessage().startsWith(metaFile + ": malformed JSON"), malformed.getMessage());

        Files.writeString(metaFile, meta);
        Files.delete(data.resolve("rgb/000000.png"));
        var noImage = assertThrows(InvalidDatasetException.class, () -> KittiExporter.export(data));
        assertTrue(noImage.getMessage().contains("000000.png: missing"), noImage.getMessage());

        Files.delete(data.resolve(OutputLayout.COCO));
        var noCoco = assertThrows(InvalidDatasetException.class, () -> KittiExporter.export(data));
        assertTrue(noCoco.getMessage().contains("coco.json"), noCoco.getMessage());
        assertEquals(data.resolve("kitti"), KittiExporter.defaultTarget(data));
    }
}
