package dev.mirage.asset.library;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emergency vehicle's light bar: on the roof, lit beacons that light the scene in the service's colours. */
class EmergencyVehicleTest {
    private final Generator g = AssetCatalog.standard().get("emergency_vehicle");

    @Test
    void litBeaconsAddTwoLightsAtTheBarBesideTheHeadAndTailLamps() {
        Params p = g.resolve(Map.of("heightM", 2.5));
        List<Emitter> on = g.lights(p);
        List<String> names = on.stream().map(Emitter::name).toList();
        assertTrue(names.containsAll(List.of("head_left", "head_right", "tail_left", "tail_right", "beacon_left", "beacon_right")), names.toString());
        for (Emitter e : on)
            if (e.name().startsWith("beacon")) assertTrue(e.position().y() > 2.5, e.name() + " above the roof: " + e.position());
        List<String> off = g.lights(g.resolve(Map.of("beacons", "off"))).stream().map(Emitter::name).toList();
        assertEquals(List.of("head_left", "head_right", "tail_left", "tail_right"), off);
    }

    @Test
    void policeBeaconsAreBothBlueAnAmbulanceHasARedOne() {
        for (Emitter e : g.lights(g.resolve(Map.of("service", "police"))))
            if (e.name().startsWith("beacon")) assertTrue(e.colorLinear().z() > 3 * e.colorLinear().x(), e.name() + " blue");
        long red = g.lights(g.resolve(Map.of("service", "ambulance"))).stream()
                .filter(e -> e.name().startsWith("beacon") && e.colorLinear().x() > 3 * e.colorLinear().z()).count();
        assertEquals(1, red);
    }

    @Test
    void theLightBarSitsOnTheRoofAndGlowsOnlyWhenLit() {
        Model lit = g.build(Map.of("heightM", 2.6)), dark = g.build(Map.of("heightM", 2.6, "beacons", "off"));
        for (Model m : List.of(lit, dark)) {
            List<MeshPart> bar = m.parts().stream().filter(p -> p.node().equals("light_bar")).toList();
            assertFalse(bar.isEmpty());
            for (MeshPart p : bar) {
                float[] pos = p.mesh().positions();
                for (int i = 1; i < pos.length; i += 3) assertTrue(pos[i] >= 2.6 - 1e-4, "bar vertex below the roof: " + pos[i]);
            }
        }
        assertTrue(glows(lit) && !glows(dark));
    }

    private static boolean glows(Model m) {
        return m.parts().stream().filter(p -> p.node().equals("light_bar"))
                .anyMatch(p -> p.material().emissiveFactor().x() + p.material().emissiveFactor().y() + p.material().emissiveFactor().z() > 0);
    }
}
