package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.List;
import java.util.Map;

/**
 * One asset of the built-in library ({@code "asset": "mirage:NAME"} in a template): a model made
 * in code from a few shape parameters, with metric sizes and glTF materials.
 *
 * <p><b>Frame.</b> +Y up, origin at the centre of the footprint on the ground (y = 0 is the ground),
 * length along Z with the front toward +Z, width along X, unless the generator's description says
 * otherwise. Meshes are closed where the shape is, with counter-clockwise outward faces.
 *
 * <p><b>Contract.</b> {@link #make} is a pure function of its parameters: equal parameters give
 * equal arrays. Textures come from {@link Textures} and are shared by every build. Typical cost is
 * well under 5 ms per model.
 *
 * <p>Thread safety: implementations are stateless.
 */
public interface Generator {
    /** The name after {@code mirage:}, lower case ({@code car}). */
    String name();

    /** One line: what it is, its frame if unusual, its named parts. */
    String description();

    /** A category name a template may use for it ({@code car}, {@code traffic_sign}); a suggestion only. */
    String category();

    /** Its shape parameters, in listing order. */
    List<ParamSpec> params();

    /** Builds the model from a checked, complete parameter set. */
    Model make(Params p);

    /**
     * The lights the model with these (checked, complete) parameters carries, in model space; none
     * by default. A pure function of the parameters, like {@link #make}.
     */
    default List<Emitter> lights(Params p) {
        return List.of();
    }

    /**
     * Checks the parameters, fills in defaults, and builds.
     *
     * @param params by name: numbers (any {@link Number}) and words
     * @throws ParamException for an unknown parameter or a bad value
     */
    default Model build(Map<String, ?> params) {
        return make(resolve(params));
    }

    /**
     * Checks the parameters and fills in defaults.
     *
     * @throws ParamException for an unknown parameter or a bad value
     */
    default Params resolve(Map<String, ?> params) {
        return Params.resolve(name(), params(), params);
    }
}
