package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarPackerTest {

    @TempDir
    Path dir;

    /** Compiles {@code sources} (file path to text) into the returned classes folder. */
    private Path classesOf(Map<String, String> sources) {
        Path classes = dir.resolve("classes");
        BatchCompiler.compile(dir.resolve("src"), sources, List.of("-d", classes.toString()));
        return classes;
    }

    private static List<String> entryNames(JarFile file) {
        return file.stream().map(entry -> entry.getName()).toList();
    }

    @Test
    void packsOneSubtreeNamedFromTheClassesFolderWithManifestAndResources() throws IOException {
        Path classes = classesOf(Map.of(
                "pf/one/One.java", "package pf.one; public class One {}",
                "pf/two/Two.java", "package pf.two; public class Two {}"));

        Path jar = JarPacker.pack(classes, classes.resolve("pf/one"), dir.resolve("jars/pf.one.jar"),
                Map.of("Plugin-Id", "pf.one"), Map.of("META-INF/extensions.idx", "pf.one.One\n"));

        try (var file = new JarFile(jar.toFile())) {
            assertEquals(List.of("META-INF/MANIFEST.MF", "pf/one/One.class", "META-INF/extensions.idx"),
                    entryNames(file));
            assertEquals("pf.one", file.getManifest().getMainAttributes().getValue("Plugin-Id"));
            assertEquals("pf.one.One\n", new String(file.getInputStream(file.getEntry("META-INF/extensions.idx"))
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void packsAWholeFolderWithoutManifest() throws IOException {
        Path classes = classesOf(Map.of(
                "module-info.java", "module p.solo { }",
                "p/solo/Solo.java", "package p.solo; class Solo {}"));

        Path jar = JarPacker.pack(classes, dir.resolve("jars/p.solo.jar"));

        try (var file = new JarFile(jar.toFile())) {
            assertEquals(List.of("module-info.class", "p/solo/Solo.class"), entryNames(file));
            assertNull(file.getManifest());
        }
    }
}
