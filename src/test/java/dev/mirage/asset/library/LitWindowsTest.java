package dev.mirage.asset.library;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A building's litWindows: the share of lit window glass over its facades, and nothing changed at 0. */
class LitWindowsTest {
    static final int K = Textures.ATLAS_WINDOWS, CELL = Textures.ATLAS_CELL;

    static MeshPart walls(Model m) {
        return m.parts().stream().filter(p -> p.node().equals("walls")).findFirst().orElseThrow();
    }

    /** Share of the glass texels of every window on the walls that the emissive map lights. */
    static double litShare(Model m) {
        MeshPart walls = walls(m);
        TextureImage emissive = ((TextureRef.Decoded) walls.material().emissiveTexture()).image();
        float[] uv = walls.mesh().uvs();
        long glass = 0, lit = 0;
        for (int q = 0; q < walls.mesh().vertexCount(); q += 4) { // one flat quad per wall: corners 0 and 2 span it
            double u0 = uv[2 * q], v0 = uv[2 * q + 1], u1 = uv[2 * (q + 2)], v1 = uv[2 * (q + 2) + 1];
            int bays = (int) Math.round((u1 - u0) * K), floors = (int) Math.round((v1 - v0) * K);
            int c0 = (int) Math.round(u0 * K), r0 = (int) Math.round(v0 * K);
            for (int i = 0; i < bays; i++)
                for (int j = 0; j < floors; j++) {
                    int col = Math.floorMod(c0 + i, K), row = Math.floorMod(r0 + j, K);
                    for (int y = 0; y < CELL; y++)
                        for (int x = 0; x < CELL; x++) {
                            int px = col * CELL + x, py = row * CELL + y;
                            if (!Textures.atlasGlass(px, py)) continue;
                            glass++;
                            if ((emissive.rgba()[4 * (py * emissive.width() + px)] & 0xff) > 0) lit++;
                        }
                }
        }
        assertTrue(glass > 100_000, "a large facade: " + glass + " glass texels");
        return (double) lit / glass;
    }

    @Test
    void theShareOfLitWindowGlassFollowsLitWindows() {
        Generator g = AssetCatalog.standard().get("building");
        for (double share : new double[] {0.05, 0.3, 0.5, 0.77, 1.0})
            for (int seed : new int[] {0, 17}) {
                Model m = g.build(Map.of("floors", 40, "widthM", 80, "depthM", 60, "bayWidthM", 2, "litWindows", share, "seed", seed));
                assertEquals(share, litShare(m), 0.05, "litWindows " + share + " seed " + seed);
                assertTrue(walls(m).material().emissiveFactor().x() > 0);
            }
    }

    @Test
    void litGlassIsWarmAndTheWallAroundItDark() {
        TextureImage img = ((TextureRef.Decoded) Textures.facadeLitWindows(K * K)).image();
        int lit = 0, dark = 0;
        for (int y = 0; y < img.height(); y++)
            for (int x = 0; x < img.width(); x++) {
                int i = 4 * (y * img.width() + x);
                int r = img.rgba()[i] & 0xff, b = img.rgba()[i + 2] & 0xff;
                if (Textures.atlasGlass(x, y)) {
                    assertTrue(r > b && r == 255, "warm glass");
                    lit++;
                } else {
                    assertEquals(0, r, "wall not emissive");
                    dark++;
                }
            }
        assertTrue(lit > 0 && dark > lit);
    }

    @Test
    void seedsChangeWhichWindowsAndEqualParametersGiveEqualBuildings() {
        Generator g = AssetCatalog.standard().get("building");
        Model a = g.build(Map.of("litWindows", 0.4, "seed", 1)), b = g.build(Map.of("litWindows", 0.4, "seed", 1));
        Model c = g.build(Map.of("litWindows", 0.4, "seed", 2));
        assertArrayEquals(walls(a).mesh().uvs(), walls(b).mesh().uvs());
        assertFalse(java.util.Arrays.equals(walls(a).mesh().uvs(), walls(c).mesh().uvs()));
    }

    @Test
    void noLitWindowsKeepsThePlainFacade() {
        Model m = AssetCatalog.standard().get("building").build(Map.of());
        assertSame(Materials.facade(), walls(m).material());
        assertNull(walls(m).material().emissiveTexture());
        float[] uv = walls(m).mesh().uvs();
        assertEquals(0, uv[0]);
        assertEquals(0, uv[1]);
        assertEquals(7, uv[4]); // 20 m of 3 m bays: 7 bays, one tile each
        assertEquals(5, uv[5]); // five floors
    }
}
