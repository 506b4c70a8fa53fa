package dev.mirage.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.label.Box3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector4d;

/**
 * Converts a dataset folder to the KITTI object-detection layout under a target folder (by default
 * {@code OUT/kitti}), one entry per frame whose meta record exists, named by the frame's index:
 * <ul>
 *   <li>{@code image_2/NNNNNN.png}: a hard link to the frame's RGB image, a copy where linking fails
 *       (another file system). A dataset rendered with {@code --rgb-format jpeg} gets
 *       {@code image_2/NNNNNN.jpg} instead ({@link Result#imageExtension()}): KITTI loaders that
 *       hard-code ".png" must be told.</li>
 *   <li>{@code label_2/NNNNNN.txt}: one line per COCO annotation of the frame, KITTI's 15 fields (see
 *       {@link Label}); a frame without annotations gets an empty file.</li>
 *   <li>{@code calib/NNNNNN.txt}: P0..P3 = [K | 0] (one camera, so all four are equal), R0_rect = I,
 *       and Tr_velo_to_cam, Tr_imu_to_velo = [I | 0]. The last two are placeholders: there is no lidar
 *       or IMU, so tools that move labels into a "velodyne" frame get the camera frame back.</li>
 * </ul>
 *
 * <p><b>Coordinates.</b> KITTI's camera frame is x right, y down, z forward; ours is x right, y up,
 * looking down −z, so a point (x, y, z) of ours is (x, −y, −z) in KITTI's. K is already written for
 * that frame (v = cy − fy·y/(−z) = cy + fy·y_kitti/z_kitti), so P2 = [K | 0] projects label
 * locations onto the image. Pixel coordinates follow Mirage's pixel-edge convention throughout: the
 * label's bbox is COCO's (x, y, x+w, y+h), and K's principal point is the image centre W/2, H/2. (The
 * original KITTI data counts pixel centres from 0, half a pixel off; the two agree with each other
 * here, which is what projection-consistency checks need.) The camera is not levelled: labels are in
 * the true camera frame, and a pitched or rolled camera tilts objects in it, which KITTI's yaw-only
 * rotation_y cannot say (see {@link Geometry}).
 *
 * <p><b>Writes</b> go through {@link AtomicFiles} (images: linked or copied to a temporary name, then
 * renamed), so an interrupted export leaves whole files and a rerun redoes it.
 *
 * <p>Thread safety: stateless; one export runs on the calling thread.
 */
public final class KittiExporter {
    /** Default target folder name inside the dataset. */
    public static final String FOLDER = "kitti";
    /** Occlusion ratios (fraction of the object hidden) from this value up are KITTI "partly occluded" (1). */
    public static final double PARTLY_OCCLUDED_FROM = 0.10;
    /** Occlusion ratios from this value up are KITTI "largely occluded" (2). */
    public static final double LARGELY_OCCLUDED_FROM = 0.50;
    /** KITTI's occlusion level for "unknown", written when an annotation carries no occlusion ratio. */
    public static final int OCCLUSION_UNKNOWN = 3;

    private KittiExporter() {}

    /**
     * What an export did.
     *
     * @param target         the KITTI folder
     * @param frames         frames exported
     * @param labels         label lines written
     * @param linked         images hard-linked
     * @param copied         images copied (linking failed)
     * @param imageExtension "png", or "jpg" for a JPEG dataset
     * @param missingFrames  frames of the manifest without a meta record (not rendered yet), skipped
     */
    public record Result(Path target, int frames, long labels, long linked, long copied, String imageExtension,
                         int missingFrames) {}

    /** Where {@code mirage export --format kitti} writes without {@code -o}: {@code DATASET/kitti}. */
    public static Path defaultTarget(Path dataset) {
        return dataset.resolve(FOLDER);
    }

    /** Exports {@code dataset} into {@link #defaultTarget}. */
    public static Result export(Path dataset) throws IOException {
        return export(dataset, defaultTarget(dataset));
    }

    /**
     * Exports every rendered frame of {@code dataset} (those of its manifest, or of its shard, whose
     * meta record exists) into {@code target}, replacing files of the same names. Frames are written
     * one after the other; a dataset error stops the export at that frame.
     *
     * @throws InvalidDatasetException when the dataset cannot be read as described there
     * @throws IOException             when reading or writing fails
     */
    public static Result export(Path dataset, Path target) throws IOException {
        Manifest manifest;
        try {
            manifest = Manifest.read(dataset).orElseThrow(() ->
                    new InvalidDatasetException(dataset + ": no " + OutputLayout.MANIFEST + "; is it a Mirage dataset?"));
        } catch (IOException e) {
            throw new InvalidDatasetException(dataset.resolve(OutputLayout.MANIFEST) + ": unreadable: " + e.getMessage());
        }
        Map<Integer, String> types = categoryTypes(dataset.resolve(OutputLayout.COCO));
        OutputLayout layout = new OutputLayout(dataset);
        int frames = 0, missing = 0;
        long labels = 0, linked = 0;
        for (int frame : manifest.frameIndices().toArray()) {
            if (!layout.frameComplete(frame)) {
                missing++;
                continue;
            }
            FrameExport done = exportFrame(layout, frame, types, target);
            labels += done.labels();
            if (done.linked()) linked++;
            frames++;
        }
        return new Result(target, frames, labels, linked, frames - linked, manifest.rgbEncoding().extension(), missing);
    }

    private record FrameExport(int labels, boolean linked) {}

    /** Image, calib and labels of one frame; the labels are built before anything is written. */
    private static FrameExport exportFrame(OutputLayout layout, int frame, Map<Integer, String> types, Path target) throws IOException {
        Path metaFile = layout.resolve(OutputLayout.meta(frame));
        String stem = OutputLayout.stem(frame);
        JsonNode meta;
        try {
            meta = Json.MAPPER.readTree(metaFile.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(metaFile + ": malformed JSON: " + e.getOriginalMessage());
        }
        FrameView view;
        StringBuilder lines = new StringBuilder();
        int count = 0;
        try {
            view = FrameView.of(meta);
            for (JsonNode annotation : meta.path("annotations")) {
                lines.append(label(annotation, view, types).toLine()).append('\n');
                count++;
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(metaFile + ": " + e.getMessage());
        }
        JsonNode rgbName = meta.path("files").path("rgb");
        if (!rgbName.isTextual()) throw new InvalidDatasetException(metaFile + ": no files.rgb");
        Path rgb = layout.resolve(rgbName.asText());
        if (!Files.isRegularFile(rgb)) throw new InvalidDatasetException(rgb + ": missing (named in " + metaFile + ")");
        boolean linked = AtomicFiles.linkOrCopy(rgb, target.resolve("image_2/" + stem + extension(rgb)));
        AtomicFiles.writeString(target.resolve("calib/" + stem + ".txt"), calib(view.k()));
        AtomicFiles.writeString(target.resolve("label_2/" + stem + ".txt"), lines.toString());
        return new FrameExport(count, linked);
    }

    /**
     * One KITTI label line.
     *
     * @param type      KITTI type (see {@link #typeName})
     * @param truncated 0..1: the annotation's "truncation" (share of the unoccluded silhouette outside the
     *                  image, measured by the renderer) when the meta record has it, else the box estimate
     *                  {@link Box3d#truncation}, else 0 (no box3d either)
     * @param occluded  0 fully visible, 1 partly, 2 largely occluded: {@link #occlusionLevel} of the
     *                  annotation's "occlusion" (1 − visible / amodal pixels); 3 (unknown) without one
     * @param left      COCO bbox x, pixels
     * @param top       COCO bbox y
     * @param right     COCO bbox x + w
     * @param bottom    COCO bbox y + h
     * @param geometry  alpha, dimensions, location and rotation_y
     */
    public record Label(String type, double truncated, int occluded, double left, double top, double right, double bottom,
                        Geometry geometry) {
        /** The 15 space-separated fields: type, truncated, occluded, alpha, bbox (4), h w l, x y z, rotation_y. */
        public String toLine() {
            Geometry g = geometry;
            return String.join(" ", type, fixed(truncated), Integer.toString(occluded), fixed(g.alpha()),
                    fixed(left), fixed(top), fixed(right), fixed(bottom), fixed(g.heightM()), fixed(g.widthM()), fixed(g.lengthM()),
                    fixed(g.x()), fixed(g.y()), fixed(g.z()), fixed(g.rotationY()));
        }
    }

    /**
     * A box's KITTI 3D fields, in KITTI camera coordinates (x right, y down, z forward, metres).
     *
     * <ul>
     *   <li>Dimensions: height along the box axis most aligned with world up, length along the longer
     *       of the other two, width along the shorter ({@link Box3d#upright()}).</li>
     *   <li>Location (x, y, z): the centre of the box's bottom face, ours (x, y, z) → (x, −y, −z).</li>
     *   <li>rotation_y: yaw about KITTI's y axis of the length axis, taken in the box frame's positive
     *       direction (so a model whose front faces its −x reads π off), projected onto the camera's
     *       x–z plane: with that axis (dx, ·, dz) in KITTI coordinates KITTI's object frame maps x to
     *       (cos ry, 0, −sin ry), so ry = atan2(−dz, dx) (= atan2(z, x) of the axis in our
     *       coordinates); 0 along camera +x, −π/2 pointing away from the camera. In −π..π.</li>
     *   <li>alpha (observation angle): ry − atan2(x, z) of the location, wrapped to −π..π, as the KITTI
     *       devkit defines it: equal to ry for an object straight ahead on the z axis.</li>
     * </ul>
     * A tilted camera leaves the length axis slightly out of the x–z plane; its projection is used and
     * the tilt is lost (KITTI boxes only yaw).
     */
    public record Geometry(double heightM, double widthM, double lengthM, double x, double y, double z, double rotationY,
                           double alpha) {
        /** KITTI's values for an object without 3D information: dimensions −1, location −1000, angles −10. */
        public static final Geometry UNKNOWN = new Geometry(-1, -1, -1, -1000, -1000, -1000, -10, -10);

        public static Geometry of(Box3d box) {
            Box3d.Upright u = box.upright();
            double x = u.bottomCentre().x(), y = -u.bottomCentre().y(), z = -u.bottomCentre().z();
            double rotationY = wrap(Math.atan2(u.lengthAxis().z(), u.lengthAxis().x()));
            double alpha = wrap(rotationY - Math.atan2(x, z));
            return new Geometry(u.heightM(), u.widthM(), u.lengthM(), x, y, z, rotationY, alpha);
        }
    }

    /**
     * A category name as a KITTI type: surrounding blanks removed, inner runs of whitespace replaced by
     * '_', first letter upper-case, the rest kept ("car" → "Car", "person sitting" → "Person_sitting").
     */
    public static String typeName(String category) {
        String s = category.strip().replaceAll("\\s+", "_");
        if (s.isEmpty()) throw new IllegalArgumentException("empty category name");
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(s.substring(Character.charCount(first))).toString();
    }

    /**
     * KITTI's occlusion level for a ratio of the object hidden by others (0 none, 1 all): below
     * {@link #PARTLY_OCCLUDED_FROM} 0 (fully visible), below {@link #LARGELY_OCCLUDED_FROM} 1 (partly),
     * else 2 (largely); {@link #OCCLUSION_UNKNOWN} for NaN.
     */
    public static int occlusionLevel(double ratio) {
        if (Double.isNaN(ratio)) return OCCLUSION_UNKNOWN;
        return ratio < PARTLY_OCCLUDED_FROM ? 0 : ratio < LARGELY_OCCLUDED_FROM ? 1 : 2;
    }

    /** The calib file for a camera with this row-major K. */
    static String calib(double[] k) {
        double[] p = {k[0], k[1], k[2], 0, k[3], k[4], k[5], 0, k[6], k[7], k[8], 0};
        double[] rt = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) calibLine(out, "P" + i, p);
        calibLine(out, "R0_rect", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        calibLine(out, "Tr_velo_to_cam", rt);
        calibLine(out, "Tr_imu_to_velo", rt);
        return out.toString();
    }

    private static void calibLine(StringBuilder out, String key, double[] values) {
        out.append(key).append(':');
        for (double v : values) out.append(' ').append(String.format(Locale.ROOT, "%.12e", v + 0.0));
        out.append('\n');
    }

    /** @throws IllegalArgumentException naming what is wrong with the annotation */
    private static Label label(JsonNode a, FrameView view, Map<Integer, String> types) {
        int categoryId = a.path("category_id").asInt();
        String type = types.get(categoryId);
        if (type == null) throw new IllegalArgumentException("annotation " + a.path("id") + " has category " + categoryId
                + ", which " + OutputLayout.COCO + " does not list");
        JsonNode b = a.path("bbox");
        if (b.size() != 4) throw new IllegalArgumentException("annotation " + a.path("id") + " has no [x, y, w, h] bbox");
        double x = b.get(0).asDouble(), y = b.get(1).asDouble();
        // A crowd annotation (a rule marked it) is a region evaluation ignores: KITTI's DontCare.
        if (a.path("iscrowd").asInt() == 1)
            return new Label("DontCare", -1, -1, x, y, x + b.get(2).asDouble(), y + b.get(3).asDouble(), Geometry.UNKNOWN);
        JsonNode object = view.objects().get(a.path("instance_id").asInt());
        if (object == null) throw new IllegalArgumentException("annotation " + a.path("id") + " names instance "
                + a.path("instance_id") + ", which no object has");
        JsonNode box3d = object.get("box3d");
        Box3d box = box3d == null ? null : Box3d.of(view.worldToCamera(), doubles(box3d.path("min"), 3), doubles(box3d.path("max"), 3),
                matrix(box3d.path("boxToWorld")));
        double truncated = a.hasNonNull("truncation") ? a.get("truncation").asDouble() : box == null ? 0 : box.truncation(view.pinhole());
        int occluded = a.hasNonNull("occlusion") ? occlusionLevel(a.get("occlusion").asDouble()) : OCCLUSION_UNKNOWN;
        return new Label(type, Math.max(0, Math.min(1, truncated)), occluded, x, y, x + b.get(2).asDouble(), y + b.get(3).asDouble(),
                box == null ? Geometry.UNKNOWN : Geometry.of(box));
    }

    /** What one frame's labels need from its meta record. */
    private record FrameView(double[] k, Box3d.Pinhole pinhole, Matrix4d worldToCamera, Map<Integer, JsonNode> objects) {
        static FrameView of(JsonNode meta) {
            JsonNode camera = meta.path("camera");
            double[] k = doubles(camera.path("K"), 9);
            Box3d.Pinhole pinhole = Box3d.Pinhole.of(k, meta.path("width").asInt(), meta.path("height").asInt(),
                    camera.path("nearM").asDouble(0.1));
            Matrix4d worldToCamera = matrix(camera.path("cameraToWorld")).invertAffine();
            Map<Integer, JsonNode> objects = new HashMap<>();
            for (JsonNode o : meta.path("objects")) if (o.path("instanceId").asInt() > 0) objects.put(o.path("instanceId").asInt(), o);
            return new FrameView(k, pinhole, worldToCamera, objects);
        }
    }

    /** Numbers of a flat or nested JSON array, row by row. */
    private static double[] doubles(JsonNode array, int count) {
        double[] out = new double[count];
        int n = 0;
        for (JsonNode item : array) {
            for (JsonNode v : item.isArray() ? item : List.of(item)) {
                if (!v.isNumber() || n == count) throw new IllegalArgumentException("expected " + count + " numbers, got " + array);
                out[n++] = v.asDouble();
            }
        }
        if (n != count) throw new IllegalArgumentException("expected " + count + " numbers, got " + array);
        return out;
    }

    /** A 4×4 matrix written as four rows. */
    private static Matrix4d matrix(JsonNode rows) {
        double[] m = doubles(rows, 16);
        Matrix4d out = new Matrix4d();
        for (int r = 0; r < 4; r++) out.setRow(r, new Vector4d(m[4 * r], m[4 * r + 1], m[4 * r + 2], m[4 * r + 3]));
        return out;
    }

    /** Category id → KITTI type, reading only the "categories" member of the (possibly huge) COCO file. */
    private static Map<Integer, String> categoryTypes(Path coco) throws IOException {
        if (!Files.isRegularFile(coco)) throw new InvalidDatasetException(coco + ": missing; is it a Mirage dataset?");
        Map<Integer, String> out = new HashMap<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(coco.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new InvalidDatasetException(coco + ": expected a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("categories")) {
                    p.skipChildren();
                    continue;
                }
                JsonNode categories = Json.MAPPER.readTree(p);
                for (JsonNode c : categories) {
                    if (!c.path("id").canConvertToInt() || c.path("name").asText().isBlank())
                        throw new InvalidDatasetException(coco + ": category " + c + " lacks an id or a name");
                    out.put(c.path("id").asInt(), typeName(c.path("name").asText()));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(coco + ": malformed JSON: " + e.getOriginalMessage());
        }
        return out;
    }

    /** The file's extension with its dot (".png", ".jpg"), as the dataset wrote it. */
    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    /** %.2f as KITTI writes labels, without a "-0.00". */
    private static String fixed(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /** The angle in −π..π. */
    private static double wrap(double radians) {
        return Math.IEEEremainder(radians, 2 * Math.PI);
    }
}
