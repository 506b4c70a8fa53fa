package dev.mirage.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirage.infrared.NirCamera;
import dev.mirage.infrared.Planck;
import dev.mirage.infrared.ThermalCamera;
import dev.mirage.template.SensorsSpec.Output;
import dev.mirage.template.SensorsSpec.Sensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a template's {@code "sensors"} list and its {@code "thermal"} and {@code "nir"} sections
 * into a {@link SensorsSpec}, recording every mistake with its JSON pointer.
 */
final class SensorsReader {
    private static final String NAMES = Arrays.stream(Sensor.values()).map(Sensor::key).collect(Collectors.joining(", "));

    private final NodeReader in;
    private final DistributionReader dist;

    SensorsReader(NodeReader in, DistributionReader dist) {
        this.in = in;
        this.dist = dist;
    }

    /** The spec from the template's root object (defaults for what it leaves out); null after errors. */
    SensorsSpec read(JsonNode root) {
        int before = in.errors().size();
        List<Output> outputs = root.has("sensors") ? outputs(root.get("sensors")) : SensorsSpec.DEFAULT.outputs();
        ThermalCamera thermal = ThermalCamera.DEFAULT;
        NumberDist air = null, humidity = null;
        if (root.has("thermal")) {
            JsonNode t = in.object(root.get("thermal"), "/thermal",
                    Set.of("airTemperatureC", "relativeHumidity", "bandUm", "netdK", "fixedPatternK", "agc"));
            if (t != null) {
                if (t.has("airTemperatureC"))
                    air = dist.number(t.get("airTemperatureC"), "/thermal/airTemperatureC", -60, 60, "a temperature in °C, -60..60");
                if (t.has("relativeHumidity"))
                    humidity = dist.number(t.get("relativeHumidity"), "/thermal/relativeHumidity", 0, 1, "a relative humidity, 0..1");
                thermal = thermalCamera(t);
            }
        }
        NirCamera nir = root.has("nir") ? nirCamera(root.get("nir")) : NirCamera.DEFAULT;
        if (in.errors().size() > before || outputs == null || thermal == null || nir == null) return null;
        return new SensorsSpec(outputs, thermal, nir, air, humidity);
    }

    private List<Output> outputs(JsonNode node) {
        List<Output> outputs = in.list(node, "/sensors", e -> output(e.node(), e.pointer()));
        if (outputs == null) return null;
        if (node.isEmpty()) in.error("/sensors", "expected at least one sensor of " + NAMES);
        List<Output> seen = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            if (seen.contains(outputs.get(i))) in.error("/sensors", "expected each sensor once, got \"" + outputs.get(i).key() + "\" twice");
            seen.add(outputs.get(i));
        }
        boolean image = seen.stream().anyMatch(o -> o.sensor() == Sensor.RGB || o.sensor() == Sensor.THERMAL || o.sensor() == Sensor.NIR);
        if (!seen.isEmpty() && !image) in.error("/sensors", "expected at least one image sensor (rgb, thermal or nir) for COCO's file_name");
        return outputs;
    }

    private Output output(JsonNode node, String p) {
        String text = in.text(node, p);
        if (text == null) return null;
        boolean exr = text.endsWith(".exr");
        String key = exr ? text.substring(0, text.length() - 4) : text;
        for (Sensor s : Sensor.values()) {
            if (!s.key().equals(key)) continue;
            if (exr && !s.floatData()) {
                in.error(p, "expected .exr only on depth, range, normals or thermal, got \"" + text + "\"");
                return null;
            }
            return new Output(s, exr);
        }
        in.error(p, "expected one of " + NAMES + " (depth, range, normals and thermal may end in .exr), got \"" + text + "\"");
        return null;
    }

    private ThermalCamera thermalCamera(JsonNode t) {
        Planck band = Planck.LWIR;
        if (t.has("bandUm")) {
            JsonNode b = t.get("bandUm");
            if (!b.isArray() || b.size() != 2) {
                in.error("/thermal/bandUm", "expected [from, to] in micrometres, got " + NodeReader.describe(b));
                return null;
            }
            Double from = in.number(b.get(0), "/thermal/bandUm/0", 1, 30, "a wavelength in µm, 1..30");
            Double to = in.number(b.get(1), "/thermal/bandUm/1", 1, 30, "a wavelength in µm, 1..30");
            if (from == null || to == null) return null;
            if (to <= from) {
                in.error("/thermal/bandUm", "expected the shorter wavelength first, got [" + from + ", " + to + "]");
                return null;
            }
            band = Planck.band(from, to);
        }
        Double netd = t.has("netdK") ? in.number(t.get("netdK"), "/thermal/netdK", 0, 5, "a noise level in kelvin, 0..5") : 0.05;
        Double pattern = t.has("fixedPatternK")
                ? in.number(t.get("fixedPatternK"), "/thermal/fixedPatternK", 0, 5, "a noise level in kelvin, 0..5") : 0.0;
        ThermalCamera.Agc agc = ThermalCamera.Agc.HISTOGRAM;
        if (t.has("agc")) {
            String a = in.text(t.get("agc"), "/thermal/agc");
            if (a == null) return null;
            try {
                agc = ThermalCamera.Agc.valueOf(a.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.error("/thermal/agc", "expected \"histogram\" or \"linear\", got \"" + a + "\"");
                return null;
            }
        }
        if (netd == null || pattern == null) return null;
        return new ThermalCamera(band, netd, pattern, agc);
    }

    private NirCamera nirCamera(JsonNode node) {
        JsonNode n = in.object(node, "/nir", Set.of("wavelengthNm", "intensityWSr", "beamHalfAngleDeg", "gain", "readNoiseDn"));
        if (n == null) return null;
        NirCamera d = NirCamera.DEFAULT;
        Double wavelength = d.wavelengthNm();
        if (n.has("wavelengthNm")) {
            wavelength = in.number(n.get("wavelengthNm"), "/nir/wavelengthNm");
            if (wavelength != null && wavelength != 850 && wavelength != 940) {
                in.error("/nir/wavelengthNm", "expected 850 or 940, got " + n.get("wavelengthNm").asText());
                wavelength = null;
            }
        }
        Double intensity = n.has("intensityWSr")
                ? in.number(n.get("intensityWSr"), "/nir/intensityWSr", 0, 1e4, "a radiant intensity in W/sr, 0..10000") : d.intensityWSr();
        Double beam = n.has("beamHalfAngleDeg")
                ? in.number(n.get("beamHalfAngleDeg"), "/nir/beamHalfAngleDeg", 1, 90, "a half-angle in degrees, 1..90") : d.beamHalfAngleDeg();
        Double gain = d.gain();
        if (n.has("gain") && !(n.get("gain").isTextual() && n.get("gain").textValue().equals("auto")))
            gain = n.get("gain").isNumber() ? in.number(n.get("gain"), "/nir/gain", 1e-9, 1e12, "\"auto\" or a gain > 0")
                    : error("/nir/gain", "expected \"auto\" or a gain > 0 (digital numbers per unit radiance), got " + NodeReader.describe(n.get("gain")));
        Double noise = n.has("readNoiseDn")
                ? in.number(n.get("readNoiseDn"), "/nir/readNoiseDn", 0, 50, "a noise level in digital numbers, 0..50") : d.readNoise();
        if (wavelength == null || intensity == null || beam == null || gain == null || noise == null) return null;
        return new NirCamera(wavelength, intensity, beam, gain, noise);
    }

    private Double error(String pointer, String message) {
        in.error(pointer, message);
        return null;
    }
}
