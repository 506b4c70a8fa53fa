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
                if (v.library() != null && !v.import_().parts().isEmpty()) {
                    // part names do not depend on drawn sizes: check them on the asset at its defaults
                    MeshSource source = AssetCatalog.standard().source(v.library().name(), java.util.Map.of());
                    try {
                        checkImport(v, source, assets.model(source), assets, errors);
                    } catch (AssetException e) {
                        errors.add(new TemplateError(v.field("asset"), e.getMessage()));
                    }
                }
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

    /** A fitted extent must not be flat; every labeled part must exist and leave something of the whole. */
    private static void checkImport(ObjectSpec.Variant v, MeshSource source, Model model, AssetLibrary assets,
                                    List<TemplateError> errors) {
        ObjectSpec.AssetImport im = v.import_();
        if (im.fitAxis() != null) {
            try {
                ObjectRandomizer.extent(model.bounds(), im.fitAxis());
            } catch (IllegalStateException e) {
                errors.add(new TemplateError(v.field("fit"), "expected an asset with some extent along the fitted axis; "
                        + model.name() + " is flat there (bounds " + model.bounds().min() + " .. " + model.bounds().max() + ")"));
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
