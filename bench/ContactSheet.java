import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Tiles images into one contact sheet with a caption under each:
 * {@code java bench/ContactSheet.java OUT.png COLUMNS WIDTH caption=image.png ...}
 * (each tile scaled to WIDTH pixels wide).
 */
public class ContactSheet {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int columns = Integer.parseInt(args[1]), tileW = Integer.parseInt(args[2]);
        List<String> captions = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            captions.add(args[i].substring(0, eq));
            images.add(ImageIO.read(new File(args[i].substring(eq + 1))));
        }
        int tileH = images.get(0).getHeight() * tileW / images.get(0).getWidth(), captionH = 22;
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * tileW, rows * (tileH + captionH), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < images.size(); i++) {
            int x = (i % columns) * tileW, y = (i / columns) * (tileH + captionH);
            g.drawImage(images.get(i), x, y, tileW, tileH, null);
            g.setColor(Color.BLACK);
            g.drawString(captions.get(i), x + 6, y + tileH + 16);
        }
        g.dispose();
        ImageIO.write(sheet, "png", out);
        System.out.println("wrote " + out);
    }
}
