package dev.mirage.dataset;

import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import dev.mirage.sensor.NormalImage;

import java.util.Objects;

/**
 * Conversions from sensor images to the integer samples written to 16-bit PNG files. Each method is
 * a pure function that returns a new array in the image's layout (row-major, top row first).
 *
 * <p>Policies, as design.md fixes them for the dataset layout:
 * <ul>
 *   <li>Depth: uint16 millimetres, rounded to nearest (half up). 0 means no surface <em>or</em> beyond
 *       range: 0 m, negative, NaN and infinite depths, and depths that round above 65535 mm (that is,
 *       from 65.5355 m on), all become 0. A positive depth under 0.5 mm also rounds to 0; near planes
 *       are far above that, so it never happens for a rendered surface.</li>
 *   <li>Instance ids: the id itself as uint16; 0 stays background. Ids above 65535 cannot be
 *       represented and are rejected rather than wrapped, since a wrapped id would silently label
 *       one object's pixels as another's.</li>
 * </ul>
 *
 * <p>Thread safety: stateless; safe from any thread.
 */
public final class SensorEncoding {
    /** Largest value a uint16 sample holds. */
    public static final int MAX_UINT16 = 0xFFFF;

    private SensorEncoding() {
    }

    /**
     * Depth in uint16 millimetres, under the policy in the class docs.
     *
     * @return {@code width * height} unsigned samples held in {@code short}s (65535 mm is {@code (short) -1})
     */
    public static short[] depthMillimetres(DepthImage depth) {
        return millimetres(Objects.requireNonNull(depth, "depth").data());
    }

    /** Any distances in metres (range too) as uint16 millimetres, under the depth policy in the class docs. */
    public static short[] millimetres(float[] metres) {
        short[] millimetres = new short[metres.length];
        for (int i = 0; i < metres.length; i++) {
            float m = metres[i];
            // Work in double so the float's exact value decides the rounding (1.2345f -> 1235 mm).
            double halfUp = m * 1000.0 + 0.5;
            // NaN and anything <= 0 fail the first test; +Infinity and out-of-range values the second.
            millimetres[i] = m > 0f && halfUp < MAX_UINT16 + 1 ? (short) (int) halfUp : 0;
        }
        return millimetres;
    }

    /**
     * Camera-space unit normals as 8-bit RGB, {@code round((n + 1) / 2 · 255)} per axis; (0, 0, 0) where
     * no surface is (no unit normal encodes to it).
     */
    public static byte[] normals8(NormalImage normals) {
        float[] n = Objects.requireNonNull(normals, "normals").data();
        byte[] out = new byte[n.length];
        for (int i = 0; i < n.length; i += 3) {
            if (n[i] == 0 && n[i + 1] == 0 && n[i + 2] == 0) continue;
            for (int c = 0; c < 3; c++) out[i + c] = (byte) Math.round((Math.max(-1f, Math.min(1f, n[i + c])) + 1) * 127.5f);
        }
        return out;
    }

    /**
     * Instance ids as uint16 samples.
     *
     * @return {@code width * height} unsigned samples held in {@code short}s
     * @throws IllegalArgumentException naming the first id above 65535 and its pixel
     */
    public static short[] instanceIds16(InstanceImage instance) {
        int[] ids = Objects.requireNonNull(instance, "instance").data();
        short[] samples = new short[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            // Ids are unsigned 32-bit: a negative int is a huge id, caught by the same mask.
            if ((id & ~MAX_UINT16) != 0) throw tooLarge(instance, i, id);
            samples[i] = (short) id;
        }
        return samples;
    }

    private static IllegalArgumentException tooLarge(InstanceImage instance, int index, int id) {
        int x = index % instance.width();
        int y = index / instance.width();
        return new IllegalArgumentException("instance id " + Integer.toUnsignedString(id) + " at pixel (" + x + ", "
                + y + ") exceeds " + MAX_UINT16 + ", the largest id a 16-bit instance PNG can hold");
    }
}
