package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Light;
import java.util.List;

/**
 * A frame's point and spot lights packed into the uniform arrays of {@code scene.frag}, element i
 * for light i. Packing is a pure function of the scene, kept out of GL code; {@link #applyTo}
 * hands the arrays to the program.
 *
 * <ul>
 *   <li>{@code uLightPositionInvRange[i]}: world position (metres), 1 / {@link Light#rangeM()}</li>
 *   <li>{@code uLightRadiance[i]}: {@link Light#colorLinear()} · {@link Light#intensity()}, w unused</li>
 *   <li>{@code uLightSpotAxisCos[i]}: unit spot axis, cos(outer cone half-angle)</li>
 *   <li>{@code uLightSpotInvSpan[i]}: 1 / (cos inner − cos outer)</li>
 * </ul>
 * The shader's spot factor is {@code smoothstep} over {@code t = clamp((cosθ − cosOuter) · invSpan, 0, 1)},
 * θ the angle between the axis and the direction from the light to the point: 0 outside the outer
 * cone, 1 inside the inner one, a Hermite blend between. A point light is packed as a cone whose
 * factor is 1 everywhere (cosOuter = −2, invSpan = 1); a spot whose cones coincide gets a hard edge.
 *
 * @param count number of lights, 0..{@link SceneRenderer#MAX_LIGHTS}
 */
record LightUniforms(int count, float[] positionInvRange, float[] radiance, float[] spotAxisCos, float[] spotInvSpan) {
    /** Below this cosine span the cone edge is hard; 1e-6 keeps {@code invSpan} finite in float. */
    private static final double MIN_SPAN = 1e-6;

    /** Packs {@code lights}; more than {@link SceneRenderer#MAX_LIGHTS} is refused. */
    static LightUniforms of(List<Light> lights) {
        int n = lights.size();
        if (n > SceneRenderer.MAX_LIGHTS)
            throw new IllegalArgumentException("frame has " + n + " point/spot lights but the renderer draws at most "
                    + SceneRenderer.MAX_LIGHTS + " (SceneRenderer.MAX_LIGHTS)");
        float[] position = new float[4 * n], radiance = new float[4 * n], axis = new float[4 * n], invSpan = new float[n];
        for (int i = 0; i < n; i++) {
            Light l = lights.get(i);
            put(position, i, l.position().x(), l.position().y(), l.position().z(), 1 / l.rangeM());
            put(radiance, i, l.colorLinear().x() * l.intensity(), l.colorLinear().y() * l.intensity(),
                    l.colorLinear().z() * l.intensity(), 0);
            double cosOuter = -2, span = 1;
            if (l.kind() == Light.Kind.SPOT) {
                cosOuter = Math.cos(Math.toRadians(l.outerConeDeg()));
                span = Math.max(MIN_SPAN, Math.cos(Math.toRadians(l.innerConeDeg())) - cosOuter);
            }
            put(axis, i, l.direction().x(), l.direction().y(), l.direction().z(), cosOuter);
            invSpan[i] = (float) (1 / span);
        }
        return new LightUniforms(n, position, radiance, axis, invSpan);
    }

    private static void put(float[] array, int i, double x, double y, double z, double w) {
        array[4 * i] = (float) x;
        array[4 * i + 1] = (float) y;
        array[4 * i + 2] = (float) z;
        array[4 * i + 3] = (float) w;
    }

    /** Sets the count and the first {@link #count()} elements of each array. */
    void applyTo(ShaderProgram program) {
        program.setInt("uLightCount", count);
        program.setVec4Array("uLightPositionInvRange", positionInvRange);
        program.setVec4Array("uLightRadiance", radiance);
        program.setVec4Array("uLightSpotAxisCos", spotAxisCos);
        program.setFloatArray("uLightSpotInvSpan", spotInvSpan);
    }
}
