package dev.mirage.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.label.CocoRle;
import dev.mirage.label.Polygons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts a dataset folder to the Ultralytics YOLO layout, reading only
 * {@code annotations/coco.json} and the RGB images it lists:
 * <pre>
 * TARGET/
 *   images/000000.png    hard link to the dataset's RGB file (a copy where linking fails)
 *   labels/000000.txt    one line per annotation; empty for an image without any
 *   data.yaml            path (absolute), train and val (both images/), nc, names {0: name, ...}
 * </pre>
 * <b>Classes.</b> YOLO wants class ids 0..nc−1, so a category's class is its index among the COCO
 * categories sorted by id, and {@code names} lists them in that order.
 *
 * <p><b>Lines.</b> {@link Task#DETECT}: {@code class cx cy w h}, the COCO box's centre and size
 * divided by the image's width and height. {@link Task#SEGMENT}: {@code class x1 y1 x2 y2 ...},
 * the outline of the annotation's RLE mask from {@link Polygons#trace(CocoRle)} (vertices on pixel
 * corners, 0.5 px simplification, holes bridged in), divided by width and height. A mask of
 * several parts is written as one polygon, the parts joined by zero-width bridges
 * ({@link Polygons#join}), as Ultralytics' own COCO converter ({@code merge_multi_segment}) does:
 * nothing is lost, and an even-odd fill (OpenCV's {@code fillPoly}) gives the parts back. Numbers
 * have 6 decimals and lie in [0, 1]. Crowd annotations are skipped, as Ultralytics' converter
 * skips them, and so are empty boxes and empty masks; {@link Result#skipped} counts them (Mirage
 * writes none of the three).
 *
 * <p><b>Writes.</b> Every file goes to a temporary name and is renamed into place
 * ({@link AtomicFiles} for text; link or copy then rename for images); {@code data.yaml} is written
 * last. Exporting again over the same target replaces the files it writes and leaves any others.
 * The COCO file is streamed twice (images and categories, then annotations) so memory does not
 * grow with the number of annotations.
 *
 * <p>Thread safety: stateless; concurrent exports must use different targets.
 */
public final class YoloExporter {
    /** What the label lines describe. */
    public enum Task {
        /** Boxes: {@code class cx cy w h}. */
        DETECT,
        /** Polygons: {@code class x1 y1 x2 y2 ...}. */
        SEGMENT;

        /** The name on the command line and in Ultralytics: {@code detect}, {@code segment}. */
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * What an export wrote.
     *
     * @param target  the YOLO folder
     * @param images  images placed (one label file each)
     * @param labels  label lines written
     * @param skipped annotations without a line (crowd, empty box or mask)
     * @param linked  images hard-linked
     * @param copied  images copied because linking failed
     */
    public record Result(Path target, int images, long labels, long skipped, int linked, int copied) {}

    public static final String DATA_YAML = "data.yaml";

    private record Image(String file, String stem, int width, int height) {}

    private record Catalog(Map<Long, Image> images, TreeMap<Long, String> categories) {}

    private YoloExporter() {}

    /** Where {@code mirage export --format yolo} writes without {@code -o}: {@code DATASET/yolo}. */
    public static Path defaultTarget(Path dataset) {
        return dataset.resolve("yolo");
    }

    /**
     * Exports {@code dataset} into {@code target}.
     *
     * @throws InvalidDatasetException when the dataset cannot be read as described above (nothing
     *                                 is written when the COCO file's images or categories are wrong
     *                                 or an image is missing)
     * @throws IOException             when reading or writing fails
     */
    public static Result export(Path dataset, Path target, Task task) throws IOException {
        Path coco = dataset.resolve(OutputLayout.COCO);
        if (!Files.isRegularFile(coco))
            throw new InvalidDatasetException(dataset + ": no " + OutputLayout.COCO + "; is it a Mirage dataset?");
        Catalog catalog = readCatalog(coco);
        for (Image image : catalog.images.values()) {
            if (!Files.isRegularFile(dataset.resolve(image.file)))
                throw new InvalidDatasetException(dataset.resolve(image.file) + ": missing (listed in " + coco + ")");
        }
        Files.createDirectories(target.resolve("images"));
        Files.createDirectories(target.resolve("labels"));
        int linked = 0;
        for (Image image : catalog.images.values()) {
            Path name = Path.of(image.file).getFileName();
            if (AtomicFiles.linkOrCopy(dataset.resolve(image.file), target.resolve("images").resolve(name))) linked++;
        }
        Map<Long, Integer> classes = new HashMap<>();
        for (long id : catalog.categories.keySet()) classes.put(id, classes.size());
        LabelWriter labels = new LabelWriter(coco, target.resolve("labels"), catalog.images, classes, task);
        labels.writeAll();
        AtomicFiles.writeString(target.resolve(DATA_YAML), dataYaml(target, catalog.categories, task));
        int images = catalog.images.size();
        return new Result(target, images, labels.lines, labels.skipped, linked, images - linked);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** First pass: the images and categories, every other field skipped unread. */
    private static Catalog readCatalog(Path coco) throws IOException {
        Map<Long, Image> images = new LinkedHashMap<>();
        Set<String> stems = new HashSet<>();
        TreeMap<Long, String> categories = new TreeMap<>();
        forEachInArrays(coco, Set.of("images", "categories"), (field, n) -> {
            if (field.equals("images")) {
                long id = integer(coco, n, "id");
                String file = n.path("file_name").asText("");
                int width = (int) integer(coco, n, "width"), height = (int) integer(coco, n, "height");
                if (file.isEmpty() || width <= 0 || height <= 0)
                    throw new InvalidDatasetException(coco + ": image " + id + " needs a file_name and a positive width and height");
                String name = Path.of(file).getFileName().toString();
                int dot = name.lastIndexOf('.');
                String stem = dot > 0 ? name.substring(0, dot) : name;
                if (!stems.add(stem))
                    throw new InvalidDatasetException(coco + ": two images named " + stem + ".*; YOLO pairs images and labels by name");
                if (images.put(id, new Image(file, stem, width, height)) != null)
                    throw new InvalidDatasetException(coco + ": image id " + id + " appears twice");
            } else {
                long id = integer(coco, n, "id");
                if (categories.put(id, n.path("name").asText()) != null)
                    throw new InvalidDatasetException(coco + ": category id " + id + " appears twice");
            }
        });
        return new Catalog(images, categories);
    }

    @FunctionalInterface
    private interface ElementHandler {
        void accept(String field, JsonNode element) throws IOException;
    }

    /** Streams the COCO file, handing each element of the named top-level arrays to {@code handler}. */
    private static void forEachInArrays(Path coco, Set<String> fields, ElementHandler handler) throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(coco.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new InvalidDatasetException(coco + ": not a COCO JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!fields.contains(field)) {
                    p.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    throw new InvalidDatasetException(coco + ": \"" + field + "\" is not an array");
                } else {
                    while (p.nextToken() != JsonToken.END_ARRAY) handler.accept(field, Json.MAPPER.readTree(p));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(coco + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
    }

    private static long integer(Path coco, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber())
            throw new InvalidDatasetException(coco + ": expected an integer \"" + field + "\" in " + n);
        return v.asLong();
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * Second pass: annotations to label lines. Lines are gathered per image and written when the
     * next image's annotations begin (Mirage groups them by image, so each file is written once);
     * an image whose annotations come back later has its file rewritten with the extra lines.
     */
    private static final class LabelWriter {
        private final Path coco;
        private final Path folder;
        private final Map<Long, Image> images;
        private final Map<Long, Integer> classes;
        private final Task task;
        private final Set<Long> written = new HashSet<>();
        private long current = Long.MIN_VALUE;
        private StringBuilder pending = new StringBuilder();
        long lines;
        long skipped;

        LabelWriter(Path coco, Path folder, Map<Long, Image> images, Map<Long, Integer> classes, Task task) {
            this.coco = coco;
            this.folder = folder;
            this.images = images;
            this.classes = classes;
            this.task = task;
        }

        void writeAll() throws IOException {
            forEachInArrays(coco, Set.of("annotations"), (field, a) -> add(a));
            flush();
            for (Map.Entry<Long, Image> e : images.entrySet())
                if (!written.contains(e.getKey())) AtomicFiles.writeString(file(e.getValue()), "");
        }

        private void add(JsonNode a) throws IOException {
            long imageId = integer(coco, a, "image_id");
            Image image = images.get(imageId);
            if (image == null)
                throw new InvalidDatasetException(coco + ": annotation " + a.path("id") + " names image " + imageId + ", which is not listed");
            if (imageId != current) {
                flush();
                current = imageId;
            }
            Integer cls = classes.get(integer(coco, a, "category_id"));
            if (cls == null)
                throw new InvalidDatasetException(coco + ": annotation " + a.path("id") + " names category "
                        + a.path("category_id") + ", which is not listed");
            String line = a.path("iscrowd").asInt(0) != 0 ? null
                    : task == Task.DETECT ? YoloLines.box(coco, a, image.width, image.height, cls)
                    : YoloLines.polygon(coco, a, image.width, image.height, cls);
            if (line == null) {
                skipped++;
                return;
            }
            pending.append(line).append('\n');
            lines++;
        }

        private void flush() throws IOException {
            if (current == Long.MIN_VALUE) return;
            Path file = file(images.get(current));
            String text = pending.toString();
            if (!written.add(current)) text = Files.readString(file) + text;
            AtomicFiles.writeString(file, text);
            pending = new StringBuilder();
        }

        private Path file(Image image) {
            return folder.resolve(image.stem + ".txt");
        }
    }

    /** Label lines; {@code null} when the annotation has nothing to draw. */
    private static final class YoloLines {
        private YoloLines() {}

        static String box(Path coco, JsonNode a, int width, int height, int cls) {
            JsonNode b = a.path("bbox");
            if (b.size() != 4) throw new InvalidDatasetException(coco + ": annotation " + a.path("id") + " has no bbox [x, y, w, h]");
            double x = b.get(0).asDouble(), y = b.get(1).asDouble(), w = b.get(2).asDouble(), h = b.get(3).asDouble();
            if (w <= 0 || h <= 0) return null;
            if (x < 0 || y < 0 || x + w > width || y + h > height)
                throw new InvalidDatasetException(coco + ": annotation " + a.path("id") + " has bbox " + b
                        + " outside its " + width + "x" + height + " image");
            return cls + " " + decimal((x + w / 2) / width) + " " + decimal((y + h / 2) / height)
                    + " " + decimal(w / width) + " " + decimal(h / height);
        }

        static String polygon(Path coco, JsonNode a, int width, int height, int cls) {
            double[] p = Polygons.join(polygons(coco, a, width, height));
            if (p.length < 6) return null;
            StringBuilder line = new StringBuilder().append(cls);
            for (int i = 0; i < p.length; i += 2)
                line.append(' ').append(decimal(p[i] / width)).append(' ').append(decimal(p[i + 1] / height));
            return line.toString();
        }

        /**
         * The annotation's segmentation as polygons: traced from RLE (compressed, as Mirage writes
         * it, or as a list of counts), or COCO polygons as given.
         */
        private static List<double[]> polygons(Path coco, JsonNode a, int width, int height) {
            JsonNode s = a.path("segmentation");
            String where = coco + ": annotation " + a.path("id") + " segmentation";
            if (s.isArray()) {
                List<double[]> polygons = new ArrayList<>();
                for (JsonNode ring : s) {
                    double[] xy = new double[ring.size()];
                    for (int i = 0; i < xy.length; i++) {
                        xy[i] = ring.get(i).asDouble();
                        if (!(xy[i] >= 0 && xy[i] <= (i % 2 == 0 ? width : height)))
                            throw new InvalidDatasetException(where + ": polygon point outside the " + width + "x" + height + " image");
                    }
                    if (xy.length >= 6 && xy.length % 2 == 0) polygons.add(xy);
                }
                return polygons;
            }
            JsonNode size = s.path("size");
            if (size.size() != 2 || size.get(0).asInt() != height || size.get(1).asInt() != width)
                throw new InvalidDatasetException(where + ": size " + size + ", expected [" + height + ", " + width + "]");
            JsonNode counts = s.path("counts");
            try {
                CocoRle rle;
                if (counts.isTextual()) {
                    rle = CocoRle.fromCompressedString(counts.asText(), height, width);
                } else if (counts.isArray()) {
                    int[] runs = new int[counts.size()];
                    for (int i = 0; i < runs.length; i++) runs[i] = counts.get(i).asInt();
                    rle = new CocoRle(height, width, runs);
                } else {
                    throw new InvalidDatasetException(where + ": expected RLE counts or polygons");
                }
                return Polygons.trace(rle);
            } catch (IllegalArgumentException e) {
                throw new InvalidDatasetException(where + ": " + e.getMessage());
            }
        }

        /** Six decimals, '.' whatever the locale. */
        static String decimal(double v) {
            return String.format(Locale.ROOT, "%.6f", v);
        }
    }

    /** Ultralytics' dataset file; {@code path} is absolute because Ultralytics resolves a relative one against its own datasets folder. */
    private static String dataYaml(Path target, TreeMap<Long, String> categories, Task task) {
        StringBuilder y = new StringBuilder();
        y.append("# Ultralytics YOLO dataset (task: ").append(task.label()).append("), exported by mirage export.\n");
        y.append("# train and val are the same images: split them before judging a model on val.\n");
        y.append("path: ").append(quote(target.toAbsolutePath().normalize().toString())).append('\n');
        y.append("train: images\n");
        y.append("val: images\n");
        y.append("nc: ").append(categories.size()).append('\n');
        if (categories.isEmpty()) {
            y.append("names: {}\n");
        } else {
            y.append("names:\n");
            int index = 0;
            for (String name : categories.values()) y.append("  ").append(index++).append(": ").append(quote(name)).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar: any name reads back as itself. */
    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }
}
