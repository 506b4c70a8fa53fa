package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mirage.label.CocoRle;
import dev.mirage.label.PolygonRaster;
import dev.mirage.label.Polygons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@code scenes/street.json} (2 frames at 160×120), exports it with {@code mirage export
 * --format yolo} for detection (default target) and segmentation ({@code -o}), and checks the
 * labels against the COCO file: one line per annotation, every number in [0, 1], boxes re-derived
 * by hand, classes in category-id order, and polygons against the rendered masks (decoded by the
 * tests' own RLE decoder, rasterised by the tests' own even-odd and pycocotools rasterisers).
 */
class ExportCommandTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path out;
    static Path segmentTarget;
    static JsonNode coco;
    static CliRun detect;
    static CliRun segment;
    /** COCO category id to YOLO class: the category's place in id order. */
    static final Map<Integer, Integer> CLASSES = new TreeMap<>();

    @BeforeAll
    static void renderAndExport() throws IOException {
        out = tmp.resolve("street");
        CliRun render = CliRun.render(STREET, out, 2, 7, WIDTH, HEIGHT);
        assertEquals(0, render.exit(), render.describe());
        coco = JSON.readTree(out.resolve("annotations/coco.json").toFile());
        List<Integer> ids = new ArrayList<>();
        for (JsonNode c : coco.path("categories")) ids.add(c.path("id").asInt());
        ids.sort(null);
        for (int id : ids) CLASSES.put(id, CLASSES.size());
        detect = CliRun.of("export", out.toString(), "--format", "yolo");
        segmentTarget = tmp.resolve("segment");
        segment = CliRun.of("export", out.toString(), "--format", "yolo", "--task", "segment", "-o", segmentTarget.toString());
    }

    /** COCO annotations of an image, in file order. */
    static List<JsonNode> annotationsOf(int imageId) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode a : coco.path("annotations")) if (a.path("image_id").asInt() == imageId) list.add(a);
        return list;
    }

    static String stem(JsonNode image) {
        String name = Path.of(image.path("file_name").asText()).getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void bothExportsSucceedWithASummary() {
        assertEquals(0, detect.exit(), detect.describe());
        assertEquals(0, segment.exit(), segment.describe());
        int annotations = coco.path("annotations").size();
        assertTrue(annotations > 5, "the street shows several objects: " + annotations);
        assertTrue(detect.out().contains(out.resolve("yolo") + ": YOLO detect, 2 images (2 linked, 0 copied), "
                + annotations + " labels"), detect.describe());
        assertTrue(segment.out().contains("YOLO segment"), segment.describe());
        assertEquals("", detect.err() + segment.err());
    }

    /** Each label file parses: class in 0..nc-1, then 4 numbers (detect) or an even count of 6 or more (segment), all in [0, 1]. */
    @Test
    void everyLabelFileParsesWithOneLinePerAnnotation() throws IOException {
        for (Path target : List.of(out.resolve("yolo"), segmentTarget)) {
            boolean boxes = target.equals(out.resolve("yolo"));
            for (JsonNode image : coco.path("images")) {
                Path label = target.resolve("labels/" + stem(image) + ".txt");
                List<String> lines = Files.readAllLines(label);
                List<JsonNode> annotations = annotationsOf(image.path("id").asInt());
                assertEquals(annotations.size(), lines.size(), label.toString());
                for (int i = 0; i < lines.size(); i++) {
                    String[] t = lines.get(i).split(" ");
                    String where = label + " line " + (i + 1) + ": " + lines.get(i);
                    assertEquals(String.valueOf(CLASSES.get(annotations.get(i).path("category_id").asInt())), t[0], where);
                    if (boxes) assertEquals(5, t.length, where);
                    else assertTrue(t.length >= 7 && t.length % 2 == 1, where);
                    for (int k = 1; k < t.length; k++) {
                        assertTrue(t[k].matches("\\d\\.\\d{6}"), where);
                        double v = Double.parseDouble(t[k]);
                        assertTrue(v >= 0 && v <= 1, where);
                    }
                }
                assertTrue(Files.isSameFile(out.resolve(image.path("file_name").asText()),
                        target.resolve("images").resolve(Path.of(image.path("file_name").asText()).getFileName())));
            }
        }
    }

    /** cx = (x + w/2) / W, cy = (y + h/2) / H, w / W, h / H from each COCO bbox, 6 decimals. */
    @Test
    void detectionLinesFollowTheCocoBoxes() throws IOException {
        for (JsonNode image : coco.path("images")) {
            List<String> expected = new ArrayList<>();
            for (JsonNode a : annotationsOf(image.path("id").asInt())) {
                JsonNode b = a.path("bbox");
                double x = b.get(0).asDouble(), y = b.get(1).asDouble(), w = b.get(2).asDouble(), h = b.get(3).asDouble();
                expected.add(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f", CLASSES.get(a.path("category_id").asInt()),
                        (x + w / 2) / WIDTH, (y + h / 2) / HEIGHT, w / WIDTH, h / HEIGHT));
            }
            assertEquals(expected, Files.readAllLines(out.resolve("yolo/labels/" + stem(image) + ".txt")));
        }
    }

    @Test
    void dataYamlNamesTheCategoriesInIdOrder() throws IOException {
        for (Path target : List.of(out.resolve("yolo"), segmentTarget)) {
            JsonNode yaml = new YAMLMapper().readTree(target.resolve("data.yaml").toFile());
            assertEquals(target.toAbsolutePath().normalize().toString(), yaml.path("path").asText());
            assertEquals("images", yaml.path("train").asText());
            assertEquals("images", yaml.path("val").asText());
            Map<Integer, String> expected = new TreeMap<>();
            for (JsonNode c : coco.path("categories")) expected.put(CLASSES.get(c.path("id").asInt()), c.path("name").asText());
            Map<Integer, String> names = new TreeMap<>();
            yaml.path("names").properties().forEach(e -> names.put(Integer.valueOf(e.getKey()), e.getValue().asText()));
            assertEquals(expected, names);
            assertEquals(List.of(0, 1, 2), List.copyOf(names.keySet()), "street has three categories, classes 0..2");
        }
    }

    /**
     * The rendered masks: the traced polygons' area is within 1% of the pixel count (all masks
     * together, and each mask of 100 pixels or more; smaller ones within 2 pixels), both
     * rasterisers differ from the mask in at most a quarter of its boundary pixels, and each
     * exported segment line, scaled back to pixels, has the traced polygons' area.
     */
    @Test
    void polygonsMatchTheRenderedMasks() throws IOException {
        double totalError = 0, totalArea = 0, worst = 0;
        for (JsonNode image : coco.path("images")) {
            List<String> lines = Files.readAllLines(segmentTarget.resolve("labels/" + stem(image) + ".txt"));
            List<JsonNode> annotations = annotationsOf(image.path("id").asInt());
            for (int i = 0; i < annotations.size(); i++) {
                JsonNode a = annotations.get(i);
                String counts = a.path("segmentation").path("counts").asText();
                boolean[] mask = RleDecoder.mask(counts, HEIGHT, WIDTH);
                int pixels = 0;
                for (boolean b : mask) if (b) pixels++;
                assertEquals(a.path("area").asInt(), pixels);
                List<double[]> polygons = Polygons.trace(CocoRle.fromCompressedString(counts, HEIGHT, WIDTH));
                double error = Math.abs(Polygons.area(polygons) - pixels);
                String what = "annotation " + a.path("id") + " (" + pixels + " px): polygon area " + Polygons.area(polygons);
                assertTrue(pixels >= 100 ? error <= 0.01 * pixels : error <= 2, what);
                totalError += error;
                totalArea += pixels;
                worst = Math.max(worst, error / pixels);
                int boundary = boundaryPixels(mask);
                int wrong = Math.max(mismatches(mask, PolygonRaster.evenOdd(polygons, WIDTH, HEIGHT)),
                        mismatches(mask, PolygonRaster.pycocotools(polygons, WIDTH, HEIGHT)));
                assertTrue(wrong <= boundary / 4, what + ": " + wrong + " pixels differ, boundary " + boundary);

                String[] t = lines.get(i).split(" ");
                double[] exported = new double[t.length - 1];
                for (int k = 1; k < t.length; k++) exported[k - 1] = Double.parseDouble(t[k]) * (k % 2 == 1 ? WIDTH : HEIGHT);
                assertEquals(Polygons.area(polygons), Polygons.area(exported), 0.01, what + ": exported line");
            }
        }
        assertTrue(totalError <= 0.01 * totalArea, "total area error " + totalError + " of " + totalArea);
        System.out.printf(Locale.ROOT, "street masks: %.0f px, total area error %.2f px (%.4f%%), worst mask %.3f%%%n",
                totalArea, totalError, 100 * totalError / totalArea, 100 * worst);
    }

    @Test
    void unknownFormatListsTheSupportedOnes() {
        CliRun run = CliRun.of("export", out.toString(), "--format", "pascal");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().startsWith("mirage: --format: unknown format 'pascal'; supported: kitti, yolo"), run.describe());
    }

    @Test
    void unknownTaskListsTheSupportedOnes() {
        CliRun run = CliRun.of("export", out.toString(), "--format", "yolo", "--task", "pose", "-o", tmp.resolve("pose").toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("--task: unknown task 'pose' for yolo; supported: detect, segment"), run.describe());
        assertFalse(Files.exists(tmp.resolve("pose")));
    }

    @Test
    void missingDatasetIsBadInput() {
        Path nowhere = tmp.resolve("nowhere");
        CliRun run = CliRun.of("export", nowhere.toString(), "--format", "yolo");
        assertEquals(2, run.exit(), run.describe());
        assertEquals("mirage: " + nowhere + ": no annotations/coco.json; is it a Mirage dataset?", run.err().strip());
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void brokenDatasetIsBadInputWithoutAStackTrace() throws IOException {
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken.resolve("annotations"));
        Files.writeString(broken.resolve("annotations/coco.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"rgb/000000.png\", "
                + "\"width\": 4, \"height\": 4}], \"annotations\": [], \"categories\": []}");
        CliRun run = CliRun.of("export", broken.toString(), "--format", "yolo");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("000000.png: missing"), run.describe());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.describe());
    }

    @Test
    void formatIsRequiredAndHelpListsTheOptions() {
        CliRun missing = CliRun.of("export", out.toString());
        assertEquals(2, missing.exit(), missing.describe());
        assertTrue(missing.err().contains("--format"), missing.describe());
        CliRun help = CliRun.of("export", "--help");
        assertEquals(0, help.exit(), help.describe());
        for (String option : new String[] {"--format", "--task", "--output"}) assertTrue(help.out().contains(option), help.describe());
        assertTrue(CliRun.of("--help").out().contains("export"));
    }

    static int mismatches(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    static int boundaryPixels(boolean[] m) {
        int n = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (!m[y * WIDTH + x]) continue;
                if (x == 0 || y == 0 || x == WIDTH - 1 || y == HEIGHT - 1 || !m[y * WIDTH + x - 1] || !m[y * WIDTH + x + 1]
                        || !m[(y - 1) * WIDTH + x] || !m[(y + 1) * WIDTH + x]) n++;
            }
        }
        return n;
    }

    /** The KITTI format through the CLI: one label and one calib file per frame, P2's focal length from K. */
    @Test
    void kittiThroughTheCommandLine() throws java.io.IOException {
        CliRun run = CliRun.of("export", out.toString(), "--format", "kitti");
        assertEquals(0, run.exit(), run.describe());
        Path kitti = out.resolve("kitti");
        try (var labels = java.nio.file.Files.list(kitti.resolve("label_2"))) {
            assertEquals(java.nio.file.Files.list(out.resolve("meta")).count(), labels.count());
        }
        String calib = java.nio.file.Files.readString(kitti.resolve("calib/000000.txt"));
        double fx = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("meta/000000.json").toFile())
                .path("camera").path("K").get(0).get(0).asDouble();
        String p2 = calib.lines().filter(l -> l.startsWith("P2:")).findFirst().orElseThrow();
        assertEquals(fx, Double.parseDouble(p2.split("\\s+")[1]), 1e-6, p2);
        CliRun task = CliRun.of("export", out.toString(), "--format", "kitti", "--task", "segment");
        assertEquals(2, task.exit(), task.describe());
    }
}
