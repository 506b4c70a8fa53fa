package dev.mirage.template;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scene template (or an asset it names) is wrong: carries the file and every error found, each
 * with its JSON pointer and, when known, its line and column. The CLI prints it and exits with code 2:
 * {@code scenes/x.yaml: /objects/0/size/1 (line 14, column 17): expected a size > 0, got -1}.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<TemplateError> errors;

    public TemplateException(Path file, List<TemplateError> errors) {
        super(format(file, errors));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public TemplateException(Path file, String pointer, String message) {
        this(file, List.of(new TemplateError(pointer, message)));
    }

    public Path file() { return file; }

    public List<TemplateError> errors() { return errors; }

    private static String format(Path file, List<TemplateError> errors) {
        String name = file == null ? "scene" : file.toString();
        if (errors.size() == 1) return name + ": " + errors.get(0);
        return name + ": " + errors.size() + " errors\n" + errors.stream()
                .map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
