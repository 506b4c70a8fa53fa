package dev.mirage.gpu.render;

import dev.mirage.asset.Bounds;
import dev.mirage.asset.MeshPart;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.infrared.NirCamera;
import dev.mirage.infrared.SurfaceTemperature;
import dev.mirage.infrared.ThermalClass;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Thermal;
import java.util.List;
import org.joml.Vector3d;

/**
 * The scene shader's infrared uniforms (its {@code SURFACES} variant): per frame, how the sun heats
 * and the NIR light; per draw, a part's thermal values and its object's hot spots in world space.
 * Pure functions of the frame, apart from setting the uniforms.
 *
 * <p>Thread safety: stateless.
 */
final class ThermalShading {
    /**
     * One draw's uniforms.
     *
     * @param thermal   uThermal: base temperature K, emissivity, sun gain K, NIR reflectance (−1: from albedo)
     * @param hotSpots  uHotSpot[2]: world centre and 1 / radius² of each
     * @param hotSpotK  uHotSpotK: kelvin each adds at its centre
     */
    record Draw(float[] thermal, float[] hotSpots, float[] hotSpotK) {}

    private ThermalShading() {}

    static void setFrame(ShaderProgram program, FrameScene frame, NirCamera nir) {
        program.set("uSunHeat", (float) SurfaceTemperature.sunHeat(frame.sun(), frame.sky()));
        program.set("uNir", (float) nir.sunIrradiance(frame.sun(), frame.sky()), (float) nir.skyIrradiance(frame.sun()),
                (float) nir.intensityWSr());
        program.set("uNirBeamInv", (float) (1 / Math.toRadians(nir.beamHalfAngleDeg())));
        Vector3d forward = new Vector3d(frame.camera().lookAt()).sub(frame.camera().position()).normalize();
        program.set("uCameraForward", (float) forward.x, (float) forward.y, (float) forward.z);
    }

    /**
     * The draw's values: the part's class from its material name and its object's kind, the base
     * temperature and emissivity that class and state give, and the object's hot spots.
     *
     * @param modelBounds the box around the object's whole model, in its model space
     */
    static Draw of(FrameScene frame, int objectIndex, MeshPart part, Bounds modelBounds) {
        ObjectInstance object = frame.objects().get(objectIndex);
        Thermal.ObjectThermal state = frame.thermal().object(objectIndex);
        ThermalClass c = ThermalClass.of(part.material().name(), object.name(), state.kind());
        float[] thermal = {(float) SurfaceTemperature.baseK(c, state, frame.thermal().airK()),
                (float) SurfaceTemperature.emissivity(c, state), Double.isNaN(state.temperatureK()) ? (float) c.sunGainK() : 0f,
                Double.isNaN(c.nirReflectance()) ? -1f : (float) c.nirReflectance()};
        float[] hot = new float[8], hotK = new float[2];
        List<SurfaceTemperature.HotSpot> spots = SurfaceTemperature.hotSpots(state, modelBounds);
        double scale = new Vector3d(object.modelToWorld().m00(), object.modelToWorld().m01(), object.modelToWorld().m02()).length();
        for (int k = 0; k < Math.min(2, spots.size()); k++) {
            SurfaceTemperature.HotSpot h = spots.get(k);
            Vector3d centre = object.modelToWorld().transformPosition(new Vector3d(h.x(), h.y(), h.z()));
            double r = Math.max(h.radiusM() * scale, 1e-3);
            hot[4 * k] = (float) centre.x;
            hot[4 * k + 1] = (float) centre.y;
            hot[4 * k + 2] = (float) centre.z;
            hot[4 * k + 3] = (float) (1 / (r * r));
            hotK[k] = (float) h.amplitudeK();
        }
        return new Draw(thermal, hot, hotK);
    }

    static void setDraw(ShaderProgram program, Draw d) {
        program.setVec4Array("uThermal", d.thermal());
        program.setVec4Array("uHotSpot", d.hotSpots());
        program.set("uHotSpotK", d.hotSpotK()[0], d.hotSpotK()[1]);
    }
}
