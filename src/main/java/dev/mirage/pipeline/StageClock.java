package dev.mirage.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent per pipeline stage, summed over frames and threads.
 *
 * <p>Thread safety: safe to add from any thread.
 */
public final class StageClock {
    /** The stages of a labeled frame. */
    public enum Stage { SAMPLE, RENDER, READBACK, LABEL, ENCODE, WRITE }

    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

    public StageClock() {
        for (Stage s : Stage.values()) nanos.put(s, new LongAdder());
    }

    public void add(Stage stage, long elapsedNanos) {
        nanos.get(stage).add(elapsedNanos);
    }

    public long nanos(Stage stage) {
        return nanos.get(stage).sum();
    }

    /** The stage with the largest total. */
    public Stage bottleneck() {
        Stage max = Stage.SAMPLE;
        for (Stage s : Stage.values()) if (nanos(s) > nanos(max)) max = s;
        return max;
    }
}
