package dev.mirage.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run on stderr: on a terminal, a progress bar with frames/s and ETA; otherwise (logs,
 * CI, cluster jobs) a plain line with frames done, frames/s and time left at most every ten
 * seconds, and a last line at the end.
 *
 * <p>Thread safety: {@link #frameDone} from any thread.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final ProgressBar bar;
    private final int total;
    private final int skipped;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private long lastPrint = start;

    /**
     * @param out     where progress goes, or null for none
     * @param total   frames this run renders
     * @param skipped frames already written by an earlier run
     */
    Progress(PrintStream out, int total, int skipped) {
        this.out = out;
        this.total = total;
        this.skipped = skipped;
        boolean terminal = out == System.err && System.console() != null;
        bar = terminal ? new ProgressBarBuilder()
                .setTaskName("render")
                .setInitialMax(total + skipped)
                .startsFrom(skipped, Duration.ZERO)
                .setUnit(" frames", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build() : null;
        if (bar == null && out != null && skipped > 0) out.println("resuming: " + skipped + " frames already written");
    }

    void frameDone() {
        int n = done.incrementAndGet();
        if (bar != null) {
            bar.step();
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (out == null || now - lastPrint < INTERVAL_NANOS) return;
            lastPrint = now;
            out.println(line(n, now));
        }
    }

    synchronized void finish() {
        if (bar != null) bar.close();
        else if (out != null) out.println(line(done.get(), System.nanoTime()));
    }

    private String line(int n, long now) {
        double seconds = (now - start) / 1e9;
        double fps = seconds > 0 ? n / seconds : 0;
        long eta = fps > 0 ? Math.round((total - n) / fps) : 0;
        return String.format("frames %d/%d  %.2f frames/s  %s", n + skipped, total + skipped, fps,
                n < total ? "ETA " + eta + " s" : "done in " + String.format("%.1f s", seconds));
    }
}
