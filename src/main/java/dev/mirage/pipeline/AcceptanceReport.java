package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.dataset.AtomicFiles;
import dev.mirage.dataset.Manifest;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.template.SamplingSpec;
import dev.mirage.template.SamplingSpec.Bin;
import dev.mirage.template.SceneTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How constraints and coverage shaped a dataset, summed from its frames' meta {@code sampling}
 * records (so a resumed, sharded or merged dataset reports exactly what a single run would):
 * attempts, frames and the acceptance rate; per condition how often it was checked and passed;
 * per coverage bin its quota, frames and attempts. Written to {@value #FILE}.
 *
 * <p>A label condition is checked only on attempts that passed every sampled-value condition (the
 * others are not rendered), so its pass rate is conditional on those.
 *
 * <p>Thread safety: immutable once assembled.
 */
public final class AcceptanceReport {
    /** Where the report lies in the dataset. */
    public static final String FILE = "annotations/acceptance.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode json;

    private AcceptanceReport(ObjectNode json) {
        this.json = json;
    }

    /** The report as written. */
    public JsonNode json() {
        return json;
    }

    /** What the report lists: each condition (pointer, description), each bin (name, quota), the attempt cap. */
    private record Outline(Map<String, String> conditions, Map<String, String> bins, int maxAttempts) {}

    /**
     * Sums the meta records of the manifest's frames present in {@code layout} and writes the
     * report; null (nothing written) when the template has no constraints or coverage.
     */
    static AcceptanceReport assemble(OutputLayout layout, Manifest manifest, SceneTemplate template) throws IOException {
        SamplingSpec spec = template.sampling();
        if (!spec.active()) return null;
        Map<String, String> conditions = new LinkedHashMap<>();
        spec.constraints().forEach(c -> conditions.put(c.pointer(), c.toString()));
        Map<String, String> bins = new LinkedHashMap<>();
        if (spec.coverage() != null)
            for (Bin b : spec.coverage().bins()) {
                b.where().forEach(c -> conditions.put(c.pointer(), c.toString()));
                bins.put(b.name(), b.frames() + "/" + spec.coverage().blockFrames());
            }
        return assemble(layout, manifest, new Outline(conditions, bins, spec.maxAttempts()));
    }

    /**
     * The report of a merged dataset: the outline of a shard's report, the counts summed again
     * from the merged frames; null (nothing written) when the shard has no report.
     */
    static AcceptanceReport reassemble(OutputLayout layout, Manifest manifest, Path shardFolder) throws IOException {
        Path file = shardFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        JsonNode shard = JSON.readTree(file.toFile());
        Map<String, String> conditions = new LinkedHashMap<>();
        shard.path("conditions").forEach(c -> conditions.put(c.path("pointer").asText(), c.path("condition").asText()));
        Map<String, String> bins = new LinkedHashMap<>();
        shard.path("bins").forEach(b -> bins.put(b.path("name").asText(), b.path("quota").asText()));
        return assemble(layout, manifest, new Outline(conditions, bins, shard.path("maxAttempts").asInt()));
    }

    private static AcceptanceReport assemble(OutputLayout layout, Manifest manifest, Outline outline) throws IOException {
        Map<String, long[]> checks = new LinkedHashMap<>();
        outline.conditions().keySet().forEach(p -> checks.put(p, new long[2]));
        Map<String, long[]> perBin = new LinkedHashMap<>(); // frames, attempts
        outline.bins().keySet().forEach(b -> perBin.put(b, new long[2]));
        long frames = 0, attempts = 0, renders = 0;
        for (int frame : manifest.frameIndices().toArray()) {
            if (!layout.frameComplete(frame)) continue;
            JsonNode record = JSON.readTree(layout.resolve(OutputLayout.meta(frame)).toFile()).path("sampling");
            if (!record.isObject()) continue; // a frame from before the template had constraints
            long tries = record.path("attempt").asLong() + 1;
            frames++;
            attempts += tries;
            renders += record.path("rendered").asLong();
            long[] bin = perBin.get(record.path("bin").asText(""));
            if (bin != null) {
                bin[0]++;
                bin[1] += tries;
            }
            record.path("checks").fields().forEachRemaining(e -> {
                long[] c = checks.get(e.getKey());
                if (c == null) return;
                c[0] += e.getValue().path(0).asLong();
                c[1] += e.getValue().path(1).asLong();
            });
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("frames", frames);
        root.put("attempts", attempts);
        root.put("acceptanceRate", rate(frames, attempts));
        root.put("renderedAttempts", renders);
        root.put("maxAttempts", outline.maxAttempts());
        ArrayNode list = root.putArray("conditions");
        outline.conditions().forEach((pointer, description) -> {
            long[] c = checks.get(pointer);
            ObjectNode n = list.addObject();
            n.put("pointer", pointer);
            n.put("condition", description);
            n.put("checked", c[0]);
            n.put("passed", c[1]);
            n.put("passRate", rate(c[1], c[0]));
        });
        if (!outline.bins().isEmpty()) {
            ArrayNode b = root.putArray("bins");
            outline.bins().forEach((name, quota) -> {
                long[] n = perBin.get(name);
                ObjectNode o = b.addObject();
                o.put("name", name);
                o.put("quota", quota);
                o.put("frames", n[0]);
                o.put("attempts", n[1]);
                o.put("acceptanceRate", rate(n[0], n[1]));
            });
        }
        AtomicFiles.write(layout.resolve(FILE), JSON.writeValueAsBytes(root));
        return new AcceptanceReport(root);
    }

    /** passed / checked to 4 places; 0 when nothing was checked. */
    private static double rate(long passed, long checked) {
        return checked == 0 ? 0 : Math.round(10000.0 * passed / checked) / 10000.0;
    }

    /** The lines {@code mirage render} prints. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "acceptance: %d frames from %d attempts (%.1f%%; at most %d per frame)%s%n",
                json.get("frames").asLong(), json.get("attempts").asLong(), 100 * json.get("acceptanceRate").asDouble(),
                json.get("maxAttempts").asInt(), json.get("renderedAttempts").asLong() == 0 ? ""
                        : "; " + json.get("renderedAttempts").asLong() + " attempts rendered for label conditions");
        List<String> lines = new ArrayList<>();
        for (JsonNode c : json.get("conditions"))
            lines.add(String.format(Locale.ROOT, "  %-28s passed %d of %d checks (%.1f%%): %s", c.get("pointer").asText(),
                    c.get("passed").asLong(), c.get("checked").asLong(), 100 * c.get("passRate").asDouble(),
                    c.get("condition").asText()));
        for (JsonNode b : json.path("bins"))
            lines.add(String.format(Locale.ROOT, "  bin %-24s %d frames (quota %s), %d attempts (%.1f%%)", b.get("name").asText(),
                    b.get("frames").asLong(), b.get("quota").asText(), b.get("attempts").asLong(),
                    100 * b.get("acceptanceRate").asDouble()));
        lines.forEach(out::println);
    }
}
