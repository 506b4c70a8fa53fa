package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirage report}: the page's counts and histogram bins agree with a count made here from the
 * COCO file of a small rendered dataset; the page is self-contained; bad folders are exit 2 naming
 * the path.
 */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Boxes and balls strewn so some overlap and some leave the image; the sun from above to below the horizon; fog sometimes. */
    private static final String SCENE = """
            {
              "mirage": 1,
              "image": { "width": 96, "height": 64 },
              "camera": { "position": [0, 1.5, 8], "lookAt": [0, 0.5, 0], "fovDeg": 50 },
              "sun": { "elevationDeg": { "uniform": [-20, 40] }, "azimuthDeg": { "uniform": [0, 360] } },
              "sky": { "model": "preetham" },
              "weather": { "fog": { "visibilityM": { "uniform": [40, 400] } } },
              "categories": [ { "id": 1, "name": "box" }, { "id": 2, "name": "ball" }, { "id": 3, "name": "never" } ],
              "objects": [
                { "shape": "plane", "size": [40, 40] },
                { "shape": "box", "category": "box", "count": { "int": [1, 4] }, "size": [1, 1, 1],
                  "position": { "uniform": [[-5, 0.5, -6], [5, 0.5, 3]] }, "yawDeg": { "uniform": [0, 90] } },
                { "shape": "sphere", "category": "ball", "count": { "int": [0, 3] }, "size": [0.8, 0.8, 0.8],
                  "position": { "uniform": [[-5, 0.4, -6], [5, 0.4, 3]] }, "color": { "choice": ["#ff0000", "#00ff00"] } }
              ]
            }
            """;

    @TempDir
    static Path tmp;
    static Path out;
    static JsonNode coco;
    static String page;
    static CliRun report;

    @BeforeAll
    static void renderAndReport() throws IOException {
        Path scene = TinyScene.write(tmp, "report.json", SCENE);
        out = tmp.resolve("out");
        CliRun render = CliRun.render(scene, out, 10, 3, 96, 64);
        assertEquals(0, render.exit(), render.describe());
        coco = JSON.readTree(out.resolve("annotations/coco.json").toFile());
        Path html = tmp.resolve("page.html");
        report = CliRun.of("report", out.toString(), "-o", html.toString(), "--examples", "2");
        assertEquals(0, report.exit(), report.describe());
        page = Files.readString(html);
    }

    @Test
    void categoryCountsMatchTheCocoFile() {
        Map<Integer, Integer> annotations = new HashMap<>();
        Map<Integer, Set<Integer>> images = new HashMap<>();
        for (JsonNode a : coco.path("annotations")) {
            annotations.merge(a.path("category_id").asInt(), 1, Integer::sum);
            images.computeIfAbsent(a.path("category_id").asInt(), k -> new HashSet<>()).add(a.path("image_id").asInt());
        }
        assertTrue(annotations.getOrDefault(1, 0) > 0 && annotations.getOrDefault(2, 0) > 0, "the scene should show boxes and balls");
        for (JsonNode c : coco.path("categories")) {
            int id = c.path("id").asInt();
            String row = one("<tr data-category=\"" + c.path("name").asText() + "\">(.*?)</tr>");
            assertEquals(annotations.getOrDefault(id, 0), attribute(row, "data-annotations"), c.path("name") + " annotations");
            assertEquals(images.getOrDefault(id, Set.of()).size(), attribute(row, "data-frames"), c.path("name") + " frames");
        }
        assertEquals(coco.path("images").size(), attribute(page, "data-frames"));
        assertEquals(coco.path("annotations").size(), attribute(page, "data-annotations"));
    }

    @Test
    void conditionCountsMatchTheCocoFile() {
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> boxes = new HashMap<>();
        Map<Integer, String> timeOfDay = new HashMap<>();
        for (JsonNode image : coco.path("images")) {
            String t = image.path("conditions").path("timeOfDay").asText();
            frames.merge(t, 1, Integer::sum);
            timeOfDay.put(image.path("id").asInt(), t);
        }
        for (JsonNode a : coco.path("annotations"))
            if (a.path("category_id").asInt() == 1) boxes.merge(timeOfDay.get(a.path("image_id").asInt()), 1, Integer::sum);
        assertTrue(frames.size() >= 2, "the sun's range should give frames of more than one time of day: " + frames);
        for (Map.Entry<String, Integer> e : frames.entrySet()) {
            String row = one("<tr data-condition=\"timeOfDay\" data-value=\"" + e.getKey() + "\">(.*?)</tr>");
            assertEquals(e.getValue(), attribute(row, "data-frames"), "frames at " + e.getKey());
            Matcher cell = Pattern.compile("data-category=\"box\" data-annotations=\"(\\d+)\"").matcher(row);
            assertTrue(cell.find(), row);
            assertEquals(boxes.getOrDefault(e.getKey(), 0), Integer.parseInt(cell.group(1)), "boxes at " + e.getKey());
        }
        assertEquals(List.of(), binMismatches("condition-visibilityM", values(coco.path("images"), i -> i.path("conditions").path("visibilityM").asDouble())));
    }

    @Test
    void histogramBinsMatchTheCocoFile() {
        JsonNode a = coco.path("annotations");
        assertEquals(List.of(), binMismatches("occlusion", values(a, x -> x.path("occlusion").asDouble())));
        assertEquals(List.of(), binMismatches("truncation", values(a, x -> x.path("truncation").asDouble())));
        assertEquals(List.of(), binMismatches("boxHeightPx", values(a, x -> x.path("bbox").get(3).asDouble())));
        assertEquals(List.of(), binMismatches("areaPx", values(a, x -> x.path("area").asDouble())));
        assertEquals(List.of(), binMismatches("distance", values(a, x -> {
            JsonNode c = x.path("bbox3d").path("centre");
            return Math.sqrt(c.get(0).asDouble() * c.get(0).asDouble() + c.get(1).asDouble() * c.get(1).asDouble()
                    + c.get(2).asDouble() * c.get(2).asDouble());
        })));
        double[] occlusion = values(a, x -> x.path("occlusion").asDouble());
        double[] truncation = values(a, x -> x.path("truncation").asDouble());
        assertTrue(Arrays.stream(occlusion).anyMatch(v -> v > 0) && Arrays.stream(truncation).anyMatch(v -> v > 0),
                "the scene should give some occluded and some truncated objects");
    }

    @Test
    void everySampledParameterIsPlotted() throws IOException {
        JsonNode sampled = JSON.readTree(out.resolve("meta/000000.json").toFile()).path("sampled");
        List<String> missing = new ArrayList<>();
        sampled.fieldNames().forEachRemaining(p -> {
            if (!page.contains("<title>" + p + "</title>")) missing.add(p);
        });
        assertTrue(sampled.size() >= 4, "the scene samples several values");
        assertEquals(List.of(), missing);
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        assertFalse(page.contains("<script"), "no scripts");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "nothing fetched from the network");
        Matcher images = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(page);
        int n = 0;
        while (images.find()) {
            String src = images.group(1);
            assertTrue(src.startsWith("data:image/jpeg;base64,"), src.substring(0, Math.min(40, src.length())));
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertNotNull(image, "an embedded thumbnail decodes");
            assertEquals(96, image.getWidth(), "frames narrower than a thumbnail keep their size");
            n++;
        }
        assertTrue(n >= 2, "example frames are embedded: " + n);
        assertTrue(report.out().contains("page.html"), report.describe());
    }

    @Test
    void aMissingFolderIsBadInputNamingIt() {
        Path missing = tmp.resolve("no-such-dataset");
        CliRun run = CliRun.of("report", missing.toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(missing.toString()), run.describe());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.describe());
    }

    @Test
    void aFolderWithoutCocoOrWithBrokenCocoIsBadInputNamingThePath() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = CliRun.of("report", empty.toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(empty.toString()) && run.err().contains("annotations/coco.json"), run.describe());

        Path broken = Files.createDirectories(tmp.resolve("broken/annotations"));
        Files.writeString(broken.resolve("coco.json"), "{ \"images\": [");
        run = CliRun.of("report", broken.getParent().toString());
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains(broken.resolve("coco.json").toString()), run.describe());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.describe());
    }

    private static double[] values(JsonNode array, ToDoubleFunction<JsonNode> f) {
        List<Double> out = new ArrayList<>();
        for (JsonNode n : array) out.add(f.applyAsDouble(n));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Bins the values by the page's edges for {@code key} (bin i holds edges[i] <= v < edges[i+1],
     * the last also its upper edge) and lists every bin whose count differs from the page's, and
     * the total if that differs.
     */
    private static List<String> binMismatches(String key, double[] values) {
        String figure = one("(<figure class=\"histogram\" data-key=\"" + Pattern.quote(key) + "\"[^>]*>)");
        double[] edges = Arrays.stream(attributeText(figure, "data-edges").split(" ")).mapToDouble(Double::parseDouble).toArray();
        long[] counts = Arrays.stream(attributeText(figure, "data-counts").split(" ")).mapToLong(Long::parseLong).toArray();
        assertEquals(edges.length, counts.length + 1, key);
        long[] mine = new long[counts.length];
        for (double v : values) {
            int bin = -1;
            for (int i = 0; i < counts.length; i++)
                if (v >= edges[i] && (v < edges[i + 1] || (i == counts.length - 1 && v == edges[i + 1]))) bin = i;
            assertTrue(bin >= 0, key + ": " + v + " outside the page's bins " + Arrays.toString(edges));
            mine[bin]++;
        }
        List<String> wrong = new ArrayList<>();
        if (Arrays.stream(counts).sum() != values.length) wrong.add("total " + Arrays.stream(counts).sum() + " != " + values.length);
        for (int i = 0; i < counts.length; i++) if (counts[i] != mine[i]) wrong.add("bin " + i + ": " + counts[i] + " != " + mine[i]);
        return wrong;
    }

    private static String one(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the page has " + regex);
        return m.group(1);
    }

    private static int attribute(String html, String name) {
        return Integer.parseInt(attributeText(html, name));
    }

    private static String attributeText(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}
