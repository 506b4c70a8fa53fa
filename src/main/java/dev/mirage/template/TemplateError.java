package dev.mirage.template;

/**
 * One mistake in a scene template: where (a JSON pointer such as {@code /objects/2/scale}) and what
 * was expected versus found.
 */
public record TemplateError(String pointer, String message) {
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
