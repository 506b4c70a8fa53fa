package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the example scene {@code scenes/street.json} once (3 frames at 160×120) and checks the
 * dataset against facts computed here, independently of Mirage: the files of the layout, PNG
 * formats as {@code javax.imageio} decodes them, COCO structure and ids, and every annotation's
 * area, box and RLE mask against a naive scan of the instance image.
 */
class RenderCommandTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final int FRAMES = 3;
    static final long SEED = 7;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path out;
    static CliRun run;
    static JsonNode scene;
    static JsonNode coco;

    @BeforeAll
    static void renderStreet() throws IOException {
        out = tmp.resolve("street");
        run = CliRun.render(STREET, out, FRAMES, SEED, WIDTH, HEIGHT);
        assertEquals(0, run.exit(), run.describe());
        scene = JSON.readTree(STREET.toFile());
        coco = JSON.readTree(out.resolve("annotations/coco.json").toFile());
    }

    /** Exit 0, a one-line summary on stdout and, with --quiet, nothing on stderr. */
    @Test
    void succeedsQuietlyWithASummary() {
        assertTrue(run.out().contains(FRAMES + " frames rendered, 0 already present"), run.describe());
        assertTrue(run.out().contains(coco.get("annotations").size() + " annotations"), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    /** The layout of design.md: manifest, COCO file, and rgb/depth/instance/meta for every frame. */
    @Test
    void writesEveryFileOfTheLayout() {
        List<String> missing = new ArrayList<>();
        List<String> expected = new ArrayList<>(List.of("dataset.json", "annotations/coco.json"));
        for (int f = 0; f < FRAMES; f++) {
            String stem = String.format("%06d", f);
            expected.addAll(List.of("rgb/" + stem + ".png", "depth/" + stem + ".png", "instance/" + stem + ".png",
                    "meta/" + stem + ".json"));
        }
        for (String file : expected) if (!Files.isRegularFile(out.resolve(file))) missing.add(file);
        assertEquals(List.of(), missing, "missing files");
        assertFalse(Files.exists(out.resolve(String.format("meta/%06d.json", FRAMES))), "no frame past -n");
    }

    /** The manifest names the scene by the SHA-256 of its bytes and records seed, frames and size. */
    @Test
    void manifestRecordsTheRun() throws Exception {
        JsonNode manifest = JSON.readTree(out.resolve("dataset.json").toFile());
        assertEquals(sha256(STREET), manifest.path("sceneSha256").asText());
        assertEquals(SEED, manifest.path("seed").asLong());
        assertEquals(FRAMES, manifest.path("frames").asInt());
        assertEquals(WIDTH, manifest.path("width").asInt());
        assertEquals(HEIGHT, manifest.path("height").asInt());
    }

    /** RGB is 8-bit RGB, depth and instance 16-bit grey, all at --width × --height. */
    @Test
    void imagesDecodeAtTheRequestedSizeAndFormat() {
        for (int f = 0; f < FRAMES; f++) {
            for (DecodedPng png : List.of(rgb(f), depth(f), instance(f))) {
                assertEquals(WIDTH, png.width(), "frame " + f + " width");
                assertEquals(HEIGHT, png.height(), "frame " + f + " height");
            }
            long colours = Arrays.stream(rgb(f).samples()).distinct().count();
            assertTrue(colours > 20, "frame " + f + " shows a rendered street, not a flat image: " + colours + " colours");
        }
    }

    /** COCO has its five sections, and its categories are exactly the scene's (id, name, supercategory). */
    @Test
    void cocoHasItsSectionsAndTheScenesCategories() {
        for (String section : List.of("info", "licenses", "images", "annotations", "categories"))
            assertTrue(coco.has(section), "coco.json lacks " + section);
        List<String> expected = new ArrayList<>();
        for (JsonNode c : scene.get("categories"))
            expected.add(c.get("id").asInt() + "|" + c.get("name").asText() + "|" + c.get("supercategory").asText());
        List<String> actual = new ArrayList<>();
        for (JsonNode c : coco.get("categories"))
            actual.add(c.get("id").asInt() + "|" + c.get("name").asText() + "|" + c.get("supercategory").asText());
        assertEquals(expected, actual);
    }

    /** Image ids are frame + 1; each entry has the size and names files that exist. */
    @Test
    void imageEntriesUseFramePlusOneAndNameRealFiles() {
        JsonNode images = coco.get("images");
        assertEquals(FRAMES, images.size());
        for (int f = 0; f < FRAMES; f++) {
            JsonNode image = images.get(f);
            assertEquals(f + 1, image.get("id").asLong(), "image id of frame " + f);
            assertEquals(WIDTH, image.get("width").asInt());
            assertEquals(HEIGHT, image.get("height").asInt());
            assertEquals(String.format("rgb/%06d.png", f), image.get("file_name").asText());
            for (String field : List.of("file_name", "depth_file", "instance_file", "meta_file"))
                assertTrue(Files.isRegularFile(out.resolve(image.get(field).asText())), field + " of frame " + f);
        }
    }

    /** Annotation ids are unique and ≥ 1; each refers to an image and a category that exist. */
    @Test
    void annotationIdsAreUniqueAndPositive() {
        Set<Long> ids = new HashSet<>();
        Set<Integer> categories = new HashSet<>();
        coco.get("categories").forEach(c -> categories.add(c.get("id").asInt()));
        for (JsonNode a : coco.get("annotations")) {
            long id = a.get("id").asLong();
            assertTrue(id >= 1, "annotation id " + id);
            assertTrue(ids.add(id), "annotation id " + id + " appears twice");
            long imageId = a.get("image_id").asLong();
            assertTrue(imageId >= 1 && imageId <= FRAMES, "image_id " + imageId);
            assertTrue(categories.contains(a.get("category_id").asInt()), "category_id of " + id);
            assertEquals(0, a.get("iscrowd").asInt(), "iscrowd of " + id);
        }
    }

    /** The street frames show labeled objects, so the per-annotation checks below check something. */
    @Test
    void framesHaveAnnotations() {
        assertTrue(coco.get("annotations").size() >= FRAMES, "annotations: " + coco.get("annotations").size());
    }

    /** Area and bbox of every annotation equal a naive scan of the instance PNG for its id. */
    @Test
    void areaAndBoxMatchANaiveScanOfTheInstanceImage() {
        for (JsonNode a : coco.get("annotations")) {
            DecodedPng ids = instance(frameOf(a));
            int id = a.get("instance_id").asInt();
            long area = 0;
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    if (ids.at(x, y) != id) continue;
                    area++;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
            String what = "annotation " + a.get("id") + " (frame " + frameOf(a) + ", instance " + id + ")";
            assertEquals(area, a.get("area").asDouble(), 0, what + " area");
            double[] bbox = {minX, minY, maxX - minX + 1, maxY - minY + 1};
            double[] actual = new double[4];
            for (int i = 0; i < 4; i++) actual[i] = a.get("bbox").get(i).asDouble();
            assertArrayEquals(bbox, actual, 0, what + " bbox");
        }
    }

    /** Each RLE, decoded by this test's own pycocotools port, is exactly the instance's pixels. */
    @Test
    void rleDecodesToTheInstanceMask() {
        for (JsonNode a : coco.get("annotations")) {
            JsonNode seg = a.get("segmentation");
            assertEquals(HEIGHT, seg.get("size").get(0).asInt(), "size is [height, width]");
            assertEquals(WIDTH, seg.get("size").get(1).asInt(), "size is [height, width]");
            boolean[] mask = RleDecoder.mask(seg.get("counts").asText(), HEIGHT, WIDTH);
            DecodedPng ids = instance(frameOf(a));
            int id = a.get("instance_id").asInt();
            for (int y = 0; y < HEIGHT; y++)
                for (int x = 0; x < WIDTH; x++)
                    if (mask[y * WIDTH + x] != (ids.at(x, y) == id))
                        fail("annotation " + a.get("id") + ": RLE and instance image disagree at (" + x + ", " + y + ")");
        }
    }

    /**
     * Every instance id with at least the scene's minVisiblePixels pixels has exactly one
     * annotation, none has fewer, and its category is the one the meta file gives the instance.
     */
    @Test
    void everyVisibleInstanceHasOneAnnotationWithItsCategory() throws IOException {
        int minPixels = scene.get("labels").get("minVisiblePixels").asInt();
        for (int f = 0; f < FRAMES; f++) {
            Map<Integer, Integer> pixels = new TreeMap<>();
            for (int id : instance(f).samples()) if (id != 0) pixels.merge(id, 1, Integer::sum);
            Map<Integer, JsonNode> annotated = new TreeMap<>();
            for (JsonNode a : coco.get("annotations"))
                if (frameOf(a) == f && annotated.put(a.get("instance_id").asInt(), a) != null)
                    fail("frame " + f + ": two annotations for instance " + a.get("instance_id"));
            Set<Integer> visible = new TreeSet<>();
            pixels.forEach((id, n) -> { if (n >= minPixels) visible.add(id); });
            assertEquals(visible, annotated.keySet(),
                    "frame " + f + ": annotated ids vs ids with >= " + minPixels + " pixels, of " + pixels);
            Map<Integer, Integer> categoryOf = new HashMap<>();
            for (JsonNode o : meta(f).get("objects")) categoryOf.put(o.get("instanceId").asInt(), o.get("categoryId").asInt());
            for (JsonNode a : annotated.values())
                assertEquals(categoryOf.get(a.get("instance_id").asInt()), a.get("category_id").asInt(),
                        "frame " + f + " instance " + a.get("instance_id"));
        }
    }

    /**
     * Meta lists labeled objects with ids 1..N in file order, each with its template entry's
     * category: boxes are cars, 1.75 m persons pedestrians, 6 m cylinders poles; scenery has id 0.
     */
    @Test
    void metaObjectsCarryTheirTemplateEntrysCategory() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            int nextId = 1;
            for (JsonNode o : meta(f).get("objects")) {
                int id = o.get("instanceId").asInt();
                int category = o.get("categoryId").asInt();
                String shape = o.path("shape").asText();
                double sizeY = o.get("scale").get(1).asDouble();
                int expected;
                if (shape.equals("box") && sizeY == 1.5) expected = 1;
                else if (shape.equals("person") && sizeY == 1.75) expected = 2;
                else if (shape.equals("cylinder") && sizeY == 6) expected = 3;
                else expected = 0;
                assertEquals(expected, category, "frame " + f + " object " + o);
                if (expected == 0) assertEquals(0, id, "scenery has no instance id: " + o);
                else assertEquals(nextId++, id, "labeled objects are numbered 1..N in file order");
            }
            assertTrue(nextId - 1 >= 3 + 2 + 1 + 12, "frame " + f + " has the scene's minimum of labeled objects");
        }
    }

    /**
     * Annotations of person shapes carry COCO keypoints: 51 numbers (x, y, v for 17 keypoints), v in
     * 0..2, (0, 0) exactly when v = 0, inside the image otherwise, a seen keypoint (v = 2) on a pixel
     * of its own instance, and num_keypoints the count of v &gt; 0; other annotations have none.
     */
    @Test
    void personAnnotationsCarryCocoKeypoints() throws IOException {
        int persons = 0, seen = 0;
        for (int f = 0; f < FRAMES; f++) {
            Set<Integer> personIds = new HashSet<>();
            for (JsonNode o : meta(f).get("objects"))
                if (o.path("shape").asText().equals("person")) personIds.add(o.get("instanceId").asInt());
            assertFalse(personIds.isEmpty(), "frame " + f + " places pedestrians");
            DecodedPng ids = instance(f);
            for (JsonNode a : coco.get("annotations")) {
                if (frameOf(a) != f) continue;
                int id = a.get("instance_id").asInt();
                String what = "frame " + f + " instance " + id;
                if (!personIds.contains(id)) {
                    assertFalse(a.has("keypoints") || a.has("num_keypoints"), what + " is no person: " + a);
                    continue;
                }
                persons++;
                JsonNode k = a.get("keypoints");
                assertNotNull(k, what + " lacks keypoints");
                assertEquals(51, k.size(), what);
                int labeled = 0;
                for (int i = 0; i < 51; i += 3) {
                    double x = k.get(i).asDouble(), y = k.get(i + 1).asDouble();
                    int v = k.get(i + 2).asInt();
                    assertTrue(k.get(i + 2).isIntegralNumber() && v >= 0 && v <= 2, what + " v " + k.get(i + 2));
                    if (v == 0) {
                        assertEquals(0, x, 0, what + " keypoint " + i / 3);
                        assertEquals(0, y, 0, what + " keypoint " + i / 3);
                        continue;
                    }
                    labeled++;
                    assertTrue(x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT, what + " keypoint " + i / 3 + " at " + x + ", " + y);
                    if (v == 2) {
                        seen++;
                        assertTrue(showsId(ids, x, y, id), what + " keypoint " + i / 3 + " at " + x + ", " + y + " is not on its pixels");
                    }
                }
                assertEquals(labeled, a.get("num_keypoints").asInt(), what + " num_keypoints");
            }
        }
        assertTrue(persons > 0 && seen > 0, persons + " person annotations, " + seen + " seen keypoints");
    }

    /** Whether a pixel under (x, y) shows the id; coordinates are written to 0.001 px, so either side of a rounded edge counts. */
    private static boolean showsId(DecodedPng ids, double x, double y, int id) {
        for (double dx : new double[] {-0.001, 0.001})
            for (double dy : new double[] {-0.001, 0.001}) {
                int px = (int) Math.floor(x + dx), py = (int) Math.floor(y + dy);
                if (px >= 0 && py >= 0 && px < WIDTH && py < HEIGHT && ids.at(px, py) == id) return true;
            }
        return false;
    }

    /** The category of the scene's person entries lists COCO's 17 keypoint names and 19-pair skeleton; the others have none. */
    @Test
    void thePersonCategoryHasCocoKeypointNamesAndSkeleton() {
        List<String> names = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
                "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee",
                "left_ankle", "right_ankle");
        String skeleton = "[[16,14],[14,12],[17,15],[15,13],[12,13],[6,12],[7,13],[6,7],[6,8],[7,9],[8,10],[9,11],"
                + "[2,3],[1,2],[1,3],[2,4],[3,5],[4,6],[5,7]]";
        Set<String> personCategories = new HashSet<>();
        for (JsonNode o : scene.get("objects"))
            if (o.path("shape").asText().equals("person")) personCategories.add(o.get("category").asText());
        assertEquals(Set.of("pedestrian"), personCategories);
        for (JsonNode c : coco.get("categories")) {
            if (!personCategories.contains(c.get("name").asText())) {
                assertFalse(c.has("keypoints") || c.has("skeleton"), "category " + c);
                continue;
            }
            List<String> actual = new ArrayList<>();
            c.get("keypoints").forEach(n -> actual.add(n.asText()));
            assertEquals(names, actual);
            assertEquals(skeleton, c.get("skeleton").toString());
        }
    }

    /**
     * Depth on every object pixel is that object's distance: no farther than its bounding sphere's
     * far side, no nearer than its near side foreshortened by the widest angle in view. Depth 0
     * ("no surface or beyond range", past 65.535 m) is allowed only for objects that reach past
     * that range: street.json puts poles up to 70 m away.
     */
    @Test
    void depthOnObjectPixelsMatchesTheObjectsDistance() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            JsonNode meta = meta(f);
            double[] camera = vector(meta.get("camera").get("position"));
            double focal = meta.get("camera").get("K").get(0).get(0).asDouble();
            double cosWidest = Math.cos(Math.atan(Math.hypot(WIDTH / 2.0, HEIGHT / 2.0) / focal));
            Map<Integer, double[]> nearFar = new HashMap<>();
            for (JsonNode o : meta.get("objects")) {
                double[] centre = vector(o.get("position"));
                double[] size = vector(o.get("scale"));
                double distance = Math.sqrt(squared(centre[0] - camera[0]) + squared(centre[1] - camera[1]) + squared(centre[2] - camera[2]));
                double radius = 0.5 * Math.sqrt(squared(size[0]) + squared(size[1]) + squared(size[2]));
                nearFar.put(o.get("instanceId").asInt(), new double[] {(distance - radius) * cosWidest, distance + radius});
            }
            DecodedPng ids = instance(f);
            DecodedPng mm = depth(f);
            int checked = 0;
            for (int i = 0; i < ids.samples().length; i++) {
                int id = ids.samples()[i];
                if (id == 0) continue;
                double[] range = nearFar.get(id);
                String where = "frame " + f + ", instance " + id + " at (" + i % WIDTH + ", " + i / WIDTH + ")";
                assertNotNull(range, where + ": no such object in meta");
                double metres = mm.samples()[i] / 1000.0;
                if (metres == 0) {
                    assertTrue(range[1] > 65.5, where + ": depth 0 though the object lies within " + range[1] + " m");
                    continue;
                }
                assertTrue(metres >= range[0] - 0.001 && metres <= range[1] + 0.001,
                        where + ": depth " + metres + " m outside [" + range[0] + ", " + range[1] + "]");
                checked++;
            }
            assertTrue(checked > 0, "frame " + f + " has object pixels with depth");
        }
    }

    /** K is a pinhole for the frame's vertical field of view: fx = fy = (h/2)/tan(fovY/2), principal point at the centre. */
    @Test
    void metaIntrinsicsMatchTheFieldOfView() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            JsonNode camera = meta(f).get("camera");
            double fovDeg = camera.get("fovYDeg").asDouble();
            assertTrue(fovDeg >= 45 && fovDeg <= 65, "fovYDeg " + fovDeg + " within the scene's uniform [45, 65]");
            double focal = (HEIGHT / 2.0) / Math.tan(Math.toRadians(fovDeg) / 2);
            JsonNode k = camera.get("K");
            assertEquals(focal, k.get(0).get(0).asDouble(), 1e-6, "fx");
            assertEquals(focal, k.get(1).get(1).asDouble(), 1e-6, "fy");
            assertEquals(WIDTH / 2.0, k.get(0).get(2).asDouble(), 1e-6, "cx");
            assertEquals(HEIGHT / 2.0, k.get(1).get(2).asDouble(), 1e-6, "cy");
            assertEquals(1.0, k.get(2).get(2).asDouble(), 0, "K[2][2]");
            assertEquals(f, meta(f).get("frame").asInt());
            assertEquals(f + 1, meta(f).get("imageId").asInt());
        }
    }

    private static double[] vector(JsonNode xyz) {
        return new double[] {xyz.get(0).asDouble(), xyz.get(1).asDouble(), xyz.get(2).asDouble()};
    }

    private static double squared(double v) {
        return v * v;
    }

    private static int frameOf(JsonNode annotation) {
        return annotation.get("image_id").asInt() - 1;
    }

    private static DecodedPng rgb(int frame) {
        return DecodedPng.rgb8(out.resolve(String.format("rgb/%06d.png", frame)));
    }

    private static DecodedPng depth(int frame) {
        return DecodedPng.gray16(out.resolve(String.format("depth/%06d.png", frame)));
    }

    private static DecodedPng instance(int frame) {
        return DecodedPng.gray16(out.resolve(String.format("instance/%06d.png", frame)));
    }

    private static JsonNode meta(int frame) throws IOException {
        JsonNode meta = JSON.readTree(out.resolve(String.format("meta/%06d.json", frame)).toFile());
        assertNotNull(meta);
        return meta;
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
