package dev.mirage.gpu.resource;

import static org.lwjgl.opengl.GL45C.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix3fc;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;

/**
 * A linked GLSL program built from classpath resources under {@code shaders/}. Compile and link
 * failures throw with the shader's file name and the driver's log.
 *
 * <p>Owns one GL program object. Thread safety: GL thread only.
 */
public final class ShaderProgram extends GlObject {
    private final int program;
    private final Map<String, Integer> locations = new HashMap<>();

    private ShaderProgram(String label, int program) {
        super(label);
        this.program = program;
    }

    /** Compiles and links {@code shaders/<vertex>} and {@code shaders/<fragment>} (fragment may be null). */
    public static ShaderProgram load(String vertex, String fragment) {
        return load(vertex, fragment, List.of());
    }

    /**
     * Like {@link #load(String, String)}, with {@code #define} lines (such as {@code "PATTERN_KIND 2"})
     * inserted into both stages after their {@code #version} line, to build a specialised variant of
     * one source. The defines are part of the program's label.
     */
    public static ShaderProgram load(String vertex, String fragment, List<String> defines) {
        int vs = compile(GL_VERTEX_SHADER, vertex, defines);
        int fs;
        try {
            fs = fragment == null ? 0 : compile(GL_FRAGMENT_SHADER, fragment, defines);
        } catch (RuntimeException e) {
            glDeleteShader(vs);
            throw e;
        }
        int program = glCreateProgram();
        glAttachShader(program, vs);
        if (fs != 0) glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        if (fs != 0) glDeleteShader(fs);
        String label = vertex + (fragment == null ? "" : " + " + fragment) + (defines.isEmpty() ? "" : " " + defines);
        if (glGetProgrami(program, GL_LINK_STATUS) != GL_TRUE) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new IllegalStateException("linking " + label + " failed:\n" + log);
        }
        return new ShaderProgram(label, program);
    }

    private static int compile(int type, String file, List<String> defines) {
        String source = withDefines(read("shaders/" + file), defines, file);
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) != GL_TRUE) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new IllegalStateException("compiling shaders/" + file + (defines.isEmpty() ? "" : " with " + defines)
                    + " failed:\n" + log);
        }
        return shader;
    }

    /** The source with one {@code #define} line per entry after its first line, which must be {@code #version}. */
    static String withDefines(String source, List<String> defines, String file) {
        if (defines.isEmpty()) return source;
        int end = source.indexOf('\n');
        if (!source.startsWith("#version") || end < 0)
            throw new IllegalStateException("shaders/" + file + " must start with a #version line to take defines");
        StringBuilder out = new StringBuilder(source.length() + 32 * defines.size()).append(source, 0, end + 1);
        for (String d : defines) out.append("#define ").append(d).append('\n');
        // Keep the line numbers of the driver's compile log those of the file.
        out.append("#line 2\n");
        return out.append(source, end + 1, source.length()).toString();
    }

    private static String read(String resource) {
        try (InputStream in = ShaderProgram.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("shader resource " + resource + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public void use() {
        checkOpen();
        glUseProgram(program);
    }

    /** True when the program has an active uniform of this name. */
    public boolean hasUniform(String name) {
        return location(name) >= 0;
    }

    private int location(String name) {
        checkOpen();
        return locations.computeIfAbsent(name, n -> glGetUniformLocation(program, n));
    }

    public void set(String name, Matrix4fc m) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer b = m.get(stack.mallocFloat(16));
            glProgramUniformMatrix4fv(program, location(name), false, b);
        }
    }

    public void set(String name, Matrix3fc m) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer b = m.get(stack.mallocFloat(9));
            glProgramUniformMatrix3fv(program, location(name), false, b);
        }
    }

    public void set(String name, float x, float y, float z) { glProgramUniform3f(program, location(name), x, y, z); }

    public void set(String name, float x, float y) { glProgramUniform2f(program, location(name), x, y); }

    public void set(String name, float x) { glProgramUniform1f(program, location(name), x); }

    public void setInt(String name, int x) { glProgramUniform1i(program, location(name), x); }

    public void setUnsigned(String name, int x) { glProgramUniform1ui(program, location(name), x); }

    /** Sets the first {@code values.length / 4} elements of a {@code vec4} array uniform. */
    public void setVec4Array(String name, float[] values) {
        if (values.length % 4 != 0) throw new IllegalArgumentException(values.length + " floats are not whole vec4s");
        if (values.length > 0) glProgramUniform4fv(program, location(name), values);
    }

    /** Sets the first {@code values.length} elements of a {@code float} array uniform. */
    public void setFloatArray(String name, float[] values) {
        if (values.length > 0) glProgramUniform1fv(program, location(name), values);
    }

    /**
     * The declared length of an array uniform (1 for a plain uniform), so Java constants that
     * size the data can be checked against the shader; throws if the program has no such uniform.
     */
    public int uniformArraySize(String name) {
        checkOpen();
        int index = glGetProgramResourceIndex(program, GL_UNIFORM, name);
        if (index == GL_INVALID_INDEX) throw new IllegalStateException("program " + label() + " has no active uniform " + name);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer size = stack.mallocInt(1);
            glGetProgramResourceiv(program, GL_UNIFORM, index, stack.ints(GL_ARRAY_SIZE), null, size);
            return size.get(0);
        }
    }

    @Override
    void release() {
        glDeleteProgram(program);
    }
}
