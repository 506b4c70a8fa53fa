package dev.mirage.gpu.render;

import dev.mirage.gpu.resource.ShaderProgram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scene pass's programs: one variant of scene.vert + scene.frag per {@link ShadingVariant}
 * (surface pattern × material features), specialised with {@code #define}s. On llvmpipe every
 * fragment runs both sides of a branch even when a uniform decides it, so a pattern's or a material
 * feature's code lives only in the variants that draw it and a plain surface pays nothing for it. A
 * variant is built when a frame first needs it (a glTF file brings a handful of combinations).
 *
 * <p>Each frame starts with {@link #beginFrame}, whose per-frame uniforms are set on every variant
 * the frame uses, before its first draw. Owns the programs it built and closes them, newest first.
 * Thread safety: GL thread only.
 */
final class ScenePrograms implements AutoCloseable {
    private final Consumer<ShaderProgram> onBuild;
    private final Map<List<Object>, ShaderProgram> built = new HashMap<>();
    private final List<ShaderProgram> order = new ArrayList<>();
    private final Set<ShadingVariant> readyThisFrame = new HashSet<>();
    /** The frame's atmosphere defines (fog sun lobe, height profile), added to every variant's own. */
    private List<String> frameDefines = List.of();
    private Consumer<ShaderProgram> frameSetup = program -> {};
    private ShaderProgram current;

    /** @param onBuild checks and constant uniforms applied once to each variant when it is built */
    ScenePrograms(Consumer<ShaderProgram> onBuild) {
        this.onBuild = onBuild;
    }

    /** Builds a variant now, so that a broken shader fails at set-up rather than in a frame. */
    void prepare(ShadingVariant variant) {
        program(variant);
    }

    /** Starts a frame: {@code setup} sets the frame's uniforms on each variant before its first draw. */
    void beginFrame(Consumer<ShaderProgram> setup) {
        beginFrame(List.of(), setup);
    }

    /** Starts a frame whose programs also carry {@code defines} (the frame's fog features). */
    void beginFrame(List<String> defines, Consumer<ShaderProgram> setup) {
        frameDefines = List.copyOf(defines);
        frameSetup = setup;
        readyThisFrame.clear();
        current = null;
    }

    /** Makes {@code variant}'s program current, with this frame's uniforms set, and returns it. */
    ShaderProgram use(ShadingVariant variant) {
        ShaderProgram program = program(variant);
        if (readyThisFrame.add(variant)) frameSetup.accept(program);
        if (program != current) {
            program.use();
            current = program;
        }
        return program;
    }

    /** Another pass made its own program current: the next {@link #use} binds its program again. */
    void otherProgramUsed() {
        current = null;
    }

    private ShaderProgram program(ShadingVariant variant) {
        List<Object> key = List.of(variant, frameDefines);
        ShaderProgram program = built.get(key);
        if (program == null) {
            List<String> defines = new ArrayList<>(variant.defines());
            defines.addAll(frameDefines);
            program = ShaderProgram.load("scene.vert", "scene.frag", defines);
            order.add(program);
            built.put(key, program);
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
