package dev.mirage.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirage.scene.Bloom;
import dev.mirage.scene.Camera;
import dev.mirage.scene.CameraEffects;
import dev.mirage.scene.Lens;
import org.joml.Vector3d;

/**
 * The lens distortion and camera effects of a frame as meta and COCO files hold them. In meta,
 * {@code camera.distortion} = {@code {"model", "coefficients"}} sits next to K, the coefficients in
 * OpenCV's order ({@code [k1, k2, p1, p2, k3]} for {@code cv2.undistort}, {@code [k1, k2, k3, k4]} for
 * {@code cv2.fisheye}); {@code camera.effects} lists the effects that are on. Both are absent for a
 * plain pinhole camera, so older datasets read the same. COCO image entries copy them (with K) as
 * {@code distortion} and {@code camera_effects}.
 *
 * <p>Thread safety: stateless.
 */
public final class CameraOpticsRecord {
    private CameraOpticsRecord() {}

    /** Adds {@code distortion} and {@code effects} to a meta file's camera object, when there are any. */
    public static void write(Camera camera, ObjectNode node) {
        Lens lens = camera.lens();
        if (lens.model() != Lens.Model.NONE) {
            ObjectNode d = node.putObject("distortion");
            d.put("model", lens.model().key());
            ArrayNode c = d.putArray("coefficients");
            for (double v : lens.openCvCoefficients()) c.add(v);
        }
        CameraEffects fx = camera.effects();
        if (fx.none()) return;
        ObjectNode e = node.putObject("effects");
        if (fx.noisy()) e.putObject("noise").put("shot", fx.shotNoise()).put("read", fx.readNoise());
        if (fx.vignetting() > 0) e.put("vignetting", fx.vignetting());
        if (fx.chromaticAberrationPx() != 0) e.put("chromaticAberrationPx", fx.chromaticAberrationPx());
        if (fx.shutterS() > 0) {
            ObjectNode m = e.putObject("motionBlur");
            m.put("shutterS", fx.shutterS());
            m.set("velocityMps", Json.vector(fx.velocityMps()));
        }
        if (fx.jpegQuality() > 0) e.put("jpegQuality", fx.jpegQuality());
        Bloom bloom = fx.bloom();
        if (bloom.on()) {
            ObjectNode b = e.putObject("bloom").put("strength", bloom.strength()).put("threshold", bloom.threshold())
                    .put("radiusPx", bloom.radiusPx());
            if (bloom.glare() > 0) b.put("glare", bloom.glare());
        }
    }

    /** Copies a meta camera's distortion (with K) and effects into a COCO image entry. */
    public static void copyToCoco(JsonNode metaCamera, ObjectNode image) {
        if (metaCamera.has("distortion")) {
            ObjectNode d = metaCamera.get("distortion").deepCopy();
            d.set("K", metaCamera.get("K"));
            image.set("distortion", d);
        }
        if (metaCamera.has("effects")) image.set("camera_effects", metaCamera.get("effects"));
    }

    /**
     * The lens a meta camera records.
     *
     * @throws IllegalArgumentException naming the field when it is malformed
     */
    public static Lens lens(JsonNode metaCamera) {
        JsonNode d = metaCamera.path("distortion");
        if (d.isMissingNode()) return Lens.NONE;
        String model = d.path("model").asText();
        JsonNode c = d.path("coefficients");
        double[] k = new double[c.size()];
        for (int i = 0; i < k.length; i++) {
            if (!c.get(i).isNumber()) throw new IllegalArgumentException("/camera/distortion/coefficients/" + i + ": expected a number");
            k[i] = c.get(i).doubleValue();
        }
        if (model.equals(Lens.Model.BROWN_CONRADY.key()) && k.length == 5) return Lens.brownConrady(k[0], k[1], k[2], k[3], k[4]);
        if (model.equals(Lens.Model.FISHEYE.key()) && k.length == 4) return Lens.fisheye(k[0], k[1], k[2], k[3]);
        if (model.equals(Lens.Model.NONE.key()) && k.length == 0) return Lens.NONE;
        throw new IllegalArgumentException("/camera/distortion: expected brown-conrady with 5 coefficients or fisheye with 4, got "
                + model + " with " + k.length);
    }

    /** The effects a meta camera records (none when absent). */
    public static CameraEffects effects(JsonNode metaCamera) {
        JsonNode e = metaCamera.path("effects");
        if (e.isMissingNode()) return CameraEffects.NONE;
        JsonNode v = e.path("motionBlur").path("velocityMps");
        Vector3d velocity = v.isArray() && v.size() == 3
                ? new Vector3d(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()) : new Vector3d();
        return new CameraEffects(e.path("noise").path("shot").asDouble(0), e.path("noise").path("read").asDouble(0),
                e.path("vignetting").asDouble(0), e.path("chromaticAberrationPx").asDouble(0),
                e.path("motionBlur").path("shutterS").asDouble(0), velocity, e.path("jpegQuality").asInt(0), bloom(e.path("bloom")));
    }

    private static Bloom bloom(JsonNode b) {
        if (b.isMissingNode()) return Bloom.NONE;
        for (String f : new String[] {"strength", "threshold", "radiusPx"})
            if (!b.path(f).isNumber()) throw new IllegalArgumentException("/camera/effects/bloom/" + f + ": expected a number");
        if (b.has("glare") && !b.get("glare").isNumber()) throw new IllegalArgumentException("/camera/effects/bloom/glare: expected a number");
        return new Bloom(b.get("strength").doubleValue(), b.get("threshold").doubleValue(), b.get("radiusPx").doubleValue(),
                b.path("glare").asDouble(0));
    }
}
