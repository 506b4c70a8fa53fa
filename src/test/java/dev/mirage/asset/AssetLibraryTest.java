package dev.mirage.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.scene.MeshSource;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The asset library keeps what it builds within bounds, however many shapes a long run draws. */
class AssetLibraryTest {
    @Test
    void drawnShapesWithLabeledPartsDoNotGrowTheLibrary() {
        AssetLibrary library = new AssetLibrary();
        AssetCatalog catalog = AssetCatalog.standard();
        int most = 0;
        for (int i = 0; i < 3 * AssetLibrary.BUILT_CAPACITY; i++) {
            MeshSource.Generated truck = catalog.source("truck", Map.of("lengthM", 10 + i * 0.001));
            Model trailer = library.model(new MeshSource.Parts(truck, "trailer", new TreeSet<>()));
            Model rest = library.model(new MeshSource.Parts(truck, null, new TreeSet<>(java.util.List.of("trailer"))));
            assertEquals(library.model(truck).triangleCount(), trailer.triangleCount() + rest.triangleCount(),
                    "the trailer and the rest make the whole");
            most = Math.max(most, library.modelsHeld());
        }
        assertTrue(most <= 3 * AssetLibrary.BUILT_CAPACITY, "held " + most);
    }
}
