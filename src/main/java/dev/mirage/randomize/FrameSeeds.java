package dev.mirage.randomize;

import java.util.random.RandomGenerator;

/**
 * Seeds for frame i of a dataset, from the dataset seed and i alone, so a frame renders the same
 * alone, in any shard or in a full run. Each concern (camera, lighting, objects) draws from its own
 * stream, so adding draws to one concern does not shift the others.
 */
public final class FrameSeeds {
    /** Independent random streams of one frame (new concerns go last, so older streams keep their seeds). */
    public enum Concern { CAMERA, LIGHTING, OBJECTS, VARIABLES, WEATHER, PRECIPITATION, PARTICLES, SENSOR_NOISE, THERMAL }

    private FrameSeeds() {}

    /** The seed of frame {@code frameIndex}: a mix of dataset seed and index. */
    public static long frameSeed(long datasetSeed, long frameIndex) {
        return SplitMix64.mix(SplitMix64.mix(datasetSeed) ^ SplitMix64.mix(frameIndex + 0x632BE59BD9B4E019L));
    }

    /**
     * The seed attempt {@code attempt} of frame {@code frameIndex} samples with, in place of the
     * dataset seed: the dataset seed itself for attempt 0 (so frames of templates without
     * constraints are what they always were), a mix of (dataset seed, frame index, attempt) after.
     */
    public static long attemptSeed(long datasetSeed, long frameIndex, int attempt) {
        if (attempt < 0) throw new IllegalArgumentException("attempt " + attempt);
        if (attempt == 0) return datasetSeed;
        return SplitMix64.mix(frameSeed(datasetSeed, frameIndex) + 0xD1B54A32D192ED03L * attempt);
    }

    /** The stream a concern of a frame draws from. */
    public static RandomGenerator stream(long datasetSeed, long frameIndex, Concern concern) {
        return new SplitMix64(SplitMix64.mix(frameSeed(datasetSeed, frameIndex) + 0x9E3779B97F4A7C15L * (concern.ordinal() + 1)));
    }
}
