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

/** RGB as JPEG: the same picture as the PNG within JPEG's error, named .jpg everywhere, smaller. */
class RgbFormatTest {
    static final Path STREET = Path.of("scenes/street.json");

    @TempDir
    Path tmp;

    @Test
    void jpegHoldsThePngPictureWithinCompressionError() throws IOException {
        Path png = tmp.resolve("png"), jpeg = tmp.resolve("jpeg");
        assertEquals(0, CliRun.render(STREET, png, 2, 3, 320, 240).exit());
        CliRun run = CliRun.render(STREET, jpeg, 2, 3, 320, 240, "--rgb-format", "jpeg", "--jpeg-quality", "92");
        assertEquals(0, run.exit(), run.describe());
        for (int frame = 0; frame < 2; frame++) {
            String stem = String.format("%06d", frame);
            BufferedImage a = ImageIO.read(png.resolve("rgb/" + stem + ".png").toFile());
            BufferedImage b = ImageIO.read(jpeg.resolve("rgb/" + stem + ".jpg").toFile());
            assertEquals(320, b.getWidth());
            assertEquals(240, b.getHeight());
            double sum = 0;
            for (int y = 0; y < 240; y++)
                for (int x = 0; x < 320; x++) {
                    int p = a.getRGB(x, y), q = b.getRGB(x, y);
                    for (int s = 0; s <= 16; s += 8) sum += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
                }
            double meanError = sum / (320 * 240 * 3);
            assertTrue(meanError < 4, "mean absolute error " + meanError + " of 255");
            assertTrue(Files.size(jpeg.resolve("rgb/" + stem + ".jpg")) < Files.size(png.resolve("rgb/" + stem + ".png")));
            assertArrayEquals(Files.readAllBytes(png.resolve("instance/" + stem + ".png")),
                    Files.readAllBytes(jpeg.resolve("instance/" + stem + ".png")), "labels do not depend on the RGB format");
        }
        JsonNode coco = new ObjectMapper().readTree(jpeg.resolve("annotations/coco.json").toFile());
        assertEquals("rgb/000000.jpg", coco.path("images").get(0).path("file_name").asText());
        assertTrue(Files.readString(jpeg.resolve("dataset.json")).contains("jpeg@92"));
    }

    @Test
    void aJpegFolderRefusesAPngRunAndBadQualitiesAreUsageErrors() {
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.render(STREET, out, 1, 3, 64, 48, "--rgb-format", "jpeg").exit());
        CliRun png = CliRun.render(STREET, out, 1, 3, 64, 48);
        assertEquals(2, png.exit(), png.describe());
        assertTrue(png.err().contains("RGB as jpeg@90"), png.describe());
        assertEquals(2, CliRun.render(STREET, tmp.resolve("q"), 1, 3, 64, 48, "--rgb-format", "jpeg", "--jpeg-quality", "0").exit());
        assertEquals(2, CliRun.render(STREET, tmp.resolve("f"), 1, 3, 64, 48, "--rgb-format", "webp").exit());
    }
}
