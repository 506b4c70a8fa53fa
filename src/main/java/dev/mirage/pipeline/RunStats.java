package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A render run's statistics as JSON: what {@code render --stats-json} writes and the benchmark reads. */
public final class RunStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStats() {}

    public static void write(Path file, RenderJob.Result r) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("frames", r.rendered());
        n.put("framesPerSecond", r.framesPerSecond());
        n.put("wallSeconds", r.wallNanos() / 1e9);
        n.put("renderer", r.gl() == null ? "" : r.gl().glRenderer());
        n.put("platform", r.gl() == null ? "" : r.gl().platform());
        ObjectNode stages = n.putObject("msPerFrame");
        for (StageClock.Stage s : StageClock.Stage.values())
            stages.put(s.name().toLowerCase(Locale.ROOT), r.rendered() == 0 ? 0 : r.stages().nanos(s) / 1e6 / r.rendered());
        n.put("bottleneck", r.stages().bottleneck().name().toLowerCase(Locale.ROOT));
        PeakMemory.residentBytes().ifPresent(b -> n.put("peakResidentMiB", b / 1048576.0));
        if (r.acceptance() != null) n.set("acceptance", r.acceptance().json());
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    public static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
