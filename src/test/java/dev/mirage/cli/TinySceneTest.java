package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@link TinyScene} from JSON and from YAML and checks the images against an analytic ray
 * cast of the same scene done here: which pixels see the box, the ground or the sky, and the planar
 * depth of each. This pins image orientation (top row first), the depth unit (millimetres along the
 * camera axis), 0 for "no surface", and the instance ids, end to end through the PNG files.
 */
class TinySceneTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path jsonOut;
    static Path yamlOut;
    static CliRun yamlValidate;

    @BeforeAll
    static void renderBoth() {
        Path json = TinyScene.write(tmp.resolve("json"), "tiny.json", TinyScene.JSON);
        Path yaml = TinyScene.write(tmp.resolve("yaml"), "tiny.yaml", TinyScene.YAML);
        jsonOut = tmp.resolve("json-out");
        yamlOut = tmp.resolve("yaml-out");
        CliRun a = CliRun.render(json, jsonOut, 1, 0, TinyScene.WIDTH, TinyScene.HEIGHT);
        assertEquals(0, a.exit(), a.describe());
        CliRun b = CliRun.render(yaml, yamlOut, 1, 0, TinyScene.WIDTH, TinyScene.HEIGHT);
        assertEquals(0, b.exit(), b.describe());
        yamlValidate = CliRun.of("validate", yaml.toString());
    }

    /** {@code validate} accepts the YAML scene and reports its size, category and objects. */
    @Test
    void yamlSceneValidates() {
        assertEquals(0, yamlValidate.exit(), yamlValidate.describe());
        assertTrue(yamlValidate.out().contains("ok"), yamlValidate.describe());
        assertTrue(yamlValidate.out().contains("64x48"), yamlValidate.describe());
        assertEquals("", yamlValidate.err());
    }

    /** YAML holds the same model as JSON: the same scene renders to the same bytes either way. */
    @Test
    void yamlRendersTheSameDatasetAsJson() {
        FolderSnapshot.of(jsonOut).assertSameBytes(FolderSnapshot.of(yamlOut), "JSON vs YAML render",
                p -> !p.equals("dataset.json")); // the manifest names the scene file and its hash
    }

    /** The box is the one labeled object: one annotation, category 1, and it covers the image centre. */
    @Test
    void theBoxIsTheOnlyAnnotation() throws IOException {
        JsonNode coco = JSON.readTree(jsonOut.resolve("annotations/coco.json").toFile());
        assertEquals(1, coco.get("annotations").size(), coco.toString());
        JsonNode a = coco.get("annotations").get(0);
        assertEquals(1, a.get("category_id").asInt());
        assertEquals(1, a.get("instance_id").asInt());
        JsonNode bbox = a.get("bbox");
        double x = bbox.get(0).asDouble(), y = bbox.get(1).asDouble(), w = bbox.get(2).asDouble(), h = bbox.get(3).asDouble();
        assertTrue(x < 32 && x + w > 32 && y < 24 && y + h > 24, "the look-at point projects into the box's bbox: " + bbox);
    }

    /**
     * Each pixel whose centre ray (and four rays 0.05 px around it, to skip pixels on an edge)
     * hits the box has instance 1 and the ray's planar depth; one that hits only the ground has
     * instance 0 and the ground's depth; one that hits nothing has instance 0 and depth 0.
     */
    @Test
    void pixelsMatchAnAnalyticRayCast() {
        DecodedPng ids = DecodedPng.gray16(jsonOut.resolve("instance/000000.png"));
        DecodedPng mm = DecodedPng.gray16(jsonOut.resolve("depth/000000.png"));
        PinholeCamera camera = new PinholeCamera(new double[] {0, 2, 6}, new double[] {0, 0.5, 0}, 50,
                TinyScene.WIDTH, TinyScene.HEIGHT);
        int[] seen = new int[3];
        List<String> wrong = new ArrayList<>();
        for (int y = 0; y < TinyScene.HEIGHT; y++) {
            for (int x = 0; x < TinyScene.WIDTH; x++) {
                Hit hit = hit(camera, x + 0.5, y + 0.5);
                boolean clear = true;
                for (double[] d : new double[][] {{-0.05, 0}, {0.05, 0}, {0, -0.05}, {0, 0.05}})
                    clear &= hit(camera, x + 0.5 + d[0], y + 0.5 + d[1]).what == hit.what;
                if (!clear) continue;
                seen[hit.what]++;
                int expectedId = hit.what == Hit.BOX ? 1 : 0;
                long expectedMm = hit.what == Hit.SKY ? 0 : Math.round(hit.depthM * 1000);
                int id = ids.at(x, y);
                int depth = mm.at(x, y);
                if (id != expectedId || Math.abs(depth - expectedMm) > 3)
                    wrong.add("(" + x + ", " + y + ") " + Hit.NAMES[hit.what] + ": expected id " + expectedId + ", depth "
                            + expectedMm + " mm; got id " + id + ", depth " + depth + " mm");
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " pixels disagree");
        assertTrue(seen[Hit.BOX] > 50 && seen[Hit.GROUND] > 50 && seen[Hit.SKY] > 50,
                "the view shows box, ground and sky: " + Arrays.toString(seen));
    }

    /** What a ray meets first, and its planar depth in metres. */
    private record Hit(int what, double depthM) {
        static final int SKY = 0, GROUND = 1, BOX = 2;
        static final String[] NAMES = {"sky", "ground", "box"};
    }

    private static Hit hit(PinholeCamera camera, double px, double py) {
        double[] o = camera.position;
        double[] d = camera.ray(px, py);
        double box = rayBox(o, d, new double[] {-0.5, 0, -0.5}, new double[] {0.5, 1, 0.5});
        if (box > 0) return new Hit(Hit.BOX, box);
        if (d[1] < 0) {
            double t = -o[1] / d[1];
            double gx = o[0] + t * d[0], gz = o[2] + t * d[2];
            if (Math.abs(gx) <= 10 && Math.abs(gz) <= 10) return new Hit(Hit.GROUND, t);
        }
        return new Hit(Hit.SKY, 0);
    }

    /** Slab test: the entry parameter of the ray o + t·d into the box, or −1 when it misses. */
    private static double rayBox(double[] o, double[] d, double[] min, double[] max) {
        double near = Double.NEGATIVE_INFINITY, far = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            if (d[i] == 0) {
                if (o[i] < min[i] || o[i] > max[i]) return -1;
                continue;
            }
            double t1 = (min[i] - o[i]) / d[i], t2 = (max[i] - o[i]) / d[i];
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        return near <= far && near > 0 ? near : -1;
    }

    /**
     * A pinhole camera with +Y up looking from {@code position} at {@code lookAt}; rays are scaled
     * so their component along the view axis is 1, so the ray parameter is the planar depth.
     */
    private static final class PinholeCamera {
        final double[] position;
        final double[] forward;
        final double[] right;
        final double[] up;
        final double focalPx;
        final int width, height;

        PinholeCamera(double[] position, double[] lookAt, double fovYDeg, int width, int height) {
            this.position = position;
            this.forward = normalize(new double[] {lookAt[0] - position[0], lookAt[1] - position[1], lookAt[2] - position[2]});
            this.right = normalize(cross(forward, new double[] {0, 1, 0}));
            this.up = cross(right, forward);
            this.focalPx = (height / 2.0) / Math.tan(Math.toRadians(fovYDeg) / 2);
            this.width = width;
            this.height = height;
        }

        /** The ray through image point (px, py), origin top-left, in pixels. */
        double[] ray(double px, double py) {
            double u = (px - width / 2.0) / focalPx;
            double v = -(py - height / 2.0) / focalPx;
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) r[i] = forward[i] + u * right[i] + v * up[i];
            return r;
        }

        private static double[] cross(double[] a, double[] b) {
            return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
        }

        private static double[] normalize(double[] v) {
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            return new double[] {v[0] / n, v[1] / n, v[2] / n};
        }
    }
}
