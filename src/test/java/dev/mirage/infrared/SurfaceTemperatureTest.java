package dev.mirage.infrared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.MeshPart;
import dev.mirage.scene.Thermal;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

class SurfaceTemperatureTest {
    private static final double AIR = 283.15;

    private static Thermal.ObjectThermal vehicle(double minutes) {
        return new Thermal.ObjectThermal(Thermal.Kind.VEHICLE, minutes, 307.15, Double.NaN, Double.NaN);
    }

    @Test
    void aParkedCarIsAtAirTemperatureAndARunningOneWarmsUp() {
        assertEquals(AIR, SurfaceTemperature.baseK(ThermalClass.TYRE, vehicle(0), AIR), 1e-9);
        assertEquals(AIR + 25, SurfaceTemperature.baseK(ThermalClass.TYRE, vehicle(1000), AIR), 1e-6);
        assertEquals(AIR + 25 * (1 - Math.exp(-1)), SurfaceTemperature.baseK(ThermalClass.TYRE, vehicle(20), AIR), 1e-9);
        assertTrue(SurfaceTemperature.baseK(ThermalClass.ENGINE, vehicle(30), AIR) > AIR + 60);
        Bounds car = new Bounds(new Vector3d(-0.9, 0, -2.2), new Vector3d(0.9, 1.5, 2.2));
        assertTrue(SurfaceTemperature.hotSpots(vehicle(0), car).isEmpty());
        List<SurfaceTemperature.HotSpot> spots = SurfaceTemperature.hotSpots(vehicle(30), car);
        assertEquals(2, spots.size());
        assertTrue(spots.get(0).z() > 1.2, "the engine bay is at the front (+z)");
        assertTrue(spots.get(1).z() < -2 && spots.get(1).y() < 0.3, "the exhaust is low at the rear");
    }

    @Test
    void peopleAreWarmerThanTheAirAndClothingCoolerThanSkin() {
        Thermal.ObjectThermal person = new Thermal.ObjectThermal(Thermal.Kind.PERSON, 0, 307.15, Double.NaN, Double.NaN);
        double skin = SurfaceTemperature.baseK(ThermalClass.SKIN, person, AIR);
        double cloth = SurfaceTemperature.baseK(ThermalClass.CLOTHING, person, AIR);
        assertEquals(307.15, skin);
        assertTrue(cloth > AIR + 5 && cloth < skin - 5, "clothing " + cloth);
    }

    @Test
    void aTemplateTemperatureAndEmissivityReplaceTheRules() {
        Thermal.ObjectThermal plate = new Thermal.ObjectThermal(Thermal.Kind.OTHER, 0, 307.15, 350, 0.1);
        assertEquals(350, SurfaceTemperature.baseK(ThermalClass.ASPHALT, plate, AIR));
        assertEquals(0.1, SurfaceTemperature.emissivity(ThermalClass.ASPHALT, plate));
    }

    @Test
    void libraryMaterialsGetTheirClasses() {
        assertEquals(ThermalClass.TYRE, ThermalClass.of("rubber", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.SKIN, ThermalClass.of("skin", "pedestrian", Thermal.Kind.PERSON));
        assertEquals(ThermalClass.CLOTHING, ThermalClass.of("cloth_shirt", "pedestrian", Thermal.Kind.PERSON));
        assertEquals(ThermalClass.PLASTIC, ThermalClass.of("trim", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.POLISHED_METAL, ThermalClass.of("metal_rim", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.GLASS, ThermalClass.of("glass", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.LAMP, ThermalClass.of("lamp_head_on", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.PLASTIC, ThermalClass.of("lamp_head_off", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.PAINT, ThermalClass.of("material", "car", Thermal.Kind.VEHICLE));
        assertEquals(ThermalClass.ASPHALT, ThermalClass.of("default", "road", Thermal.Kind.OTHER));
        assertEquals(ThermalClass.BODY, ThermalClass.of("default", "road", Thermal.Kind.PERSON));
        assertEquals(ThermalClass.DEFAULT, ThermalClass.of("default", "box", Thermal.Kind.OTHER));
        // every material of the built-in pedestrian, car and tree is classed by its name
        Set<String> unclassed = new TreeSet<>();
        for (String name : List.of("pedestrian", "car", "tree", "road")) {
            AssetCatalog catalog = AssetCatalog.standard();
            var model = catalog.build(catalog.source(name, new TreeMap<>()));
            for (MeshPart part : model.parts())
                if (ThermalClass.of(part.material().name(), "", Thermal.Kind.OTHER) == ThermalClass.DEFAULT)
                    unclassed.add(name + ":" + part.material().name());
        }
        assertTrue(unclassed.isEmpty(), "materials without a thermal class: " + unclassed);
    }
}
