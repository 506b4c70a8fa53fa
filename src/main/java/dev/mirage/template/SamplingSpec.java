package dev.mirage.template;

import java.util.List;
import java.util.Objects;

/**
 * What every frame must satisfy, and the mix of frames a dataset must hold: the template's
 * {@code constraints}, {@code coverage} and {@code sampling} blocks. A frame that breaks a condition
 * is sampled again from a seed derived from (dataset seed, frame index, attempt), up to
 * {@code maxAttempts} times. Immutable.
 *
 * @param maxAttempts most samples drawn for one frame before the run fails (≥ 1)
 * @param constraints conditions every frame meets, in file order
 * @param coverage    bins with quotas, or null for none
 */
public record SamplingSpec(int maxAttempts, List<Condition> constraints, CoverageSpec coverage) {
    /** Default {@code sampling.maxAttempts}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 50;
    /** No constraints and no coverage: every frame is its first sample, as before this block existed. */
    public static final SamplingSpec NONE = new SamplingSpec(DEFAULT_MAX_ATTEMPTS, List.of(), null);

    public SamplingSpec {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts " + maxAttempts);
        constraints = List.copyOf(constraints);
    }

    /** Whether frames are checked at all. */
    public boolean active() {
        return !constraints.isEmpty() || coverage != null;
    }

    /** Whether some condition (a constraint or a bin's) reads the rendered labels. */
    public boolean readsLabels() {
        if (constraints.stream().anyMatch(c -> c instanceof Condition.Labels)) return true;
        return coverage != null && coverage.bins().stream()
                .anyMatch(b -> b.where().stream().anyMatch(c -> c instanceof Condition.Labels));
    }

    /** Closed interval {@code [min, max]}; either end may be infinite. */
    public record Range(double min, double max) {
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

        public Range {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max)
                throw new IllegalArgumentException("range " + min + ".." + max);
        }

        public boolean contains(double v) {
            return v >= min && v <= max;
        }

        /** {@code [0.4, 0.8]}, {@code >= 20}, {@code <= 30}. */
        @Override
        public String toString() {
            boolean lo = min != Double.NEGATIVE_INFINITY, hi = max != Double.POSITIVE_INFINITY;
            if (lo && hi) return "[" + plain(min) + ", " + plain(max) + "]";
            if (lo) return ">= " + plain(min);
            if (hi) return "<= " + plain(max);
            return "any";
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * One condition on a frame, at its place in the template file.
     */
    public sealed interface Condition {
        /** JSON pointer of the condition in the template ({@code /constraints/0}). */
        String pointer();

        /** Where the condition starts in the file, or null when unknown. */
        SourceLocation location();

        /**
         * A condition on values the sampler drew (as {@code mirage sample} and meta {@code sampled}
         * name them): every value logged under {@code field} this frame (one per instance for object
         * fields) lies in {@code range}, or is one of {@code oneOf} (which option of a choice).
         *
         * @param field     the template field's JSON pointer ({@code /variables/hour})
         * @param component 0..2 for one component of a vector or colour, null for scalars
         * @param range     allowed numbers
         * @param oneOf     allowed choice labels, or empty
         */
        record Sampled(String pointer, SourceLocation location, String field, Integer component, Range range,
                       List<String> oneOf) implements Condition {
            public Sampled {
                Objects.requireNonNull(field);
                Objects.requireNonNull(range);
                oneOf = List.copyOf(oneOf);
            }

            @Override
            public String toString() {
                return field + (component == null ? "" : "[" + component + "]")
                        + (oneOf.isEmpty() ? " " + range : " one of " + oneOf);
            }
        }

        /**
         * A condition on the frame's annotations as written (COCO, meta): the number of
         * non-crowd annotations of {@code category} (any when null) whose values lie in every
         * range given is within {@code count}.
         *
         * @param categoryId   the category's id, 0 for any
         * @param occlusion    COCO {@code occlusion}
         * @param truncation   COCO {@code truncation}
         * @param boxHeightPx  {@code bbox} height
         * @param boxWidthPx   {@code bbox} width
         * @param visiblePixels {@code area}
         * @param distanceM    distance from the camera to the centre of {@code bbox3d}
         * @param lateralM     sideways offset of that centre from the camera's line of sight, |x| in camera
         *                     coordinates (with the camera in the ego lane: how far from the lane's middle)
         * @param object       the name of the template entry (or variant) the annotated object comes from, or null for any
         */
        record Labels(String pointer, SourceLocation location, String category, int categoryId, Range count, Range occlusion,
                      Range truncation, Range boxHeightPx, Range boxWidthPx, Range visiblePixels, Range distanceM, Range lateralM,
                      String object)
                implements Condition {
            /** A condition on any object of its category. */
            public Labels(String pointer, SourceLocation location, String category, int categoryId, Range count, Range occlusion,
                          Range truncation, Range boxHeightPx, Range boxWidthPx, Range visiblePixels, Range distanceM, Range lateralM) {
                this(pointer, location, category, categoryId, count, occlusion, truncation, boxHeightPx, boxWidthPx, visiblePixels,
                        distanceM, lateralM, null);
            }

            /** A condition without a sideways range. */
            public Labels(String pointer, SourceLocation location, String category, int categoryId, Range count, Range occlusion,
                          Range truncation, Range boxHeightPx, Range boxWidthPx, Range visiblePixels, Range distanceM) {
                this(pointer, location, category, categoryId, count, occlusion, truncation, boxHeightPx, boxWidthPx, visiblePixels,
                        distanceM, Range.ANY);
            }

            @Override
            public String toString() {
                StringBuilder s = new StringBuilder(category == null ? "objects" : category);
                if (object != null) s.append(" \"").append(object).append('"');
                s.append(" count ").append(count);
                if (!occlusion.equals(Range.ANY)) s.append(", occlusion ").append(occlusion);
                if (!truncation.equals(Range.ANY)) s.append(", truncation ").append(truncation);
                if (!boxHeightPx.equals(Range.ANY)) s.append(", boxHeightPx ").append(boxHeightPx);
                if (!boxWidthPx.equals(Range.ANY)) s.append(", boxWidthPx ").append(boxWidthPx);
                if (!visiblePixels.equals(Range.ANY)) s.append(", visiblePixels ").append(visiblePixels);
                if (!distanceM.equals(Range.ANY)) s.append(", distanceM ").append(distanceM);
                if (!lateralM.equals(Range.ANY)) s.append(", lateralM ").append(lateralM);
                return s.toString();
            }
        }
    }

    /**
     * Named bins with quotas: in every block of {@link #blockFrames()} consecutive frames starting
     * at a multiple of it, exactly {@code frames} frames come from each bin.
     */
    public record CoverageSpec(List<Bin> bins) {
        public CoverageSpec {
            bins = List.copyOf(bins);
            if (bins.isEmpty()) throw new IllegalArgumentException("no bins");
        }

        /** Frames in one block: the sum of the bins' {@code frames}. */
        public int blockFrames() {
            return bins.stream().mapToInt(Bin::frames).sum();
        }
    }

    /**
     * @param name   unique name, recorded in each frame's meta
     * @param frames frames of this bin in each block
     * @param where  conditions the bin's frames meet (none: any frame)
     */
    public record Bin(String pointer, String name, int frames, List<Condition> where) {
        public Bin {
            if (frames < 1) throw new IllegalArgumentException("frames " + frames);
            where = List.copyOf(where);
        }
    }
}
