package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.dataset.KittiExporter;
import dev.mirage.label.Box3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector4d;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code scenes/bench.json} (2 frames at 160×120), exports it to KITTI and checks the export
 * against the dataset's own records, and the 3D boxes against the rendered masks.
 */
class KittiExportTest {
    static final Path BENCH = Path.of("scenes/bench.json");
    static final int FRAMES = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path out;
    static KittiExporter.Result result;
    static Map<Integer, String> categories = new HashMap<>();

    @BeforeAll
    static void renderAndExport() throws IOException {
        out = tmp.resolve("bench");
        CliRun run = CliRun.render(BENCH, out, FRAMES, 0, 160, 120);
        assertEquals(0, run.exit(), run.describe());
        result = KittiExporter.export(out);
        for (JsonNode c : JSON.readTree(out.resolve("annotations/coco.json").toFile()).path("categories"))
            categories.put(c.path("id").asInt(), c.path("name").asText());
    }

    static JsonNode meta(int frame) throws IOException {
        return JSON.readTree(out.resolve(String.format("meta/%06d.json", frame)).toFile());
    }

    static List<String> labelLines(int frame) throws IOException {
        return Files.readAllLines(out.resolve(String.format("kitti/label_2/%06d.txt", frame)));
    }

    static double[] numbers(JsonNode rows) {
        double[] out = new double[rows.size() * rows.get(0).size()];
        int n = 0;
        for (JsonNode row : rows) for (JsonNode v : row) out[n++] = v.asDouble();
        return out;
    }

    static Matrix4d matrix(JsonNode rows) {
        double[] m = numbers(rows);
        Matrix4d out = new Matrix4d();
        for (int r = 0; r < 4; r++) out.setRow(r, new Vector4d(m[4 * r], m[4 * r + 1], m[4 * r + 2], m[4 * r + 3]));
        return out;
    }

    @Test
    void everyFrameIsExportedWithLinkedImages() throws IOException {
        long annotations = 0;
        for (int f = 0; f < FRAMES; f++) annotations += meta(f).path("annotations").size();
        assertEquals(new KittiExporter.Result(out.resolve("kitti"), FRAMES, annotations, FRAMES, 0, "png", 0), result);
        assertTrue(annotations > 10, "the bench scene shows many objects: " + annotations);
        for (int f = 0; f < FRAMES; f++) {
            String stem = String.format("%06d", f);
            assertTrue(Files.isSameFile(out.resolve("rgb/" + stem + ".png"), out.resolve("kitti/image_2/" + stem + ".png")));
        }
    }

    /** One line per annotation, in order: 15 fields, the category's type, COCO's box, plausible values. */
    @Test
    void labelLinesMatchTheCocoAnnotations() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            JsonNode annotations = meta(f).path("annotations");
            List<String> lines = labelLines(f);
            assertEquals(annotations.size(), lines.size(), "frame " + f);
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(" ");
                JsonNode a = annotations.get(i);
                String where = "frame " + f + " line " + i + ": " + lines.get(i);
                assertEquals(15, fields.length, where);
                assertEquals(KittiExporter.typeName(categories.get(a.path("category_id").asInt())), fields[0], where);
                double truncated = Double.parseDouble(fields[1]);
                assertTrue(truncated >= 0 && truncated <= 1, where);
                assertTrue(List.of("0", "1", "2", "3").contains(fields[2]), where);
                if (a.has("occlusion")) { // measured by the renderer: used as they are
                    assertEquals(KittiExporter.occlusionLevel(a.path("occlusion").asDouble()), Integer.parseInt(fields[2]), where);
                    assertEquals(a.path("truncation").asDouble(), truncated, 0.005, where);
                }
                assertTrue(Math.abs(Double.parseDouble(fields[3])) <= Math.PI + 0.005, where);
                JsonNode b = a.path("bbox");
                double x = b.get(0).asDouble(), y = b.get(1).asDouble();
                double[] expected = {x, y, x + b.get(2).asDouble(), y + b.get(3).asDouble()};
                for (int k = 0; k < 4; k++) assertEquals(expected[k], Double.parseDouble(fields[4 + k]), 0.005, where);
                assertTrue(Double.parseDouble(fields[13]) > 0, "in front of the camera: " + where);
                assertTrue(Math.abs(Double.parseDouble(fields[14])) <= Math.PI + 0.005, where);
                if (fields[0].equals("Car")) {
                    // the bench cars are 4.5 m long, 1.5 m tall, 1.8 m wide, standing on the ground
                    assertEquals(List.of("1.50", "1.80", "4.50"), List.of(fields[8], fields[9], fields[10]), where);
                }
            }
        }
    }

    @Test
    void calibP2IsTheFramesK() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            double[] k = numbers(meta(f).path("camera").path("K"));
            List<String> calib = Files.readAllLines(out.resolve(String.format("kitti/calib/%06d.txt", f)));
            assertEquals(List.of("P0", "P1", "P2", "P3", "R0_rect", "Tr_velo_to_cam", "Tr_imu_to_velo"),
                    calib.stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
            String[] p2 = calib.get(2).substring(4).split(" ");
            assertEquals(12, p2.length);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) assertEquals(k[3 * r + c], Double.parseDouble(p2[4 * r + c]), 1e-9 * Math.max(1, Math.abs(k[3 * r + c])));
                assertEquals(0, Double.parseDouble(p2[4 * r + 3]));
            }
        }
    }

    /** The visible mask lies inside the projection of the object's box, so the box's 2D extent holds COCO's bbox. */
    @Test
    void eachCarsProjectedBoxContainsItsCocoBox() throws IOException {
        int cars = 0;
        for (int f = 0; f < FRAMES; f++) {
            JsonNode meta = meta(f);
            JsonNode camera = meta.path("camera");
            Box3d.Pinhole pinhole = Box3d.Pinhole.of(numbers(camera.path("K")), meta.path("width").asInt(), meta.path("height").asInt(),
                    camera.path("nearM").asDouble());
            Matrix4d worldToCamera = matrix(camera.path("cameraToWorld")).invert();
            Map<Integer, JsonNode> objects = new HashMap<>();
            for (JsonNode o : meta.path("objects")) objects.put(o.path("instanceId").asInt(), o);
            for (JsonNode a : meta.path("annotations")) {
                if (!categories.get(a.path("category_id").asInt()).equals("car")) continue;
                JsonNode box3d = objects.get(a.path("instance_id").asInt()).path("box3d");
                Box3d box = Box3d.of(worldToCamera, numbers(JSON.createArrayNode().add(box3d.path("min"))),
                        numbers(JSON.createArrayNode().add(box3d.path("max"))), matrix(box3d.path("boxToWorld")));
                Box3d.Rect extent = box.imageExtent(pinhole).orElseThrow();
                JsonNode b = a.path("bbox");
                double x = b.get(0).asDouble(), y = b.get(1).asDouble(), w = b.get(2).asDouble(), h = b.get(3).asDouble();
                String where = "frame " + f + " instance " + a.path("instance_id") + ": box " + extent + ", COCO " + b;
                assertTrue(extent.left() <= x + 2 && extent.top() <= y + 2, where);
                assertTrue(extent.right() >= x + w - 2 && extent.bottom() >= y + h - 2, where);
                cars++;
            }
        }
        assertTrue(cars >= 4, "cars checked: " + cars);
    }
}
