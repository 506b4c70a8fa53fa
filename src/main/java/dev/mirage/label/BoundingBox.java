package dev.mirage.label;

/**
 * An axis-aligned pixel box in COCO's pixel-edge convention: pixel (x, y) covers
 * [x, x+1) × [y, y+1), origin top-left, so a mask whose pixels lie in columns x0..x1 and rows
 * y0..y1 (inclusive) has the box [x0, y0, x1 − x0 + 1, y1 − y0 + 1]. A box may be empty (width or
 * height 0), which is what COCO writes for a mask with no pixel: [0, 0, 0, 0].
 *
 * <p>Thread safety: immutable.
 *
 * @param x      left edge, pixels from the image's left side, ≥ 0
 * @param y      top edge, pixels from the image's top side, ≥ 0
 * @param width  pixels covered horizontally, ≥ 0
 * @param height pixels covered vertically, ≥ 0
 */
public record BoundingBox(int x, int y, int width, int height) {

    /** The empty box at the origin, COCO's box for a mask without pixels. */
    public static final BoundingBox EMPTY = new BoundingBox(0, 0, 0, 0);

    public BoundingBox {
        if (x < 0 || y < 0 || width < 0 || height < 0)
            throw new IllegalArgumentException("bounding box " + x + "," + y + " " + width + "x" + height
                    + ": expected non-negative origin and size");
        if ((long) x + width > Integer.MAX_VALUE || (long) y + height > Integer.MAX_VALUE)
            throw new IllegalArgumentException("bounding box " + x + "," + y + " " + width + "x" + height
                    + ": right or bottom edge overflows int");
    }

    /**
     * The box covering columns {@code minX..maxX} and rows {@code minY..maxY}, both inclusive, as
     * found by scanning a mask's pixels.
     */
    public static BoundingBox ofInclusive(int minX, int minY, int maxX, int maxY) {
        if (maxX < minX || maxY < minY)
            throw new IllegalArgumentException("inclusive pixel range x " + minX + ".." + maxX
                    + ", y " + minY + ".." + maxY + ": expected min <= max");
        return new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The whole image of the given size. */
    public static BoundingBox ofImage(int width, int height) {
        return new BoundingBox(0, 0, width, height);
    }

    /** One past the rightmost column covered (exclusive right edge). */
    public int endX() { return x + width; }

    /** One past the bottom row covered (exclusive bottom edge). */
    public int endY() { return y + height; }

    /** True when the box covers no pixel. */
    public boolean isEmpty() { return width == 0 || height == 0; }

    /** Pixels covered: width × height. */
    public long pixelCount() { return (long) width * height; }

    /** True when the box lies inside an image of the given size. */
    public boolean fitsWithin(int imageWidth, int imageHeight) {
        return endX() <= imageWidth && endY() <= imageHeight;
    }

    /** The box as COCO's {@code bbox} field: a fresh {@code [x, y, width, height]}. */
    public double[] toCoco() {
        return new double[] {x, y, width, height};
    }
}
