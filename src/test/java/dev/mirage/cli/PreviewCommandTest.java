package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Previews show the labels where they are: tinted inside masks, untouched far from any box; plus the gallery. */
class PreviewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void overlaysTintMasksOnlyAndTheGalleryListsEveryFrame() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(Path.of("scenes/street.json"), out, 3, 2, 160, 120).exit());
        CliRun run = CliRun.of("preview", out.toString());
        assertEquals(0, run.exit(), run.describe());
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta/000000.json").toFile());
        BufferedImage rgb = ImageIO.read(out.resolve("rgb/000000.png").toFile());
        BufferedImage overlay = ImageIO.read(out.resolve("preview/000000.png").toFile());
        BufferedImage ids = ImageIO.read(out.resolve("instance/000000.png").toFile());
        boolean[] nearBox = new boolean[160 * 120];
        for (JsonNode a : meta.path("annotations")) {
            JsonNode b = a.path("bbox");
            // Outlines and names are drawn around the box (names above it): stay well clear.
            for (int y = Math.max(0, b.get(1).asInt() - 20); y < Math.min(120, b.get(1).asInt() + b.get(3).asInt() + 3); y++)
                for (int x = Math.max(0, b.get(0).asInt() - 3); x < Math.min(160, b.get(0).asInt() + b.get(2).asInt() + 60); x++)
                    nearBox[y * 160 + x] = true;
        }
        int tinted = 0, untouched = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                boolean labeled = ids.getRaster().getSample(x, y, 0) != 0;
                if (!labeled && !nearBox[y * 160 + x]) {
                    assertEquals(rgb.getRGB(x, y), overlay.getRGB(x, y), "pixel (" + x + ", " + y + ") away from labels changed");
                    untouched++;
                } else if (labeled && rgb.getRGB(x, y) != overlay.getRGB(x, y)) {
                    tinted++;
                }
            }
        }
        assertTrue(untouched > 1000 && tinted > 50, "untouched " + untouched + ", tinted " + tinted);
        String html = Files.readString(out.resolve("preview/index.html"));
        for (int frame = 0; frame < 3; frame++) {
            String stem = String.format("%06d", frame);
            assertTrue(html.contains("src=\"" + stem + ".png\"") && html.contains("src=\"" + stem + "-semantic.png\""), stem);
            assertTrue(Files.isRegularFile(out.resolve("preview/" + stem + "-semantic.png")));
        }
        BufferedImage sheet = ImageIO.read(out.resolve("preview/contact-sheet.png").toFile());
        assertEquals(960, sheet.getWidth(), "two 480-pixel tiles a row");
        assertEquals(2 * 360, sheet.getHeight(), "three frames make two rows of 480x360 tiles");
    }
}
