package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.ModuleInfoClass;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Modules and packages named {@code java.*}. When it defines a plugin's layer, the JDK refuses a module
 * named {@code java.base} (only the boot class loader may define it: "Class loader must be the boot class
 * loader") and a package {@code java} or {@code java.*} (only the runtime's loaders may: "prohibited
 * package name"); it defines any other module named {@code java.*} like every module. The check knows
 * exactly that, so {@code scan} (list, doctor), {@code graph} and {@code load} give one verdict.
 */
class JavaModuleNamesTest {

    @TempDir
    Path root;

    @TempDir
    Path staging;

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
    }

    @Test
    void aFolderBundlingAModuleNamedJavaBaseIsRejectedAlikeByScanGraphAndLoad() {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")),
                () -> dataSource("p.based", "1.0.0").build(root.resolve("based/p.based.jar")));
        // javac compiles no java.base without java.lang; a jar may still hold one
        ModuleInfoClass.jar(ModuleDescriptor.newModule("java.base").packages(Set.of("foo")).exports("foo").build(),
                root.resolve("based/java.base.jar"));

        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("based", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK), statuses(scanned));
            List<Diagnostic> refusal = diagnosticsOf(scanned, "based", DiagnosticCode.INVALID_ARCHIVE);
            assertEquals(1, refusal.size(), scanned::toString);
            assertError(refusal.get(0), DiagnosticCode.INVALID_ARCHIVE, "p.based", "based",
                    Map.of("module", "java.base", "file", "based/java.base.jar"));

            LayerGraph graph = host.graph();
            assertEquals(List.of("p.sound"), graph.layers().stream().map(LayerNode::plugin).toList());
            assertTrue(graph.diagnostics().containsAll(refusal), graph::toString);

            Report loaded = host.load();
            assertEquals(Map.of("based", PluginStatus.REJECTED, "sound.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(diagnosticsOf(scanned, "based"), diagnosticsOf(loaded, "based"),
                    "the check's verdict, not the JDK's refusal at load");
            assertEquals(List.of("p.sound"), names(host));
        }
    }

    @Test
    void aFolderBundlingAModuleNamedJavaFooIsDefinedLikeAnyLibrary() {
        Path javaFoo = PluginJar.builder("java.foo").version("1.0.0").exports("foo.lib").emptyClass("foo.lib.Marker")
                .build(root.resolve("foo/java.foo.jar"));
        dataSource("p.foo", "1.0.0").requires("java.foo").modulePath(javaFoo).build(root.resolve("foo/p.foo.jar"));

        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(Map.of("foo", PluginStatus.OK), statuses(scanned));
            assertEquals(List.of("java.foo", "p.foo"), host.graph().layers().get(0).modules().stream()
                    .map(ModuleSummary::name).toList());

            Report loaded = host.load();
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("foo", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of("p.foo"), names(host));
        }
    }

    @Test
    void aPluginModuleNamedJavaBarIsDefinedLikeAnyPlugin() {
        PluginJar.builder("java.bar").version("1.0.0").requires("layerhost.api")
                .provides(DATA_SOURCE, "bar.Source")
                .source("bar.Source", dataSourceClass("bar", "\"java.bar\"", ""))
                .modulePath(PluginRootFixture.apiJar())
                .build(root.resolve("bar.jar"));

        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(Map.of("bar.jar", PluginStatus.OK), statuses(scanned));
            assertEquals(List.of("java.bar"), host.graph().layers().stream().map(LayerNode::plugin).toList());

            Report loaded = host.load();
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("bar.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of("java.bar"), names(host));
        }
    }

    @Test
    void modulesNamedJavaStarHoldingJavaPackagesAreRejectedAlikeByScanAndLoad() {
        // As javac lays them out, a module java.foo holds package java.foo: only the runtime may define it.
        Path javaFoo = PluginJar.builder("java.foo").version("1.0.0").exports("java.foo")
                .emptyClass("java.foo.Marker").build(staging.resolve("java.foo.jar"));
        buildAll(() -> copy(javaFoo, root.resolve("foo/java.foo.jar")),
                () -> dataSource("p.foo", "1.0.0").requires("java.foo").modulePath(javaFoo)
                        .build(root.resolve("foo/p.foo.jar")),
                () -> dataSource("java.bar", "1.0.0").build(root.resolve("bar.jar")));

        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("bar.jar", PluginStatus.REJECTED, "foo", PluginStatus.REJECTED), statuses(scanned));
            assertError(diagnosticsOf(scanned, "foo", DiagnosticCode.INVALID_ARCHIVE).get(0),
                    DiagnosticCode.INVALID_ARCHIVE, "p.foo", "foo", Map.of("file", "foo/java.foo.jar"));
            assertEquals(1, diagnosticsOf(scanned, "bar.jar", DiagnosticCode.INVALID_ARCHIVE).size(),
                    scanned::toString);

            Report loaded = host.load();
            assertEquals(Map.of("bar.jar", PluginStatus.REJECTED, "foo", PluginStatus.REJECTED), statuses(loaded));
            assertEquals(scanned.diagnostics(), loaded.diagnostics());
        }
    }

    private static List<String> names(PluginHost host) {
        return host.services(DataSource.class).stream().map(service -> service.service().name()).sorted().toList();
    }

    private static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
