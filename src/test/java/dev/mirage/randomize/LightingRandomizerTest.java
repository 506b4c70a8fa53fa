package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mirage.scene.Camera;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.template.ColorDist;
import dev.mirage.template.NumberDist;
import dev.mirage.template.SceneTemplate.CameraSpec;
import dev.mirage.template.SceneTemplate.ImageSpec;
import dev.mirage.template.SceneTemplate.AntiAliasing;
import dev.mirage.template.SceneTemplate.SkySpec;
import dev.mirage.template.SceneTemplate.SunSpec;
import dev.mirage.template.Vec3Dist;
import org.junit.jupiter.api.Test;

class LightingRandomizerTest {
    @Test
    void defaultSunIsTheBenchmarkScenesSun() {
        // elevation 45°, azimuth 135°: (cos45·cos135, sin45, −cos45·sin135) = (−0.5, 0.70711, −0.5),
        // the benchmark scene's to_sun_gltf
        SunSpec spec = new SunSpec(null, new NumberDist.Constant(45), new NumberDist.Constant(135),
                new ColorDist.Constant(1, 1, 1), new NumberDist.Constant(1));
        Sun sun = LightingRandomizer.sun(spec, new SplitMix64(0));
        assertEquals(-0.5, sun.towardSun().x(), 1e-6);
        assertEquals(0.707107, sun.towardSun().y(), 1e-6);
        assertEquals(-0.5, sun.towardSun().z(), 1e-6);
        assertEquals(1.0, sun.intensity());
        assertEquals(1.0, sun.colorLinear().x());
    }

    @Test
    void directionIsNormalised() {
        SunSpec spec = new SunSpec(new Vec3Dist.Constant(0, 3, 4), null, null,
                new ColorDist.Constant(1, 1, 1), new NumberDist.Constant(1));
        Sun sun = LightingRandomizer.sun(spec, new SplitMix64(0));
        assertEquals(0, sun.towardSun().x(), 1e-15);
        assertEquals(0.6, sun.towardSun().y(), 1e-15);
        assertEquals(0.8, sun.towardSun().z(), 1e-15);
    }

    @Test
    void zeroDirectionIsASamplingErrorAtItsPointer() {
        SunSpec spec = new SunSpec(new Vec3Dist.Constant(0, 0, 0), null, null,
                new ColorDist.Constant(1, 1, 1), new NumberDist.Constant(1));
        SamplingException e = assertThrows(SamplingException.class, () -> LightingRandomizer.sun(spec, new SplitMix64(0)));
        assertEquals("/sun/direction", e.pointer());
    }

    @Test
    void skyColourIsDecodedToLinear() {
        Sky sky = LightingRandomizer.sky(new SkySpec(new ColorDist.Constant(0.5, 0, 1), new NumberDist.Constant(0.35)),
                new SplitMix64(0));
        assertEquals(0.2140411, sky.colorLinear().x(), 1e-7); // ((0.5 + 0.055) / 1.055)^2.4
        assertEquals(0.35, sky.intensity());
    }

    @Test
    void cameraOnItsLookAtPointIsASamplingError() {
        CameraSpec spec = new CameraSpec(new Vec3Dist.Constant(1, 2, 3), new Vec3Dist.Constant(1, 2, 3),
                new NumberDist.Constant(50), 0.1, 100);
        SamplingException e = assertThrows(SamplingException.class,
                () -> CameraRandomizer.sample(spec, new ImageSpec(8, 8, AntiAliasing.NONE), new SplitMix64(0)));
        assertEquals("/camera/lookAt", e.pointer());
    }

    @Test
    void cameraFovIsConvertedToRadians() {
        CameraSpec spec = new CameraSpec(new Vec3Dist.Constant(0, 0, 0), new Vec3Dist.Constant(0, 0, -1),
                new NumberDist.Constant(90), 0.1, 100);
        Camera c = CameraRandomizer.sample(spec, new ImageSpec(640, 480, AntiAliasing.NONE), new SplitMix64(0));
        assertEquals(Math.PI / 2, c.fovYRadians(), 1e-15);
        assertEquals(240, c.focalPixels(), 1e-9);
    }
}
