package dev.mirage.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.pipeline.SampleStats.Choice;
import dev.mirage.pipeline.SampleStats.Histogram;
import dev.mirage.pipeline.SampleStats.Numbers;
import dev.mirage.pipeline.SampleStats.Option;
import dev.mirage.pipeline.SampleStats.PerFrame;
import dev.mirage.pipeline.SampleStats.Scalar;
import dev.mirage.pipeline.SampleStats.Summary;
import dev.mirage.pipeline.SampleStats.Vector;
import dev.mirage.randomize.SampleLog;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Statistics and histograms against values computed by hand. */
class SampleStatsTest {
    private static final double EPS = 1e-12;

    /** 1..10: mean 5.5, population sd √8.25, p5 at rank 0.45, median at 4.5, p95 at 8.55; one bin per integer. */
    @Test
    void oneToTen() {
        Numbers n = Numbers.of(new double[] {7, 1, 10, 2, 9, 3, 8, 4, 6, 5});
        assertEquals(10, n.count());
        assertEquals(5.5, n.mean(), EPS);
        assertEquals(Math.sqrt(8.25), n.sd(), EPS);
        assertEquals(1, n.min());
        assertEquals(1.45, n.p5(), EPS);
        assertEquals(5.5, n.median(), EPS);
        assertEquals(9.55, n.p95(), EPS);
        assertEquals(10, n.max());
        assertEquals(0, n.nonFinite());
        Histogram h = n.histogram();
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5}, h.edges(), EPS);
        long[] ones = new long[10];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, h.counts());
    }

    /** Continuous values: 40 equal bins from min to max, each value in the bin holding it. */
    @Test
    void continuousValuesGetFortyBins() {
        Histogram h = Numbers.of(new double[] {0, 0.25, 0.55, 1.05, 4}).histogram();
        double[] edges = h.edges();
        assertEquals(SampleStats.BINS + 1, edges.length);
        assertEquals(0, edges[0]);
        assertEquals(0.1, edges[1], EPS);
        assertEquals(4, edges[40]);
        long[] expected = new long[40];
        for (int bin : new int[] {0, 2, 5, 10, 39}) expected[bin] = 1;
        assertArrayEquals(expected, h.counts());
    }

    /** A value on an inner edge starts the bin above it; the maximum stays in the last bin. */
    @Test
    void edgesBelongToTheBinAbove() {
        Histogram h = Numbers.of(new double[] {0, 1, 2, 4, 8}).histogram(); // integers, but 9 of them: one bin each
        assertEquals(9, h.counts().length);
        Histogram c = Numbers.of(new double[] {0, 0.5, 40}).histogram(); // width 1: 0.5 in bin 0, 40 in bin 39
        assertEquals(2, c.counts()[0]);
        assertEquals(1, c.counts()[39]);
        assertEquals(3, Arrays.stream(c.counts()).sum());
    }

    /** Integers over a wide range: bins of whole width (here 3, so 34 bins for 0..99), centred on integers. */
    @Test
    void wideIntegersShareWholeBins() {
        Histogram h = Numbers.of(IntStream.range(0, 100).asDoubleStream().toArray()).histogram();
        double[] edges = h.edges();
        long[] counts = h.counts();
        assertEquals(34, counts.length);
        assertEquals(-0.5, edges[0]);
        assertEquals(2.5, edges[1]);
        assertEquals(101.5, edges[34]);
        assertEquals(3, counts[0]);
        assertEquals(1, counts[33]); // 99 alone
        assertEquals(100, Arrays.stream(counts).sum());
    }

    /** A constant: exact mean, sd 0, one bin of width 1 around it. */
    @Test
    void constant() {
        Numbers n = Numbers.of(new double[] {0.1, 0.1, 0.1});
        assertEquals(0.1, n.mean());
        assertEquals(0, n.sd());
        assertEquals(0.1, n.p5());
        assertArrayEquals(new double[] {0.1 - 0.5, 0.1 + 0.5}, n.histogram().edges());
        assertArrayEquals(new long[] {3}, n.histogram().counts());
    }

    /** NaN and infinities are counted apart and left out of the statistics. */
    @Test
    void nonFiniteValuesAreLeftOut() {
        Numbers n = Numbers.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertEquals(2, n.count());
        assertEquals(2, n.nonFinite());
        assertEquals(2, n.mean(), EPS);
        assertEquals(2, Arrays.stream(n.histogram().counts()).sum());
        Numbers none = Numbers.of(new double[] {Double.NaN});
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.mean()));
        assertEquals(0, none.histogram().counts().length);
    }

    /**
     * Logs over three frames: scalars, vectors (per component) and choices summarised per pointer in
     * the order first logged; values per frame only where the count varies, 0 where a frame logged none.
     */
    @Test
    void summarisesLogsPerPointer() {
        SampleStats stats = new SampleStats();
        stats.add(log(l -> {
            l.number("/a", 1);
            l.vector("/v", new Vector3d(1, 2, 3));
            l.label("/c", "x");
            l.number("/obj/yaw", 10);
            l.number("/obj/yaw", 20);
        }));
        stats.add(log(l -> {
            l.number("/a", 3);
            l.vector("/v", new Vector3d(3, 2, 1));
            l.label("/c", "y");
            l.label("/c", "x");
        }));
        stats.add(log(l -> {
            l.number("/a", 5);
            l.vector("/v", new Vector3d(2, 2, 2));
            l.label("/c", "x");
            l.number("/obj/yaw", 30);
            l.number("/late", 7);
        }));
        Summary s = stats.summarize();
        assertEquals(3, s.frames());
        assertEquals(List.of("/a", "/v", "/c", "/obj/yaw", "/late"), s.parameters().stream().map(p -> p.pointer()).toList());

        Numbers a = assertInstanceOf(Scalar.class, s.parameters().get(0)).numbers();
        assertEquals(3, a.count());
        assertEquals(3, a.mean(), EPS);
        assertEquals(Math.sqrt(8.0 / 3), a.sd(), EPS);

        List<Numbers> v = assertInstanceOf(Vector.class, s.parameters().get(1)).components();
        assertEquals(3, v.size());
        assertEquals(2, v.get(0).mean(), EPS);
        assertEquals(0, v.get(1).sd());
        assertEquals(1, v.get(2).min());

        Choice c = assertInstanceOf(Choice.class, s.parameters().get(2));
        assertEquals(4, c.count());
        assertEquals(List.of(new Option("x", 3), new Option("y", 1)), c.options());

        // "/c" logged 1, 2, 1 values; "/obj/yaw" 2, 0, 1; "/late" 0, 0, 1. "/a" and "/v" always 1.
        assertEquals(List.of("/c", "/obj/yaw", "/late"), s.valuesPerFrame().stream().map(PerFrame::pointer).toList());
        Numbers yaw = s.valuesPerFrame().get(1).numbers();
        assertEquals(3, yaw.count());
        assertEquals(1, yaw.mean(), EPS);
        assertEquals(0, yaw.min());
        assertEquals(2, yaw.max());
        Numbers late = s.valuesPerFrame().get(2).numbers();
        assertEquals(0, late.median());
        assertEquals(1.0 / 3, late.mean(), EPS);
    }

    /** Options sort numerically when they are numbers (category ids), else as text. */
    @Test
    void optionsInNaturalOrder() {
        SampleStats stats = new SampleStats();
        stats.add(log(l -> List.of("10", "2", "1", "b", "a").forEach(o -> l.label("/o", o))));
        Choice c = (Choice) stats.summarize().parameters().get(0);
        assertEquals(List.of("1", "2", "10", "a", "b"), c.options().stream().map(Option::value).toList());
    }

    /** A pointer logged with a number and a label gets a parameter of each kind. */
    @Test
    void mixedKindsGetOneParameterEach() {
        SampleStats stats = new SampleStats();
        stats.add(log(l -> {
            l.number("/m", 1);
            l.label("/m", "one");
        }));
        Summary s = stats.summarize();
        assertEquals(2, s.parameters().size());
        assertInstanceOf(Scalar.class, s.parameters().get(0));
        assertInstanceOf(Choice.class, s.parameters().get(1));
    }

    @Test
    void numbersForPeople() {
        assertEquals("45", SampleReport.number(45.000001));
        assertEquals("8.6603", SampleReport.number(30 / Math.sqrt(12)));
        assertEquals("-0.0123", SampleReport.number(-0.0123));
        assertEquals("0", SampleReport.number(-0.0));
        assertEquals("1.2346e-05", SampleReport.number(1.23456e-5));
        assertEquals("2.5e+07", SampleReport.number(2.5e7));
        assertEquals("nan", SampleReport.number(Double.NaN));
    }

    @Test
    void plotFileNamesFromPointers() {
        assertEquals("camera.position", SamplePlots.fileStem("/camera/position"));
        assertEquals("objects.2.yawDeg", SamplePlots.fileStem("/objects/2/yawDeg"));
        assertEquals("objects.left_pavement.color", SamplePlots.fileStem("/objects/left pavement/color"));
        assertEquals("a_b.c", SamplePlots.fileStem("/a~1b/c"));
        assertEquals("_", SamplePlots.fileStem(""));
        assertEquals("_..", SamplePlots.fileStem("/.."));
    }

    @Test
    void ticksAtNiceSteps() {
        SamplePlots.Ticks t = SamplePlots.Ticks.of(-1.4, 1.45, 6);
        assertEquals(0.5, t.step(), EPS);
        assertEquals(-1.5, t.low(), EPS);
        assertEquals(1.5, t.high(), EPS);
        assertEquals("-1.5", t.label(-1.5));
        assertEquals("0", t.label(1e-17));
    }

    private static SampleLog log(java.util.function.Consumer<SampleLog> fill) {
        SampleLog log = new SampleLog();
        fill.accept(log);
        return log;
    }
}
