package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateException;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement rules, checked from the placed objects alone: footprints are recomputed here from each
 * instance's matrix and its unit box, and tested with a method of their own (corner containment and
 * edge crossings, and the least distance between edges), not the sampler's separating-axis test.
 */
class PlacementTest {
    @TempDir
    Path dir;

    private SceneTemplate read(String objects) throws IOException {
        Path file = dir.resolve("placed.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 320, "height": 240 },
                  "camera": { "position": [0, 8, 20], "lookAt": [0, 0, 0], "fovDeg": 50 },
                  "categories": [ { "id": 1, "name": "car" }, { "id": 2, "name": "cone" } ],
                  "objects": [ %s ] }
                """.formatted(objects));
        return TemplateReader.read(file);
    }

    /** The footprint of a primitive (unit box) instance: its bottom face's corners in (x, z). */
    private static double[][] footprint(ObjectInstance o) {
        double[][] out = new double[4][];
        double[][] corners = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        Vector3d p = new Vector3d();
        for (int i = 0; i < 4; i++) {
            o.modelToWorld().transformPosition(p.set(corners[i][0], -0.5, corners[i][1]));
            out[i] = new double[] {p.x, p.z};
        }
        return out;
    }

    @Test
    void regionPlacementNeverOverlapsAndKeepsItsSpacingOver10kFrames() throws IOException {
        SceneTemplate t = read("""
                { "variants": [ { "shape": "box", "category": "car", "size": [1.8, 1.5, { "uniform": [3.8, 4.8] }] },
                                { "shape": "box", "category": "car", "size": [2.5, 3, 8], "weight": 0.3 } ],
                  "count": { "int": [3, 8] }, "yawDeg": { "uniform": [-10, 10] },
                  "placement": { "region": { "min": [-15, -25], "max": [15, 5] }, "facing": "random", "minSpacingM": 0.5 } },
                { "shape": "box", "category": "cone", "size": [0.4, 0.7, 0.4], "count": { "int": [0, 10] },
                  "placement": { "region": { "min": [-15, -25], "max": [15, 5] }, "minSpacingM": 0.3 } }
                """);
        FrameSampler sampler = new FrameSampler(t, new AssetLibrary());
        int pairs = 0;
        for (int frame = 0; frame < 10_000; frame++) {
            List<ObjectInstance> objects = sampler.frame(11, frame).objects();
            for (int i = 0; i < objects.size(); i++) {
                ObjectInstance a = objects.get(i);
                // resting on the ground: the box's bottom is at y = 0
                assertEquals(0, a.modelToWorld().transformPosition(new Vector3d(0, -0.5, 0)).y, 1e-9);
                double[][] fa = footprint(a);
                for (double[] c : fa) assertTrue(c[0] >= -15 - 5 && c[0] <= 15 + 5, "near its region");
                for (int j = 0; j < i; j++) {
                    double[][] fb = footprint(objects.get(j));
                    double spacing = a.categoryId() == 2 ? 0.3 : 0.5; // the later instance's rule
                    assertTrue(!intersects(fa, fb), "frame " + frame + ": objects " + j + " and " + i + " overlap");
                    assertTrue(distance(fa, fb) >= spacing - 1e-9,
                            "frame " + frame + ": objects " + j + " and " + i + " are " + distance(fa, fb) + " m apart");
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 100_000, "the check saw " + pairs + " pairs");
    }

    @Test
    void tooManyObjectsForTheRegionFailFastWithAMessage() throws IOException {
        SceneTemplate t = read("""
                { "shape": "box", "category": "car", "size": [2, 1.5, 4.5], "count": 40,
                  "placement": { "region": { "min": [-10, -10], "max": [10, 10] } } }
                """);
        long start = System.nanoTime();
        TemplateException e = assertThrows(TemplateException.class, () -> new FrameSampler(t, new AssetLibrary()).frame(0, 0));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("/objects/0/placement"), e.getMessage());
        assertTrue(e.getMessage().contains("enlarge the area") || e.getMessage().contains("lower the count"), e.getMessage());
        assertTrue(seconds < 5, "failed after " + seconds + " s");
    }

    @Test
    void aFullRegionThatSaysSkipLeavesInstancesOutAndKeepsIdsContiguous() throws IOException {
        SceneTemplate t = read("""
                { "shape": "box", "category": "car", "size": [2, 1.5, 4.5], "count": 40,
                  "placement": { "region": { "min": [-10, -10], "max": [10, 10] }, "whenFull": "skip" } }
                """);
        FrameScene f = new FrameSampler(t, new AssetLibrary()).frame(0, 0);
        int n = f.objects().size();
        assertTrue(n > 5 && n < 40, n + " placed");
        for (int i = 0; i < n; i++) assertEquals(i + 1, f.objects().get(i).instanceId());
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) assertTrue(!intersects(footprint(f.objects().get(i)), footprint(f.objects().get(j))));
    }

    @Test
    void lanesPlaceObjectsOnTheirLaneFacingItsDirection() throws IOException {
        SceneTemplate t = read("""
                { "shape": "box", "category": "car", "size": [1.8, 1.5, 4.5], "count": 6,
                  "placement": { "lanes": { "centersX": [-1.75, 1.75], "headingDeg": [180, 0], "z": [-80, 0], "jitterM": 0.2 },
                                 "facingJitterDeg": { "uniform": [-3, 3] }, "minSpacingM": 1 } }
                """);
        FrameSampler sampler = new FrameSampler(t, new AssetLibrary());
        for (int frame = 0; frame < 500; frame++) {
            for (ObjectInstance o : sampler.frame(2, frame).objects()) {
                double x = o.position().x();
                boolean left = x < 0;
                assertEquals(left ? -1.75 : 1.75, x, 0.2 + 1e-12);
                double expected = left ? 180 : 0;
                assertEquals(expected, o.yawDeg(), 3 + 1e-9, "yaw follows the lane");
                assertTrue(o.position().z() >= -80 && o.position().z() <= 0);
            }
        }
    }

    @Test
    void distractorsInFrontOfTheCameraLandInsideTheViewAtTheirDistance() throws IOException {
        SceneTemplate t = read("""
                { "shape": "sphere", "size": [0.3, 0.3, 0.3], "count": 5,
                  "placement": { "inFrontOfCamera": { "distanceM": { "uniform": [1, 3] }, "marginPx": 20 } } }
                """);
        FrameSampler sampler = new FrameSampler(t, new AssetLibrary());
        for (int frame = 0; frame < 300; frame++) {
            FrameScene f = sampler.frame(4, frame);
            Camera c = f.camera();
            for (ObjectInstance o : f.objects()) {
                Vector3d p = new Vector3d(o.position());
                double d = p.distance(new Vector3d(c.position()));
                assertTrue(d >= 1 - 1e-9 && d <= 3 + 1e-9, "distance " + d);
                Vector3d cam = c.worldToCamera().transformPosition(new Vector3d(p));
                double u = c.cx() + c.focalPixels() * cam.x / -cam.z, v = c.cy() - c.focalPixels() * cam.y / -cam.z;
                assertTrue(u >= 20 - 1e-6 && u <= 300 + 1e-6 && v >= 20 - 1e-6 && v <= 220 + 1e-6, "pixel " + u + ", " + v);
            }
        }
    }

    @Test
    void facingTheCameraTurnsTheFrontTowardIt() throws IOException {
        SceneTemplate t = read("""
                { "shape": "person", "size": [0.5, 1.7, 0.3], "category": "car", "count": 3,
                  "placement": { "region": { "min": [-8, -20], "max": [8, -5] }, "facing": "camera" } }
                """);
        FrameSampler sampler = new FrameSampler(t, new AssetLibrary());
        for (int frame = 0; frame < 200; frame++) {
            FrameScene f = sampler.frame(9, frame);
            for (ObjectInstance o : f.objects()) {
                // the model's +Z (its front) points from the object toward the camera, seen from above
                Vector3d front = o.modelToWorld().transformDirection(new Vector3d(0, 0, 1));
                Vector3d toCamera = new Vector3d(f.camera().position()).sub(o.position());
                double angle = Math.toDegrees(Math.atan2(front.x * toCamera.z - front.z * toCamera.x, front.x * toCamera.x + front.z * toCamera.z));
                assertEquals(0, angle, 1e-6);
            }
        }
    }

    /** True when two convex quads overlap: a corner inside the other, or crossing edges. */
    private static boolean intersects(double[][] a, double[][] b) {
        for (double[] p : a) if (inside(p, b)) return true;
        for (double[] p : b) if (inside(p, a)) return true;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (cross(a[i], a[(i + 1) % 4], b[j], b[(j + 1) % 4])) return true;
        return false;
    }

    private static boolean inside(double[] p, double[][] poly) {
        int sign = 0;
        for (int i = 0; i < poly.length; i++) {
            double[] a = poly[i], b = poly[(i + 1) % poly.length];
            double s = Math.signum((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
            if (s == 0) continue;
            if (sign == 0) sign = (int) s;
            else if (sign != s) return false;
        }
        return true;
    }

    private static boolean cross(double[] p, double[] q, double[] r, double[] s) {
        double d1 = orient(r, s, p), d2 = orient(r, s, q), d3 = orient(p, q, r), d4 = orient(p, q, s);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    /** Least distance between the edges of two disjoint quads. */
    private static double distance(double[][] a, double[][] b) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                best = Math.min(best, pointSegment(a[i], b[j], b[(j + 1) % 4]));
                best = Math.min(best, pointSegment(b[j], a[i], a[(i + 1) % 4]));
            }
        return best;
    }

    private static double pointSegment(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0], dz = b[1] - a[1];
        double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / (dx * dx + dz * dz)));
        return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dz);
    }
}
