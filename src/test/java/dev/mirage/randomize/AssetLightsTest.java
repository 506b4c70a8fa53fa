package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lights carried by placed library assets: moved to the world, after the template's, capped at 16 by distance. */
class AssetLightsTest {
    @TempDir
    Path dir;

    FrameScene frame(String objects, String lights) throws IOException {
        Path file = dir.resolve("scene.json");
        Files.writeString(file, """
                {
                  "mirage": 1,
                  "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 3, 10], "lookAt": [0, 0, 0], "fovDeg": 60 },
                  "sun": { "elevationDeg": -20, "azimuthDeg": 0, "intensity": 1 },
                  "sky": { "color": [0, 0, 0] },
                  "categories": [ { "id": 1, "name": "car" } ],
                  "lights": [%s],
                  "objects": [ %s ]
                }
                """.formatted(lights, objects));
        return new FrameSampler(TemplateReader.read(file), new AssetLibrary()).frame(7, 0);
    }

    static String car(double x, double z, double yaw, String lights) {
        return """
                { "asset": "mirage:car", "category": "car", "params": { "lights": "%s" },
                  "position": [%s, 0, %s], "yawDeg": %s }""".formatted(lights, x, z, yaw);
    }

    @Test
    void aCarWithLightsOnCarriesTwoForwardSpotsAndTwoRedTailPoints() throws IOException {
        FrameScene f = frame(car(1, -2, 90, "on"), "");
        assertEquals(4, f.lights().size());
        ObjectInstance car = f.objects().get(0);
        Vector3d forward = car.modelToWorld().transformDirection(new Vector3d(0, 0, 1)).normalize(); // yaw 90: +X
        assertEquals(1, forward.x, 1e-9);
        for (Light l : f.lights()) {
            assertNotNull(l.origin());
            assertEquals(0, l.origin().object());
            assertEquals(car.instanceId(), l.origin().instanceId());
            Vector3d rel = new Vector3d(l.position()).sub(car.position());
            if (l.origin().emitter().startsWith("head")) {
                assertEquals(Light.Kind.SPOT, l.kind());
                assertTrue(rel.dot(forward) > 2.2, "head lamp at the front: " + rel);
                assertTrue(l.direction().dot(forward) > 0.99, "head beam forward: " + l.direction());
                assertTrue(l.direction().y() < 0, "low beam points down");
            } else {
                assertEquals(Light.Kind.POINT, l.kind());
                assertTrue(rel.dot(forward) < -2.2, "tail lamp at the back: " + rel);
                assertTrue(l.colorLinear().x() > 10 * l.colorLinear().y(), "tail lamp red");
            }
        }
        assertEquals(List.of("head_left", "head_right", "tail_left", "tail_right"),
                f.lights().stream().map(l -> l.origin().emitter()).toList());
    }

    @Test
    void lightsOffIsTheDefaultAndAddsNoLights() throws IOException {
        FrameScene off = frame(car(0, 0, 0, "off"), "");
        FrameScene plain = frame("""
                { "asset": "mirage:car", "category": "car", "position": [0, 0, 0], "yawDeg": 0 }""", "");
        assertTrue(off.lights().isEmpty());
        assertEquals(plain, off);
    }

    @Test
    void aStreetLampShinesStraightDownFromItsHead() throws IOException {
        FrameScene f = frame("""
                { "asset": "mirage:street_lamp", "params": { "poleHeightM": 6, "armLengthM": 2, "colorTemperature": "led" },
                  "position": [3, 0, 0], "yawDeg": 0 }""", "");
        assertEquals(1, f.lights().size());
        Light l = f.lights().get(0);
        assertEquals(Light.Kind.SPOT, l.kind());
        assertEquals(-1, l.direction().y(), 1e-12);
        assertEquals(3, l.position().x(), 1e-9);
        assertEquals(2.15, l.position().z(), 1e-9);
        assertTrue(l.position().y() > 5.8 && l.position().y() < 6);
        FrameScene sodium = frame("""
                { "asset": "mirage:street_lamp", "params": { "colorTemperature": "sodium" }, "position": [3, 0, 0] }""", "");
        Vector3d c = new Vector3d(sodium.lights().get(0).colorLinear());
        assertTrue(c.x > c.y && c.y > c.z, "sodium is amber: " + c);
        FrameScene dark = frame("""
                { "asset": "mirage:street_lamp", "params": { "on": "off" }, "position": [3, 0, 0] }""", "");
        assertTrue(dark.lights().isEmpty());
    }

    @Test
    void overSixteenTheTemplatesLightsStayAndTheAssetLightsNearestTheCameraWin() throws IOException {
        StringBuilder cars = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (i > 0) cars.append(',');
            cars.append(car(-12 + 5 * i, -4 * i, 0, "on")); // farther from the camera (0, 3, 10) as i grows
        }
        String templateLights = """
                { "type": "point", "position": [0, 5, 0], "intensity": 2, "rangeM": 10 },
                { "type": "point", "position": [5, 5, 0], "intensity": 2, "rangeM": 10 }""";
        FrameScene f = frame(cars.toString(), templateLights);
        assertEquals(16, f.lights().size());
        assertNull(f.lights().get(0).origin());
        assertNull(f.lights().get(1).origin());
        List<Light> all = AssetLights.spawned(f.objects());
        assertEquals(24, all.size());
        List<Light> kept = f.lights().subList(2, 16);
        Vector3d eye = new Vector3d(f.camera().position());
        double farthestKept = kept.stream().mapToDouble(l -> l.position().distance(eye)).max().orElseThrow();
        for (Light l : all)
            if (!kept.contains(l)) assertTrue(l.position().distance(eye) >= farthestKept, "a nearer light was dropped");
        // kept ones stay in object order, and sampling again gives the same lights
        for (int i = 1; i < kept.size(); i++) assertTrue(all.indexOf(kept.get(i - 1)) < all.indexOf(kept.get(i)));
        assertEquals(f.lights(), frame(cars.toString(), templateLights).lights());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"car", "van", "bus", "truck"})
    void everyRoadVehicleCarriesHeadLightsAtItsFrontAndTailLightsAtItsBackWhenOn(String name) {
        var catalog = dev.mirage.asset.library.AssetCatalog.standard();
        assertTrue(catalog.lights(catalog.source(name, java.util.Map.of())).isEmpty(), "off by default");
        var on = catalog.source(name, java.util.Map.of("lights", "on"));
        var model = catalog.build(on);
        var lights = catalog.lights(on);
        assertEquals(4, lights.size());
        for (var e : lights) {
            boolean head = e.name().startsWith("head");
            double z = e.position().z();
            if (head) assertEquals(model.bounds().max().z(), z, 0.05, name + " " + e.name());
            else assertEquals(model.bounds().min().z(), z, 0.05, name + " " + e.name());
            assertTrue(e.position().y() > 0.3 && e.position().y() < model.bounds().max().y());
            assertTrue(Math.abs(e.position().x()) < model.bounds().max().x());
        }
        // the lamp glass lights up: an emissive material only when on
        assertTrue(model.parts().stream().anyMatch(p -> p.material().emissiveFactor().length() > 0));
        assertTrue(catalog.build(catalog.source(name, java.util.Map.of())).parts().stream()
                .noneMatch(p -> p.material().emissiveFactor().length() > 0));
    }
}
