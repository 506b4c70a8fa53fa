package dev.mirage.pipeline;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Person;
import dev.mirage.dataset.CocoAssembler;
import dev.mirage.dataset.FrameMeta;
import dev.mirage.dataset.FrameWriter;
import dev.mirage.dataset.Manifest;
import dev.mirage.dataset.ModelBounds;
import dev.mirage.dataset.OutputLayout;
import dev.mirage.dataset.RgbEncoding;
import dev.mirage.dataset.Shard;
import dev.mirage.gpu.context.GlCapabilities;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.gpu.render.SceneRenderer;
import dev.mirage.gpu.render.ShadowFrustum;
import dev.mirage.label.LabelPolicy;
import dev.mirage.optics.SensorDerivation;
import dev.mirage.sensor.DerivedImages;
import dev.mirage.pipeline.StageClock.Stage;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.randomize.FrameSeeds;
import dev.mirage.scene.FrameScene;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.AssetPaths;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A render run: read and check the scene, claim the output folder, render the frames not yet
 * written on the GL thread (the caller's), label (masks, and keypoints of persons), encode and write
 * them on worker threads behind a bounded queue, then assemble the COCO file from the per-frame records.
 * Frames of a template with constraints or coverage bins come through {@link FrameAcceptance}; when
 * a condition reads labels, each attempt is drawn, read back and labeled on the GL thread before
 * the next, and the accepted frame goes to the workers labeled. The run's acceptance statistics are
 * summed from the meta files into {@link AcceptanceReport#FILE}.
 *
 * <p>Thread safety: {@link #run} uses the calling thread as the GL thread and starts its own workers.
 */
public final class RenderJob {
    /** How far from the camera sun shadows are resolved. */
    static final double SHADOW_DISTANCE_M = 120;

    /**
     * @param scene     the scene template file
     * @param out       the output folder
     * @param frames    how many frames the dataset holds (0..frames−1)
     * @param seed      dataset seed
     * @param width     image width override, or null for the template's
     * @param height    image height override, or null for the template's
     * @param gl        how to reach OpenGL
     * @param workers   worker threads for label/encode/write (≥ 1)
     * @param overwrite replace a different dataset in {@code out}
     * @param pngLevel  zlib level of PNG files, 0..9
     * @param shard     which of the frames to render ({@link Shard#WHOLE} for all)
     * @param rgb       how RGB images are stored
     * @param first     index of the first frame (frames first..first+frames−1)
     * @param replay    a frame's meta file to render again instead of sampling, or null
     * @param assets    where the template's asset and texture paths may point
     */
    public record Options(Path scene, Path out, int frames, long seed, Integer width, Integer height, GlPlatform gl,
                          int workers, boolean overwrite, int pngLevel, Shard shard, RgbEncoding rgb, int first, Path replay,
                          AssetPaths assets) {
        public Options(Path scene, Path out, int frames, long seed, Integer width, Integer height, GlPlatform gl,
                       int workers, boolean overwrite, int pngLevel, Shard shard, RgbEncoding rgb) {
            this(scene, out, frames, seed, width, height, gl, workers, overwrite, pngLevel, shard, rgb, 0, null, AssetPaths.defaults());
        }

        public Options {
            if (frames < 0) throw new IllegalArgumentException("frames " + frames);
            if (first < 0) throw new IllegalArgumentException("first " + first);
            if (workers < 1) throw new IllegalArgumentException("workers " + workers);
            java.util.Objects.requireNonNull(shard);
            java.util.Objects.requireNonNull(assets);
        }
    }

    /**
     * What a run did.
     *
     * @param rendered     frames rendered now
     * @param skipped      frames already complete from an earlier run
     * @param wallNanos    time from start to the COCO file written
     * @param renderNanos  time of the render loop alone (first frame to last frame written)
     * @param stages       time per stage
     * @param gl           the GL that rendered (null when nothing was rendered)
     * @param annotations  annotations in the COCO file
     * @param acceptance   how constraints and coverage shaped the dataset, or null when the template has neither
     */
    public record Result(int rendered, int skipped, long wallNanos, long renderNanos, StageClock stages,
                         GlCapabilities gl, long annotations, AcceptanceReport acceptance) {
        public double framesPerSecond() {
            return renderNanos == 0 ? 0 : rendered / (renderNanos / 1e9);
        }
    }

    private RenderJob() {}

    /** Default worker count: the cores left beside the GL thread. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public static Result run(Options options, String toolVersion, PrintStream progress) throws IOException {
        long start = System.nanoTime();
        SceneTemplate template = TemplateReader.read(options.scene(), options.assets());
        template = template.withImageSize(options.width(), options.height());
        AssetLibrary assets = new AssetLibrary();
        List<String> warnings = AssetCheck.loadAll(template, assets);
        if (progress != null) warnings.forEach(w -> progress.println("warning: " + w));
        FrameSource source;
        int first = options.first(), frames = options.frames();
        long seed = options.seed();
        String digest = SceneDigest.sha256(template);
        if (options.replay() != null) {
            FrameReplay replay = FrameReplay.read(options.replay(), template);
            FrameAcceptance.Accepted recorded = new FrameAcceptance.Accepted(replay.sampled(), replay.samplingRecord(), null);
            source = (index, labeling) -> recorded;
            first = replay.sampled().scene().frameIndex();
            seed = replay.datasetSeed();
            frames = 1;
            digest = SceneDigest.withReplay(digest, options.replay());
        } else {
            FrameSampler sampler = new FrameSampler(template, assets);
            FrameAcceptance acceptance = new FrameAcceptance(template, sampler, options.seed(), boundsOf(assets));
            source = acceptance::accept;
            // fixed impossibilities fail before any write (label conditions are checked as frames render)
            if (frames > 0 && !template.sampling().readsLabels()) source.frame(first, null);
            else if (frames > 0) sampler.logged(options.seed(), first);
        }

        Manifest manifest = new Manifest(toolVersion, template.name(), options.scene().getFileName().toString(),
                digest, seed, frames, first,
                template.image().width(), template.image().height(), options.shard(), options.rgb(), null)
                .withScene(options.out(), options.scene())
                .withSensors(template.sensors().outputs().stream().map(dev.mirage.template.SensorsSpec.Output::key).toList());
        OutputLayout layout = new OutputLayout(options.out());
        OutputFolder.claim(options.out(), manifest, options.overwrite(), FrameWriter.folders(template.sensors()));
        List<Integer> todo = manifest.frameIndices().filter(i -> !layout.frameComplete(i)).boxed().toList();
        int share = (int) manifest.frameIndices().count();

        StageClock clock = new StageClock();
        GlCapabilities caps = null;
        long loopNanos = 0;
        if (!todo.isEmpty()) {
            Progress bar = new Progress(progress, todo.size(), share - todo.size());
            long loopStart = System.nanoTime();
            caps = renderAll(template, options, source, layout, todo, clock, bar, assets, new SensorDerivation(template.sensors(), seed));
            loopNanos = System.nanoTime() - loopStart;
            bar.finish();
        }
        long annotations = CocoAssembler.assemble(layout, manifest, categories(template));
        AcceptanceReport acceptance = AcceptanceReport.assemble(layout, manifest, template);
        return new Result(todo.size(), share - todo.size(), System.nanoTime() - start, loopNanos, clock, caps,
                annotations, acceptance);
    }

    /**
     * The template's categories for COCO; those used by a person-shaped entry get the person's
     * keypoint names and skeleton.
     */
    static List<CocoAssembler.Category> categories(SceneTemplate template) {
        Set<Integer> withKeypoints = keypointCategories(template);
        List<CocoAssembler.Category> categories = new ArrayList<>();
        for (var c : template.categories())
            categories.add(withKeypoints.contains(c.id())
                    ? new CocoAssembler.Category(c.id(), c.name(), c.supercategory(), Person.KEYPOINT_NAMES, Person.SKELETON)
                    : new CocoAssembler.Category(c.id(), c.name(), c.supercategory()));
        return categories;
    }

    /** Ids of the categories of person-shaped template entries. */
    static Set<Integer> keypointCategories(SceneTemplate template) {
        Set<Integer> ids = new TreeSet<>();
        for (ObjectSpec o : template.objects())
            for (ObjectSpec.Variant v : o.variants())
                if (v.shape() == ObjectSpec.Shape.PERSON && v.category() != null)
                    ids.add(template.category(v.category()).orElseThrow().id());
        return Set.copyOf(ids);
    }

    /**
     * Where frames come from: the sampler (through the template's constraints and coverage), or a
     * replayed meta file. {@code labeling} renders attempts for label conditions (null when there are none).
     */
    @FunctionalInterface
    interface FrameSource {
        FrameAcceptance.Accepted frame(int index, FrameAcceptance.Labeling labeling);
    }

    private static GlCapabilities renderAll(SceneTemplate template, Options options, FrameSource source, OutputLayout layout,
                                            List<Integer> todo,
                                            StageClock clock, Progress bar, AssetLibrary assets,
                                            SensorDerivation derivation) throws IOException {
        FrameLabeler labeler = new FrameLabeler(template, assets);
        try (GlContext gl = GlContext.open(options.gl());
             SceneRenderer renderer = new SceneRenderer(gl, assets, new SceneRenderer.Options(
                     template.image().width(), template.image().height(),
                     template.image().antiAliasing() == SceneTemplate.AntiAliasing.FXAA,
                     ShadowFrustum.mapSide(template.image().width(), template.image().height(),
                             gl.capabilities().maxTextureSize()), SHADOW_DISTANCE_M, template.labels().visibility(),
                             template.sensors().surfaces(), template.sensors().nirCamera()));
             WorkerPool<Work> workers = new WorkerPool<>(options.workers(), 2 * options.workers(),
                     () -> new FrameWriter(layout, options.pngLevel(), options.rgb(), boundsOf(assets),
                             template.categories().stream().anyMatch(c -> c.id() > 255), policy(template), template.sensors()),
                     (writer, work) -> {
                         long t0 = System.nanoTime();
                         // frames checked against label conditions were labeled on the GL thread already
                         FrameLabeler.Labeled labeled = work.labeled != null ? work.labeled : labeler.label(work.frame, work.sensors);
                         long t1 = System.nanoTime();
                         DerivedImages derived = derivation.derive(work.frame, labeled.sensors(), labeled.recorded(),
                                 noiseSeed(work.frame));
                         FrameWriter.Encoded files = writer.encode(work.frame, work.draws, labeled.recorded(), derived, labeled.labels());
                         long t2 = System.nanoTime();
                         writer.write(work.frame.frameIndex(), files);
                         long t3 = System.nanoTime();
                         clock.add(Stage.LABEL, t1 - t0);
                         clock.add(Stage.ENCODE, t2 - t1);
                         clock.add(Stage.WRITE, t3 - t2);
                         bar.frameDone();
                     })) {
            // Frame i is drawn and its readback queued before frame i−1's pixels are collected, so
            // on a GPU the transfer of one frame overlaps the rendering of the next.
            Path sceneFolder = template.file().toAbsolutePath().getParent();
            if (template.sampling().readsLabels() && options.replay() == null) {
                renderChecked(template, options, source, todo, clock, renderer, labeler, workers, sceneFolder, assets);
                return gl.capabilities();
            }
            FrameAcceptance.Accepted previous = null;
            for (int frameIndex : todo) {
                long t0 = System.nanoTime();
                FrameAcceptance.Accepted sampled;
                try {
                    sampled = source.frame(frameIndex, null);
                } catch (RuntimeException e) { // a frame the template cannot make: keep the one already drawn
                    if (previous != null) collect(renderer, previous, workers, clock, sceneFolder);
                    workers.awaitIdle();
                    throw e;
                }
                FrameScene frame = sampled.sampled().scene();
                long t1 = System.nanoTime();
                renderer.draw(frame);
                renderer.startReadBack();
                long t2 = System.nanoTime();
                clock.add(Stage.SAMPLE, t1 - t0);
                clock.add(Stage.RENDER, t2 - t1);
                if (previous != null) collect(renderer, previous, workers, clock, sceneFolder);
                previous = sampled;
            }
            if (previous != null) collect(renderer, previous, workers, clock, sceneFolder);
            workers.awaitIdle();
            return gl.capabilities();
        }
    }

    /** The seed of a frame's sensor noise: its own stream, so no other draw moves when noise is added. */
    static long noiseSeed(FrameScene frame) {
        return FrameSeeds.stream(frame.seed(), frame.frameIndex(), FrameSeeds.Concern.SENSOR_NOISE).nextLong();
    }

    /** The template's labeling choices as the labeler applies them (category names become ids). */
    static LabelPolicy policy(SceneTemplate template) {
        var spec = template.labels();
        var rules = spec.rules().stream().map(r -> new LabelPolicy.Rule(
                r.category() == null ? 0 : template.category(r.category()).orElseThrow().id(),
                r.minVisiblePixels(), r.maxOcclusion(), r.maxTruncation(),
                r.action().equals("drop") ? LabelPolicy.Action.DROP : LabelPolicy.Action.CROWD)).toList();
        return new LabelPolicy(spec.polygons() ? LabelPolicy.Segmentation.POLYGON : LabelPolicy.Segmentation.RLE, rules);
    }

    /** Model-space boxes from the (already loaded) assets; the library is synchronized, so workers may ask. */
    private static ModelBounds boundsOf(AssetLibrary assets) {
        return source -> {
            var model = assets.model(source);
            var b = model.frameBounds();
            return new ModelBounds.Box(model.frame(), new double[] {b.min().x(), b.min().y(), b.min().z()},
                    new double[] {b.max().x(), b.max().y(), b.max().z()});
        };
    }

    private static void collect(SceneRenderer renderer, FrameAcceptance.Accepted accepted, WorkerPool<Work> workers, StageClock clock,
                                Path sceneFolder) {
        long t0 = System.nanoTime();
        SensorFrame sensors = renderer.finishReadBack();
        clock.add(Stage.READBACK, System.nanoTime() - t0);
        workers.submit(new Work(accepted.sampled().scene(), draws(accepted, sceneFolder), sensors, null));
    }

    /**
     * The loop for templates with label conditions: each attempt of a frame is drawn, read back and
     * labeled on this (the GL) thread before the next, and only the accepted one goes to the
     * workers, already labeled. No frame overlaps another here.
     */
    private static void renderChecked(SceneTemplate template, Options options, FrameSource source, List<Integer> todo,
                                      StageClock clock, SceneRenderer renderer, FrameLabeler labeler, WorkerPool<Work> workers,
                                      Path sceneFolder, AssetLibrary assets) {
        LabelPolicy policy = policy(template);
        ModelBounds bounds = boundsOf(assets);
        FrameAcceptance.Labeling labeling = attempt -> {
            FrameScene frame = attempt.scene();
            long t0 = System.nanoTime();
            renderer.draw(frame);
            renderer.startReadBack();
            long t1 = System.nanoTime();
            SensorFrame raw = renderer.finishReadBack();
            long t2 = System.nanoTime();
            FrameLabeler.Labeled labeled = labeler.label(frame, raw);
            var annotations = FrameMeta.build(frame, labeled.labels(), labeled.recorded().amodal(), policy,
                    OutputLayout.rgb(frame.frameIndex(), options.rgb()), bounds).get("annotations");
            clock.add(Stage.RENDER, t1 - t0);
            clock.add(Stage.READBACK, t2 - t1);
            clock.add(Stage.LABEL, System.nanoTime() - t2);
            return new FrameAcceptance.Rendered(labeled, annotations);
        };
        for (int frameIndex : todo) {
            FrameAcceptance.Accepted accepted;
            try {
                accepted = source.frame(frameIndex, labeling);
            } catch (RuntimeException e) { // no attempt met the conditions: keep the frames already accepted
                workers.awaitIdle();
                throw e;
            }
            if (accepted.rendered() != null) {
                workers.submit(new Work(accepted.sampled().scene(), draws(accepted, sceneFolder), null, accepted.rendered().labeled()));
                continue;
            }
            // a frame whose conditions (its bin's) read no labels: drawn once, labeled by a worker
            long t0 = System.nanoTime();
            renderer.draw(accepted.sampled().scene());
            renderer.startReadBack();
            clock.add(Stage.RENDER, System.nanoTime() - t0);
            collect(renderer, accepted, workers, clock, sceneFolder);
        }
        workers.awaitIdle();
    }

    /** What the frame's meta file records of its sampling. */
    private static FrameMeta.Draws draws(FrameAcceptance.Accepted accepted, Path sceneFolder) {
        FrameSampler.Sampled s = accepted.sampled();
        return new FrameMeta.Draws(s.frameSeed(), s.log().values(), sceneFolder, accepted.record());
    }

    /**
     * A frame to write: its scene and draws, and either its raw sensor images (labeled by the
     * worker) or, for frames checked against label conditions, its labels already made.
     */
    private record Work(FrameScene frame, FrameMeta.Draws draws, SensorFrame sensors, FrameLabeler.Labeled labeled) {}
}
