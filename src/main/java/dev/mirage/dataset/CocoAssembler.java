package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds {@code annotations/coco.json} from the per-frame meta records of the manifest's frames
 * (all of 0..N−1, or one shard's share of them): info,
 * licenses, images (with the other sensors' file names as extra fields), annotations and the
 * template's categories. The output depends only on the records, so a resumed or split run gives
 * the same file.
 *
 * <p>Thread safety: stateless.
 */
public final class CocoAssembler {
    /** A COCO category as the template defines it. */
    public record Category(int id, String name, String supercategory) {}

    private CocoAssembler() {}

    /** Writes the COCO file and returns how many annotations it holds. */
    public static long assemble(OutputLayout layout, Manifest manifest, List<Category> categories) throws IOException {
        ObjectNode root = Json.NODES.objectNode();
        ObjectNode info = root.putObject("info");
        info.put("description", manifest.sceneName() + " (synthetic, rendered by Mirage)");
        info.put("version", manifest.toolVersion());
        info.put("contributor", "Mirage");
        info.put("url", "");
        info.put("year", 0);
        info.put("date_created", "");
        info.put("seed", manifest.seed());
        ArrayNode licenses = root.putArray("licenses");
        licenses.addObject().put("id", 1).put("name", "set by the dataset's owner").put("url", "");
        ArrayNode images = root.putArray("images");
        ArrayNode annotations = root.putArray("annotations");
        for (int frame : manifest.shard().frames(manifest.frames()).toArray()) {
            Path meta = layout.resolve(OutputLayout.meta(frame));
            JsonNode record = Json.MAPPER.readTree(meta.toFile());
            ObjectNode image = images.addObject();
            image.put("id", CocoIds.imageId(frame));
            image.put("file_name", record.path("files").path("rgb").asText());
            image.put("width", record.path("width").asInt());
            image.put("height", record.path("height").asInt());
            image.put("license", 1);
            image.put("depth_file", record.path("files").path("depth").asText());
            image.put("instance_file", record.path("files").path("instance").asText());
            image.put("meta_file", OutputLayout.meta(frame));
            for (JsonNode a : record.path("annotations")) annotations.add(a);
        }
        ArrayNode cats = root.putArray("categories");
        for (Category c : categories) cats.addObject().put("id", c.id()).put("name", c.name()).put("supercategory", c.supercategory());
        AtomicFiles.write(layout.resolve(OutputLayout.COCO), Json.COMPACT.writeValueAsBytes(root));
        return annotations.size();
    }
}
