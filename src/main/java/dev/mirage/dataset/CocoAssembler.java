package dev.mirage.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds {@code annotations/coco.json} from the per-frame meta records of the manifest's frames
 * (all of 0..N−1, or one shard's share of them): info,
 * licenses, images (with the other sensors' file names as extra fields), annotations and the
 * template's categories (with {@code keypoints} and {@code skeleton} for those that have keypoints). The output depends only on the records, so a resumed or split run gives
 * the same file.
 *
 * <p>Thread safety: stateless.
 */
public final class CocoAssembler {
    /**
     * A COCO category as the template defines it.
     *
     * @param keypoints keypoint names, for a category whose objects carry keypoints (a person shape
     *                  uses it); empty otherwise
     * @param skeleton  pairs of 1-based keypoint indices joined by a limb; empty when there are no keypoints
     */
    public record Category(int id, String name, String supercategory, List<String> keypoints, List<List<Integer>> skeleton) {
        public Category {
            keypoints = List.copyOf(keypoints);
            skeleton = skeleton.stream().map(List::copyOf).toList();
            if (keypoints.isEmpty() && !skeleton.isEmpty())
                throw new IllegalArgumentException("category " + name + " has a skeleton but no keypoints");
            int count = keypoints.size();
            for (List<Integer> pair : skeleton)
                if (pair.size() != 2 || pair.stream().anyMatch(k -> k < 1 || k > count))
                    throw new IllegalArgumentException("category " + name + ": skeleton pair " + pair
                            + ", expected two keypoint indices in 1.." + count);
        }

        /** A category without keypoints. */
        public Category(int id, String name, String supercategory) {
            this(id, name, supercategory, List.of(), List.of());
        }
    }

    private CocoAssembler() {}

    /**
     * Writes the COCO file and returns how many annotations it holds. Streams: the records are read
     * one at a time (twice: images, then annotations), so memory stays flat for any number of frames
     * and the file may exceed 2 GiB.
     */
    public static long assemble(OutputLayout layout, Manifest manifest, List<Category> categories) throws IOException {
        int[] frames = manifest.frameIndices().toArray();
        long[] annotations = {0};
        AtomicFiles.writeWith(layout.resolve(OutputLayout.COCO), false, channel -> {
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            // The channel belongs to AtomicFiles (it may force it to disk): the generator only flushes.
            try (JsonGenerator json = Json.COMPACT.getFactory().createGenerator(stream)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                json.setCodec(Json.COMPACT);
                json.writeStartObject();
                json.writeObjectField("info", info(manifest));
                json.writeArrayFieldStart("licenses");
                json.writeTree(Json.NODES.objectNode().put("id", 1).put("name", "set by the dataset's owner").put("url", ""));
                json.writeEndArray();
                json.writeArrayFieldStart("images");
                for (int frame : frames) json.writeTree(image(frame, record(layout, frame)));
                json.writeEndArray();
                json.writeArrayFieldStart("annotations");
                for (int frame : frames) {
                    for (JsonNode a : record(layout, frame).path("annotations")) {
                        json.writeTree(a);
                        annotations[0]++;
                    }
                }
                json.writeEndArray();
                json.writeArrayFieldStart("categories");
                for (Category c : categories) json.writeTree(category(c));
                json.writeEndArray();
                json.writeEndObject();
            }
        });
        return annotations[0];
    }

    private static ObjectNode category(Category c) {
        ObjectNode n = Json.NODES.objectNode().put("id", c.id()).put("name", c.name()).put("supercategory", c.supercategory());
        if (c.keypoints().isEmpty()) return n;
        ArrayNode names = n.putArray("keypoints");
        c.keypoints().forEach(names::add);
        ArrayNode skeleton = n.putArray("skeleton");
        for (List<Integer> pair : c.skeleton()) skeleton.addArray().add(pair.get(0)).add(pair.get(1));
        return n;
    }

    /**
     * The categories of a COCO file, read by streaming past everything else, so a file of millions
     * of annotations costs no memory to ask.
     */
    public static List<Category> readCategories(Path cocoFile) throws IOException {
        List<Category> out = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = Json.COMPACT.getFactory().createParser(cocoFile.toFile())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT)
                throw new IOException(cocoFile + " is not a COCO JSON object");
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("categories")) {
                    p.skipChildren();
                    continue;
                }
                JsonNode categories = Json.COMPACT.readTree(p);
                for (JsonNode c : categories) {
                    List<String> keypoints = new java.util.ArrayList<>();
                    c.path("keypoints").forEach(k -> keypoints.add(k.asText()));
                    List<List<Integer>> skeleton = new java.util.ArrayList<>();
                    c.path("skeleton").forEach(pair -> skeleton.add(List.of(pair.path(0).asInt(), pair.path(1).asInt())));
                    out.add(new Category(c.path("id").asInt(), c.path("name").asText(), c.path("supercategory").asText(),
                            keypoints, skeleton));
                }
            }
        }
        return out;
    }

    private static ObjectNode info(Manifest manifest) {
        ObjectNode info = Json.NODES.objectNode();
        info.put("description", manifest.sceneName() + " (synthetic, rendered by Mirage)");
        info.put("version", manifest.toolVersion());
        info.put("contributor", "Mirage");
        info.put("url", "");
        info.put("year", 0);
        info.put("date_created", "");
        info.put("seed", manifest.seed());
        return info;
    }

    private static JsonNode record(OutputLayout layout, int frame) throws IOException {
        return Json.MAPPER.readTree(layout.resolve(OutputLayout.meta(frame)).toFile());
    }

    private static ObjectNode image(int frame, JsonNode record) {
        ObjectNode image = Json.NODES.objectNode();
        image.put("id", CocoIds.imageId(frame));
        JsonNode files = record.path("files");
        String primary = OutputLayout.imageKey(files);
        image.put("file_name", files.path(primary).asText());
        image.put("width", record.path("width").asInt());
        image.put("height", record.path("height").asInt());
        image.put("license", 1);
        // every other sensor's file, as "<sensor>_file" (depth_file, thermal_file, range_exr_file, ...)
        files.fields().forEachRemaining(f -> {
            if (!f.getKey().equals(primary)) image.put(f.getKey() + "_file", f.getValue().asText());
        });
        image.put("meta_file", OutputLayout.meta(frame));
        if (record.has("weather")) image.set("weather", record.get("weather"));
        if (record.has("conditions")) image.set("conditions", record.get("conditions"));
        // constrained or binned runs: the coverage bin and the attempt that was accepted
        if (record.path("sampling").has("bin")) image.set("coverage_bin", record.at("/sampling/bin"));
        if (record.path("sampling").has("attempt")) image.set("attempt", record.at("/sampling/attempt"));
        CameraOpticsRecord.copyToCoco(record.path("camera"), image);
        return image;
    }
}
