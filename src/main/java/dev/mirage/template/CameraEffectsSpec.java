package dev.mirage.template;

/**
 * The template's {@code camera.effects}, each in any number form; null where the template leaves an
 * effect off.
 *
 * @param shotNoise             {@code noise.shot}: shot-noise variance per unit linear signal, 0..1
 * @param readNoise             {@code noise.read}: read-noise standard deviation in linear light, 0..1
 * @param vignetting            falloff strength 0..1 (cos⁴ law at 1)
 * @param chromaticAberrationPx lateral chromatic aberration at the farthest image corner, pixels
 * @param shutterS              {@code motionBlur.shutterS}: exposure time, seconds
 * @param velocityMps           {@code motionBlur.velocityMps}: camera velocity, world metres per second
 * @param jpegQuality           JPEG quality 1..100 (rounded to an integer)
 * @param bloom                 {@code bloom}, or null
 */
public record CameraEffectsSpec(NumberDist shotNoise, NumberDist readNoise, NumberDist vignetting,
                                NumberDist chromaticAberrationPx, NumberDist shutterS, Vec3Dist velocityMps,
                                NumberDist jpegQuality, BloomSpec bloom) {
    /**
     * The template's {@code camera.effects.bloom}.
     *
     * @param strength  0..1
     * @param threshold sRGB level 0..1, or null for {@link dev.mirage.scene.Bloom#DEFAULT_THRESHOLD}
     * @param radiusPx  reach in pixels, or null for 1.5% of the image height
     * @param glare     four-point star strength 0..1, or null for none
     */
    public record BloomSpec(NumberDist strength, NumberDist threshold, NumberDist radiusPx, NumberDist glare) {}
}
