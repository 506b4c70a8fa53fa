package dev.mirage.dataset;

import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Which share of a dataset's frames one machine renders: frames i with i mod count = index
 * (round-robin, so every shard gets near and far frames alike). The whole dataset is shard 0 of 1.
 * Since frame i depends only on scene, seed and i, any split renders the same frames.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count)
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 0 <= K < N");
    }

    public boolean whole() { return count == 1; }

    public boolean contains(int frame) { return frame % count == index; }

    /** This shard's frames among 0..frames−1, ascending. */
    public IntStream frames(int frames) {
        return IntStream.range(0, frames).filter(this::contains);
    }

    @Override
    public String toString() { return index + "/" + count; }

    /**
     * Parses {@code K/N}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].trim()), n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && k >= 0 && k < n) return new Shard(k, n);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("expected K/N with 0 <= K < N (e.g. 3/10), got '" + text + "'");
    }

    /**
     * The shard a cluster scheduler assigned, from its environment variables: Kubernetes Indexed Jobs
     * ({@code JOB_COMPLETION_INDEX}, with {@code JOB_COMPLETIONS} set by the manifest to the job's
     * completions) or Slurm job arrays ({@code SLURM_ARRAY_TASK_ID} − {@code SLURM_ARRAY_TASK_MIN} of
     * {@code SLURM_ARRAY_TASK_COUNT}; the array must be contiguous).
     *
     * @throws IllegalArgumentException when the variables are present but inconsistent
     */
    public static Optional<Shard> fromEnvironment(Map<String, String> env) {
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            String count = env.get("JOB_COMPLETIONS");
            if (count == null)
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not: set it in the "
                        + "Job's container env to spec.completions, or pass --shard K/N");
            return Optional.of(fromVariables("JOB_COMPLETION_INDEX", env.get("JOB_COMPLETION_INDEX"), "0",
                    "JOB_COMPLETIONS", count));
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID") && env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            return Optional.of(fromVariables("SLURM_ARRAY_TASK_ID", env.get("SLURM_ARRAY_TASK_ID"),
                    env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"), "SLURM_ARRAY_TASK_COUNT", env.get("SLURM_ARRAY_TASK_COUNT")));
        }
        return Optional.empty();
    }

    private static Shard fromVariables(String indexName, String index, String min, String countName, String count) {
        try {
            int k = Integer.parseInt(index.trim()) - Integer.parseInt(min.trim());
            int n = Integer.parseInt(count.trim());
            if (n >= 1 && k >= 0 && k < n) return new Shard(k, n);
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(indexName + "=" + index + " and " + countName + "=" + count
                + " do not name a shard K of N with 0 <= K < N");
    }
}
