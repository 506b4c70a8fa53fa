package dev.mirage.dataset;

import java.nio.file.Path;

/**
 * Where each file of a dataset lives under its output folder (design.md's layout). Paths inside the
 * dataset are written with '/' and relative to the folder, as COCO's {@code file_name} expects.
 */
public record OutputLayout(Path root) {
    public static final String MANIFEST = "dataset.json";
    public static final String COCO = "annotations/coco.json";
    /** Sub-folders a writer may create (which ones, the template's sensors decide); nothing else in the folder is touched. */
    public static final String[] FOLDERS = {"rgb", "depth", "instance", "semantic", "meta", "annotations",
            "range", "normals", "infrared", "infrared-radiometric", "nir"};
    /** The folders every dataset has. */
    public static final java.util.List<String> ALWAYS = java.util.List.of("meta", "annotations");

    public static String rgb(int frame, RgbEncoding encoding) { return "rgb/" + stem(frame) + "." + encoding.extension(); }
    public static String depth(int frame) { return "depth/" + stem(frame) + ".png"; }
    public static String instance(int frame) { return "instance/" + stem(frame) + ".png"; }
    public static String semantic(int frame) { return "semantic/" + stem(frame) + ".png"; }
    public static String meta(int frame) { return "meta/" + stem(frame) + ".json"; }
    public static String range(int frame, boolean exr) { return "range/" + stem(frame) + (exr ? ".exr" : ".png"); }
    public static String normals(int frame, boolean exr) { return "normals/" + stem(frame) + (exr ? ".exr" : ".png"); }
    public static String depthExr(int frame) { return "depth/" + stem(frame) + ".exr"; }
    /** The thermal camera's 8-bit image (after its gain control). */
    public static String thermal(int frame) { return "infrared/" + stem(frame) + ".png"; }
    /** The thermal camera's radiometric image: uint16 centikelvin PNG, or float32 kelvin EXR. */
    public static String thermalRadiometric(int frame, boolean exr) {
        return "infrared-radiometric/" + stem(frame) + (exr ? ".exr" : ".png");
    }
    public static String nir(int frame) { return "nir/" + stem(frame) + ".png"; }

    /**
     * The key, among a frame's meta {@code files}, of the image COCO's {@code file_name} names and
     * previews draw on: RGB, else the thermal image, else the NIR one, else the thermal EXR.
     */
    public static String imageKey(com.fasterxml.jackson.databind.JsonNode files) {
        for (String key : new String[] {"rgb", "thermal", "nir", "thermal_exr"}) if (files.has(key)) return key;
        return "rgb";
    }

    /** Six-digit zero-padded frame index (more digits past 999,999). */
    public static String stem(int frame) { return String.format("%06d", frame); }

    public Path resolve(String relative) { return root.resolve(relative); }

    /** A frame is complete once its meta file exists: it is written last. */
    public boolean frameComplete(int frame) { return java.nio.file.Files.isRegularFile(resolve(meta(frame))); }
}
