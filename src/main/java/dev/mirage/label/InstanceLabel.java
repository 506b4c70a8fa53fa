package dev.mirage.label;

import java.util.Objects;

/**
 * The 2D label of one visible instance in one frame: its visible pixel count, the box around
 * those pixels and their mask. Made by {@link MaskLabeler}; whether the COCO annotation is a
 * crowd is decided by the dataset writer (always {@code iscrowd = 0} for a single instance).
 *
 * <p>Thread safety: immutable.
 *
 * @param instanceId the instance's id in the frame's instance image, never 0 (background)
 * @param area       visible pixels, ≥ 1; equals {@code rle.area()}
 * @param bbox       the box around the visible pixels, COCO pixel-edge convention, non-empty
 * @param rle        the visible pixels as COCO RLE over the whole image
 */
public record InstanceLabel(int instanceId, long area, BoundingBox bbox, CocoRle rle) {

    public InstanceLabel {
        Objects.requireNonNull(bbox, "bbox");
        Objects.requireNonNull(rle, "rle");
        if (instanceId == 0)
            throw new IllegalArgumentException("instance id 0 is background and has no label");
        if (area < 1 || area > bbox.pixelCount())
            throw new IllegalArgumentException("instance " + instanceId + ": area " + area
                    + ", expected 1.." + bbox.pixelCount() + " (the box " + bbox + ")");
        if (!bbox.fitsWithin(rle.width(), rle.height()))
            throw new IllegalArgumentException("instance " + instanceId + ": box " + bbox
                    + " outside the " + rle.width() + "x" + rle.height() + " mask");
        if (rle.area() != area)
            throw new IllegalArgumentException("instance " + instanceId + ": area " + area
                    + " but the mask has " + rle.area() + " pixels");
    }
}
