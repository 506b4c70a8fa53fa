package dev.mirage.pipeline;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Bounds;
import dev.mirage.asset.Model;
import dev.mirage.asset.library.AssetCatalog;
import dev.mirage.asset.library.Generator;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.render.SceneRenderer;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.joml.Vector3d;

/**
 * Renders every built-in library asset with its default parameters, each in its own frame from a
 * camera fitted to its bounds, and tiles them into one labeled picture.
 *
 * <p>Thread safety: call on the thread that owns the context.
 */
public final class AssetGallery {
    private static final int LABEL_PX = 22;

    private AssetGallery() {}

    /** Renders the gallery into a {@code width} × {@code height} PNG at {@code target}. */
    public static void write(GlContext gl, Path target, int width, int height) throws IOException {
        List<Generator> all = AssetCatalog.standard().all();
        int columns = (int) Math.ceil(Math.sqrt(all.size() * (double) width / height));
        int rows = (int) Math.ceil(all.size() / (double) columns);
        int tileW = width / columns, tileH = height / rows - LABEL_PX;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, LABEL_PX - 6));
        AssetLibrary library = new AssetLibrary();
        try (SceneRenderer renderer = new SceneRenderer(gl, library, new SceneRenderer.Options(tileW, tileH, true, 1024, 60, false))) {
            for (int i = 0; i < all.size(); i++) {
                Generator gen = all.get(i);
                MeshSource.Generated source = AssetCatalog.standard().source(gen.name(), Map.of());
                RgbImage rgb = renderer.render(scene(library.model(source), source, tileW, tileH)).rgb();
                int x0 = (i % columns) * tileW, y0 = (i / columns) * (tileH + LABEL_PX);
                byte[] d = rgb.data();
                for (int y = 0; y < tileH; y++)
                    for (int x = 0; x < tileW; x++) {
                        int k = 3 * (y * tileW + x);
                        sheet.setRGB(x0 + x, y0 + y, (d[k] & 255) << 16 | (d[k + 1] & 255) << 8 | (d[k + 2] & 255));
                    }
                g.setColor(Color.BLACK);
                g.drawString(AssetCatalog.PREFIX + gen.name(), x0 + 6, y0 + tileH + LABEL_PX - 6);
            }
        }
        g.dispose();
        ImageIO.write(sheet, "png", target.toFile());
    }

    /** One asset on a grey ground, seen from front-left and above, the whole model in view. */
    static FrameScene scene(Model model, MeshSource.Generated source, int w, int h) {
        Bounds b = model.bounds();
        Vector3d centre = new Vector3d(b.min()).add(b.max()).mul(0.5);
        double radius = new Vector3d(b.max()).sub(b.min()).length() / 2;
        double fovY = Math.toRadians(35), aspect = (double) w / h;
        double fit = Math.min(fovY, 2 * Math.atan(Math.tan(fovY / 2) * aspect)) / 2;
        double distance = radius / Math.sin(fit) * 1.02;
        Vector3d eye = new Vector3d(0.75, 0.45, 1.0).normalize().mul(distance).add(centre);
        Camera camera = new Camera(eye, centre, fovY, Math.max(0.01, distance - 3 * radius), distance + 4 * radius, w, h);
        Vector3d zero = new Vector3d(), one = new Vector3d(1);
        List<ObjectInstance> objects = new ArrayList<>();
        double ground = Math.max(4, 6 * radius);
        objects.add(new ObjectInstance(0, 0, "ground", new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE),
                ObjectRandomizer.modelToWorld(new Vector3d(0, -0.001, 0), zero, 0, new Vector3d(ground, 1, ground)),
                new Vector3d(0.35, 0.35, 0.33), new Vector3d(0, -0.001, 0), zero, 0, new Vector3d(ground, 1, ground)));
        objects.add(new ObjectInstance(1, 1, source.name(), source, ObjectRandomizer.modelToWorld(zero, zero, 0, one), null,
                zero, zero, 0, one));
        return new FrameScene(0, 0, camera, new Sun(new Vector3d(0.4, 1, 0.6), new Vector3d(1, 0.98, 0.95), 1),
                new Sky(new Vector3d(0.55, 0.65, 0.8), 0.35), objects);
    }
}
