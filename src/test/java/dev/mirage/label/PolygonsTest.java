package dev.mirage.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Polygons from hand-drawn masks against outlines and areas worked out by hand (vertices on pixel
 * corners, clockwise on screen from the top-left corner of the first part), and from random masks
 * against independent rasterisers ({@link PolygonRaster}: an even-odd pixel-centre test and a port
 * of pycocotools' {@code rleFrPoly}), which must give the mask back exactly without simplification
 * and within a few boundary pixels with it.
 */
class PolygonsTest {

    private static void assertPolygons(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size(), "polygon count");
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "polygon " + i);
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    private static int mismatches(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    /** Set pixels with a 4-neighbour outside the mask or the image: the pixels an outline can miss. */
    private static int boundaryPixels(boolean[] m, int w, int h) {
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!m[y * w + x]) continue;
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || !m[y * w + x - 1] || !m[y * w + x + 1] || !m[(y - 1) * w + x] || !m[(y + 1) * w + x];
                if (edge) n++;
            }
        }
        return n;
    }

    @Test
    void singlePixelIsItsSquare() {
        boolean[] m = Masks.mask(".....", "..X..", ".....", ".....");
        // Pixel (2, 1) covers [2, 3) x [1, 2): corners (2,1) (3,1) (3,2) (2,2).
        List<double[]> expected = List.of(new double[] {2, 1, 3, 1, 3, 2, 2, 2});
        assertPolygons(expected, Polygons.trace(m, 5, 4));
        assertPolygons(expected, Polygons.trace(m, 5, 4, 0));
        assertEquals(1.0, Polygons.signedArea(Polygons.trace(m, 5, 4).get(0)));
    }

    @Test
    void rectangleThreeByTwo() {
        boolean[] m = Masks.mask("......", ".XXX..", ".XXX..", "......");
        List<double[]> polygons = Polygons.trace(m, 6, 4);
        assertPolygons(List.of(new double[] {1, 1, 4, 1, 4, 3, 1, 3}), polygons);
        assertEquals(6.0, Polygons.area(polygons));
    }

    @Test
    void lShape() {
        boolean[] m = Masks.mask("X..", "X..", "XXX");
        // Down the left column's right side, along the foot's top, round the foot, up the left side.
        List<double[]> expected = List.of(new double[] {0, 0, 1, 0, 1, 2, 3, 2, 3, 3, 0, 3});
        assertPolygons(expected, Polygons.trace(m, 3, 3));
        assertPolygons(expected, Polygons.trace(m, 3, 3, 0));
        assertEquals(5.0, Polygons.area(expected.get(0)));
    }

    @Test
    void ringWithAHoleIsOnePolygonWithABridge() {
        boolean[] m = Masks.mask("XXXX", "X..X", "X..X", "XXXX");
        // Outline (0,0) (4,0) (4,4) (0,4), area 16; hole (1,1) (1,3) (3,3) (3,1) walked the other
        // way, area -4. Nearest vertices: (0,0) and (1,1) (the first of four pairs at sqrt 2), so the
        // outline leaves (0,0) for the hole, goes round it, and comes back: area 16 - 4 = 12.
        double[] expected = {0, 0, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 0, 0, 4, 0, 4, 4, 0, 4};
        List<double[]> polygons = Polygons.trace(m, 4, 4);
        assertPolygons(List.of(expected), polygons);
        assertEquals(12.0, Polygons.signedArea(expected));
        assertArrayEquals(m, PolygonRaster.evenOdd(polygons, 4, 4), "even-odd fill leaves the hole empty");
        assertArrayEquals(m, PolygonRaster.pycocotools(polygons, 4, 4), "pycocotools leaves the hole empty");
        assertArrayEquals(m, Polygons.rasterize(polygons, 4, 4));
    }

    @Test
    void separatePartsAreSeparatePolygonsInRowMajorOrder() {
        boolean[] m = Masks.mask("....XX", "X...XX", "X.....");
        List<double[]> expected = List.of(new double[] {4, 0, 6, 0, 6, 2, 4, 2}, new double[] {0, 1, 1, 1, 1, 3, 0, 3});
        assertPolygons(expected, Polygons.trace(m, 6, 3));
    }

    @Test
    void diagonalNeighboursAreOnePartPinchedAtTheirCorner() {
        // 8-connected: (0,0) and (1,1) share the corner (1,1), which the outline passes twice.
        assertPolygons(List.of(new double[] {0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 1, 1, 0, 1}),
                Polygons.trace(Masks.mask("X.", ".X"), 2, 2));
        assertPolygons(List.of(new double[] {1, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2, 0, 1, 1, 1}),
                Polygons.trace(Masks.mask(".X", "X."), 2, 2));
    }

    @Test
    void emptyAndFullMasks() {
        assertEquals(List.of(), Polygons.trace(new boolean[12], 4, 3));
        assertEquals(List.of(), Polygons.trace(new boolean[0], 0, 0));
        boolean[] full = Masks.mask("XXXX", "XXXX", "XXXX");
        assertPolygons(List.of(new double[] {0, 0, 4, 0, 4, 3, 0, 3}), Polygons.trace(full, 4, 3));
    }

    @Test
    void islandInsideAHoleIsItsOwnPolygon() {
        boolean[] m = Masks.mask("XXXXX", "X...X", "X.X.X", "X...X", "XXXXX");
        List<double[]> polygons = Polygons.trace(m, 5, 5);
        assertEquals(2, polygons.size());
        assertEquals(16.0, Polygons.signedArea(polygons.get(0)), "25 - 9");
        assertPolygons(List.of(new double[] {2, 2, 3, 2, 3, 3, 2, 3}), polygons.subList(1, 2));
        assertArrayEquals(m, PolygonRaster.evenOdd(polygons, 5, 5));
        assertArrayEquals(m, PolygonRaster.pycocotools(polygons, 5, 5));
    }

    @Test
    void rleAndBooleanMasksGiveTheSamePolygons() {
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < 50; t++) {
            int w = 1 + random.nextInt(20), h = 1 + random.nextInt(20);
            boolean[] m = noise(random, w, h, 0.5);
            assertPolygons(Polygons.trace(m, w, h), Polygons.trace(CocoRle.encode(m, w, h)));
        }
    }

    /** Without simplification the polygons are exact: areas, and both rasterisers, give the mask back. */
    @Test
    void withoutSimplificationRandomMasksComeBackExactly() {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 300; t++) {
            int w = 1 + random.nextInt(24), h = 1 + random.nextInt(24);
            boolean[] m = noise(random, w, h, random.nextDouble());
            List<double[]> polygons = Polygons.trace(m, w, h, 0);
            String what = "mask " + t + " (" + w + "x" + h + ")";
            double area = 0;
            for (double[] p : polygons) {
                assertTrue(p.length >= 6, what);
                assertTrue(Polygons.signedArea(p) > 0, what + ": outlines clockwise on screen");
                area += Polygons.signedArea(p);
            }
            assertEquals(count(m), area, 0, what);
            assertArrayEquals(m, PolygonRaster.evenOdd(polygons, w, h), what);
            assertArrayEquals(m, PolygonRaster.pycocotools(polygons, w, h), what);
            assertArrayEquals(m, Polygons.rasterize(polygons, w, h), what);
            assertArrayEquals(m, PolygonRaster.evenOdd(List.of(Polygons.join(polygons)), w, h), what + ", joined");
        }
    }

    /**
     * Random blobs (unions of discs, some with holes cut out), simplified at the default 0.5 px:
     * the area is within 1% of the pixel count, and the rasterised polygons differ from the mask in
     * fewer pixels than a quarter of the mask's boundary pixels.
     */
    @Test
    void simplifiedBlobsKeepTheirAreaAndPixels() {
        SplittableRandom random = new SplittableRandom(5);
        int w = 120, h = 90;
        double worst = 0, totalError = 0, totalArea = 0;
        int worstPixels = 0;
        for (int t = 0; t < 200; t++) {
            boolean[] m = blob(random, w, h);
            int pixels = count(m);
            if (pixels < 100) continue;
            List<double[]> polygons = Polygons.trace(m, w, h);
            double error = Polygons.area(polygons) - pixels;
            worst = Math.max(worst, Math.abs(error) / pixels);
            totalError += Math.abs(error);
            totalArea += pixels;
            String what = "blob " + t + ": " + pixels + " px, polygon area " + Polygons.area(polygons);
            assertTrue(Math.abs(error) <= 0.01 * pixels, what);
            int boundary = boundaryPixels(m, w, h);
            int wrong = Math.max(mismatches(m, PolygonRaster.evenOdd(polygons, w, h)),
                    mismatches(m, PolygonRaster.pycocotools(polygons, w, h)));
            worstPixels = Math.max(worstPixels, wrong);
            assertTrue(wrong <= boundary / 4, what + ": " + wrong + " pixels differ, boundary " + boundary);
        }
        System.out.printf("blobs: worst area error %.3f%%, mean %.3f%%, worst pixel mismatch %d%n",
                100 * worst, 100 * totalError / totalArea, worstPixels);
    }

    /** Douglas–Peucker's promise: every corner of the exact outline lies within the tolerance of the simplified one. */
    @Test
    void simplificationStaysWithinItsTolerance() {
        SplittableRandom random = new SplittableRandom(8);
        for (double tolerance : new double[] {0.5, 1, 2.5}) {
            for (int t = 0; t < 40; t++) {
                boolean[] m = blob(random, 80, 60);
                List<double[]> exact = Polygons.trace(m, 80, 60, 0);
                List<double[]> simple = Polygons.trace(m, 80, 60, tolerance);
                int exactVertices = 0, simpleVertices = 0;
                for (double[] p : exact) exactVertices += p.length / 2;
                for (double[] p : simple) simpleVertices += p.length / 2;
                if (exactVertices > 20) assertTrue(simpleVertices < exactVertices, "simplification drops vertices");
                for (double[] p : exact) {
                    for (int i = 0; i < p.length; i += 2) {
                        double d = nearestEdge(simple, p[i], p[i + 1]);
                        assertTrue(d <= tolerance + 1e-9, "corner (" + p[i] + ", " + p[i + 1] + ") is " + d
                                + " px from the outline simplified at " + tolerance);
                    }
                }
            }
        }
    }

    /** At 1 px a one-pixel-wide line would simplify to 2 vertices; it is kept as traced, not lost. */
    @Test
    void ringsTooThinToSimplifyAreKeptAsTraced() {
        boolean[] line = new boolean[50 * 3];
        for (int x = 0; x < 50; x++) line[50 + x] = true;
        assertPolygons(List.of(new double[] {0, 1, 50, 1, 50, 2, 0, 2}), Polygons.trace(line, 50, 3, 1));
        boolean[] pixel = Masks.mask("...", ".X.", "...");
        assertPolygons(List.of(new double[] {1, 1, 2, 1, 2, 2, 1, 2}), Polygons.trace(pixel, 3, 3, 2));
    }

    @Test
    void joinBridgesPartsIntoOnePolygon() {
        boolean[] m = Masks.mask("XX...", "XX..X", "...XX");
        List<double[]> parts = Polygons.trace(m, 5, 3, 0);
        assertEquals(2, parts.size());
        double[] joined = Polygons.join(parts);
        // Square (0,0)-(2,2) and the L at the right, joined at (2,2)-(3,2): there and back.
        assertArrayEquals(new double[] {0, 0, 2, 0, 2, 2, 3, 2, 4, 2, 4, 1, 5, 1, 5, 3, 3, 3, 3, 2, 2, 2, 0, 2}, joined);
        assertEquals(7.0, Polygons.signedArea(joined));
        assertArrayEquals(m, PolygonRaster.evenOdd(List.of(joined), 5, 3));
        assertArrayEquals(m, PolygonRaster.pycocotools(List.of(joined), 5, 3));
        assertEquals(0, Polygons.join(List.of()).length);
    }

    @Test
    void rasterizeFillsPixelCentresEvenOdd() {
        // Triangle (0,0) (4,0) (0,4): centres (x+.5, y+.5) with x + y + 1 < 4 are inside.
        boolean[] expected = Masks.mask("XXX.", "XX..", "X...", "....");
        assertArrayEquals(expected, Polygons.rasterize(List.of(new double[] {0, 0, 4, 0, 0, 4}), 4, 4));
        // A polygon sticking out of the image is clipped.
        assertArrayEquals(Masks.mask("XX", "XX"), Polygons.rasterize(List.of(new double[] {-3, -3, 9, -3, 9, 9, -3, 9}), 2, 2));
        // Two overlapping squares are unioned, not cancelled.
        assertArrayEquals(Masks.mask("XX.", "XXX", ".XX"),
                Polygons.rasterize(List.of(new double[] {0, 0, 2, 0, 2, 2, 0, 2}, new double[] {1, 1, 3, 1, 3, 3, 1, 3}), 3, 3));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Polygons.trace(new boolean[5], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Polygons.trace(new boolean[4], 2, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Polygons.trace(new boolean[4], 2, 2, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Polygons.area(new double[] {1, 2, 3}));
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private static boolean[] noise(SplittableRandom random, int w, int h, double density) {
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) m[i] = random.nextDouble() < density;
        return m;
    }

    /** A union of 1 to 5 discs, minus up to 2 smaller discs (holes or bites). */
    private static boolean[] blob(SplittableRandom random, int w, int h) {
        boolean[] m = new boolean[w * h];
        List<double[]> discs = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        double cx = w * (0.3 + 0.4 * random.nextDouble()), cy = h * (0.3 + 0.4 * random.nextDouble());
        for (int i = 0; i < n; i++)
            discs.add(new double[] {cx + random.nextDouble(-20, 20), cy + random.nextDouble(-15, 15), random.nextDouble(3, 18)});
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (double[] d : discs)
                    if (Math.hypot(x + 0.5 - d[0], y + 0.5 - d[1]) < d[2]) m[y * w + x] = true;
        int holes = random.nextInt(3);
        for (int i = 0; i < holes; i++) {
            double[] d = discs.get(random.nextInt(discs.size()));
            double hx = d[0] + random.nextDouble(-d[2] / 2, d[2] / 2), hy = d[1] + random.nextDouble(-d[2] / 2, d[2] / 2);
            double r = random.nextDouble(1, Math.max(1.5, d[2] / 2.5));
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if (Math.hypot(x + 0.5 - hx, y + 0.5 - hy) < r) m[y * w + x] = false;
        }
        return m;
    }

    /** Distance from a point to the nearest edge of any of the polygons. */
    private static double nearestEdge(List<double[]> polygons, double px, double py) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] p : polygons) {
            int n = p.length / 2;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double ax = p[2 * i], ay = p[2 * i + 1], dx = p[2 * j] - ax, dy = p[2 * j + 1] - ay;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
                best = Math.min(best, Math.hypot(ax + t * dx - px, ay + t * dy - py));
            }
        }
        return best;
    }
}
