package dev.mirage.dataset;

/**
 * COCO ids derived from frame index and instance id alone, so they are the same in a full run, a
 * resumed run and any shard split: image id = frame + 1; annotation id = frame × 1,000,000 +
 * instance id (never 0, since instance ids start at 1).
 */
public final class CocoIds {
    /** Instance ids of one frame must stay below this for annotation ids to be unique. */
    public static final int INSTANCES_PER_FRAME = 1_000_000;

    private CocoIds() {}

    public static long imageId(int frame) { return frame + 1L; }

    public static long annotationId(int frame, int instanceId) {
        if (instanceId <= 0 || instanceId >= INSTANCES_PER_FRAME)
            throw new IllegalArgumentException("instance id " + instanceId + " outside 1.." + (INSTANCES_PER_FRAME - 1));
        return (long) frame * INSTANCES_PER_FRAME + instanceId;
    }
}
