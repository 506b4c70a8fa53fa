package dev.mirage.pipeline;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateException;
import dev.mirage.template.AssetPaths;
import dev.mirage.template.TemplateReader;
import java.nio.file.Path;

/**
 * Samples frames of a template without rendering and summarises what they drew: the job behind
 * {@code mirage sample}. Reads the template (its assets are not loaded), samples frames
 * {@code from .. from + frames − 1} with {@link FrameSampler#logged} and feeds their logs to
 * {@link SampleStats}. Touches no GL and writes nothing.
 *
 * <p>Thread safety: stateless; each call runs on the calling thread.
 */
public final class SampleJob {
    private SampleJob() {}

    /**
     * What to sample.
     *
     * @param scene  the template file
     * @param seed   dataset seed, as for {@code render}
     * @param from   first frame index, ≥ 0
     * @param frames number of frames, ≥ 1, with {@code from + frames − 1} an int
     * @param assets where the template's asset and texture paths may point
     */
    public record Options(Path scene, long seed, int from, int frames, Integer width, Integer height, AssetPaths assets) {
        public Options(Path scene, long seed, int from, int frames) {
            this(scene, seed, from, frames, null, null, AssetPaths.defaults());
        }

        public Options {
            if (frames < 1) throw new IllegalArgumentException("frames: expected >= 1, got " + frames);
            if (from < 0) throw new IllegalArgumentException("from: expected >= 0, got " + from);
            if ((long) from + frames - 1 > Integer.MAX_VALUE)
                throw new IllegalArgumentException("from + frames - 1: expected <= " + Integer.MAX_VALUE);
        }
    }

    /**
     * @param summary  the statistics of every logged parameter
     * @param nanos    time spent sampling and summarising (template reading excluded)
     */
    public record Result(SampleStats.Summary summary, long nanos, Acceptance acceptance) {
        public Result(SampleStats.Summary summary, long nanos) {
            this(summary, nanos, null);
        }

        public double framesPerSecond() {
            return summary.frames() / Math.max(nanos / 1e9, 1e-9);
        }
    }

    /**
     * How the template's constraints and coverage bins on sampled values shaped the frames.
     *
     * @param frames          frames taken
     * @param attempts        samples drawn for them
     * @param labelConditions conditions on labels, which need a render and were not checked
     */
    public record Acceptance(long frames, long attempts, int labelConditions) {
        /** The line {@code mirage sample} prints. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "constraints and coverage on sampled values: %d frames from %d attempts "
                    + "(%.1f%%)%s", frames, attempts, 100.0 * frames / attempts, labelConditions == 0 ? ""
                    : "; " + labelConditions + " condition(s) on labels need a render and were not checked: render reports them");
        }
    }

    /**
     * @throws TemplateException when the template is unreadable or invalid, or a frame's draws are
     *                           impossible (naming the file, pointer and frame)
     */
    public static Result run(Options options) {
        SceneTemplate template = TemplateReader.read(options.scene(), options.assets());
        template = template.withImageSize(options.width(), options.height());
        AssetLibrary assets = new AssetLibrary();
        // placement rules need the bounds of what they place: load those assets (on the CPU), no others
        boolean placedAssets = template.objects().stream().anyMatch(o -> o.placement() != null
                && o.variants().stream().anyMatch(v -> v.asset() != null));
        if (placedAssets) AssetCheck.loadAll(template, assets);
        FrameSampler sampler = new FrameSampler(template, assets);
        long start = System.nanoTime();
        SampleStats stats = new SampleStats();
        if (!template.sampling().active()) {
            for (int i = 0; i < options.frames(); i++)
                stats.add(sampler.logged(options.seed(), options.from() + i).log());
            return new Result(stats.summarize(), System.nanoTime() - start);
        }
        // through the constraints and coverage bins on sampled values, as render takes frames (labels unseen)
        FrameAcceptance acceptance = new FrameAcceptance(template, sampler, options.seed(), null);
        long attempts = 0;
        for (int i = 0; i < options.frames(); i++) {
            FrameAcceptance.Accepted a = acceptance.accept(options.from() + i, null);
            attempts += a.record().path("attempt").asLong() + 1;
            stats.add(a.sampled().log());
        }
        long labelConditions = template.sampling().constraints().stream()
                .filter(c -> c instanceof dev.mirage.template.SamplingSpec.Condition.Labels).count();
        if (template.sampling().coverage() != null)
            labelConditions += template.sampling().coverage().bins().stream().flatMap(b -> b.where().stream())
                    .filter(c -> c instanceof dev.mirage.template.SamplingSpec.Condition.Labels).count();
        return new Result(stats.summarize(), System.nanoTime() - start,
                new Acceptance(options.frames(), attempts, (int) labelConditions));
    }
}
