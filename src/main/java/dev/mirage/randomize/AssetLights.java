package dev.mirage.randomize;

import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.library.Emitter;
import dev.mirage.scene.Camera;
import dev.mirage.scene.Light;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.template.TemplateReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lights placed assets carry (a car with {@code "lights": "on"}, a street lamp): each built-in
 * asset's {@link Emitter}s moved to the world by its object's transform, after the template's own
 * lights.
 *
 * <p><b>Cap.</b> A frame has at most {@link TemplateReader#MAX_LIGHTS} lights. The template's lights
 * always stay; when the assets bring more than the room left, the asset lights nearest the camera
 * are kept (ties by their order), and the kept ones stay in object order. Drawing nothing, this
 * moves no random stream: a frame without asset lights is unchanged.
 */
public final class AssetLights {
    private AssetLights() {}

    /** The template's lights followed by the kept asset lights of {@code objects}. */
    public static List<Light> withAssetLights(List<Light> templateLights, List<ObjectInstance> objects, Camera camera) {
        List<Light> spawned = spawned(objects);
        if (spawned.isEmpty()) return templateLights;
        int room = Math.max(0, TemplateReader.MAX_LIGHTS - templateLights.size());
        List<Light> out = new ArrayList<>(templateLights);
        out.addAll(closest(spawned, camera, room));
        return out;
    }

    /** Every asset light of the frame in object order, then emitter order, before the cap. */
    public static List<Light> spawned(List<ObjectInstance> objects) {
        List<Light> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ObjectInstance o = objects.get(i);
            MeshSource s = o.source();
            // labeled parts: the lamps go with the whole, not again with each part
            if (s instanceof MeshSource.Parts parts) {
                if (parts.only() != null) continue;
                s = parts.base();
            }
            if (!(s instanceof MeshSource.Generated g)) continue;
            for (Emitter e : AssetCatalog.standard().lights(g))
                out.add(e.toWorld(o.modelToWorld(), new Light.Origin(i, o.instanceId(), e.name())));
        }
        return out;
    }

    /** The {@code room} lights nearest the camera, in their given order. */
    static List<Light> closest(List<Light> lights, Camera camera, int room) {
        if (lights.size() <= room) return lights;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lights.size(); i++) order.add(i);
        order.sort(Comparator.<Integer>comparingDouble(i -> lights.get(i).position().distanceSquared(camera.position()))
                .thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>(order.subList(0, room));
        kept.sort(null);
        List<Light> out = new ArrayList<>();
        for (int i : kept) out.add(lights.get(i));
        return out;
    }
}
