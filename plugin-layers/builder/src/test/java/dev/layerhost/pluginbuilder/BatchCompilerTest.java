package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCompilerTest {

    @TempDir
    Path dir;

    @Test
    void writesEverySourceAndCompilesThemTogether() {
        Path classes = dir.resolve("classes");

        BatchCompiler.compile(dir.resolve("src"), Map.of(
                "p/one/One.java", "package p.one; public class One { p.two.Two two; }",
                "p/two/Two.java", "package p.two; public class Two { p.one.One one; }"),
                List.of("-d", classes.toString()));

        assertTrue(Files.isRegularFile(dir.resolve("src/p/one/One.java")));
        assertTrue(Files.isRegularFile(classes.resolve("p/one/One.class")));
        assertTrue(Files.isRegularFile(classes.resolve("p/two/Two.class")));
    }

    @Test
    void aCompileErrorThrowsWithJavacsOutput() {
        var failure = assertThrows(PluginBuildException.class,
                () -> BatchCompiler.compile(dir.resolve("src"), Map.of("p/Broken.java", "package p; class Broken {"),
                        List.of("-d", dir.resolve("classes").toString())));

        assertTrue(failure.getMessage().contains("reached end of file while parsing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Broken.java"), failure.getMessage());
    }
}
