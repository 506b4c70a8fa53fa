package dev.mirage.asset.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.AssetFile;
import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Bounds;
import dev.mirage.asset.GlbWriter;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in asset exported as GLB loads back through Assimp with its bounds, triangles, part names and textures. */
class LibraryExportTest {
    @TempDir
    Path tmp;

    @Test
    void everyLibraryAssetRoundTripsThroughGlb() throws IOException {
        AssetCatalog catalog = AssetCatalog.standard();
        AssetLibrary library = new AssetLibrary();
        for (Generator g : catalog.all()) {
            Model model = library.model(catalog.source(g.name(), Map.of()));
            Path file = tmp.resolve(g.name() + ".glb");
            GlbWriter.write(model, library, "Mirage test", file);
            AssetFile back = AssetFile.load(file);
            Bounds a = model.bounds(), b = back.model().bounds();
            for (int axis = 0; axis < 3; axis++) {
                assertEquals(a.min().get(axis), b.min().get(axis), 1e-4, g.name() + " min " + axis);
                assertEquals(a.max().get(axis), b.max().get(axis), 1e-4, g.name() + " max " + axis);
            }
            assertEquals(model.triangleCount(), back.model().triangleCount(), g.name() + " triangles");
            Set<String> names = new TreeSet<>(), namesBack = new TreeSet<>();
            model.parts().forEach(p -> names.add(p.node()));
            back.model().parts().forEach(p -> namesBack.add(p.node()));
            assertTrue(namesBack.containsAll(names), g.name() + ": parts " + names + " came back as " + namesBack);
            long textured = model.parts().stream().filter(p -> p.material().baseColorTexture() != null).count();
            long texturedBack = back.model().parts().stream().map(MeshPart::material).filter(m -> m.baseColorTexture() != null).count();
            assertEquals(textured, texturedBack, g.name() + " parts with a base colour texture");
            assertTrue(back.warnings().isEmpty(), g.name() + ": " + back.warnings());
        }
    }
}
