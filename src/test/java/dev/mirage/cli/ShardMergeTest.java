package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering in shards and merging gives exactly the dataset one machine would have written: every
 * file, the COCO file included, byte for byte.
 */
class ShardMergeTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int FRAMES = 7, SEED = 11, W = 96, H = 72;

    @TempDir
    Path tmp;

    @Test
    void fourShardsMergeIntoTheSingleRunByteForByte() throws IOException {
        Path single = tmp.resolve("single");
        assertEquals(0, CliRun.render(STREET, single, FRAMES, SEED, W, H).exit());
        List<String> shardArgs = new ArrayList<>();
        for (int k : new int[] {2, 0, 3, 1}) {
            Path shard = tmp.resolve("shard-" + k);
            CliRun run = CliRun.render(STREET, shard, FRAMES, SEED, W, H, "--shard", k + "/4");
            assertEquals(0, run.exit(), run.describe());
            shardArgs.add(shard.toString());
            try (var metas = Files.list(shard.resolve("meta"))) {
                int expected = (int) java.util.stream.IntStream.range(0, FRAMES).filter(i -> i % 4 == k).count();
                assertEquals(expected, metas.count(), "shard " + k + " holds only its own frames");
            }
        }
        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shardArgs);
        args.addAll(List.of("-o", merged.toString()));
        CliRun merge = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, merge.exit(), merge.describe());
        FolderSnapshot.of(single).assertSameBytes(FolderSnapshot.of(merged), "merged 4 shards vs one run");
    }

    @Test
    void schedulerEnvironmentChoosesTheShard() throws IOException {
        Path out = tmp.resolve("k8s");
        CliRun run = CliRun.withEnvironment(Map.of("JOB_COMPLETION_INDEX", "1", "JOB_COMPLETIONS", "3"),
                "render", STREET.toString(), "-o", out.toString(), "-n", "7", "--width", "32", "--height", "24", "-q");
        assertEquals(0, run.exit(), run.describe());
        try (var metas = Files.list(out.resolve("meta"))) {
            assertEquals(List.of("000001.json", "000004.json"), metas.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("dataset.json")).contains("\"count\" : 3"));
    }

    @Test
    void mergeRefusesIncompleteOrForeignShards() {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        assertEquals(0, CliRun.render(STREET, a, 4, SEED, 32, 24, "--shard", "0/2").exit());
        CliRun missing = CliRun.of("merge", a.toString(), "-o", tmp.resolve("m1").toString());
        assertEquals(2, missing.exit(), missing.describe());
        assertTrue(missing.err().contains("shards [1] of 2 are missing"), missing.describe());

        assertEquals(0, CliRun.render(STREET, b, 4, SEED + 1, 32, 24, "--shard", "1/2").exit());
        CliRun foreign = CliRun.of("merge", a.toString(), b.toString(), "-o", tmp.resolve("m2").toString());
        assertEquals(2, foreign.exit(), foreign.describe());
        assertTrue(foreign.err().contains("seed " + (SEED + 1)), foreign.describe());

        assertEquals(0, CliRun.render(STREET, c, 4, SEED, 32, 24, "--shard", "0/2").exit());
        CliRun twice = CliRun.of("merge", a.toString(), c.toString(), "-o", tmp.resolve("m3").toString());
        assertEquals(2, twice.exit(), twice.describe());
        assertTrue(twice.err().contains("are both shard 0/2"), twice.describe());
        assertFalse(Files.exists(tmp.resolve("m1")) || Files.exists(tmp.resolve("m2")) || Files.exists(tmp.resolve("m3")),
                "a refused merge writes nothing");
    }

    @Test
    void aShardFolderRefusesAnotherShard() {
        Path out = tmp.resolve("s");
        assertEquals(0, CliRun.render(STREET, out, 4, SEED, 32, 24, "--shard", "0/2").exit());
        CliRun other = CliRun.render(STREET, out, 4, SEED, 32, 24, "--shard", "1/2");
        assertEquals(2, other.exit(), other.describe());
        assertTrue(other.err().contains("shard 0/2"), other.describe());
    }
}
