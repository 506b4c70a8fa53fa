package dev.mirage.pipeline;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a run on stderr: frames done, frames per second and time left, at most every two
 * seconds, and a last line at the end.
 *
 * <p>Thread safety: {@link #frameDone} from any thread.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final int total;
    private final int skipped;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private long lastPrint = start;

    Progress(PrintStream out, int total, int skipped) {
        this.out = out;
        this.total = total;
        this.skipped = skipped;
        if (out != null && skipped > 0) out.println("resuming: " + skipped + " frames already written");
    }

    void frameDone() {
        int n = done.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (out == null || now - lastPrint < INTERVAL_NANOS) return;
            lastPrint = now;
            out.println(line(n, now));
        }
    }

    synchronized void finish() {
        if (out != null) out.println(line(done.get(), System.nanoTime()));
    }

    private String line(int n, long now) {
        double seconds = (now - start) / 1e9;
        double fps = seconds > 0 ? n / seconds : 0;
        long eta = fps > 0 ? Math.round((total - n) / fps) : 0;
        return String.format("frames %d/%d  %.2f frames/s  %s", n + skipped, total + skipped, fps,
                n < total ? "ETA " + eta + " s" : "done in " + String.format("%.1f s", seconds));
    }
}
