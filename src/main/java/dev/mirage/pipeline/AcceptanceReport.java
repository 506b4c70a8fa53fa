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
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SceneTemplate;
import java.io.IOException;
import java.io.PrintStream;
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

    /**
     * Sums the meta records of the manifest's frames present in {@code layout} and writes the
     * report; null (nothing written) when the template has no constraints or coverage.
     */
    static AcceptanceReport assemble(OutputLayout layout, Manifest manifest, SceneTemplate template) throws IOException {
        SamplingSpec spec = template.sampling();
        if (!spec.active()) return null;
        Map<String, Condition> conditions = new LinkedHashMap<>();
        spec.constraints().forEach(c -> conditions.put(c.pointer(), c));
        List<Bin> bins = spec.coverage() == null ? List.of() : spec.coverage().bins();
        bins.forEach(b -> b.where().forEach(c -> conditions.put(c.pointer(), c)));
        Map<String, long[]> checks = new LinkedHashMap<>();
        conditions.keySet().forEach(p -> checks.put(p, new long[2]));
        Map<String, long[]> perBin = new LinkedHashMap<>(); // frames, attempts
        bins.forEach(b -> perBin.put(b.name(), new long[2]));
        long frames = 0, attempts = 0;
        for (int frame : manifest.frameIndices().toArray()) {
            if (!layout.frameComplete(frame)) continue;
            JsonNode record = JSON.readTree(layout.resolve(OutputLayout.meta(frame)).toFile()).path("sampling");
            if (!record.isObject()) continue; // a frame from before the template had constraints
            long tries = record.path("attempt").asLong() + 1;
            frames++;
            attempts += tries;
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
        root.put("maxAttempts", spec.maxAttempts());
        ArrayNode list = root.putArray("conditions");
        conditions.forEach((pointer, c) -> {
            ObjectNode n = list.addObject();
            n.put("pointer", pointer);
            n.put("condition", c.toString());
            n.put("checked", checks.get(pointer)[0]);
            n.put("passed", checks.get(pointer)[1]);
            n.put("passRate", rate(checks.get(pointer)[1], checks.get(pointer)[0]));
        });
        if (!bins.isEmpty()) {
            ArrayNode b = root.putArray("bins");
            int block = spec.coverage().blockFrames();
            for (Bin bin : bins) {
                long[] n = perBin.get(bin.name());
                ObjectNode o = b.addObject();
                o.put("name", bin.name());
                o.put("quota", bin.frames() + "/" + block);
                o.put("frames", n[0]);
                o.put("attempts", n[1]);
                o.put("acceptanceRate", rate(n[0], n[1]));
            }
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
        out.printf(Locale.ROOT, "acceptance: %d frames from %d attempts (%.1f%%; at most %d per frame)%n",
                json.get("frames").asLong(), json.get("attempts").asLong(), 100 * json.get("acceptanceRate").asDouble(),
                json.get("maxAttempts").asInt());
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
