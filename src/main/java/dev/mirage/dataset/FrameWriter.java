package dev.mirage.dataset;

import dev.mirage.label.FrameLabels;
import dev.mirage.label.LabelPolicy;
import dev.mirage.label.SemanticImage;
import dev.mirage.infrared.ThermalCamera;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.DerivedImages;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.template.SensorsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one frame: the file of each sensor the template lists, then, last, its meta record (with the
 * frame's COCO annotations, keypoints included, and every file's path). Formats: RGB 8-bit sRGB
 * PNG or JPEG; depth and range uint16 millimetres PNG or float32 metres EXR; instance ids uint16
 * PNG; semantic category ids 8-bit PNG (16-bit when a category id exceeds 255); normals 8-bit RGB
 * PNG ({@code (n + 1) / 2 · 255}, 0 where no surface) or float32 EXR; thermal 8-bit after gain
 * control plus uint16 centikelvin PNG, or float32 kelvin EXR; NIR 8-bit. Each file goes to a
 * temporary name and is renamed into place, so a killed run leaves whole files only, and a frame
 * whose meta exists is complete.
 *
 * <p>Owns a {@link PngEncoder}. Thread safety: one writer per worker thread.
 */
public final class FrameWriter implements AutoCloseable {
    private final OutputLayout layout;
    private final RgbEncoding rgbEncoding;
    private final PngEncoder png;
    private final JpegEncoder jpeg;
    private final ModelBounds bounds;
    private final boolean wideCategories;
    private final LabelPolicy policy;
    private final SensorsSpec sensors;

    /**
     * @param bounds         the model-space box of each object's geometry, recorded in meta for 3D boxes
     * @param wideCategories write the semantic image as 16-bit (some category id exceeds 255)
     * @param policy         segmentation format and the rules that drop or mark annotations
     * @param sensors        which files to write
     */
    public FrameWriter(OutputLayout layout, int pngLevel, RgbEncoding rgbEncoding, ModelBounds bounds, boolean wideCategories,
                       LabelPolicy policy, SensorsSpec sensors) {
        this.layout = layout;
        this.policy = policy;
        this.wideCategories = wideCategories;
        this.bounds = bounds;
        this.rgbEncoding = rgbEncoding;
        this.sensors = sensors;
        this.png = new PngEncoder(pngLevel);
        this.jpeg = rgbEncoding.format() == RgbEncoding.Format.JPEG ? new JpegEncoder(rgbEncoding.jpegQuality()) : null;
    }

    /**
     * Encoded files of a frame, ready to write.
     *
     * @param files each sensor file by its path in the dataset, in writing order
     * @param meta  the meta record, written last
     */
    public record Encoded(Map<String, byte[]> files, byte[] meta) {}

    /**
     * @param draws   the frame's seed and drawn values, for its meta file
     * @param derived the range, thermal, NIR and normal images the sensors list asks for
     * @param labels  masks, keypoints and amodal boxes of the frame
     */
    public Encoded encode(FrameScene frame, FrameMeta.Draws draws, SensorFrame sensors, DerivedImages derived, FrameLabels labels) {
        Map<String, String> paths = files(this.sensors, frame.frameIndex(), rgbEncoding);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> f : paths.entrySet()) files.put(f.getValue(), encode(f.getKey(), frame, sensors, derived));
            byte[] meta = Json.MAPPER.writeValueAsBytes(FrameMeta.build(frame, draws, labels, sensors.amodal(), policy, paths, bounds));
            return new Encoded(files, meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the file that {@link #files} names {@code key}. */
    private byte[] encode(String key, FrameScene frame, SensorFrame sensors, DerivedImages derived) throws IOException {
        int w = sensors.width(), h = sensors.height();
        return switch (key) {
            case "rgb" -> jpeg != null ? jpeg.encodeRgb8(w, h, sensors.rgb().data()) : png.encodeRgb8(w, h, sensors.rgb().data());
            case "depth" -> png.encodeGray16(w, h, SensorEncoding.depthMillimetres(sensors.depth()));
            case "depth_exr" -> ExrEncoder.encodeGray(w, h, sensors.depth().data());
            case "range" -> png.encodeGray16(w, h, SensorEncoding.millimetres(derived.rangeM()));
            case "range_exr" -> ExrEncoder.encodeGray(w, h, derived.rangeM());
            case "instance" -> png.encodeGray16(w, h, SensorEncoding.instanceIds16(sensors.instance()));
            case "semantic" -> wideCategories ? png.encodeGray16(w, h, SemanticImage.categories16(sensors.instance(), frame))
                    : png.encodeGray8(w, h, SemanticImage.categories8(sensors.instance(), frame));
            case "normals" -> png.encodeRgb8(w, h, SensorEncoding.normals8(derived.normals()));
            case "normals_exr" -> ExrEncoder.encodeRgb(w, h, derived.normals().data());
            case "thermal" -> png.encodeGray8(w, h, derived.thermalGrey());
            case "thermal_radiometric" -> png.encodeGray16(w, h, ThermalCamera.centikelvin(derived.thermalKelvin()));
            case "thermal_exr" -> ExrEncoder.encodeGray(w, h, derived.thermalKelvin());
            case "nir" -> png.encodeGray8(w, h, derived.nirGrey());
            default -> throw new IllegalArgumentException("no sensor file " + key);
        };
    }

    /**
     * Each file one frame of these sensors writes, by its key in meta's {@code files} (COCO's
     * {@code <key>_file}), in writing order: thermal writes its 8-bit and its radiometric image.
     */
    public static Map<String, String> files(SensorsSpec sensors, int frame, RgbEncoding rgb) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SensorsSpec.Output o : sensors.outputs()) {
            boolean exr = o.exr();
            switch (o.sensor()) {
                case RGB -> out.put("rgb", OutputLayout.rgb(frame, rgb));
                case DEPTH -> out.put(exr ? "depth_exr" : "depth", exr ? OutputLayout.depthExr(frame) : OutputLayout.depth(frame));
                case RANGE -> out.put(exr ? "range_exr" : "range", OutputLayout.range(frame, exr));
                case INSTANCE -> out.put("instance", OutputLayout.instance(frame));
                case SEMANTIC -> out.put("semantic", OutputLayout.semantic(frame));
                case NORMALS -> out.put(exr ? "normals_exr" : "normals", OutputLayout.normals(frame, exr));
                case THERMAL -> {
                    if (exr) {
                        out.put("thermal_exr", OutputLayout.thermalRadiometric(frame, true));
                    } else {
                        out.put("thermal", OutputLayout.thermal(frame));
                        out.put("thermal_radiometric", OutputLayout.thermalRadiometric(frame, false));
                    }
                }
                case NIR -> out.put("nir", OutputLayout.nir(frame));
            }
        }
        return out;
    }

    public void write(int frame, Encoded encoded) throws IOException {
        for (Map.Entry<String, byte[]> f : encoded.files().entrySet()) AtomicFiles.write(layout.resolve(f.getKey()), f.getValue());
        AtomicFiles.write(layout.resolve(OutputLayout.meta(frame)), encoded.meta());
    }

    @Override
    public void close() {
        png.close();
        if (jpeg != null) jpeg.close();
    }

    /** The folders a dataset with these sensors writes into: meta and annotations, and those of its files. */
    public static java.util.List<String> folders(SensorsSpec sensors) {
        java.util.List<String> out = new java.util.ArrayList<>(OutputLayout.ALWAYS);
        for (String path : files(sensors, 0, RgbEncoding.PNG).values()) out.add(path.substring(0, path.indexOf('/')));
        return out.stream().distinct().toList();
    }
}
