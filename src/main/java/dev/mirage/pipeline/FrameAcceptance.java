package dev.mirage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.dataset.ModelBounds;
import dev.mirage.randomize.CoverageBins;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.randomize.FrameSeeds;
import dev.mirage.template.SamplingSpec;
import dev.mirage.template.SamplingSpec.Bin;
import dev.mirage.template.SamplingSpec.Condition;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateError;
import dev.mirage.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejection sampling of one frame against the template's constraints and its coverage bin. Attempt
 * 0 of frame i is {@code sample(seed, i)}, exactly the frame a template without constraints gives;
 * attempt k samples with {@link FrameSeeds#attemptSeed}(seed, i, k). The first attempt that meets
 * every condition is the frame. Conditions on sampled values are tested first; then an attempt
 * whose scene holds too few instances of a label condition's category within its distance fails
 * it unrendered; only an attempt that passes all that is rendered and labeled for the label
 * conditions. After
 * {@code sampling.maxAttempts} failures the run stops with a {@link TemplateException} at the
 * condition that failed most, with the frame's statistics.
 *
 * <p>Everything depends on (template, seed, frame index) only, so any shard or range gives the
 * same frames. Thread safety: one per GL thread; not shared.
 */
final class FrameAcceptance {
    /** Renders and labels an attempt; returns its annotations as the meta file holds them. */
    @FunctionalInterface
    interface Labeling {
        Rendered render(FrameSampler.Sampled attempt);
    }

    /**
     * A rendered, labeled attempt.
     *
     * @param labeled     what the workers encode and write
     * @param annotations the frame's COCO annotations (a JSON array)
     */
    record Rendered(FrameLabeler.Labeled labeled, JsonNode annotations) {}

    /**
     * The frame taken.
     *
     * @param sampled  the accepted attempt
     * @param record   meta {@code sampling}: attempt, dataset seed, bin, checks per condition; null
     *                 when the template has no constraints or coverage
     * @param rendered its render and labels when label conditions needed them, else null
     */
    record Accepted(FrameSampler.Sampled sampled, ObjectNode record, Rendered rendered) {}

    private final SceneTemplate template;
    private final SamplingSpec spec;
    private final FrameSampler sampler;
    private final long seed;
    private final CoverageBins bins;
    private final ModelBounds bounds;

    /**
     * @param bounds each object's model-space box, to skip rendering attempts whose scene cannot
     *               meet a label condition's count (see {@link FrameConditions#mostMatches}); null
     *               renders every attempt that reaches the label conditions
     */
    FrameAcceptance(SceneTemplate template, FrameSampler sampler, long seed, ModelBounds bounds) {
        this.template = template;
        this.bounds = bounds;
        this.spec = template.sampling();
        this.sampler = sampler;
        this.seed = seed;
        this.bins = spec.coverage() == null ? null
                : new CoverageBins(spec.coverage().bins().stream().map(Bin::frames).toList());
    }

    /** The coverage bin of frame {@code frameIndex}, or null without coverage. */
    Bin binOf(int frameIndex) {
        return bins == null ? null : spec.coverage().bins().get(bins.binOf(frameIndex));
    }

    /**
     * Frame {@code frameIndex}.
     *
     * @param labeling renders attempts for label conditions; null skips label conditions (as
     *                 {@code mirage sample} does, which renders nothing)
     * @throws TemplateException when no attempt in {@code maxAttempts} meets the conditions
     */
    Accepted accept(int frameIndex, Labeling labeling) {
        if (!spec.active()) return new Accepted(sampler.logged(seed, frameIndex), null, null);
        Bin bin = binOf(frameIndex);
        List<Condition> conditions = new ArrayList<>(spec.constraints());
        if (bin != null) conditions.addAll(bin.where());
        boolean readsLabels = labeling != null && conditions.stream().anyMatch(c -> c instanceof Condition.Labels);
        Map<Condition, int[]> checks = new LinkedHashMap<>();
        conditions.forEach(c -> checks.put(c, new int[2]));
        int renders = 0;
        for (int attempt = 0; attempt < spec.maxAttempts(); attempt++) {
            FrameSampler.Sampled sampled = sampler.logged(FrameSeeds.attemptSeed(seed, frameIndex, attempt), frameIndex);
            boolean pass = true;
            for (Condition c : conditions)
                if (c instanceof Condition.Sampled s) pass &= count(checks.get(c),
                        FrameConditions.test(s, sampled.log().values(), template.file()));
            if (pass && readsLabels && bounds != null) // too few candidates in the scene: fails unrendered
                for (Condition c : conditions)
                    if (c instanceof Condition.Labels l && FrameConditions.mostMatches(l, sampled.scene(), bounds) < l.count().min())
                        pass = count(checks.get(c), false);
            Rendered rendered = null;
            if (pass && readsLabels) {
                rendered = labeling.render(sampled);
                renders++;
                for (Condition c : conditions)
                    if (c instanceof Condition.Labels l) pass &= count(checks.get(c), FrameConditions.test(l, rendered.annotations(),
                            FrameConditions.objectNames(sampled.scene())));
            }
            if (pass) return new Accepted(sampled, record(attempt, renders, bin, checks), rendered);
        }
        throw failure(frameIndex, bin, checks, renders);
    }

    private static boolean count(int[] check, boolean passed) {
        check[0]++;
        if (passed) check[1]++;
        return passed;
    }

    /**
     * Meta {@code sampling}: {@code attempt}, {@code rendered} (attempts rendered for label
     * conditions), {@code datasetSeed}, {@code bin}, {@code checks} {pointer: [checked, passed]}.
     */
    private ObjectNode record(int attempt, int renders, Bin bin, Map<Condition, int[]> checks) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("attempt", attempt);
        n.put("rendered", renders);
        n.put("datasetSeed", seed);
        if (bin != null) n.put("bin", bin.name());
        ObjectNode c = n.putObject("checks");
        checks.forEach((condition, counts) -> c.putArray(condition.pointer()).add(counts[0]).add(counts[1]));
        return n;
    }

    private TemplateException failure(int frameIndex, Bin bin, Map<Condition, int[]> checks, int renders) {
        Condition worst = null;
        double worstRate = 2;
        for (var e : checks.entrySet()) {
            int[] c = e.getValue();
            double rate = c[0] == 0 ? 1.5 : c[1] / (double) c[0]; // never checked: an earlier condition always failed
            if (rate < worstRate) {
                worst = e.getKey();
                worstRate = rate;
            }
        }
        StringBuilder all = new StringBuilder();
        checks.forEach((c, n) -> all.append(all.length() == 0 ? "" : ", ").append(c.pointer()).append(' ')
                .append(n[1]).append('/').append(n[0]));
        int[] w = checks.get(worst);
        String message = "no sample of frame " + frameIndex + (bin == null ? "" : " (coverage bin \"" + bin.name() + "\")")
                + " met the conditions in " + spec.maxAttempts() + " attempts (" + renders + " rendered); this one (" + worst + ") passed "
                + w[1] + " of " + w[0] + " checks (acceptance " + percent(w[1], w[0]) + "; passed/checked of each: " + all
                + "); widen it, or raise /sampling/maxAttempts";
        return new TemplateException(template.file(), List.of(new TemplateError(worst.pointer(), message, worst.location())));
    }

    static String percent(long passed, long checked) {
        return checked == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * passed / checked);
    }
}
