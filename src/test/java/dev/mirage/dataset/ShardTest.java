package dev.mirage.dataset;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shardsPartitionTheFramesRoundRobin() {
        int frames = 23, n = 4;
        int[] owner = new int[frames];
        java.util.Arrays.fill(owner, -1);
        for (int k = 0; k < n; k++) {
            for (int f : new Shard(k, n).frames(frames).toArray()) {
                assertEquals(-1, owner[f], "frame " + f + " in two shards");
                owner[f] = k;
            }
        }
        assertTrue(IntStream.of(owner).allMatch(k -> k >= 0), "every frame in some shard");
        assertArrayEquals(new int[] {1, 5, 9, 13, 17, 21}, new Shard(1, 4).frames(frames).toArray());
        assertEquals(frames, Shard.WHOLE.frames(frames).count());
    }

    @Test
    void parsesKOfNAndRejectsTheRest() {
        assertEquals(new Shard(3, 10), Shard.parse("3/10"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
        for (String bad : new String[] {"10/10", "-1/4", "4", "a/b", "1/0", "1/2/3", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("K/N"), e.getMessage());
        }
    }

    @Test
    void kubernetesIndexedJobNamesTheShard() {
        assertEquals(new Shard(7, 20), Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "7", "JOB_COMPLETIONS", "20")).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "7")));
        assertTrue(e.getMessage().contains("JOB_COMPLETIONS"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "20", "JOB_COMPLETIONS", "20")));
    }

    @Test
    void slurmArrayCountsFromItsFirstTask() {
        assertEquals(new Shard(2, 8), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "12",
                "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_COUNT", "8")).orElseThrow());
        assertEquals(new Shard(3, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_COUNT", "4")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "x",
                "SLURM_ARRAY_TASK_COUNT", "4")));
    }

    @Test
    void noSchedulerMeansNoShard() {
        assertTrue(Shard.fromEnvironment(Map.of("HOME", "/root", "SLURM_JOB_ID", "5")).isEmpty());
    }
}
