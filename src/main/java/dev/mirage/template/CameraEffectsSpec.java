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
 */
public record CameraEffectsSpec(NumberDist shotNoise, NumberDist readNoise, NumberDist vignetting,
                                NumberDist chromaticAberrationPx, NumberDist shutterS, Vec3Dist velocityMps,
                                NumberDist jpegQuality) {}
