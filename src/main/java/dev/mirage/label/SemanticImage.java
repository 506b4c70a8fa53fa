package dev.mirage.label;

import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.sensor.InstanceImage;

/**
 * The semantic image: each pixel's COCO category id (0 = background and unlabeled scenery), derived
 * from the instance image and the frame's instance table, so it agrees with the instance masks
 * pixel for pixel.
 *
 * <p>Thread safety: stateless.
 */
public final class SemanticImage {
    private SemanticImage() {}

    /** Category ids per pixel as unsigned 8-bit (every category id must be &lt;= 255). */
    public static byte[] categories8(InstanceImage instances, FrameScene frame) {
        int[] table = table(frame, 255);
        int[] ids = instances.data();
        byte[] out = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (byte) lookup(table, ids[i]);
        return out;
    }

    /** Category ids per pixel as unsigned 16-bit held in shorts. */
    public static short[] categories16(InstanceImage instances, FrameScene frame) {
        int[] table = table(frame, 65535);
        int[] ids = instances.data();
        short[] out = new short[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (short) lookup(table, ids[i]);
        return out;
    }

    private static int lookup(int[] table, int instanceId) {
        if (instanceId < 0 || instanceId >= table.length)
            throw new IllegalArgumentException("instance id " + Integer.toUnsignedString(instanceId) + " is not in the frame");
        return table[instanceId];
    }

    /** Category id by instance id. */
    private static int[] table(FrameScene frame, int maxCategory) {
        int maxId = frame.objects().stream().mapToInt(ObjectInstance::instanceId).max().orElse(0);
        int[] table = new int[maxId + 1];
        for (ObjectInstance o : frame.objects()) {
            if (o.categoryId() > maxCategory)
                throw new IllegalArgumentException("category id " + o.categoryId() + " does not fit " + maxCategory);
            table[o.instanceId()] = o.categoryId();
        }
        table[0] = 0;
        return table;
    }
}
