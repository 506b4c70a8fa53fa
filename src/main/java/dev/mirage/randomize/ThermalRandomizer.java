package dev.mirage.randomize;

import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.scene.Thermal;
import dev.mirage.scene.Weather;
import dev.mirage.template.NumberDist;
import dev.mirage.template.ObjectSpec;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.SensorsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Draws a frame's thermal state from its own stream ({@link FrameSeeds.Concern#THERMAL}), only
 * when the template renders thermal or NIR images, so other templates draw and log nothing new.
 *
 * <p>Defaults where the template is silent: air {@code 10 + 12 · max(0, sin elevation) · (1 − 0.5 ·
 * cloud cover)} °C (night 10 °C, clear noon up to 22 °C); relative humidity 0.6, or 0.95 in fog,
 * rain or snow; vehicles have run {@code uniform(0, 60)} minutes; skin {@code uniform(33, 35)} °C
 * for people, {@code uniform(37, 39)} °C for animals. An object's kind is its entry's
 * {@code thermal.kind}, else told from its category, built-in asset or entry name (car, truck, bus,
 * van, motorbike... are vehicles; person, pedestrian, rider, cyclist, child... people; animal, deer,
 * dog... animals).
 */
public final class ThermalRandomizer {
    private static final List<String> VEHICLE = List.of("car", "truck", "bus", "van", "vehicle", "motorbike", "motorcycle",
            "tractor", "trailer", "ambulance", "police", "taxi", "lorry", "scooter");
    private static final List<String> PERSON = List.of("person", "pedestrian", "rider", "cyclist", "child", "people", "human",
            "man", "woman", "worker");
    private static final List<String> ANIMAL = List.of("animal", "deer", "dog", "cat", "horse", "cow", "moose", "sheep", "boar",
            "bird", "fox");

    private ThermalRandomizer() {}

    /**
     * @param entries the template entry of each object (index-aligned; an entry may be null, as for replayed frames)
     */
    public static Thermal sample(SceneTemplate template, List<ObjectInstance> objects, List<ObjectSpec> entries, Sun sun,
                                 Sky sky, Weather weather, RandomGenerator rng, SampleLog log) {
        SensorsSpec spec = template.sensors();
        if (!spec.infrared()) return Thermal.DEFAULT;
        double airC = spec.airTemperatureC() != null
                ? Logged.number(spec.airTemperatureC(), rng, log, "/thermal/airTemperatureC")
                : 10 + 12 * Math.max(0, sun.towardSun().y()) * (1 - 0.5 * sky.cloudCover());
        boolean wet = weather.foggy() || weather.precipitation().rainRateMmH() > 0 || weather.precipitation().snowRateMmH() > 0;
        double humidity = spec.relativeHumidity() != null
                ? Logged.number(spec.relativeHumidity(), rng, log, "/thermal/relativeHumidity") : wet ? 0.95 : 0.6;
        List<Thermal.ObjectThermal> states = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            ObjectSpec entry = i < entries.size() ? entries.get(i) : null;
            states.add(object(template, objects.get(i), entry, rng, log));
        }
        return new Thermal(airC + 273.15, humidity, states);
    }

    private static Thermal.ObjectThermal object(SceneTemplate template, ObjectInstance o, ObjectSpec entry, RandomGenerator rng,
                                                SampleLog log) {
        ObjectSpec.ThermalSpec t = entry == null ? ObjectSpec.ThermalSpec.NONE : entry.thermal();
        String p = entry == null ? "/objects" : entry.pointer() + "/thermal";
        Thermal.Kind kind = t.kind() != null ? t.kind() : kindOf(template, o);
        double running = 0, skin = 307.15;
        if (kind == Thermal.Kind.VEHICLE)
            running = draw(t.runningMinutes(), new NumberDist.Uniform(0, 60), rng, log, p + "/runningMinutes");
        if (kind == Thermal.Kind.PERSON || kind == Thermal.Kind.ANIMAL)
            skin = 273.15 + draw(t.skinC(), kind == Thermal.Kind.PERSON ? new NumberDist.Uniform(33, 35) : new NumberDist.Uniform(37, 39),
                    rng, log, p + "/skinC");
        double temperature = t.temperatureC() == null ? Double.NaN : 273.15 + Logged.number(t.temperatureC(), rng, log, p + "/temperatureC");
        double emissivity = t.emissivity() == null ? Double.NaN : Logged.number(t.emissivity(), rng, log, p + "/emissivity");
        return new Thermal.ObjectThermal(kind, running, skin, temperature, emissivity);
    }

    private static double draw(NumberDist given, NumberDist fallback, RandomGenerator rng, SampleLog log, String pointer) {
        return Logged.number(given != null ? given : fallback, rng, log, pointer);
    }

    /** The kind its category, built-in asset or name suggests. */
    static Thermal.Kind kindOf(SceneTemplate template, ObjectInstance o) {
        List<String> words = new ArrayList<>();
        if (o.categoryId() != 0)
            template.categories().stream().filter(c -> c.id() == o.categoryId()).findFirst().ifPresent(c -> words.add(c.name()));
        MeshSource source = o.source();
        while (source instanceof MeshSource.Parts parts) source = parts.base();
        if (source instanceof MeshSource.Generated g) words.add(g.name());
        if (o.name() != null) words.add(o.name());
        for (String w : words) {
            String s = w.toLowerCase(Locale.ROOT);
            if (matches(s, PERSON)) return Thermal.Kind.PERSON;
            if (matches(s, VEHICLE)) return Thermal.Kind.VEHICLE;
            if (matches(s, ANIMAL)) return Thermal.Kind.ANIMAL;
        }
        return Thermal.Kind.OTHER;
    }

    /** Whether one of the words is a whole word of {@code s} (split at anything but letters). */
    private static boolean matches(String s, List<String> words) {
        for (String token : s.split("[^a-z]+")) if (words.contains(token) || words.contains(stripPlural(token))) return true;
        return false;
    }

    private static String stripPlural(String token) {
        return token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
    }
}
