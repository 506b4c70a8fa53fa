package dev.mirage.scene;

/**
 * A water drop on the camera's lens or cover glass, in image terms: centre at ({@code x}, {@code y})
 * as fractions of width and height (origin top-left), radius as a fraction of the image height.
 */
public record LensDrop(double x, double y, double radius) {
    public LensDrop {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) throw new IllegalArgumentException("lens drop at " + x + ", " + y);
        if (!(radius > 0 && radius < 1)) throw new IllegalArgumentException("lens drop radius " + radius);
    }
}
