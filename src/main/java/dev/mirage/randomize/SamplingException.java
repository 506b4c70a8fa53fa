package dev.mirage.randomize;

/**
 * A template whose values validate one by one but sample into an impossible frame (a camera on its
 * own look-at point, a zero sun direction). Carries the JSON pointer; {@link FrameSampler} turns it
 * into a {@link dev.mirage.template.TemplateException} naming the scene file.
 */
public final class SamplingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pointer;

    public SamplingException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() { return pointer; }
}
