package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageBinsTest {
    private static final List<List<Integer>> QUOTAS = List.of(List.of(1), List.of(1, 1), List.of(1, 2, 2), List.of(7, 1, 1, 1),
            List.of(25, 25, 50), List.of(3, 5, 11, 13, 1, 2), List.of(999, 1));

    @Test
    void everyBlockHoldsEachBinsQuotaExactly() {
        for (List<Integer> quotas : QUOTAS) {
            CoverageBins bins = new CoverageBins(quotas);
            int block = quotas.stream().mapToInt(Integer::intValue).sum();
            assertEquals(block, bins.blockFrames());
            for (int start : new int[] {0, block, 17 * block}) {
                int[] counts = new int[quotas.size()];
                for (int i = start; i < start + block; i++) counts[bins.binOf(i)]++;
                for (int j = 0; j < quotas.size(); j++) assertEquals(quotas.get(j), counts[j], quotas + " bin " + j);
            }
        }
    }

    @Test
    void anyPrefixOfABlockIsWithinOneFrameOfProportional() {
        for (List<Integer> quotas : QUOTAS) {
            CoverageBins bins = new CoverageBins(quotas);
            int block = bins.blockFrames();
            int[] counts = new int[quotas.size()];
            for (int m = 1; m <= block; m++) {
                counts[bins.binOf(m - 1)]++;
                for (int j = 0; j < quotas.size(); j++)
                    assertTrue(Math.abs(counts[j] - (double) m * quotas.get(j) / block) < 1, quotas + " after " + m + " frames");
            }
        }
    }

    @Test
    void aFramesBinDependsOnItsIndexAlone() {
        CoverageBins a = new CoverageBins(List.of(3, 5, 11)), b = new CoverageBins(new ArrayList<>(List.of(3, 5, 11)));
        for (long i : new long[] {0, 1, 18, 19, 20, 1_000_003, Integer.MAX_VALUE + 5L}) assertEquals(a.binOf(i), b.binOf(i));
        assertEquals(a.binOf(7), a.binOf(7 + 19 * 1000));
    }

    @Test
    void badQuotasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CoverageBins(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CoverageBins(List.of(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> new CoverageBins(List.of(1)).binOf(-1));
    }
}
