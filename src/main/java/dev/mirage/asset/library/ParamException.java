package dev.mirage.asset.library;

/**
 * A bad request to the built-in asset library: an unknown asset, an unknown parameter, or a value
 * outside its range or choices. The message lists what is allowed; {@link #param()} says which
 * parameter (null when the asset name itself is wrong) so a template reader can point at it.
 */
public final class ParamException extends IllegalArgumentException {
    private final String generator;
    private final String param;

    public ParamException(String generator, String param, String message) {
        super(message);
        this.generator = generator;
        this.param = param;
    }

    /** The asset's name as requested. */
    public String generator() { return generator; }

    /** The parameter at fault, or null when the asset's name is unknown. */
    public String param() { return param; }
}
