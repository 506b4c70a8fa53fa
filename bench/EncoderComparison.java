import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.FilterType;
import dev.mirage.dataset.JpegEncoder;
import dev.mirage.dataset.PngEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Encoder comparison on a real rendered frame: Mirage's PNG encoder (levels 1 and 6), ImageIO's PNG
 * writer, pngj, and ImageIO JPEG. Run from the project root after `./mirage render ... -o OUT`:
 *   java -cp target/mirage.jar:PNGJ_JAR bench/EncoderComparison.java OUT/rgb/000000.png
 */
public class EncoderComparison {
    public static void main(String[] args) throws Exception {
        BufferedImage source = ImageIO.read(new File(args[0]));
        int w = source.getWidth(), h = source.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0, i = 0; y < h; y++)
            for (int x = 0; x < w; x++, i += 3) {
                int p = source.getRGB(x, y);
                rgb[i] = (byte) (p >> 16); rgb[i + 1] = (byte) (p >> 8); rgb[i + 2] = (byte) p;
            }
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(source, 0, 0, null);
        System.out.printf("%s: %dx%d%n", args[0], w, h);
        try (PngEncoder fast = new PngEncoder(1); PngEncoder level6 = new PngEncoder(6); JpegEncoder jpeg = new JpegEncoder(90)) {
            time("Mirage PNG, zlib 1, Up filter", () -> fast.encodeRgb8(w, h, rgb));
            time("Mirage PNG, zlib 6, Up filter", () -> level6.encodeRgb8(w, h, rgb));
            time("ImageIO PNG", () -> { ByteArrayOutputStream o = new ByteArrayOutputStream(); ImageIO.write(bgr, "png", o); return o.toByteArray(); });
            time("pngj 2.1.0, zlib 1, filter Up", () -> pngj(w, h, rgb, 1));
            time("pngj 2.1.0, zlib 6, adaptive", () -> pngj(w, h, rgb, 6));
            time("ImageIO JPEG, quality 90", () -> jpeg.encodeRgb8(w, h, rgb));
        }
    }

    static byte[] pngj(int w, int h, byte[] rgb, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter writer = new PngWriter(out, new ImageInfo(w, h, 8, false));
        writer.setCompLevel(level);
        writer.setFilterType(level == 1 ? FilterType.FILTER_UP : FilterType.FILTER_ADAPTIVE_FAST);
        ImageLineByte line = new ImageLineByte(writer.imgInfo);
        for (int y = 0; y < h; y++) {
            System.arraycopy(rgb, y * w * 3, line.getScanline(), 0, w * 3);
            writer.writeRow(line);
        }
        writer.end();
        return out.toByteArray();
    }

    interface Encode { byte[] run() throws Exception; }

    static void time(String name, Encode e) throws Exception {
        for (int i = 0; i < 5; i++) e.run();
        int n = 15;
        long[] t = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            size = e.run().length;
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        System.out.printf("%-32s median %6.1f ms  %6d KB%n", name, t[n / 2] / 1e6, size / 1024);
    }
}
