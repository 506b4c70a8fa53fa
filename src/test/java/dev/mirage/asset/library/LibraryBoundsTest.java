package dev.mirage.asset.library;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generator's model is as large as its parameters say, at its defaults and at one other
 * setting: the expected sizes are worked out here from the parameters, not read from the
 * generators. Sizes are x (width), y (height), z (length) of the model's bounds; NaN skips an axis.
 * The tolerance is 1 cm unless a case says otherwise (and why).
 */
class LibraryBoundsTest {
    private static final double NONE = Double.NaN, CM = 0.01;

    /** name, non-default params, and a function from the full parameter set to the expected x, y, z and tolerance. */
    private record Case(String name, Map<String, Object> params, Expect expect) {}

    private interface Expect {
        double[] size(Params p); // x, y, z, tolerance
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                // widthM counts the mirrors, which end exactly at ± widthM / 2
                new Case("car", Map.of("bodyType", "suv", "lengthM", 5.0, "widthM", 2.0, "heightM", 1.8),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("lengthM"), CM}),
                new Case("van", Map.of("lengthM", 6.0, "widthM", 2.2, "heightM", 2.7),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("lengthM"), CM}),
                new Case("truck", Map.of("lengthM", 12.0, "widthM", 2.4, "heightM", 3.6),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("lengthM"), CM}),
                // the door panels stand 5 mm proud of the right side
                new Case("bus", Map.of("lengthM", 9.0, "widthM", 2.4, "heightM", 3.3),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("lengthM"), CM}),
                new Case("barrier", Map.of("style", "plank", "lengthM", 3.0, "heightM", 1.1),
                        p -> new double[] {p.num("lengthM"), p.num("heightM"), NONE, CM}),
                // the plate's top edge: octagon and disc both reach the full size
                new Case("traffic_sign", Map.of("face", "no_entry", "sizeM", 0.6, "poleHeightM", 2.5),
                        p -> new double[] {p.num("sizeM"), p.num("poleHeightM") + p.num("sizeM"), NONE, CM}),
                // housing: three lamps at 1.5 diameters' pitch plus 0.1 m, its back plate 5 cm beyond
                new Case("traffic_light", Map.of("poleHeightM", 4.0, "lampDiameterM", 0.3),
                        p -> new double[] {NONE, p.num("poleHeightM") + 4.5 * p.num("lampDiameterM") + 0.15, NONE, CM}),
                // a 2 cm slab with 2 mm of paint on it
                new Case("road", Map.of("lanes", 4, "laneWidthM", 3.0, "shoulderM", 1.5, "lengthM", 50.0),
                        p -> new double[] {p.whole("lanes") * p.num("laneWidthM") + 2 * p.num("shoulderM"), 0.022, p.num("lengthM"), 0.001}),
                new Case("sidewalk", Map.of("widthM", 4.0, "lengthM", 12.0, "curbHeightM", 0.2),
                        p -> new double[] {p.num("widthM"), p.num("curbHeightM"), p.num("lengthM"), CM}),
                // the lamp head's top 8 cm above the arm
                new Case("street_lamp", Map.of("poleHeightM", 6.0, "armLengthM", 2.0),
                        p -> new double[] {0.32, p.num("poleHeightM") + 0.08, NONE, CM}),
                // a 0.6 m parapet on the roof
                new Case("building", Map.of("floors", 12, "floorHeightM", 3.5, "widthM", 30.0, "depthM", 18.0),
                        p -> new double[] {p.num("widthM"), p.whole("floors") * p.num("floorHeightM") + 0.6, p.num("depthM"), CM}),
                new Case("tree", Map.of("style", "conifer", "heightM", 12.0, "crownRadiusM", 3.0),
                        p -> new double[] {p.word("style").equals("conifer") ? 2 * p.num("crownRadiusM") : NONE, p.num("heightM"), NONE, CM}),
                new Case("pedestrian", Map.of("age", "child", "heightM", 1.2, "strideDeg", 30.0),
                        p -> new double[] {NONE, p.num("heightM"), NONE, CM}),
                // the square base is 0.55 of the height across
                new Case("traffic_cone", Map.of("heightM", 1.0),
                        p -> new double[] {0.55 * p.num("heightM"), p.num("heightM"), 0.55 * p.num("heightM"), CM}),
                // the handlebar is the widest part; a rider's elbows stay inside bars of 0.6 m
                new Case("bicycle", Map.of("lengthM", 1.3, "wheelDiameterM", 0.5, "frameSizeM", 0.34, "handlebarWidthM", 0.5, "rider", "child"),
                        p -> new double[] {p.num("handlebarWidthM"), NONE, p.num("lengthM"), CM}),
                // the bars are 0.76 m across
                new Case("motorbike", Map.of("lengthM", 2.3, "wheelbaseM", 1.55, "wheelDiameterM", 0.7, "rider", "none"),
                        p -> new double[] {0.76, NONE, p.num("lengthM"), CM}),
                // the handle stands out toward +Z
                new Case("mug", Map.of("heightM", 0.12, "diameterM", 0.1, "handleReachM", 0.05),
                        p -> new double[] {p.num("diameterM"), p.num("heightM"), p.num("diameterM") + p.num("handleReachM"), 0.002}),
                // the paper label wraps the body 0.5 % outside it
                new Case("bottle", Map.of("heightM", 0.2, "diameterM", 0.06, "material", "plastic"),
                        p -> new double[] {p.num("diameterM") * 1.005, p.num("heightM"), p.num("diameterM") * 1.005, 0.001}),
                new Case("book", Map.of("heightM", 0.3, "widthM", 0.21, "thicknessM", 0.05, "pose", "upright"),
                        p -> p.word("pose").equals("flat")
                                ? new double[] {p.num("widthM"), p.num("thicknessM"), p.num("heightM"), 0.001}
                                : new double[] {p.num("thicknessM"), p.num("heightM"), p.num("widthM"), 0.001}),
                new Case("chair", Map.of("seatHeightM", 0.5, "heightM", 1.0, "widthM", 0.5, "depthM", 0.5),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("depthM"), 0.001}),
                // scaled so the ears (or antler tips) are at heightM; the hooves stand on y = 0
                new Case("animal", Map.of("species", "dog", "heightM", 0.6, "strideDeg", 25.0, "headDeg", -30.0),
                        p -> new double[] {NONE, p.num("heightM"), NONE, 0.001}),
                // the van's size, plus the light bar on the roof
                new Case("emergency_vehicle", Map.of("service", "police", "lengthM", 5.8, "widthM", 2.1, "heightM", 2.6),
                        p -> new double[] {p.num("widthM"), p.num("heightM") + EmergencyVehicle.BAR_HEIGHT_M, p.num("lengthM"), CM}),
                new Case("table", Map.of("heightM", 0.9, "lengthM", 2.0, "widthM", 1.0),
                        p -> new double[] {p.num("widthM"), p.num("heightM"), p.num("lengthM"), 0.001}));
        return cases.stream().flatMap(c -> Stream.of(Arguments.of(c.name(), Map.of(), c.expect()),
                Arguments.of(c.name(), c.params(), c.expect())));
    }

    @Test
    void everyGeneratorHasACase() {
        List<String> covered = cases().map(a -> (String) a.get()[0]).distinct().sorted().toList();
        assertEquals(AssetCatalog.standard().names().stream().sorted().toList(),
                covered, "add a bounds case for each new generator");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void boundsMatchTheParameters(String name, Map<String, Object> params, Expect expect) {
        Generator g = AssetCatalog.standard().get(name);
        Params p = g.resolve(params);
        Model m = g.make(p);
        double[] want = expect.size(p);
        Vector3d size = size(m.bounds());
        String[] axis = {"width (x)", "height (y)", "length (z)"};
        for (int i = 0; i < 3; i++)
            if (!Double.isNaN(want[i])) assertEquals(want[i], size.get(i), want[3], name + " " + p.values() + ": " + axis[i]);
        assertEquals(0, m.bounds().min().y(), 1e-6, name + " stands on y = 0");
    }

    @Test
    void treeCrownsStayWithinTheirRadius() {
        for (double cr : new double[] {0.5, 2.2, 8}) {
            Model m = AssetCatalog.standard().get("tree").build(Map.of("crownRadiusM", cr));
            double x = size(m.bounds()).x;
            assertTrue(x <= 2 * cr + CM && x >= 0.95 * 2 * cr, "broadleaf crown " + x + " for radius " + cr);
        }
    }

    @Test
    void bicycleWheelsAreTheirDiameterAndTheRiderSitsOnIt() {
        for (Map<String, Object> params : List.of(Map.<String, Object>of(),
                Map.<String, Object>of("lengthM", 1.3, "wheelDiameterM", 0.5, "frameSizeM", 0.34, "rider", "child"))) {
            Generator g = AssetCatalog.standard().get("bicycle");
            Params p = g.resolve(params);
            Model m = g.make(p);
            double d = p.num("wheelDiameterM"), wb = p.num("lengthM") - d;
            for (String wheel : List.of("wheel_front", "wheel_rear")) {
                Vector3d s = size(part(m, wheel));
                assertEquals(d, s.y, 0.002, wheel + " height");
                assertEquals(d, s.z, 0.002, wheel + " length");
            }
            assertEquals(wb, centre(part(m, "wheel_front")).z - centre(part(m, "wheel_rear")).z, 0.002, "wheelbase");
            Bounds rider = part(m, "rider"), frame = part(m, "frame");
            double riderHeight = p.num("frameSizeM") / Bicycle.FRAME_PER_HEIGHT;
            // seated: the head is well above the saddle but below a standing height; the feet on the pedals, off the ground
            assertTrue(rider.max().y() > 0.75 * riderHeight && rider.max().y() < riderHeight + 0.1, "rider top " + rider.max().y());
            assertTrue(rider.min().y() > 0.02, "the feet are on the pedals, off the ground: " + rider.min().y());
            assertTrue(rider.min().z() > m.bounds().min().z() && rider.max().z() < m.bounds().max().z(), "the rider is between the wheels' ends");
            assertTrue(frame.max().y() < rider.max().y());
        }
    }

    @Test
    void motorbikeWheelbaseAndDiameter() {
        Generator g = AssetCatalog.standard().get("motorbike");
        Params p = g.resolve(Map.of("wheelbaseM", 1.3, "wheelDiameterM", 0.66));
        Model m = g.make(p);
        assertEquals(1.3, centre(part(m, "wheel_front")).z - centre(part(m, "wheel_rear")).z, 0.002);
        assertEquals(0.66, size(part(m, "wheel_rear")).y, 0.002);
        // a wheelbase too long for the length is shortened so both wheels fit
        m = g.build(Map.of("lengthM", 1.8, "wheelbaseM", 1.7, "wheelDiameterM", 0.7));
        assertEquals(1.8, size(m.bounds()).z, CM);
        assertEquals(1.1, centre(part(m, "wheel_front")).z - centre(part(m, "wheel_rear")).z, 0.002);
    }

    @Test
    void chairSeatIsAtItsHeight() {
        Model m = AssetCatalog.standard().get("chair").build(Map.of("seatHeightM", 0.52));
        assertEquals(0.52, part(m, "seat").max().y(), 1e-4);
    }

    private static Bounds part(Model m, String node) {
        Vector3d lo = new Vector3d(Double.POSITIVE_INFINITY), hi = new Vector3d(Double.NEGATIVE_INFINITY);
        boolean found = false;
        for (MeshPart part : m.parts()) {
            if (!part.node().equals(node)) continue;
            Bounds b = Bounds.of(part.mesh().positions(), part.nodeToModel());
            lo.min(b.min());
            hi.max(b.max());
            found = true;
        }
        assertTrue(found, m.name() + " has a part " + node);
        return new Bounds(lo, hi);
    }

    private static Vector3d size(Bounds b) {
        return new Vector3d(b.max()).sub(b.min());
    }

    private static Vector3d centre(Bounds b) {
        return new Vector3d(b.max()).add(b.min()).mul(0.5);
    }
}
