package dev.mirage.label;

import java.util.List;

/**
 * What becomes of each object's annotation: the segmentation format, and rules that drop objects
 * or mark them as crowd (ignored by COCO evaluation) when they show too few pixels or are too
 * occluded or truncated. Pure and immutable.
 *
 * @param segmentation how masks are written
 * @param rules        applied in order; the first rule an annotation breaks decides
 */
public record LabelPolicy(Segmentation segmentation, List<Rule> rules) {
    public static final LabelPolicy DEFAULT = new LabelPolicy(Segmentation.RLE, List.of());

    /** COCO segmentation formats. */
    public enum Segmentation { RLE, POLYGON }

    /** What a rule does to an annotation that breaks it. */
    public enum Action { KEEP, DROP, CROWD }

    /**
     * @param categoryId       the category it applies to, or 0 for all
     * @param minVisiblePixels fewer visible pixels break the rule (0: no limit)
     * @param maxOcclusion     a larger occlusion ratio breaks it (1: no limit)
     * @param maxTruncation    a larger truncation ratio breaks it (1: no limit)
     * @param action           DROP (no annotation) or CROWD (iscrowd 1)
     */
    public record Rule(int categoryId, long minVisiblePixels, double maxOcclusion, double maxTruncation, Action action) {
        public Rule {
            if (action == Action.KEEP) throw new IllegalArgumentException("a rule drops or marks crowd");
        }

        boolean broken(int category, Visibility v) {
            if (categoryId != 0 && categoryId != category) return false;
            return v.visiblePixels() < minVisiblePixels || v.occlusion() > maxOcclusion || v.truncation() > maxTruncation;
        }
    }

    public LabelPolicy {
        rules = List.copyOf(rules);
    }

    /** The action for an annotation of {@code categoryId} with visibility {@code v}. */
    public Action decide(int categoryId, Visibility v) {
        for (Rule r : rules) if (r.broken(categoryId, v)) return r.action();
        return Action.KEEP;
    }
}
