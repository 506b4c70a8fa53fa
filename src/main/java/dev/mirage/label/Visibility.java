package dev.mirage.label;

/**
 * How much of an object the camera sees.
 *
 * @param visiblePixels  pixels of the object in the rendered instance image
 * @param amodalPixels   pixels it would cover in the image if nothing hid it
 * @param occlusion      1 − visible / amodal, in [0, 1]: the share of its in-image silhouette hidden by other things
 * @param truncation     1 − in-image / whole silhouette, in [0, 1]: the share of its unoccluded silhouette that
 *                       falls outside the image (measured within a guard band of three image widths and heights)
 */
public record Visibility(long visiblePixels, long amodalPixels, double occlusion, double truncation) {
    /**
     * @param visible     pixels in the instance image
     * @param amodalImage pixels of the object rendered alone, inside the image
     * @param amodalTotal pixels of the object rendered alone, inside and outside the image
     */
    public static Visibility of(long visible, long amodalImage, long amodalTotal) {
        // Rasterised alone the object covers at least what it shows among others; equal counts mean 0.
        long amodal = Math.max(amodalImage, visible);
        double occlusion = amodal == 0 ? 0 : 1.0 - (double) visible / amodal;
        long whole = Math.max(amodalTotal, amodal);
        double truncation = whole == 0 ? 0 : 1.0 - (double) amodal / whole;
        return new Visibility(visible, amodal, clamp(occlusion), clamp(truncation));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
