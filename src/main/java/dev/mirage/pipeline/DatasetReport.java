package dev.mirage.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirage.dataset.InvalidDatasetException;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.pipeline.SampleStats.Numbers;
import dev.mirage.randomize.SampleLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joml.Vector3d;

/**
 * What {@code mirage report} shows about a dataset folder, read from its files only: the COCO file
 * (categories, images with their {@code conditions}, annotations) and each frame's meta file (its
 * sampled values, and its conditions where the COCO entry has none). Immutable once read.
 *
 * <p>Per annotation it measures {@link Measure}s: the distance from the camera (an annotation's
 * {@code distance} when it has one, else the length of its 3D box centre {@code bbox3d.centre},
 * which is in camera coordinates), the box height in pixels ({@code bbox[3]}), the visible area in
 * pixels ({@code area}), {@code occlusion} and {@code truncation}. A value an annotation lacks is
 * left out of that measure (counted as non-finite).
 *
 * <p>Thread safety: immutable after {@link #read}.
 */
public final class DatasetReport {
    /** A per-annotation quantity the report plots. */
    public enum Measure {
        DISTANCE("distance", "distance from the camera (m)"),
        BOX_HEIGHT("boxHeightPx", "box height (px)"),
        AREA("areaPx", "visible area (px)"),
        OCCLUSION("occlusion", "occlusion (share of the object hidden by others)"),
        TRUNCATION("truncation", "truncation (share of the object outside the image)");

        public final String key, title;

        Measure(String key, String title) {
            this.key = key;
            this.title = title;
        }
    }

    /** One COCO category. */
    public record Category(int id, String name) {}

    /** One annotation's category and {@link Measure}s (NaN where it has none). */
    public record Annotation(int categoryId, double[] measures) {
        public double measure(Measure m) {
            return measures[m.ordinal()];
        }
    }

    /** One image of the COCO file: frame index (image id − 1), conditions, annotations. */
    public record Frame(int frame, Map<String, String> textConditions, Map<String, Double> numberConditions,
                        List<Annotation> annotations) {
        public Frame {
            textConditions = Map.copyOf(textConditions);
            numberConditions = Map.copyOf(numberConditions);
            annotations = List.copyOf(annotations);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final String name;
    private final List<Category> categories;
    private final List<Frame> frames;
    private final SampleStats.Summary sampled;
    private final int metaFiles;
    /** The run's {@code annotations/acceptance.json} (constraints and coverage), or null when it has none. */
    private final JsonNode acceptance;

    private DatasetReport(Path folder, String name, List<Category> categories, List<Frame> frames, SampleStats.Summary sampled,
                          int metaFiles, JsonNode acceptance) {
        this.acceptance = acceptance;
        this.folder = folder;
        this.name = name;
        this.categories = List.copyOf(categories);
        this.frames = List.copyOf(frames);
        this.sampled = sampled;
        this.metaFiles = metaFiles;
    }

    /** The run's acceptance statistics (constraints and coverage bins), if it had any. */
    public java.util.Optional<JsonNode> acceptance() {
        return java.util.Optional.ofNullable(acceptance);
    }

    /**
     * Reads a dataset folder.
     *
     * @throws InvalidDatasetException naming the path when the folder is missing, holds no COCO file,
     *                                 or its COCO file or a meta file is not what Mirage writes
     */
    public static DatasetReport read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new InvalidDatasetException(folder + ": no such folder");
        Path cocoFile = folder.resolve(OutputLayout.COCO);
        if (!Files.isRegularFile(cocoFile))
            throw new InvalidDatasetException(folder + ": no " + OutputLayout.COCO + "; is it a dataset folder written by mirage render?");
        JsonNode coco = readJson(cocoFile);
        if (!coco.path("images").isArray() || !coco.path("annotations").isArray() || !coco.path("categories").isArray())
            throw new InvalidDatasetException(cocoFile + ": not a COCO file (needs images, annotations and categories arrays)");

        List<Category> categories = new ArrayList<>();
        for (JsonNode c : coco.path("categories")) categories.add(new Category(c.path("id").asInt(), c.path("name").asText()));
        Map<Integer, List<Annotation>> byImage = new TreeMap<>();
        for (JsonNode a : coco.path("annotations")) {
            if (!a.path("image_id").canConvertToInt() || !a.path("bbox").isArray() || a.path("bbox").size() != 4)
                throw new InvalidDatasetException(cocoFile + ": annotation " + a.path("id") + " has no image_id or bbox");
            byImage.computeIfAbsent(a.path("image_id").asInt(), k -> new ArrayList<>()).add(
                    new Annotation(a.path("category_id").asInt(), measures(a)));
        }

        SampleStats stats = new SampleStats();
        List<Frame> frames = new ArrayList<>();
        int metaFiles = 0;
        for (JsonNode image : coco.path("images")) {
            int id = image.path("id").asInt();
            Path metaFile = folder.resolve(image.path("meta_file").asText(OutputLayout.meta(id - 1)));
            JsonNode meta = null;
            if (Files.isRegularFile(metaFile)) {
                meta = readJson(metaFile);
                metaFiles++;
                stats.add(sampleLog(meta.path("sampled")));
            }
            JsonNode conditions = image.has("conditions") ? image.path("conditions") : meta == null ? null : meta.path("conditions");
            Map<String, String> text = new TreeMap<>();
            Map<String, Double> numbers = new TreeMap<>();
            if (conditions != null)
                for (Iterator<Map.Entry<String, JsonNode>> it = conditions.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNumber()) numbers.put(e.getKey(), e.getValue().asDouble());
                    else if (e.getValue().isTextual() || e.getValue().isBoolean()) text.put(e.getKey(), e.getValue().asText());
                }
            // a coverage bin is a condition of its own: counts and example frames per bin
            if (image.hasNonNull("coverage_bin")) text.put("coverageBin", image.path("coverage_bin").asText());
            frames.add(new Frame(id - 1, text, numbers, byImage.getOrDefault(id, List.of())));
        }
        String name = coco.path("info").path("description").asText(folder.getFileName() == null ? "dataset" : folder.getFileName().toString());
        Path acceptanceFile = folder.resolve("annotations/acceptance.json");
        JsonNode acceptance = Files.isRegularFile(acceptanceFile) ? readJson(acceptanceFile) : null;
        return new DatasetReport(folder, name, categories, frames, stats.summarize(), metaFiles, acceptance);
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static double[] measures(JsonNode a) {
        double[] m = new double[Measure.values().length];
        JsonNode centre = a.path("bbox3d").path("centre");
        m[Measure.DISTANCE.ordinal()] = a.path("distance").isNumber() ? a.path("distance").asDouble()
                : centre.isArray() && centre.size() == 3
                ? new Vector3d(centre.get(0).asDouble(), centre.get(1).asDouble(), centre.get(2).asDouble()).length() : Double.NaN;
        m[Measure.BOX_HEIGHT.ordinal()] = a.path("bbox").get(3).asDouble();
        m[Measure.AREA.ordinal()] = number(a.path("area"));
        m[Measure.OCCLUSION.ordinal()] = number(a.path("occlusion"));
        m[Measure.TRUNCATION.ordinal()] = number(a.path("truncation"));
        return m;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** A meta file's {@code sampled} record as the sampler logged it: numbers, vectors of 3, option names. */
    static SampleLog sampleLog(JsonNode sampled) {
        SampleLog log = new SampleLog();
        for (Iterator<Map.Entry<String, JsonNode>> it = sampled.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode v : e.getValue()) {
                if (v.isNumber()) log.number(e.getKey(), v.asDouble());
                else if (v.isTextual()) log.label(e.getKey(), v.asText());
                else if (v.isArray() && v.size() == 3) log.vector(e.getKey(), new Vector3d(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()));
                else if (v.isArray()) for (int i = 0; i < v.size(); i++) log.number(e.getKey() + "/" + i, v.get(i).asDouble());
            }
        }
        return log;
    }

    public Path folder() { return folder; }
    public String name() { return name; }
    public List<Category> categories() { return categories; }
    public List<Frame> frames() { return frames; }
    /** The distribution of every sampled template value over the frames whose meta file was found. */
    public SampleStats.Summary sampled() { return sampled; }
    public int metaFiles() { return metaFiles; }

    public long annotationCount() {
        return frames.stream().mapToLong(f -> f.annotations().size()).sum();
    }

    /** Annotations per category, in the COCO file's category order (0 for none). */
    public Map<Category, Long> annotationsPerCategory() {
        Map<Category, Long> out = new LinkedHashMap<>();
        for (Category c : categories)
            out.put(c, frames.stream().flatMap(f -> f.annotations().stream()).filter(a -> a.categoryId() == c.id()).count());
        return out;
    }

    /** Frames with at least one annotation of each category. */
    public Map<Category, Long> framesPerCategory() {
        Map<Category, Long> out = new LinkedHashMap<>();
        for (Category c : categories)
            out.put(c, frames.stream().filter(f -> f.annotations().stream().anyMatch(a -> a.categoryId() == c.id())).count());
        return out;
    }

    /** For each text condition ({@code timeOfDay}, {@code skyModel}...), its values and the frames holding each. */
    public Map<String, Map<String, List<Frame>>> framesByTextCondition() {
        Map<String, Map<String, List<Frame>>> out = new TreeMap<>();
        for (Frame f : frames)
            for (Map.Entry<String, String> e : f.textConditions().entrySet())
                out.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(f);
        return out;
    }

    /** For each numeric condition ({@code sunElevationDeg}, {@code visibilityM}...), its values over the frames that have it. */
    public Map<String, Numbers> numberConditions() {
        Map<String, List<Double>> values = new TreeMap<>();
        for (Frame f : frames)
            for (Map.Entry<String, Double> e : f.numberConditions().entrySet())
                values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        Map<String, Numbers> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Numbers.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    /** A measure over every annotation. */
    public Numbers measure(Measure m) {
        return Numbers.of(frames.stream().flatMap(f -> f.annotations().stream()).mapToDouble(a -> a.measure(m)).toArray());
    }
}
