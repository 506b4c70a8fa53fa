import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.gpu.render.SceneRenderer;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.scene.FrameScene;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What each sky, exposure and fog condition costs on this GL: scenes/street.json at 640×480 as is
 * and with one condition on, render + readback only (no encoding), blocks of frames alternating
 * between the cases in one process so that a shared machine's load falls on every case alike. A
 * measurement, not a check (the first case of each block tends to read slower: "off" runs first and
 * last), not a test; from the repository root it prints ms per frame:
 * {@code ./mirage info >/dev/null; java -cp target/mirage.jar bench/ConditionCost.java}.
 */
public class ConditionCost {
    static final int W = 640, H = 480, BLOCK = 10, BLOCKS = 8;
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("condition-cost");
        List<String> names = List.of("off", "exposure auto", "preetham sky", "overcast 0.8", "fog", "fog + sun lobe + height", "night + 6 lights", "off (again)");
        List<Consumer<ObjectNode>> edits = List.of(s -> {}, s -> ((ObjectNode) s.get("camera")).put("exposure", "auto"),
                s -> s.putObject("sky").put("model", "preetham"),
                s -> s.putObject("sky").put("model", "preetham").put("cloudCover", 0.8),
                s -> s.set("weather", read("{\"fog\": {\"visibilityM\": 150}}")),
                s -> s.set("weather", read("{\"fog\": {\"visibilityM\": 150, \"sunScatter\": 0.5, \"heightFalloffM\": 30}}")),
                s -> {
                    s.putObject("sky").put("model", "preetham");
                    s.set("sun", read("{\"elevationDeg\": -20, \"azimuthDeg\": 120}"));
                    s.set("lights", read("[{\"type\": \"point\", \"count\": 6, \"position\": {\"uniform\": [[-5, 6, -70], [5, 6, -5]]},"
                            + " \"color\": {\"kelvin\": 2200}, \"intensity\": 0.3, \"rangeM\": 25}]"));
                }, s -> {});
        List<List<FrameScene>> frames = new ArrayList<>();
        AssetLibrary assets = new AssetLibrary();
        for (int c = 0; c < names.size(); c++) {
            ObjectNode s = (ObjectNode) JSON.readTree(Path.of("scenes/street.json").toFile());
            edits.get(c).accept(s);
            Path file = tmp.resolve("case" + c + ".json");
            Files.writeString(file, JSON.writeValueAsString(s));
            SceneTemplate t = TemplateReader.read(file).withImageSize(W, H);
            FrameSampler sampler = new FrameSampler(t, assets);
            List<FrameScene> list = new ArrayList<>();
            for (int i = 0; i < BLOCK; i++) list.add(sampler.frame(0, i));
            frames.add(list);
        }
        double[] nanos = new double[names.size()];
        try (GlContext gl = GlContext.open(GlPlatform.SURFACELESS);
             SceneRenderer renderer = new SceneRenderer(gl, assets, new SceneRenderer.Options(W, H, true, 2048, 80, false))) {
            for (List<FrameScene> list : frames) for (int i = 0; i < 3; i++) renderer.render(list.get(i));
            for (int b = 0; b < BLOCKS; b++)
                for (int c = 0; c < names.size(); c++) {
                    long start = System.nanoTime();
                    for (FrameScene f : frames.get(c)) renderer.render(f);
                    nanos[c] += System.nanoTime() - start;
                }
        }
        for (int c = 0; c < names.size(); c++)
            System.out.printf("ConditionCost %-24s %6.1f ms/frame (render + readback, %d frames)%n", names.get(c),
                    nanos[c] / 1e6 / (BLOCK * BLOCKS), BLOCK * BLOCKS);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
