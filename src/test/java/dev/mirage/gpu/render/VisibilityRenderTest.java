package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.label.Visibility;
import dev.mirage.randomize.ObjectRandomizer;
import dev.mirage.scene.Camera;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Occlusion and truncation on scenes where geometry fixes the answer: a plate half hidden behind
 * a nearer box whose edge lies on the optical axis, and a plate whose centre projects onto the
 * image's left edge. Plates face the camera, so their projections are exact rectangles split in two.
 */
class VisibilityRenderTest {
    static final int W = 320, H = 240;
    static final double FOV_DEG = 40;
    static GlContext gl;

    @BeforeAll
    static void open() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
    }

    @AfterAll
    static void close() {
        gl.close();
    }

    static ObjectInstance box(int id, Vector3d centre, Vector3d size) {
        Vector3d zero = new Vector3d();
        return new ObjectInstance(id, 1, "box", new MeshSource.Primitive(MeshSource.PrimitiveKind.BOX),
                ObjectRandomizer.modelToWorld(centre, zero, 0, size), new Vector3d(0.6, 0.6, 0.6), centre, zero, 0, size);
    }

    static SensorFrame render(List<ObjectInstance> objects) {
        Camera camera = new Camera(new Vector3d(0, 0, 10), new Vector3d(0, 0, 0), Math.toRadians(FOV_DEG), 0.1, 100, W, H);
        FrameScene scene = new FrameScene(0, 0, camera, new Sun(new Vector3d(0, 1, 1), new Vector3d(1, 1, 1), 1),
                new Sky(new Vector3d(0.5, 0.6, 0.8), 0.3), objects);
        try (SceneRenderer r = new SceneRenderer(gl, new AssetLibrary(), new SceneRenderer.Options(W, H, false, 512, 50, true))) {
            return r.render(scene);
        }
    }

    static long pixels(SensorFrame f, int id) {
        long n = 0;
        for (int v : f.instance().data()) if (v == id) n++;
        return n;
    }

    static Visibility visibility(SensorFrame f, int id) {
        return Visibility.of(pixels(f, id), f.amodal().inImage(id), f.amodal().total(id));
    }

    @Test
    void plateHalfHiddenBehindABoxIsHalfOccluded() {
        // The occluder spans x in [-6, 0] at z = 2: its right edge lies on the optical axis (image column 160),
        // and it is tall enough to cover the plate's whole height.
        SensorFrame f = render(List.of(box(1, new Vector3d(0, 0, 0), new Vector3d(2, 2, 0.1)),
                box(2, new Vector3d(-3, 0, 2), new Vector3d(6, 6, 0.1))));
        Visibility plate = visibility(f, 1);
        assertEquals(0.5, plate.occlusion(), 0.01, plate.toString());
        assertEquals(0.0, plate.truncation(), 1e-9, "all in view");
        Visibility occluder = visibility(f, 2);
        assertEquals(0.0, occluder.occlusion(), 1e-9, "nothing hides the occluder");
        assertEquals(pixels(f, 2), f.amodal().inImage(2), "alone or not, an unhidden object covers the same pixels");
    }

    @Test
    void plateCentredOnTheImageEdgeIsHalfTruncated() {
        // At depth 10 the left image edge is x = -10 * tan(hfov / 2).
        double halfWidth = 10 * Math.tan(Math.toRadians(FOV_DEG) / 2) * W / H;
        SensorFrame f = render(List.of(box(1, new Vector3d(-halfWidth, 0, 0), new Vector3d(2, 2, 0.1))));
        Visibility plate = visibility(f, 1);
        assertEquals(0.5, plate.truncation(), 0.01, plate.toString());
        assertEquals(0.0, plate.occlusion(), 1e-9);
    }

    @Test
    void anObjectHiddenCompletelyHasNoVisiblePixelsButAnAmodalArea() {
        SensorFrame f = render(List.of(box(1, new Vector3d(0, 0, 0), new Vector3d(1, 1, 0.1)),
                box(2, new Vector3d(0, 0, 2), new Vector3d(4, 4, 0.1))));
        assertEquals(0, pixels(f, 1));
        assertTrue(f.amodal().inImage(1) > 100, "the hidden plate still has its silhouette: " + f.amodal());
        assertEquals(1.0, visibility(f, 1).occlusion(), 1e-9);
    }
}
