package dev.mirage.gpu.resource;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shader source variants, without GL. */
class ShaderProgramTest {
    @Test
    void definesGoRightAfterTheVersionLineAndKeepTheFilesLineNumbers() {
        String source = "#version 450 core\nvoid main() {}\n";
        assertEquals("#version 450 core\n#define A 1\n#define B\n#line 2\nvoid main() {}\n",
                ShaderProgram.withDefines(source, List.of("A 1", "B"), "x.frag"));
    }

    @Test
    void noDefinesLeaveTheSourceAlone() {
        String source = "#version 450 core\nvoid main() {}\n";
        assertSame(source, ShaderProgram.withDefines(source, List.of(), "x.frag"));
    }

    @Test
    void aSourceWithoutAVersionLineCannotTakeDefines() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ShaderProgram.withDefines("void main() {}\n", List.of("A 1"), "x.frag"));
        assertTrue(e.getMessage().contains("shaders/x.frag"), e.getMessage());
    }
}
