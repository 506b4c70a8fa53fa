package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark renders each case in a child JVM and reports a row per case with real numbers. */
class BenchCommandTest {
    @Test
    void reportsOneRowPerSceneAndSizeWithPositiveRates() {
        CliRun run = CliRun.of("bench", "-n", "3", "--scenes", "scenes/tabletop.json", "--sizes", "64x48,96x72");
        assertEquals(0, run.exit(), run.describe());
        List<String> rows = run.out().lines().filter(l -> l.startsWith("| tabletop.json")).toList();
        assertEquals(2, rows.size(), run.describe());
        assertTrue(rows.get(0).contains("| 64x48 |") && rows.get(1).contains("| 96x72 |"), run.describe());
        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            double fps = Double.parseDouble(cells[2]);
            double render = Double.parseDouble(cells[5]);
            double peakMiB = Double.parseDouble(cells[11].replace(" MiB", ""));
            assertTrue(fps > 0 && render > 0 && peakMiB > 10, row);
            double ms = Double.parseDouble(cells[3]);
            // both are rounded (frames/s to 0.1, ms to 1): below 1 frame/s a relative bound is too tight
            assertTrue(fps >= 1000 / (ms + 0.5) - 0.05 - 1e-9 && fps <= 1000 / (ms - 0.5) + 0.05 + 1e-9,
                    "ms/frame is 1000 / frames/s (both rounded): " + row);
        }
    }

    @Test
    void badSizesAreUsageErrors() {
        CliRun run = CliRun.of("bench", "--sizes", "big");
        assertEquals(2, run.exit(), run.describe());
        assertTrue(run.err().contains("--sizes"), run.describe());
    }
}
