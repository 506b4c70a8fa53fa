package dev.mirage.template;

/**
 * The template's {@code camera.lens}: a distortion model and its coefficients in OpenCV's
 * conventions, each in any number form. Brown–Conrady uses k1, k2, k3, p1, p2 (k4 is null);
 * fisheye uses k1..k4 (p1, p2 are null). Unset coefficients are 0.
 *
 * @param model "brown-conrady" or "fisheye"
 */
public record LensSpec(String model, NumberDist k1, NumberDist k2, NumberDist k3, NumberDist k4, NumberDist p1, NumberDist p2) {
    /** Model names a template may use. */
    public static final java.util.List<String> MODELS = java.util.List.of("brown-conrady", "fisheye");
}
