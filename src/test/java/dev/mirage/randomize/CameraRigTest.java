package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.label.Box3d;
import dev.mirage.scene.Camera;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Camera rigs: angles, roll, lens, principal point, paths, mounting height, look-at jitter. */
class CameraRigTest {
    @TempDir
    Path dir;

    private Camera camera(String camera) throws IOException {
        return cameras(camera, 1)[0];
    }

    private Camera[] cameras(String camera, int n) throws IOException {
        Path file = dir.resolve("rig.json");
        Files.writeString(file, """
                { "mirage": 1, "image": { "width": 640, "height": 480 }, "camera": %s, "objects": [] }
                """.formatted(camera));
        SceneTemplate t = TemplateReader.read(file);
        FrameSampler sampler = new FrameSampler(t, new AssetLibrary());
        Camera[] out = new Camera[n];
        for (int i = 0; i < n; i++) out[i] = sampler.frame(1, i).camera();
        return out;
    }

    private static Box3d.Pixel pixel(Camera c, double x, double y, double z) {
        return Box3d.Pinhole.of(c).project(c.worldToCamera().transformPosition(new Vector3d(x, y, z)));
    }

    @Test
    void yawNinetyLooksAlongMinusXAndPitchLooksUp() throws IOException {
        Camera c = camera("{ \"position\": [0, 1, 0], \"yawDeg\": 90, \"pitchDeg\": 30 }");
        Vector3d dir = new Vector3d(c.lookAt()).sub(c.position()).normalize();
        assertEquals(-Math.cos(Math.toRadians(30)), dir.x, 1e-12);
        assertEquals(Math.sin(Math.toRadians(30)), dir.y, 1e-12);
        assertEquals(0, dir.z, 1e-12);
    }

    @Test
    void rollTurnsTheImageClockwise() throws IOException {
        // unrolled, a point right of the axis lands right of centre; rolled +90, the image turns
        // clockwise, so it lands below the centre
        Camera level = camera("{ \"position\": [0, 0, 0], \"lookAt\": [0, 0, -10] }");
        Camera rolled = camera("{ \"position\": [0, 0, 0], \"lookAt\": [0, 0, -10], \"rollDeg\": 90 }");
        Box3d.Pixel a = pixel(level, 1, 0, -10), b = pixel(rolled, 1, 0, -10);
        assertTrue(a.u() > 320 + 10 && Math.abs(a.v() - 240) < 1e-9, a.toString());
        assertEquals(320, b.u(), 1e-9);
        assertEquals(240 + (a.u() - 320), b.v(), 1e-9, "same distance from centre, now below it");
    }

    @Test
    void focalLengthSetsTheFieldOfView() throws IOException {
        Camera c = camera("{ \"position\": [0, 0, 0], \"lookAt\": [0, 0, -1], \"focalLengthMm\": 35, \"sensorHeightMm\": 24 }");
        assertEquals(2 * Math.toDegrees(Math.atan(12 / 35.0)), Math.toDegrees(c.fovYRadians()), 1e-9);
        // f in pixels = image height * focal / sensor height
        assertEquals(480 * 35 / 24.0, c.focalPixels(), 1e-9);
    }

    @Test
    void principalPointIsWhereTheAxisLands() throws IOException {
        Camera c = camera("{ \"position\": [0, 0, 0], \"lookAt\": [0, 0, -1], \"principalPointPx\": [300, 260] }");
        Box3d.Pixel axis = pixel(c, 0, 0, -7);
        assertEquals(300, axis.u(), 1e-9);
        assertEquals(260, axis.v(), 1e-9);
        // and the GL projection agrees: NDC of the axis point maps to the same pixel
        org.joml.Vector4d clip = c.projection().mul(c.worldToCamera()).transform(new org.joml.Vector4d(0, 0, -7, 1));
        double u = (clip.x / clip.w * 0.5 + 0.5) * 640, v = (0.5 - clip.y / clip.w * 0.5) * 480;
        assertEquals(300, u, 1e-9);
        assertEquals(260, v, 1e-9);
        // a corner-ish point too
        Box3d.Pixel p = pixel(c, 2, -1, -7);
        clip = c.projection().mul(c.worldToCamera()).transform(new org.joml.Vector4d(2, -1, -7, 1));
        assertEquals(p.u(), (clip.x / clip.w * 0.5 + 0.5) * 640, 1e-9);
        assertEquals(p.v(), (0.5 - clip.y / clip.w * 0.5) * 480, 1e-9);
    }

    @Test
    void aPathAtHalfItsLengthAndAMountingHeight() throws IOException {
        // an L-shaped path 10 + 10 m long: halfway is the corner
        Camera c = camera("{ \"path\": { \"points\": [[0, 0, 0], [0, 0, -10], [10, 0, -10]], \"at\": 0.5 }, \"heightM\": 1.4 }");
        assertEquals(0, c.position().x(), 1e-12);
        assertEquals(1.4, c.position().y(), 1e-12);
        assertEquals(-10, c.position().z(), 1e-12);
        // it looks along the path's first segment (−Z) at the corner
        Vector3d dir = new Vector3d(c.lookAt()).sub(c.position()).normalize();
        assertEquals(-1, dir.z, 1e-12);
        Camera later = camera("{ \"path\": { \"points\": [[0, 0, 0], [0, 0, -10], [10, 0, -10]], \"at\": 0.75 }, \"heightM\": 1.4 }");
        assertEquals(5, later.position().x(), 1e-12);
        assertEquals(1, new Vector3d(later.lookAt()).sub(later.position()).normalize().x, 1e-12, "second segment: +X");
    }

    @Test
    void lookAtJitterStaysInsideItsCone() throws IOException {
        Camera[] cs = cameras("{ \"position\": [0, 1, 0], \"lookAt\": [0, 1, -10], \"lookAtJitterDeg\": 5 }", 2000);
        double widest = 0;
        for (Camera c : cs) {
            Vector3d dir = new Vector3d(c.lookAt()).sub(c.position()).normalize();
            double angle = Math.toDegrees(Math.acos(Math.min(1, -dir.z)));
            assertTrue(angle <= 5 + 1e-9, "angle " + angle);
            widest = Math.max(widest, angle);
        }
        assertTrue(widest > 4.9, "fills the cone: widest " + widest);
    }
}
