package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mirage.randomize.FrameSeeds.Concern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FrameSeedsTest {
    private static final long SEED = 20240607L;

    private static long[] firstDraws(RandomGenerator g, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = g.nextLong();
        return out;
    }

    @Test
    void aFrameGetsTheSameSeedWhateverElseIsSampledAndInWhatOrder() {
        Map<Integer, Long> alone = new HashMap<>();
        for (int i = 0; i < 200; i++) alone.put(i, FrameSeeds.frameSeed(SEED, i));

        List<Integer> order = new ArrayList<>(alone.keySet());
        Collections.shuffle(order, new Random(1));
        for (int i : order) {
            FrameSeeds.frameSeed(SEED + 1, i); // interleave another dataset
            assertEquals(alone.get(i), FrameSeeds.frameSeed(SEED, i), "frame " + i);
        }
    }

    @Test
    void aFramesStreamsAreTheSameWhateverElseWasDrawn() {
        long[] camera = firstDraws(FrameSeeds.stream(SEED, 17, Concern.CAMERA), 8);
        for (int i = 0; i < 17; i++) firstDraws(FrameSeeds.stream(SEED, i, Concern.CAMERA), 8);
        firstDraws(FrameSeeds.stream(SEED, 17, Concern.OBJECTS), 100);
        assertArrayEquals(camera, firstDraws(FrameSeeds.stream(SEED, 17, Concern.CAMERA), 8));
    }

    @Test
    void differentFramesGetDifferentSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 100_000; i++) seeds.add(FrameSeeds.frameSeed(SEED, i));
        assertEquals(100_000, seeds.size());
    }

    @Test
    void differentDatasetSeedsGiveDifferentFrames() {
        for (int i = 0; i < 100; i++) {
            assertNotEquals(FrameSeeds.frameSeed(0, i), FrameSeeds.frameSeed(1, i), "frame " + i);
            assertNotEquals(FrameSeeds.frameSeed(SEED, i), FrameSeeds.frameSeed(SEED, i + 1));
        }
    }

    @Test
    void concernsOfOneFrameDrawFromDifferentStreams() {
        Set<Long> firsts = new HashSet<>();
        for (Concern c : Concern.values()) firsts.add(FrameSeeds.stream(SEED, 3, c).nextLong());
        assertEquals(Concern.values().length, firsts.size());
    }

    @Test
    void attemptZeroSamplesWithTheDatasetSeedAndLaterAttemptsWithTheirOwn() {
        assertEquals(SEED, FrameSeeds.attemptSeed(SEED, 12, 0), "attempt 0 is the frame a template without constraints gives");
        Set<Long> seeds = new HashSet<>();
        for (int frame = 0; frame < 50; frame++)
            for (int attempt = 1; attempt < 50; attempt++) seeds.add(FrameSeeds.attemptSeed(SEED, frame, attempt));
        seeds.add(SEED);
        assertEquals(50 * 49 + 1, seeds.size(), "every (frame, attempt) samples from its own seed");
        assertEquals(FrameSeeds.attemptSeed(SEED, 3, 4), FrameSeeds.attemptSeed(SEED, 3, 4));
        assertNotEquals(FrameSeeds.attemptSeed(SEED, 3, 4), FrameSeeds.attemptSeed(SEED + 1, 3, 4));
    }
}
