package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.scene.Surface;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scene pass's programs: one variant of scene.vert + scene.frag per {@link Surface.Pattern},
 * specialised with {@code #define PATTERN_KIND}. On llvmpipe every fragment runs both sides of a
 * branch even when a uniform decides it, so a pattern's code lives only in the variant that draws it
 * and a plain surface pays nothing for it. A variant is built when a frame first needs it.
 *
 * <p>Each frame starts with {@link #beginFrame}, whose per-frame uniforms are set on every variant
 * the frame uses, before its first draw. Owns the programs it built and closes them, newest first.
 * Thread safety: GL thread only.
 */
final class ScenePrograms implements AutoCloseable {
    private final Consumer<ShaderProgram> onBuild;
    private final Map<Surface.Pattern, ShaderProgram> built = new EnumMap<>(Surface.Pattern.class);
    private final List<ShaderProgram> order = new ArrayList<>();
    private final EnumSet<Surface.Pattern> readyThisFrame = EnumSet.noneOf(Surface.Pattern.class);
    private Consumer<ShaderProgram> frameSetup = program -> {};
    private ShaderProgram current;

    /** @param onBuild checks and constant uniforms applied once to each variant when it is built */
    ScenePrograms(Consumer<ShaderProgram> onBuild) {
        this.onBuild = onBuild;
    }

    /** Builds a variant now, so that a broken shader fails at set-up rather than in a frame. */
    void prepare(Surface.Pattern pattern) {
        program(pattern);
    }

    /** Starts a frame: {@code setup} sets the frame's uniforms on each variant before its first draw. */
    void beginFrame(Consumer<ShaderProgram> setup) {
        frameSetup = setup;
        readyThisFrame.clear();
        current = null;
    }

    /** Makes the variant for {@code pattern} current, with this frame's uniforms set, and returns it. */
    ShaderProgram use(Surface.Pattern pattern) {
        ShaderProgram program = program(pattern);
        if (readyThisFrame.add(pattern)) frameSetup.accept(program);
        if (program != current) {
            program.use();
            current = program;
        }
        return program;
    }

    private ShaderProgram program(Surface.Pattern pattern) {
        ShaderProgram program = built.get(pattern);
        if (program == null) {
            program = ShaderProgram.load("scene.vert", "scene.frag", List.of("PATTERN_KIND " + DrawItem.patternCode(pattern)));
            order.add(program);
            built.put(pattern, program);
            onBuild.accept(program);
        }
        return program;
    }

    @Override
    public void close() {
        for (int i = order.size() - 1; i >= 0; i--) order.get(i).close();
        order.clear();
        built.clear();
        current = null;
    }
}
