package dev.mirage.sensor;

import java.util.Arrays;

/**
 * Per labeled instance, how many pixels it would cover if nothing hid it (rendered alone): inside
 * the image, and in all within a guard band three times the image's width and height centred on it
 * (so what the image crops off is counted too). Index = instance id; 0 and unused ids hold 0.
 *
 * <p>Immutable.
 */
public final class AmodalCoverage {
    /** How many image widths (and heights) the guard band spans. */
    public static final int GUARD_BAND = 3;

    private final long[] inImage;
    private final long[] total;

    public AmodalCoverage(long[] inImage, long[] total) {
        if (inImage.length != total.length) throw new IllegalArgumentException("arrays differ in length");
        this.inImage = inImage.clone();
        this.total = total.clone();
    }

    private static final AmodalCoverage NONE = new AmodalCoverage(new long[0], new long[0]);

    /** Coverage that was not measured (the scene turned visibility off). */
    public static AmodalCoverage none() {
        return NONE;
    }

    /** False for {@link #none()}. */
    public boolean measured() {
        return this != NONE;
    }

    /** Pixels of the unoccluded object inside the image. */
    public long inImage(int instanceId) {
        return instanceId < inImage.length ? inImage[instanceId] : 0;
    }

    /** Pixels of the unoccluded object inside and outside the image (within the guard band). */
    public long total(int instanceId) {
        return instanceId < total.length ? total[instanceId] : 0;
    }

    @Override
    public String toString() {
        return "AmodalCoverage" + Arrays.toString(inImage) + "/" + Arrays.toString(total);
    }
}
