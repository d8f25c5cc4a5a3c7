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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarTest {

    private static final String GREETER = "t.api.Greeter";

    @TempDir
    Path dir;

    /** A versioned service module, standing in for layerhost.api so this module needs no other. */
    private Path serviceApi() {
        return PluginJar.builder("t.api")
                .version("3.1.0")
                .exports("t.api")
                .source(GREETER, "package t.api; public interface Greeter { String greet(String name); }")
                .build(dir.resolve("api/t-api.jar"));
    }

    private static ModuleDescriptor describe(Path jar) {
        return ModuleFinder.of(jar).findAll().stream()
                .map(ModuleReference::descriptor)
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Requires> requiresByName(ModuleDescriptor descriptor) {
        return descriptor.requires().stream().collect(Collectors.toMap(Requires::name, Function.identity()));
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void descriptorHasNameVersionRequiresExportsAndProvides() {
        Path api = serviceApi();
        Path jar = PluginJar.builder("p.alpha")
                .version("1.2.0")
                .requires("t.api")
                .requiresTransitive("lib.x")
                .compiledAgainst("lib.x", "1.4.0")
                .requiresStatic("lib.y")
                .exports("p.alpha.spi")
                .provides(GREETER, "p.alpha.AlphaGreeter")
                .source("p.alpha.AlphaGreeter", """
                        package p.alpha;
                        public class AlphaGreeter implements t.api.Greeter {
                            public String greet(String name) { return "alpha greets " + name; }
                        }
                        """)
                .emptyClass("p.alpha.spi.Marker")
                .modulePath(List.of(api))
                .build(dir.resolve("alpha.jar"));

        ModuleDescriptor descriptor = describe(jar);
        assertEquals("p.alpha", descriptor.name());
        assertEquals(Optional.of("1.2.0"), descriptor.rawVersion());
        Map<String, Requires> requires = requiresByName(descriptor);
        assertEquals(Set.of(), requires.get("t.api").modifiers());
        assertEquals("3.1.0", requires.get("t.api").compiledVersion().orElseThrow().toString());
        assertEquals(Set.of(Requires.Modifier.TRANSITIVE), requires.get("lib.x").modifiers());
        assertEquals("1.4.0", requires.get("lib.x").compiledVersion().orElseThrow().toString());
        assertEquals(Set.of(Requires.Modifier.STATIC), requires.get("lib.y").modifiers());
        assertEquals(Optional.empty(), requires.get("lib.y").compiledVersion(), "an unversioned stub");
        assertEquals(Set.of("p.alpha.spi"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(1, descriptor.provides().size());
        ModuleDescriptor.Provides provides = descriptor.provides().iterator().next();
        assertEquals(GREETER, provides.service());
        assertEquals(List.of("p.alpha.AlphaGreeter"), provides.providers());
        assertEquals(Set.of("p.alpha", "p.alpha.spi"), descriptor.packages());
    }

    @Test
    void stubsSatisfyJavacButNeverEnterTheJar() throws IOException {
        Path jar = PluginJar.builder("p.needy")
                .requires("lib.absent")
                .emptyClass("p.needy.Needy")
                .build(dir.resolve("needy.jar"));

        assertEquals(Set.of("META-INF/MANIFEST.MF", "module-info.class", "p/needy/Needy.class"),
                entries(jar));
        assertTrue(requiresByName(describe(jar)).containsKey("lib.absent"));
    }

    @Test
    void modulesThatRequireEachOtherBothBuild() {
        Path cycleA = PluginJar.builder("p.cyca").requires("p.cycb").emptyClass("p.cyca.A")
                .build(dir.resolve("cycle-a.jar"));
        Path cycleB = PluginJar.builder("p.cycb").requires("p.cyca").emptyClass("p.cycb.B")
                .build(dir.resolve("cycle-b.jar"));

        assertTrue(requiresByName(describe(cycleA)).containsKey("p.cycb"));
        assertTrue(requiresByName(describe(cycleB)).containsKey("p.cyca"));
    }

    @Test
    void missingDependencyOfAModuleOnThePathIsStubbedToo() {
        Path needy = PluginJar.builder("p.needy").version("1.0.0").requires("lib.absent")
                .emptyClass("p.needy.Needy").build(dir.resolve("needy.jar"));

        Path onNeedy = PluginJar.builder("p.onneedy").requires("p.needy").emptyClass("p.onneedy.On")
                .modulePath(needy)
                .build(dir.resolve("on-needy.jar"));

        assertEquals("1.0.0", requiresByName(describe(onNeedy)).get("p.needy").compiledVersion()
                .orElseThrow().toString(), "compiled against the real p.needy, not a stub");
    }

    @Test
    void moduleMayContainAPackageThatItsStubbedDependencyExports() {
        Path jar = PluginJar.builder("p.split")
                .requires("lib.split")
                .emptyClass("shared.util.Marker")
                .build(dir.resolve("split.jar"));

        assertEquals(Set.of("shared.util"), describe(jar).packages());
    }

    @Test
    void compileErrorCarriesTheJavacDiagnostics() {
        var builder = PluginJar.builder("p.broken")
                .source("p.broken.Broken", "package p.broken; public class Broken { Nonsense field; }");

        var failure = assertThrows(PluginBuildException.class, () -> builder.build(dir.resolve("broken.jar")));

        assertTrue(failure.getMessage().contains("cannot find symbol"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Nonsense"), failure.getMessage());
        assertFalse(Files.exists(dir.resolve("broken.jar")));
    }

    @Test
    void automaticJarHasServiceFilesAndManifestName() throws IOException {
        Path api = serviceApi();
        Path jar = PluginJar.builder("legacy.greeter")
                .automaticModuleName("legacy.greeter")
                .provides(GREETER, "legacy.greeter.LegacyGreeter")
                .source("legacy.greeter.LegacyGreeter", """
                        package legacy.greeter;
                        public class LegacyGreeter implements t.api.Greeter {
                            public String greet(String name) { return "hi " + name; }
                        }
                        """)
                .modulePath(api)
                .build(dir.resolve("legacy.jar"));

        assertFalse(entries(jar).contains("module-info.class"));
        try (var file = new JarFile(jar.toFile())) {
            String services = new String(file.getInputStream(file.getEntry("META-INF/services/" + GREETER))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("legacy.greeter.LegacyGreeter\n", services);
            assertEquals("legacy.greeter", file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
        ModuleDescriptor descriptor = describe(jar);
        assertTrue(descriptor.isAutomatic());
        assertEquals("legacy.greeter", descriptor.name());
        assertEquals(GREETER, descriptor.provides().iterator().next().service());
    }

    @Test
    void automaticJarWithoutNameIsNamedAfterItsFile() {
        Path jar = PluginJar.builder("ignored").automatic().emptyClass("legacy.tool.Tool")
                .build(dir.resolve("legacy-tool-2.1.jar"));

        ModuleDescriptor descriptor = describe(jar);
        assertEquals("legacy.tool", descriptor.name());
        assertEquals(Optional.of("2.1"), descriptor.rawVersion());
    }

    @Test
    void automaticJarRefusesModuleDeclarations() {
        var builder = PluginJar.builder("legacy").automatic().requires("t.api");

        assertThrows(IllegalStateException.class, () -> builder.build(dir.resolve("legacy.jar")));
    }

    @Test
    void sourceTreeAndResourcesGoIntoTheJar() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("p/tree/inner"));
        Files.writeString(tree.resolve("p/tree/Top.java"), "package p.tree; public class Top {}");
        Files.writeString(tree.resolve("p/tree/inner/Inner.java"), "package p.tree.inner; public class Inner {}");

        Path jar = PluginJar.builder("p.tree")
                .sources(tree)
                .resource("p/tree/data.csv", "a,b\n1,2\n")
                .build(dir.resolve("tree.jar"));

        assertTrue(entries(jar).containsAll(Set.of(
                "p/tree/Top.class", "p/tree/inner/Inner.class", "p/tree/data.csv")));
    }

    @Test
    void scratchDirectoryIsDeletedAfterSuccessAndFailure() throws IOException {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        PluginJar.builder("p.ok").requires("lib.absent").emptyClass("p.ok.Ok")
                .scratchDirectory(scratch).build(dir.resolve("ok.jar"));
        var failing = PluginJar.builder("p.bad").source("p.bad.Bad", "package p.bad; class Bad { int x = ; }")
                .scratchDirectory(scratch);
        assertThrows(PluginBuildException.class, () -> failing.build(dir.resolve("bad.jar")));

        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void buildReplacesAnExistingJarAndLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("plugins/alpha.jar");
        PluginJar.builder("p.alpha").version("1.0.0").emptyClass("p.alpha.A").build(target);
        PluginJar.builder("p.alpha").version("2.0.0").emptyClass("p.alpha.A").build(target);

        assertEquals(Optional.of("2.0.0"), describe(target).rawVersion());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void invalidVersionIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> PluginJar.builder("p.alpha").version("not a version"));
        assertThrows(IllegalArgumentException.class,
                () -> PluginJar.builder("p.alpha").compiledAgainst("lib.x", ""));
    }
}
