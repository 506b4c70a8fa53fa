package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import dev.mirage.scene.MeshSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in asset library: every {@link Generator} by name. A template names one as
 * {@code "asset": "mirage:NAME"} with its shape parameters in {@code "params"}; the renderer gets
 * it as a {@link MeshSource.Generated} and {@link dev.mirage.asset.AssetLibrary} builds it through
 * {@link #build}.
 *
 * <p>Thread safety: immutable.
 */
public final class AssetCatalog {
    /** What an asset string starts with when it names a library asset. */
    public static final String PREFIX = "mirage:";

    private static final AssetCatalog STANDARD = new AssetCatalog(List.of(
            new Car(false),
            new Car(true),
            new Truck(),
            new Bus(),
            new Barrier(),
            new TrafficSign(),
            new TrafficLight(),
            new Road(),
            new Sidewalk(),
            new Building(),
            new StreetLamp(),
            new Tree(),
            new Pedestrian(),
            new TrafficCone(),
            new Bicycle(),
            new Motorbike(),
            new Mug(),
            new Bottle(),
            new Book(),
            new Chair(),
            new Table(),
            new Animal(),
            new EmergencyVehicle()));

    private final Map<String, Generator> byName = new LinkedHashMap<>();

    /** A catalog of these generators (names must be unique). */
    public AssetCatalog(List<Generator> generators) {
        List<Generator> sorted = new ArrayList<>(generators);
        sorted.sort(Comparator.comparing(Generator::name));
        for (Generator g : sorted)
            if (byName.put(g.name(), g) != null) throw new IllegalArgumentException("two generators named " + g.name());
    }

    /** Every built-in asset. */
    public static AssetCatalog standard() {
        return STANDARD;
    }

    /** Whether an asset string names a library asset ({@code mirage:...}). */
    public static boolean isLibraryRef(String asset) {
        return asset.startsWith(PREFIX);
    }

    /** Generators sorted by name. */
    public List<Generator> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * @param name without the prefix
     * @throws ParamException listing the known names when there is none of that name
     */
    public Generator get(String name) {
        Generator g = byName.get(name);
        if (g == null)
            throw new ParamException(name, null, "no built-in asset \"" + PREFIX + name + "\"; built-in assets are "
                    + String.join(", ", byName.keySet().stream().map(n -> PREFIX + n).toList()));
        return g;
    }

    /** The source for a library asset with these parameters, checked and completed with defaults. */
    public MeshSource.Generated source(String name, Map<String, ?> params) {
        return new MeshSource.Generated(name, get(name).resolve(params).values());
    }

    /**
     * The lights a library asset with these parameters carries, in model space (none for most).
     *
     * @throws ParamException for an unknown name or bad parameters
     */
    public List<Emitter> lights(MeshSource.Generated source) {
        Generator g = get(source.name());
        return g.lights(g.resolve(source.params()));
    }

    /**
     * Builds a library asset.
     *
     * @throws ParamException for an unknown name or bad parameters
     */
    public Model build(MeshSource.Generated source) {
        return get(source.name()).build(source.params());
    }
}
