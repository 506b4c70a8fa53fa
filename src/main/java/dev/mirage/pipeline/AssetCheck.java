package dev.mirage.pipeline;

import dev.mirage.asset.AssetException;
import dev.mirage.asset.AssetFile;
import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Model;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.MeshSource;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateError;
import dev.mirage.template.TemplateException;
import dev.mirage.template.TextDist;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads every asset a template names before anything is written, so a broken or missing asset is a
 * scene error (file + JSON pointer, exit 2) and not a failure mid-run.
 */
public final class AssetCheck {
    private AssetCheck() {}

    /**
     * @return what was degraded while loading (a missing texture of an asset renders with its
     *         factor), one line each naming the scene file and field; empty when nothing was
     * @throws TemplateException listing each asset entry that cannot be loaded
     */
    public static List<String> loadAll(SceneTemplate template, AssetLibrary assets) {
        List<TemplateError> errors = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (ObjectSpec spec : template.objects()) {
            for (ObjectSpec.Variant v : spec.variants()) {
                for (String image : v.material().textures()) {
                    try {
                        assets.texture(java.nio.file.Path.of(image));
                    } catch (AssetException e) {
                        errors.add(new TemplateError(v.field("material") + "/texture", e.getMessage()));
                    }
                }
                if (v.library() != null) checkLibrary(v, assets, errors);
                if (v.asset() == null) continue;
                MeshSource source = ObjectRandomizer.source(v);
                try {
                    Model model = assets.model(source);
                    AssetFile file = assets.file(v.asset());
                    for (String w : file.warnings()) warnings.add(template.file() + " " + v.field("asset") + ": " + w);
                    checkImport(v, source, model, assets, errors);
                } catch (AssetException e) {
                    errors.add(new TemplateError(v.pointer() + (e.nodeMissing() ? "/node" : "/asset"), e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) throw new TemplateException(template.file(), errors);
        return List.copyOf(warnings);
    }

    /**
     * A built-in asset's labeled parts: which parts it has depends on its choices (a car's {@code bed}
     * only as a pickup), not on its sizes, so each part must exist for at least one combination of
     * the choices the entry may draw (sizes at their defaults); frames whose shape lacks it simply
     * have no such instance. A fitted extent must not be flat.
     */
    private static void checkLibrary(ObjectSpec.Variant v, AssetLibrary assets, List<TemplateError> errors) {
        ObjectSpec.AssetImport im = v.import_();
        if (im.parts().isEmpty() && im.fitAxis() == null) return;
        List<java.util.Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new java.util.TreeMap<>());
        for (java.util.Map.Entry<String, Object> e : v.library().params().entrySet()) {
            List<String> values = e.getValue() instanceof TextDist.Choice c ? c.values()
                    : e.getValue() instanceof TextDist.Constant k ? List.of(k.value()) : List.of();
            if (values.isEmpty()) continue;
            List<java.util.Map<String, Object>> next = new ArrayList<>();
            for (java.util.Map<String, Object> partial : combinations)
                for (String value : values) {
                    if (next.size() >= 256) break; // enough to find the parts of any real generator
                    java.util.Map<String, Object> m = new java.util.TreeMap<>(partial);
                    m.put(e.getKey(), value);
                    next.add(m);
                }
            combinations = next;
        }
        Set<String> present = new java.util.TreeSet<>();
        for (java.util.Map<String, Object> values : combinations) {
            MeshSource source = AssetCatalog.standard().source(v.library().name(), values);
            Model model = assets.model(source);
            model.parts().forEach(p -> present.add(p.node()));
            if (im.fitAxis() != null) checkFit(v, model, errors);
        }
        for (ObjectSpec.AssetImport.Part part : im.parts()) {
            if (present.stream().noneMatch(n -> dev.mirage.asset.MeshPart.within(n, part.node())))
                errors.add(new TemplateError(part.pointer() + "/node", "expected a part of mirage:" + v.library().name()
                        + " for the choices this entry draws (" + String.join(", ", present) + "), got \"" + part.node() + "\""));
        }
    }

    private static void checkFit(ObjectSpec.Variant v, Model model, List<TemplateError> errors) {
        try {
            ObjectRandomizer.extent(model.bounds(), v.import_().fitAxis());
        } catch (IllegalStateException e) {
            TemplateError error = new TemplateError(v.field("fit"), "expected an asset with some extent along the fitted axis; "
                    + model.name() + " is flat there (bounds " + model.bounds().min() + " .. " + model.bounds().max() + ")");
            if (!errors.contains(error)) errors.add(error);
        }
    }

    /** A fitted extent must not be flat; every labeled part must exist and leave something of the whole. */
    private static void checkImport(ObjectSpec.Variant v, MeshSource source, Model model, AssetLibrary assets,
                                    List<TemplateError> errors) {
        ObjectSpec.AssetImport im = v.import_();
        if (im.fitAxis() != null) checkFit(v, model, errors);
        // parts of a file are subtrees: two that share meshes (one inside the other) would label those pixels twice
        if (v.asset() != null && im.parts().size() > 1) {
            java.util.Map<dev.mirage.asset.MeshPart, String> owner = new java.util.IdentityHashMap<>();
            for (ObjectSpec.AssetImport.Part part : im.parts()) {
                Model subtree;
                try {
                    subtree = assets.file(v.asset()).model(part.node());
                } catch (AssetException e) {
                    continue; // reported below
                }
                for (dev.mirage.asset.MeshPart mp : subtree.parts()) {
                    String other = owner.putIfAbsent(mp, part.node());
                    if (other != null) {
                        errors.add(new TemplateError(part.pointer() + "/node", "expected parts that do not overlap, but \""
                                + part.node() + "\" and \"" + other + "\" share meshes (one lies inside the other)"));
                        break;
                    }
                }
            }
        }
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (ObjectSpec.AssetImport.Part part : im.parts()) {
            all.add(part.node());
            try {
                assets.model(new MeshSource.Parts(source, part.node(), new java.util.TreeSet<>()));
            } catch (AssetException e) {
                errors.add(new TemplateError(part.pointer() + "/node", e.getMessage()));
            }
        }
        if (all.isEmpty()) return;
        try {
            assets.model(new MeshSource.Parts(source, null, all));
        } catch (AssetException e) {
            if (!e.nodeMissing()) errors.add(new TemplateError(v.field("parts"), e.getMessage()));
        }
    }
}
