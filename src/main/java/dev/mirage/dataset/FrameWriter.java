package dev.mirage.dataset;

import dev.mirage.label.FrameLabels;
import dev.mirage.label.LabelPolicy;
import dev.mirage.label.SemanticImage;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.SensorFrame;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one frame: RGB (8-bit sRGB PNG, or JPEG), depth (16-bit PNG, millimetres), instance ids (16-bit PNG),
 * semantic category ids (8-bit PNG, 16-bit when a category id exceeds 255)
 * and, last, its meta record (with the frame's COCO annotations, keypoints included). Each file goes to a temporary name and is renamed into place, so a
 * killed run leaves whole files only, and a frame whose meta exists is complete.
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

    /**
     * @param bounds         the model-space box of each object's geometry, recorded in meta for 3D boxes
     * @param wideCategories write the semantic image as 16-bit (some category id exceeds 255)
     * @param policy         segmentation format and the rules that drop or mark annotations
     */
    public FrameWriter(OutputLayout layout, int pngLevel, RgbEncoding rgbEncoding, ModelBounds bounds, boolean wideCategories,
                       LabelPolicy policy) {
        this.layout = layout;
        this.policy = policy;
        this.wideCategories = wideCategories;
        this.bounds = bounds;
        this.rgbEncoding = rgbEncoding;
        this.png = new PngEncoder(pngLevel);
        this.jpeg = rgbEncoding.format() == RgbEncoding.Format.JPEG ? new JpegEncoder(rgbEncoding.jpegQuality()) : null;
    }

    /** Encoded files of a frame, ready to write. */
    public record Encoded(byte[] rgb, byte[] depth, byte[] instance, byte[] semantic, byte[] meta) {}

    /**
     * @param labels masks, keypoints and amodal boxes of the frame
     */
    public Encoded encode(FrameScene frame, SensorFrame sensors, FrameLabels labels) {
        return encode(frame, FrameMeta.Draws.NONE, sensors, labels);
    }

    /**
     * @param draws  the frame's seed and drawn values, for its meta file
     * @param labels masks, keypoints and amodal boxes of the frame
     */
    public Encoded encode(FrameScene frame, FrameMeta.Draws draws, SensorFrame sensors, FrameLabels labels) {
        int w = sensors.width(), h = sensors.height();
        try {
            return new Encoded(
                    jpeg != null ? jpeg.encodeRgb8(w, h, sensors.rgb().data()) : png.encodeRgb8(w, h, sensors.rgb().data()),
                    png.encodeGray16(w, h, SensorEncoding.depthMillimetres(sensors.depth())),
                    png.encodeGray16(w, h, SensorEncoding.instanceIds16(sensors.instance())),
                    wideCategories ? png.encodeGray16(w, h, SemanticImage.categories16(sensors.instance(), frame))
                            : png.encodeGray8(w, h, SemanticImage.categories8(sensors.instance(), frame)),
                    Json.MAPPER.writeValueAsBytes(FrameMeta.build(frame, draws, labels, sensors.amodal(), policy,
                            OutputLayout.rgb(frame.frameIndex(), rgbEncoding), bounds)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(int frame, Encoded files) throws IOException {
        AtomicFiles.write(layout.resolve(OutputLayout.rgb(frame, rgbEncoding)), files.rgb());
        AtomicFiles.write(layout.resolve(OutputLayout.depth(frame)), files.depth());
        AtomicFiles.write(layout.resolve(OutputLayout.instance(frame)), files.instance());
        AtomicFiles.write(layout.resolve(OutputLayout.semantic(frame)), files.semantic());
        AtomicFiles.write(layout.resolve(OutputLayout.meta(frame)), files.meta());
    }

    @Override
    public void close() {
        png.close();
        if (jpeg != null) jpeg.close();
    }
}
