package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Reads {@code camera.lens} and {@code camera.effects}, reporting errors with their pointers. */
final class CameraOpticsReader {
    /** Bound on distortion coefficients: far beyond any real lens, short of numeric trouble. */
    static final double COEFFICIENT_LIMIT = 100;

    private final NodeReader in;
    private final DistributionReader dist;

    CameraOpticsReader(NodeReader in, DistributionReader dist) {
        this.in = in;
        this.dist = dist;
    }

    /** The lens, or null when absent or wrong (errors recorded). */
    LensSpec lens(JsonNode node) {
        if (node == null) return null;
        String p = "/camera/lens";
        JsonNode o = in.object(node, p, Set.of("model", "k1", "k2", "k3", "k4", "p1", "p2"));
        if (o == null) return null;
        JsonNode m = o.get("model");
        if (m == null || !m.isTextual() || !LensSpec.MODELS.contains(m.asText())) {
            in.error(p + "/model", "expected one of " + LensSpec.MODELS + ", got " + (m == null ? "nothing (field missing)" : NodeReader.describe(m)));
            return null;
        }
        boolean fisheye = m.asText().equals("fisheye");
        if (fisheye) for (String f : new String[] {"p1", "p2"}) if (o.has(f)) in.error(p + "/" + f, "expected only with \"brown-conrady\" (fisheye has k1..k4)");
        if (!fisheye && o.has("k4")) in.error(p + "/k4", "expected only with \"fisheye\" (brown-conrady has k1, k2, k3, p1, p2)");
        return new LensSpec(m.asText(), coefficient(o, p, "k1"), coefficient(o, p, "k2"), coefficient(o, p, "k3"),
                fisheye ? coefficient(o, p, "k4") : null, fisheye ? null : coefficient(o, p, "p1"), fisheye ? null : coefficient(o, p, "p2"));
    }

    private NumberDist coefficient(JsonNode o, String p, String name) {
        if (!o.has(name)) return new NumberDist.Constant(0);
        return dist.number(o.get(name), p + "/" + name, -COEFFICIENT_LIMIT, COEFFICIENT_LIMIT, "a distortion coefficient, -100..100");
    }

    /** The effects, or null when absent or wrong (errors recorded). */
    CameraEffectsSpec effects(JsonNode node) {
        if (node == null) return null;
        String p = "/camera/effects";
        JsonNode o = in.object(node, p, Set.of("noise", "vignetting", "chromaticAberrationPx", "motionBlur", "jpegQuality", "bloom"));
        if (o == null) return null;
        NumberDist shot = null, read = null, shutter = null;
        Vec3Dist velocity = null;
        if (o.has("noise")) {
            JsonNode n = in.object(o.get("noise"), p + "/noise", Set.of("shot", "read"));
            if (n != null) {
                shot = n.has("shot") ? dist.number(n.get("shot"), p + "/noise/shot", 0, 1, "a shot-noise variance per unit signal, 0..1") : null;
                read = n.has("read") ? dist.number(n.get("read"), p + "/noise/read", 0, 1, "a read-noise standard deviation, 0..1") : null;
            }
        }
        if (o.has("motionBlur")) {
            JsonNode b = in.object(o.get("motionBlur"), p + "/motionBlur", Set.of("shutterS", "velocityMps"));
            if (b != null) {
                if (!b.has("shutterS")) in.error(p + "/motionBlur/shutterS", "expected a shutter time in seconds, got nothing (field missing)");
                else shutter = dist.number(b.get("shutterS"), p + "/motionBlur/shutterS", 0, 10, "a shutter time in seconds, 0..10");
                if (!b.has("velocityMps")) in.error(p + "/motionBlur/velocityMps", "expected [x, y, z] in metres per second, got nothing (field missing)");
                else velocity = dist.vector3(b.get("velocityMps"), p + "/motionBlur/velocityMps", -1e3, 1e3, "a velocity in m/s");
            }
        }
        NumberDist vignetting = o.has("vignetting") ? dist.number(o.get("vignetting"), p + "/vignetting", 0, 1, "a falloff strength, 0..1") : null;
        NumberDist ca = o.has("chromaticAberrationPx")
                ? dist.number(o.get("chromaticAberrationPx"), p + "/chromaticAberrationPx", -100, 100, "a shift in pixels, -100..100") : null;
        NumberDist jpeg = o.has("jpegQuality") ? dist.number(o.get("jpegQuality"), p + "/jpegQuality", 1, 100, "a JPEG quality, 1..100") : null;
        CameraEffectsSpec.BloomSpec bloom = null;
        if (o.has("bloom")) {
            String q = p + "/bloom";
            JsonNode b = in.object(o.get("bloom"), q, Set.of("strength", "threshold", "radiusPx", "glare"));
            if (b != null) {
                NumberDist strength = null;
                if (!b.has("strength")) in.error(q + "/strength", "expected a bloom strength 0..1, got nothing (field missing)");
                else strength = dist.number(b.get("strength"), q + "/strength", 0, 1, "a bloom strength, 0..1");
                NumberDist threshold = b.has("threshold") ? dist.number(b.get("threshold"), q + "/threshold", 0, 1, "an sRGB level, 0..1") : null;
                NumberDist radius = b.has("radiusPx") ? dist.number(b.get("radiusPx"), q + "/radiusPx", 0.5, 1000, "a radius in pixels, 0.5..1000") : null;
                NumberDist glare = b.has("glare") ? dist.number(b.get("glare"), q + "/glare", 0, 1, "a glare strength, 0..1") : null;
                if (strength != null) bloom = new CameraEffectsSpec.BloomSpec(strength, threshold, radius, glare);
            }
        }
        return new CameraEffectsSpec(shot, read, vignetting, ca, shutter, velocity, jpeg, bloom);
    }
}
