package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Light;
import java.util.List;

/**
 * A frame's point and spot lights as the uniform arrays of {@code scene.frag}. Packing and culling are
 * pure functions of the scene, kept out of GL code; {@link Packed#applyTo} hands the arrays to a program.
 *
 * <p>Each draw gets only the lights whose range sphere reaches its world bounds ({@link #maskFor}):
 * a light's window is exactly 0 beyond its range, so leaving it out changes no pixel, and the
 * shader's loop, which llvmpipe runs for every fragment, gets shorter.
 *
 * <p>Element k of each array describes the k-th light of the subset, in the frame's order:
 * <ul>
 *   <li>{@code uLightPositionInvRange[k]}: world position (metres), 1 / {@link Light#rangeM()}</li>
 *   <li>{@code uLightRadiance[k]}: {@link Light#colorLinear()} · {@link Light#intensity()}, w unused</li>
 *   <li>{@code uLightSpotAxisCos[k]}: unit spot axis, cos(outer cone half-angle)</li>
 *   <li>{@code uLightSpotInvSpan[k]}: 1 / (cos inner − cos outer)</li>
 * </ul>
 * The shader's spot factor is {@code smoothstep} over {@code t = clamp((cosθ − cosOuter) · invSpan, 0, 1)},
 * θ the angle between the axis and the direction from the light to the point: 0 outside the outer
 * cone, 1 inside the inner one, a Hermite blend between. A point light is packed as a cone whose
 * factor is 1 everywhere (cosOuter = −2, invSpan = 1); a spot whose cones coincide gets a hard edge.
 */
final class LightUniforms {
    /** Below this cosine span the cone edge is hard; 1e-6 keeps {@code invSpan} finite in float. */
    private static final double MIN_SPAN = 1e-6;

    private final List<Light> lights;

    private LightUniforms(List<Light> lights) {
        this.lights = lights;
    }

    /** The lights of a frame; more than {@link SceneRenderer#MAX_LIGHTS} is refused. */
    static LightUniforms of(List<Light> lights) {
        if (lights.size() > SceneRenderer.MAX_LIGHTS)
            throw new IllegalArgumentException("frame has " + lights.size() + " point/spot lights but the renderer draws at most "
                    + SceneRenderer.MAX_LIGHTS + " (SceneRenderer.MAX_LIGHTS)");
        return new LightUniforms(List.copyOf(lights));
    }

    int count() {
        return lights.size();
    }

    /**
     * Bit i set when light i's range sphere touches {@code worldBounds} (so it may light the draw).
     * An int holds the mask while {@link SceneRenderer#MAX_LIGHTS} is at most 31.
     */
    int maskFor(Bounds worldBounds) {
        int mask = 0;
        for (int i = 0; i < lights.size(); i++) {
            Light l = lights.get(i);
            double d2 = 0;
            for (int a = 0; a < 3; a++) {
                double c = l.position().get(a);
                double out = Math.max(0, Math.max(worldBounds.min().get(a) - c, c - worldBounds.max().get(a)));
                d2 += out * out;
            }
            if (d2 <= l.rangeM() * l.rangeM()) mask |= 1 << i;
        }
        return mask;
    }

    /** The arrays for the lights whose bits are set in {@code mask}, in frame order. */
    Packed pack(int mask) {
        int n = Integer.bitCount(mask & ((1 << lights.size()) - 1));
        float[] position = new float[4 * n], radiance = new float[4 * n], axis = new float[4 * n], invSpan = new float[n];
        int k = 0;
        for (int i = 0; i < lights.size(); i++) {
            if ((mask & (1 << i)) == 0) continue;
            Light l = lights.get(i);
            put(position, k, l.position().x(), l.position().y(), l.position().z(), 1 / l.rangeM());
            put(radiance, k, l.colorLinear().x() * l.intensity(), l.colorLinear().y() * l.intensity(),
                    l.colorLinear().z() * l.intensity(), 0);
            double cosOuter = -2, span = 1;
            if (l.kind() == Light.Kind.SPOT) {
                cosOuter = Math.cos(Math.toRadians(l.outerConeDeg()));
                span = Math.max(MIN_SPAN, Math.cos(Math.toRadians(l.innerConeDeg())) - cosOuter);
            }
            put(axis, k, l.direction().x(), l.direction().y(), l.direction().z(), cosOuter);
            invSpan[k] = (float) (1 / span);
            k++;
        }
        return new Packed(n, position, radiance, axis, invSpan);
    }

    private static void put(float[] array, int i, double x, double y, double z, double w) {
        array[4 * i] = (float) x;
        array[4 * i + 1] = (float) y;
        array[4 * i + 2] = (float) z;
        array[4 * i + 3] = (float) w;
    }

    /** One subset of the lights, packed (see the class comment for the layout). */
    record Packed(int count, float[] positionInvRange, float[] radiance, float[] spotAxisCos, float[] spotInvSpan) {
        /** Sets the count and the first {@link #count()} elements of each array. */
        void applyTo(ShaderProgram program) {
            program.setInt("uLightCount", count);
            program.setVec4Array("uLightPositionInvRange", positionInvRange);
            program.setVec4Array("uLightRadiance", radiance);
            program.setVec4Array("uLightSpotAxisCos", spotAxisCos);
            program.setFloatArray("uLightSpotInvSpan", spotInvSpan);
        }
    }
}
