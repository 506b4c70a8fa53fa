package dev.mirage.randomize;

import java.util.List;

/**
 * Which coverage bin each frame index belongs to: the frame indices fall into blocks of
 * {@code B = sum of quotas} frames ([0, B), [B, 2B), ...), and within every block bin j holds
 * exactly {@code quotas[j]} frames. So any run of whole blocks holds the quotas exactly, and since a
 * frame's bin depends on its index alone, every shard split and {@code --from} range assigns the
 * same bin to the same frame.
 *
 * <p>Within a block the bins are interleaved by smooth weighted round robin, so any prefix of a
 * block (the last, partial block of a run) holds each bin within one frame of its proportional
 * share, rather than all of one bin first.
 *
 * <p>Thread safety: immutable.
 */
public final class CoverageBins {
    private final int[] order;

    /** @param quotas frames of each bin per block, each ≥ 1 */
    public CoverageBins(List<Integer> quotas) {
        if (quotas.isEmpty()) throw new IllegalArgumentException("no bins");
        long total = 0;
        for (int q : quotas) {
            if (q < 1) throw new IllegalArgumentException("quota " + q);
            total += q;
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("block of " + total + " frames");
        order = new int[(int) total];
        long[] current = new long[quotas.size()];
        for (int slot = 0; slot < order.length; slot++) {
            int best = 0;
            for (int j = 0; j < current.length; j++) {
                current[j] += quotas.get(j);
                if (current[j] > current[best]) best = j;
            }
            current[best] -= total;
            order[slot] = best;
        }
    }

    /** Frames in one block. */
    public int blockFrames() {
        return order.length;
    }

    /** The bin (index into the quotas) of frame {@code frameIndex}. */
    public int binOf(long frameIndex) {
        if (frameIndex < 0) throw new IllegalArgumentException("frame " + frameIndex);
        return order[(int) (frameIndex % order.length)];
    }
}
