package dev.mirage.dataset;

import dev.mirage.label.FrameLabels;
import dev.mirage.label.LabelPolicy;
import dev.mirage.label.SemanticImage;
import dev.mirage.infrared.ThermalCamera;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.DerivedImages;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.template.SensorsSpec;
import dev.mirage.template.SensorsSpec.Sensor;
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
        int w = sensors.width(), h = sensors.height(), i = frame.frameIndex();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (SensorsSpec.Output o : this.sensors.outputs()) {
                boolean exr = o.exr();
                switch (o.sensor()) {
                    case RGB -> put(files, keys, "rgb", OutputLayout.rgb(i, rgbEncoding), jpeg != null
                            ? jpeg.encodeRgb8(w, h, sensors.rgb().data()) : png.encodeRgb8(w, h, sensors.rgb().data()));
                    case DEPTH -> put(files, keys, exr ? "depth_exr" : "depth", exr ? OutputLayout.depthExr(i) : OutputLayout.depth(i),
                            exr ? ExrEncoder.encodeGray(w, h, sensors.depth().data())
                                    : png.encodeGray16(w, h, SensorEncoding.depthMillimetres(sensors.depth())));
                    case RANGE -> put(files, keys, exr ? "range_exr" : "range", OutputLayout.range(i, exr),
                            exr ? ExrEncoder.encodeGray(w, h, derived.rangeM())
                                    : png.encodeGray16(w, h, SensorEncoding.millimetres(derived.rangeM())));
                    case INSTANCE -> put(files, keys, "instance", OutputLayout.instance(i),
                            png.encodeGray16(w, h, SensorEncoding.instanceIds16(sensors.instance())));
                    case SEMANTIC -> put(files, keys, "semantic", OutputLayout.semantic(i),
                            wideCategories ? png.encodeGray16(w, h, SemanticImage.categories16(sensors.instance(), frame))
                                    : png.encodeGray8(w, h, SemanticImage.categories8(sensors.instance(), frame)));
                    case NORMALS -> put(files, keys, exr ? "normals_exr" : "normals", OutputLayout.normals(i, exr),
                            exr ? ExrEncoder.encodeRgb(w, h, derived.normals().data())
                                    : png.encodeRgb8(w, h, SensorEncoding.normals8(derived.normals())));
                    case THERMAL -> {
                        if (exr) {
                            put(files, keys, "thermal_exr", OutputLayout.thermalRadiometric(i, true),
                                    ExrEncoder.encodeGray(w, h, derived.thermalKelvin()));
                        } else {
                            put(files, keys, "thermal", OutputLayout.thermal(i), png.encodeGray8(w, h, derived.thermalGrey()));
                            put(files, keys, "thermal_radiometric", OutputLayout.thermalRadiometric(i, false),
                                    png.encodeGray16(w, h, ThermalCamera.centikelvin(derived.thermalKelvin())));
                        }
                    }
                    case NIR -> put(files, keys, "nir", OutputLayout.nir(i), png.encodeGray8(w, h, derived.nirGrey()));
                }
            }
            byte[] meta = Json.MAPPER.writeValueAsBytes(FrameMeta.build(frame, draws, labels, sensors.amodal(), policy, keys, bounds));
            return new Encoded(files, meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Map<String, byte[]> files, Map<String, String> keys, String key, String path, byte[] bytes) {
        files.put(path, bytes);
        keys.put(key, path);
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

    /** The folders a dataset with these sensors writes into. */
    public static java.util.List<String> folders(SensorsSpec sensors) {
        java.util.List<String> out = new java.util.ArrayList<>(OutputLayout.ALWAYS);
        for (SensorsSpec.Output o : sensors.outputs()) {
            switch (o.sensor()) {
                case THERMAL -> out.add(o.exr() ? "infrared-radiometric" : "infrared");
                default -> out.add(o.sensor().key());
            }
            if (o.sensor() == Sensor.THERMAL && !o.exr()) out.add("infrared-radiometric");
        }
        return out.stream().distinct().toList();
    }
}
