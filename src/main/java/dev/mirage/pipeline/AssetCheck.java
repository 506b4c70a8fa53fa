package dev.mirage.pipeline;

import dev.mirage.asset.AssetException;
import dev.mirage.asset.AssetFile;
import dev.mirage.asset.AssetLibrary;
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
                if (v.asset() == null) continue;
                try {
                    assets.model(new MeshSource.AssetNode(v.asset(), v.node()));
                    AssetFile file = assets.file(v.asset());
                    for (String w : file.warnings()) warnings.add(template.file() + " " + v.field("asset") + ": " + w);
                } catch (AssetException e) {
                    errors.add(new TemplateError(v.pointer() + (e.nodeMissing() ? "/node" : "/asset"), e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) throw new TemplateException(template.file(), errors);
        return List.copyOf(warnings);
    }
}
