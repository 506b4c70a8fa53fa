package dev.mirage.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mirage.label.CocoRle;
import dev.mirage.label.PolygonRaster;
import dev.mirage.label.Polygons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YOLO export of small hand-made datasets: every expected label line is worked out by hand
 * from the COCO box or mask (cx = (x + w/2) / W and so on), class ids are the categories' places
 * in id order, and data.yaml is read back with a YAML parser.
 */
class YoloExporterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A COCO file under construction, with the RGB files it names. */
    private final class Fixture {
        final Path root = tmp.resolve("dataset");
        final ObjectNode coco = JSON.createObjectNode();
        final ArrayNode images = coco.putArray("images");
        final ArrayNode annotations = coco.putArray("annotations");
        final ArrayNode categories = coco.putArray("categories");
        int nextAnnotation = 1;

        Fixture image(int id, String file, int width, int height) throws IOException {
            images.addObject().put("id", id).put("file_name", file).put("width", width).put("height", height);
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "pixels of " + file);
            return this;
        }

        Fixture category(int id, String name) {
            categories.addObject().put("id", id).put("name", name).put("supercategory", "thing");
            return this;
        }

        /** An annotation whose mask is the given row-major mask; its box and area follow from the mask. */
        ObjectNode annotation(int imageId, int categoryId, boolean[] mask, int width, int height) {
            int minX = width, minY = height, maxX = -1, maxY = -1, area = 0;
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    if (mask[y * width + x]) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                        area++;
                    }
            ObjectNode a = annotations.addObject().put("id", nextAnnotation++).put("image_id", imageId).put("category_id", categoryId);
            a.putArray("bbox").add(minX).add(minY).add(maxX - minX + 1).add(maxY - minY + 1);
            a.put("area", area);
            ObjectNode seg = a.putObject("segmentation");
            seg.putArray("size").add(height).add(width);
            seg.put("counts", CocoRle.encode(mask, width, height).toCompressedString());
            a.put("iscrowd", 0);
            return a;
        }

        Path write() throws IOException {
            Files.createDirectories(root.resolve("annotations"));
            JSON.writeValue(root.resolve(OutputLayout.COCO).toFile(), coco);
            return root;
        }
    }

    private static boolean[] rect(int width, int height, int x0, int y0, int w, int h) {
        boolean[] m = new boolean[width * height];
        for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) m[y * width + x] = true;
        return m;
    }

    /**
     * Three images (160x120, 10x8, 10x8 without annotations) and categories listed out of id order
     * (3 pole, 1 car, 7 sign), so classes are car 0, pole 1, sign 2.
     */
    private Path standardDataset() throws IOException {
        Fixture f = new Fixture();
        f.image(1, "rgb/000000.png", 160, 120).image(2, "rgb/000001.png", 10, 8).image(3, "rgb/000002.png", 10, 8);
        f.category(3, "pole").category(1, "car").category(7, "street \"sign\": big");
        f.annotation(1, 7, rect(160, 120, 10, 20, 30, 40), 160, 120);
        f.annotation(1, 1, rect(160, 120, 0, 0, 160, 120), 160, 120);
        f.annotation(2, 3, rect(10, 8, 4, 5, 3, 2), 10, 8);
        return f.write();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void detectionLinesAreNormalisedBoxCentresAndSizes() throws IOException {
        Path dataset = standardDataset();
        Path target = tmp.resolve("yolo");
        YoloExporter.Result r = YoloExporter.export(dataset, target, YoloExporter.Task.DETECT);
        // Sign (class 2), bbox [10, 20, 30, 40] in 160x120: cx = (10 + 15) / 160 = 0.15625,
        // cy = (20 + 20) / 120 = 0.333..., w = 30 / 160 = 0.1875, h = 40 / 120 = 0.333...
        // Car (class 0), the whole image: centre 0.5, 0.5, size 1 x 1.
        assertEquals(List.of("2 0.156250 0.333333 0.187500 0.333333", "0 0.500000 0.500000 1.000000 1.000000"),
                lines(target.resolve("labels/000000.txt")));
        // Pole (class 1), bbox [4, 5, 3, 2] in 10x8: cx = 5.5 / 10, cy = 6 / 8, w = 0.3, h = 0.25.
        assertEquals(List.of("1 0.550000 0.750000 0.300000 0.250000"), lines(target.resolve("labels/000001.txt")));
        assertEquals("", Files.readString(target.resolve("labels/000002.txt")), "an image without annotations gets an empty file");
        assertEquals(new YoloExporter.Result(target, 3, 3, 0, 3, 0), r);
    }

    @Test
    void segmentationLinesAreNormalisedOutlines() throws IOException {
        Path dataset = standardDataset();
        Path target = tmp.resolve("seg");
        YoloExporter.export(dataset, target, YoloExporter.Task.SEGMENT);
        // The 30x40 box at (10, 20): corners (10,20) (40,20) (40,60) (10,60) over 160 and 120.
        assertEquals(List.of("2 0.062500 0.166667 0.250000 0.166667 0.250000 0.500000 0.062500 0.500000",
                "0 0.000000 0.000000 1.000000 0.000000 1.000000 1.000000 0.000000 1.000000"),
                lines(target.resolve("labels/000000.txt")));
        // The 3x2 box at (4, 5) in 10x8: corners (4,5) (7,5) (7,7) (4,7).
        assertEquals(List.of("1 0.400000 0.625000 0.700000 0.625000 0.700000 0.875000 0.400000 0.875000"),
                lines(target.resolve("labels/000001.txt")));
    }

    /** Several parts and a hole: one line whose polygon, scaled back, has the mask's area and pixels. */
    @Test
    void multiPartMaskIsOneJoinedPolygon() throws IOException {
        int w = 20, h = 10;
        boolean[] m = rect(w, h, 1, 1, 6, 6);
        m[3 * w + 3] = m[3 * w + 4] = false; // a hole
        for (int y = 2; y < 9; y++) for (int x = 12; x < 18; x++) m[y * w + x] = true;
        m[9 * w + 0] = true;
        int pixels = 0;
        for (boolean b : m) if (b) pixels++;
        Fixture f = new Fixture().image(1, "rgb/000000.png", w, h).category(1, "thing");
        f.annotation(1, 1, m, w, h);
        Path target = tmp.resolve("yolo");
        YoloExporter.export(f.write(), target, YoloExporter.Task.SEGMENT);
        List<String> lines = lines(target.resolve("labels/000000.txt"));
        assertEquals(1, lines.size());
        String[] t = lines.get(0).split(" ");
        assertEquals("0", t[0]);
        double[] polygon = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) polygon[i - 1] = Double.parseDouble(t[i]) * (i % 2 == 1 ? w : h);
        assertEquals(pixels, Polygons.area(polygon), 1e-3);
        assertArrayEquals(m, PolygonRaster.evenOdd(List.of(polygon), w, h));
    }

    @Test
    void dataYamlNamesTheCategoriesInIdOrder() throws IOException {
        Path target = tmp.resolve("yolo");
        YoloExporter.export(standardDataset(), target, YoloExporter.Task.DETECT);
        JsonNode yaml = new YAMLMapper().readTree(target.resolve("data.yaml").toFile());
        assertEquals(target.toAbsolutePath().normalize().toString(), yaml.path("path").asText());
        assertEquals("images", yaml.path("train").asText());
        assertEquals("images", yaml.path("val").asText());
        assertEquals(3, yaml.path("nc").asInt());
        JsonNode names = yaml.path("names");
        assertEquals(3, names.size());
        assertEquals("car", names.path("0").asText());
        assertEquals("pole", names.path("1").asText());
        assertEquals("street \"sign\": big", names.path("2").asText());
        assertTrue(Files.readString(target.resolve("data.yaml")).contains("\n  0: \"car\"\n"), "integer keys, as Ultralytics reads them");
    }

    @Test
    void imagesAreHardLinksAndNoTemporaryFileRemains() throws IOException {
        Path dataset = standardDataset();
        Path target = tmp.resolve("yolo");
        YoloExporter.export(dataset, target, YoloExporter.Task.DETECT);
        for (String stem : List.of("000000", "000001", "000002")) {
            Path image = target.resolve("images/" + stem + ".png");
            assertTrue(Files.isSameFile(dataset.resolve("rgb/" + stem + ".png"), image), stem + " is a hard link");
            assertTrue(Files.isRegularFile(target.resolve("labels/" + stem + ".txt")));
        }
        try (Stream<Path> files = Files.walk(target)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void exportingAgainGivesTheSameFiles() throws IOException {
        Path dataset = standardDataset();
        Path target = tmp.resolve("yolo");
        YoloExporter.export(dataset, target, YoloExporter.Task.SEGMENT);
        String first = Files.readString(target.resolve("labels/000000.txt"));
        YoloExporter.Result again = YoloExporter.export(dataset, target, YoloExporter.Task.SEGMENT);
        assertEquals(first, Files.readString(target.resolve("labels/000000.txt")));
        assertEquals(3, again.linked());
    }

    /** COCO does not promise annotations grouped by image; a returning image keeps all its lines. */
    @Test
    void annotationsOutOfImageOrderAllLand() throws IOException {
        Fixture f = new Fixture().image(1, "rgb/a.png", 10, 10).image(2, "rgb/b.png", 10, 10).category(1, "thing");
        f.annotation(1, 1, rect(10, 10, 0, 0, 2, 2), 10, 10);
        f.annotation(2, 1, rect(10, 10, 0, 0, 10, 10), 10, 10);
        f.annotation(1, 1, rect(10, 10, 5, 5, 5, 5), 10, 10);
        Path target = tmp.resolve("yolo");
        YoloExporter.export(f.write(), target, YoloExporter.Task.DETECT);
        assertEquals(List.of("0 0.100000 0.100000 0.200000 0.200000", "0 0.750000 0.750000 0.500000 0.500000"),
                lines(target.resolve("labels/a.txt")));
        assertEquals(1, lines(target.resolve("labels/b.txt")).size());
    }

    @Test
    void crowdAnnotationsAreSkippedAndCounted() throws IOException {
        Fixture f = new Fixture().image(1, "rgb/000000.png", 10, 10).category(1, "thing");
        f.annotation(1, 1, rect(10, 10, 0, 0, 2, 2), 10, 10);
        f.annotation(1, 1, rect(10, 10, 4, 4, 2, 2), 10, 10).put("iscrowd", 1);
        Path target = tmp.resolve("yolo");
        YoloExporter.Result r = YoloExporter.export(f.write(), target, YoloExporter.Task.DETECT);
        assertEquals(1, r.labels());
        assertEquals(1, r.skipped());
        assertEquals(1, lines(target.resolve("labels/000000.txt")).size());
    }

    @Test
    void missingCocoFileIsAnInvalidDataset() {
        Path target = tmp.resolve("yolo");
        var e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(tmp.resolve("nothing"), target, YoloExporter.Task.DETECT));
        assertTrue(e.getMessage().contains("no annotations/coco.json"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void malformedCocoFileIsAnInvalidDataset() throws IOException {
        Path dataset = tmp.resolve("dataset");
        Files.createDirectories(dataset.resolve("annotations"));
        Files.writeString(dataset.resolve(OutputLayout.COCO), "{\"images\": [ {\"id\": 1,");
        var e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(dataset, tmp.resolve("yolo"), YoloExporter.Task.DETECT));
        assertTrue(e.getMessage().contains("coco.json: not valid JSON"), e.getMessage());
    }

    @Test
    void missingImageIsAnInvalidDatasetAndNothingIsWritten() throws IOException {
        Path dataset = standardDataset();
        Files.delete(dataset.resolve("rgb/000001.png"));
        Path target = tmp.resolve("yolo");
        var e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(dataset, target, YoloExporter.Task.DETECT));
        assertTrue(e.getMessage().contains("000001.png: missing"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void unknownCategoryOrImageIsAnInvalidDataset() throws IOException {
        Fixture f = new Fixture().image(1, "rgb/000000.png", 10, 10).category(1, "thing");
        f.annotation(1, 9, rect(10, 10, 0, 0, 2, 2), 10, 10);
        Path dataset = f.write();
        var e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(dataset, tmp.resolve("yolo"), YoloExporter.Task.DETECT));
        assertTrue(e.getMessage().contains("category 9"), e.getMessage());

        Fixture g = new Fixture().image(1, "rgb/000000.png", 10, 10).category(1, "thing");
        g.annotation(4, 1, rect(10, 10, 0, 0, 2, 2), 10, 10);
        Path other = g.write();
        e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(other, tmp.resolve("yolo2"), YoloExporter.Task.DETECT));
        assertTrue(e.getMessage().contains("image 4"), e.getMessage());
    }

    @Test
    void maskOfTheWrongSizeIsAnInvalidDataset() throws IOException {
        Fixture f = new Fixture().image(1, "rgb/000000.png", 10, 10).category(1, "thing");
        f.annotation(1, 1, rect(12, 10, 0, 0, 2, 2), 12, 10);
        Path dataset = f.write();
        var e = assertThrows(InvalidDatasetException.class,
                () -> YoloExporter.export(dataset, tmp.resolve("yolo"), YoloExporter.Task.SEGMENT));
        assertTrue(e.getMessage().contains("size [10,12], expected [10, 10]"), e.getMessage());
    }

    /** The class index follows the sorted ids, not the order of the categories list. */
    @Test
    void classIdsAreContiguousFromZero() throws IOException {
        Fixture f = new Fixture().image(1, "rgb/000000.png", 10, 10);
        List<Integer> ids = List.of(40, 5, 17, 2);
        for (int id : ids) f.category(id, "c" + id);
        for (int id : ids) f.annotation(1, id, rect(10, 10, 0, 0, 1, 1), 10, 10);
        Path target = tmp.resolve("yolo");
        YoloExporter.export(f.write(), target, YoloExporter.Task.DETECT);
        List<String> classes = new ArrayList<>();
        for (String line : lines(target.resolve("labels/000000.txt"))) classes.add(line.split(" ")[0]);
        assertEquals(List.of("3", "1", "2", "0"), classes, "40 -> 3, 5 -> 1, 17 -> 2, 2 -> 0");
    }
}
