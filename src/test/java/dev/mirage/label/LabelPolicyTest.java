package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.label.LabelPolicy.Action;
import dev.mirage.label.LabelPolicy.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelPolicyTest {
    // 200 visible of 400 in-image pixels (occlusion 0.5), 400 of 500 in all (truncation 0.2).
    static final Visibility HALF_HIDDEN = Visibility.of(200, 400, 500);

    @Test
    void visibilityRatiosFollowTheirDefinitions() {
        assertEquals(0.5, HALF_HIDDEN.occlusion(), 1e-12);
        assertEquals(0.2, HALF_HIDDEN.truncation(), 1e-12);
        assertEquals(0.0, Visibility.of(50, 40, 40).occlusion(), 1e-12, "alone it covers at least what it shows");
        assertEquals(0.0, Visibility.of(0, 0, 0).truncation(), 1e-12);
    }

    @Test
    void firstBrokenRuleDecidesAndOthersKeep() {
        LabelPolicy p = new LabelPolicy(LabelPolicy.Segmentation.RLE, List.of(
                new Rule(2, 0, 0.4, 1, Action.CROWD),      // pedestrians over 40% hidden: crowd
                new Rule(0, 300, 1, 1, Action.DROP)));      // anything under 300 px: dropped
        assertEquals(Action.CROWD, p.decide(2, HALF_HIDDEN), "category 2 breaks its occlusion limit first");
        assertEquals(Action.DROP, p.decide(1, HALF_HIDDEN), "the all-category rule catches 200 < 300 px");
        assertEquals(Action.KEEP, p.decide(1, Visibility.of(400, 400, 400)));
        assertEquals(Action.KEEP, new LabelPolicy(LabelPolicy.Segmentation.RLE, List.of(new Rule(0, 0, 1, 0.2, Action.DROP)))
                .decide(1, HALF_HIDDEN), "truncation 0.2 is not above 0.2");
        assertEquals(Action.DROP, new LabelPolicy(LabelPolicy.Segmentation.RLE, List.of(new Rule(0, 0, 1, 0.19, Action.DROP)))
                .decide(1, HALF_HIDDEN));
        assertEquals(Action.KEEP, LabelPolicy.DEFAULT.decide(1, Visibility.of(1, 100, 1000)));
    }
}
