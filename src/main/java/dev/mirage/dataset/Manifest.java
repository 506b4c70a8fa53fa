package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run manifest {@code dataset.json}: which tool, scene (by content hash), seed, image size and
 * sensors made the folder, and how many frames it should hold. A folder is only ever extended by a
 * run with the same scene, seed and size.
 *
 * @param toolVersion  Mirage version that wrote it
 * @param sceneName    the template's name
 * @param sceneFile    the template's file name
 * @param sceneSha256  SHA-256 of the template's bytes
 * @param seed         dataset seed
 * @param frames       frame count of the dataset
 * @param firstFrame   index of its first frame (frames firstFrame..firstFrame+frames−1; 0 unless rendered with --from)
 * @param width        image width
 * @param height       image height
 * @param shard        which of the frames this folder holds ({@link Shard#WHOLE} for all)
 * @param rgbEncoding  how RGB images are stored
 * @param scenePath    where the scene file was, relative to the folder (for {@code render --replay} without
 *                     a scene); null when unknown. Informational: it never makes a folder conflict.
 */
public record Manifest(String toolVersion, String sceneName, String sceneFile, String sceneSha256, long seed,
                       int frames, int firstFrame, int width, int height, Shard shard, RgbEncoding rgbEncoding,
                       String scenePath, List<String> sensors) {
    /** The sensors of a template that does not list its own. */
    public static final List<String> SENSORS = List.of("rgb", "depth", "instance", "semantic");

    public Manifest {
        sensors = List.copyOf(sensors);
    }

    /** A manifest of the default sensors. */
    public Manifest(String toolVersion, String sceneName, String sceneFile, String sceneSha256, long seed,
                    int frames, int firstFrame, int width, int height, Shard shard, RgbEncoding rgbEncoding, String scenePath) {
        this(toolVersion, sceneName, sceneFile, sceneSha256, seed, frames, firstFrame, width, height, shard, rgbEncoding,
                scenePath, SENSORS);
    }

    /** The same manifest for a dataset of these sensors (their template keys: {@code "depth.exr"}, {@code "thermal"}, ...). */
    public Manifest withSensors(List<String> newSensors) {
        return new Manifest(toolVersion, sceneName, sceneFile, sceneSha256, seed, frames, firstFrame, width, height, shard,
                rgbEncoding, scenePath, newSensors);
    }

    /** A dataset starting at frame 0. */
    public Manifest(String toolVersion, String sceneName, String sceneFile, String sceneSha256, long seed,
                    int frames, int width, int height, Shard shard, RgbEncoding rgbEncoding) {
        this(toolVersion, sceneName, sceneFile, sceneSha256, seed, frames, 0, width, height, shard, rgbEncoding, null);
    }

    /** The same manifest naming where the scene file is, as seen from {@code folder}. */
    public Manifest withScene(Path folder, Path sceneFile) {
        Path from = folder.toAbsolutePath().normalize(), to = sceneFile.toAbsolutePath().normalize();
        String path;
        try {
            path = from.relativize(to).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            path = to.toString();
        }
        return new Manifest(toolVersion, sceneName, this.sceneFile, sceneSha256, seed, frames, firstFrame, width, height, shard,
                rgbEncoding, path, sensors);
    }

    /** The scene file this folder was rendered from, if the manifest says where it was. */
    public Optional<Path> sceneIn(Path folder) {
        return scenePath == null ? Optional.empty() : Optional.of(folder.resolve(scenePath).normalize());
    }

    /** The frame indices this folder holds, in order. */
    public java.util.stream.IntStream frameIndices() {
        return shard.frames(frames).map(i -> i + firstFrame);
    }

    /** Reasons this folder's manifest cannot be extended by {@code other}; empty when it can. */
    public List<String> conflicts(Manifest other) {
        List<String> out = new ArrayList<>();
        if (!sceneSha256.equals(other.sceneSha256)) out.add("scene " + sceneFile + " (different content)");
        if (seed != other.seed) out.add("seed " + seed);
        if (firstFrame != other.firstFrame) out.add("frames from " + firstFrame);
        if (width != other.width || height != other.height) out.add("size " + width + "x" + height);
        if (!shard.equals(other.shard)) out.add(shard.whole() ? "all frames (no shard)" : "shard " + shard);
        if (!rgbEncoding.equals(other.rgbEncoding)) out.add("RGB as " + rgbEncoding);
        return out;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.NODES.objectNode();
        n.put("format", "mirage-dataset/1");
        n.put("tool", "mirage " + toolVersion);
        n.put("sceneName", sceneName);
        n.put("sceneFile", sceneFile);
        n.put("sceneSha256", sceneSha256);
        n.put("seed", seed);
        n.put("frames", frames);
        if (firstFrame != 0) n.put("firstFrame", firstFrame);
        n.put("width", width);
        n.put("height", height);
        if (!shard.whole()) n.putObject("shard").put("index", shard.index()).put("count", shard.count());
        sensors.forEach(n.putArray("sensors")::add);
        n.put("rgbEncoding", rgbEncoding.toString());
        if (scenePath != null) n.put("scenePath", scenePath);
        n.put("coco", OutputLayout.COCO);
        return n;
    }

    public void write(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve(OutputLayout.MANIFEST), Json.MAPPER.writeValueAsBytes(toJson()));
    }

    /**
     * Reads a folder's manifest.
     *
     * @return empty when there is none
     * @throws IOException when it exists but is not a Mirage manifest
     */
    public static Optional<Manifest> read(Path folder) throws IOException {
        Path file = folder.resolve(OutputLayout.MANIFEST);
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonNode n = Json.MAPPER.readTree(file.toFile());
        if (n == null || !n.path("format").asText().equals("mirage-dataset/1"))
            throw new IOException(file + " is not a Mirage dataset manifest");
        try {
            return Optional.of(parse(n));
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static Manifest parse(JsonNode n) {
        return new Manifest(n.path("tool").asText().replaceFirst("^mirage ", ""), n.path("sceneName").asText(),
                n.path("sceneFile").asText(), n.path("sceneSha256").asText(), n.path("seed").asLong(),
                n.path("frames").asInt(), n.path("firstFrame").asInt(0), n.path("width").asInt(), n.path("height").asInt(),
                n.has("shard") ? new Shard(n.path("shard").path("index").asInt(), n.path("shard").path("count").asInt())
                        : Shard.WHOLE, RgbEncoding.parse(n.path("rgbEncoding").asText()),
                n.hasNonNull("scenePath") ? n.get("scenePath").asText() : null, sensors(n.path("sensors")));
    }

    private static List<String> sensors(JsonNode list) {
        if (!list.isArray()) return SENSORS;
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }
}
