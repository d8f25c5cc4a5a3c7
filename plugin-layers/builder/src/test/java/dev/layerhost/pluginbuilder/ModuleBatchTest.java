package dev.layerhost.pluginbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleBatchTest {

    private static final ModuleSource LIBRARY = new ModuleSource("lib.words",
            "module lib.words { exports lib.words; }",
            Map.of("lib.words.Words",
                    "package lib.words; public class Words { public static String hi() { return \"hi\"; } }"));

    private static final ModuleSource APP = new ModuleSource("app.greeter",
            "module app.greeter { requires lib.words; }",
            Map.of("app.greeter.Greeter",
                    "package app.greeter; class Greeter { String greet() { return lib.words.Words.hi(); } }",
                    "app.greeter.inner.Marker", "package app.greeter.inner; class Marker {}"));

    @TempDir
    Path dir;

    private static ModuleDescriptor describe(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor).findFirst().orElseThrow();
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().map(entry -> entry.getName()).collect(Collectors.toSet());
        }
    }

    @Test
    void modulesOfOneBatchRequireEachOtherAndEachGetsAJarOfItsOwn() throws IOException {
        List<Path> jars = ModuleBatch.builder().module(APP).module(LIBRARY).version("2.5.0")
                .build(dir.resolve("work"), dir.resolve("root"));

        assertEquals(List.of(dir.resolve("root/app.greeter.jar"), dir.resolve("root/lib.words.jar")), jars);
        assertEquals(Set.of("module-info.class", "app/greeter/Greeter.class", "app/greeter/inner/Marker.class"),
                entries(jars.get(0)), "no manifest, no folder entries, nothing of the other module");
        assertEquals(Set.of("module-info.class", "lib/words/Words.class"), entries(jars.get(1)));
        ModuleDescriptor app = describe(jars.get(0));
        assertEquals(Optional.of("2.5.0"), app.rawVersion());
        Requires words = app.requires().stream().filter(requires -> requires.name().equals("lib.words"))
                .findFirst().orElseThrow();
        assertEquals("2.5.0", words.compiledVersion().orElseThrow().toString());
    }

    @Test
    void modulesCompileAgainstTheModulePath() {
        Path library = ModuleBatch.builder().module(LIBRARY).version("1.0.0")
                .build(dir.resolve("library"), dir.resolve("libraries")).get(0);

        Path app = ModuleBatch.builder().module(APP).modulePath(library)
                .build(dir.resolve("work"), dir.resolve("root")).get(0);

        assertEquals(Optional.empty(), describe(app).rawVersion(), "no version unless one is set");
        assertEquals(Set.of("app.greeter", "app.greeter.inner"), describe(app).packages());
    }

    @Test
    void aCompileErrorThrowsWithJavacsDiagnostics() {
        var broken = new ModuleSource("p.broken", "module p.broken { }",
                Map.of("p.broken.Broken", "package p.broken; public class Broken { Nonsense field; }"));
        var batch = ModuleBatch.builder().module(broken);

        var failure = assertThrows(PluginBuildException.class,
                () -> batch.build(dir.resolve("work"), dir.resolve("root")));

        assertTrue(failure.getMessage().contains("cannot find symbol"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Nonsense"), failure.getMessage());
        assertFalse(Files.exists(dir.resolve("root")));
    }

    @Test
    void aModuleAddedTwiceIsRefused() {
        var batch = ModuleBatch.builder().module(LIBRARY);

        var failure = assertThrows(IllegalArgumentException.class, () -> batch.module(LIBRARY));

        assertEquals("The batch already has a module lib.words", failure.getMessage());
    }

    @Test
    void anEmptyBatchIsRefused() {
        var batch = ModuleBatch.builder();

        assertThrows(IllegalStateException.class, () -> batch.build(dir.resolve("work"), dir.resolve("root")));
    }
}
