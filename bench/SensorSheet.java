import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One row per frame of a dataset rendered with every sensor: RGB, thermal (8-bit AGC), NIR, depth
 * and normals side by side, each labelled. Usage:
 * {@code java bench/SensorSheet.java OUT sheet.png [FRAME...]} (default frame 0).
 */
public class SensorSheet {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--stack")) {
            stack(args);
            return;
        }
        File out = new File(args[0]);
        List<Integer> frames = new ArrayList<>();
        for (int i = 2; i < args.length; i++) frames.add(Integer.parseInt(args[i]));
        if (frames.isEmpty()) frames.add(0);
        String[] names = {"RGB", "thermal (LWIR 8-14 um, AGC)", "NIR 850 nm, own illuminator", "depth", "normals (camera space)"};
        List<BufferedImage[]> rows = new ArrayList<>();
        for (int f : frames) {
            String stem = String.format("%06d.png", f);
            rows.add(new BufferedImage[] {
                    ImageIO.read(new File(out, "rgb/" + stem)),
                    ImageIO.read(new File(out, "infrared/" + stem)),
                    ImageIO.read(new File(out, "nir/" + stem)),
                    depthColours(ImageIO.read(new File(out, "depth/" + stem))),
                    ImageIO.read(new File(out, "normals/" + stem))});
        }
        int w = rows.get(0)[0].getWidth(), h = rows.get(0)[0].getHeight(), pad = 4, label = 22;
        BufferedImage sheet = new BufferedImage(names.length * (w + pad) + pad, rows.size() * (h + label + pad) + pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(24, 24, 28));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < names.length; c++) {
                int x = pad + c * (w + pad), y = pad + r * (h + label + pad);
                g.setColor(Color.WHITE);
                g.drawString(names[c], x + 2, y + 16);
                g.drawImage(rows.get(r)[c], x, y + label, null);
            }
        }
        g.dispose();
        ImageIO.write(sheet, "png", new File(args[1]));
    }

    /** {@code --stack OUT.png A.png B.png ...}: the sheets one under another. */
    static void stack(String[] args) throws Exception {
        List<BufferedImage> parts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) parts.add(ImageIO.read(new File(args[i])));
        int w = parts.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int h = parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage sheet = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        int y = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        ImageIO.write(sheet, "png", new File(args[1]));
    }

    /** uint16 millimetres to a blue (near) .. yellow (far) ramp on a log scale, black where no surface. */
    static BufferedImage depthColours(BufferedImage depth) {
        Raster r = depth.getRaster();
        BufferedImage out = new BufferedImage(depth.getWidth(), depth.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < depth.getHeight(); y++) {
            for (int x = 0; x < depth.getWidth(); x++) {
                int mm = r.getSample(x, y, 0);
                if (mm == 0) continue;
                double t = Math.max(0, Math.min(1, Math.log(mm / 1000.0 / 1.0) / Math.log(120)));
                out.setRGB(x, y, Color.HSBtoRGB((float) (0.66 - 0.5 * t), 0.8f, (float) (1 - 0.35 * t)));
            }
        }
        return out;
    }
}
