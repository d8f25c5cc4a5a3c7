package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static dev.layerhost.core.ReportAssertions.liveIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What load() builds: layers, parents, providers, and what happens when plugin code throws. */
class PluginLoadingTest {

    @TempDir
    Path root;

    @Test
    void providerThatThrowsFailsItsPluginAtLoadWithTheCauseWhileScanSaysOk() {
        buildAll(
                () -> dataSource("p.boom", "1.0.0")
                        .source("p.boom.Source", dataSourceClass("p.boom", "\"boom\"",
                                "public Source() { throw new IllegalStateException(\"boom\"); }"))
                        .build(root.resolve("boom.jar")),
                () -> dataSource("p.staticboom", "1.0.0")
                        .source("p.staticboom.Source", dataSourceClass("p.staticboom", "NAME", """
                                static final String NAME = explode();
                                private static String explode() { throw new IllegalStateException("static boom"); }
                                """))
                        .build(root.resolve("staticboom.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = host.scan();
            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(Map.of("boom.jar", PluginStatus.OK, "sound.jar", PluginStatus.OK,
                    "staticboom.jar", PluginStatus.OK), statuses(scanned));

            Report loaded = host.load();

            Diagnostic boom = onlyDiagnosticOf(loaded, "boom.jar");
            assertError(boom, DiagnosticCode.PROVIDER_FAILED, "p.boom", "boom.jar",
                    Map.of("service", DATA_SOURCE, "provider", "p.boom.Source"));
            assertTrue(boom.message().contains("boom"), boom.message());
            assertTrue(((String) boom.details().get("cause")).contains("IllegalStateException: boom"),
                    boom.details().toString());
            Diagnostic staticBoom = onlyDiagnosticOf(loaded, "staticboom.jar");
            assertError(staticBoom, DiagnosticCode.PROVIDER_FAILED, "p.staticboom", "staticboom.jar",
                    Map.of("service", DATA_SOURCE, "provider", "p.staticboom.Source"));
            assertTrue(staticBoom.message().contains("static boom"), staticBoom.message());
            assertEquals(Map.of("boom.jar", PluginStatus.FAILED, "sound.jar", PluginStatus.LOADED,
                    "staticboom.jar", PluginStatus.FAILED), statuses(loaded));
            assertEquals(List.of("p.sound"), liveIds(host));
            assertEquals(List.of("p.sound"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).toList());

            // Scanning again runs no plugin code, so the failure is a load-time fact only.
            assertEquals(scanned, host.scan());
        }
    }

    @Test
    void apiLayerOfTheHostsOwnMustHoldTheNamedApiModules() {
        ModuleLayer boot = ModuleLayer.boot();
        PluginHost.Builder builder = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> builder.apiLayer(boot, Set.of("acme.nowhere")));
        assertTrue(missing.getMessage().contains("acme.nowhere"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.apiLayer(boot, Set.of()));
    }

    /**
     * A jar that exists but cannot be read (no permission for the host's user; here, as tests may run as
     * root, a link to a file whose every read fails) is an INVALID_ARCHIVE at load as at scan, never a
     * silently missing row.
     */
    @Test
    void jarThatCannotBeReadIsRejectedAtLoadAsAtScan() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));
        Files.createSymbolicLink(root.resolve("unreadable.jar"), Path.of("/proc/self/mem"));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Map<String, PluginStatus> expected = Map.of("sound.jar", PluginStatus.LOADED,
                    "unreadable.jar", PluginStatus.REJECTED);
            Report loaded = host.load();

            assertEquals(expected, statuses(loaded));
            assertEquals(DiagnosticCode.INVALID_ARCHIVE, onlyDiagnosticOf(loaded, "unreadable.jar").code());
            assertEquals(DiagnosticCode.INVALID_ARCHIVE, onlyDiagnosticOf(host.scan(), "unreadable.jar").code());
        }
    }

    @Test
    void pluginRequiringAPluginThatFailedToLoadIsRejectedSayingSo() {
        buildAll(
                () -> dataSource("p.fragile", "1.0.0").exports("p.fragile")
                        .source("p.fragile.Source", dataSourceClass("p.fragile", "\"fragile\"",
                                "public Source() { throw new IllegalStateException(\"fragile\"); }"))
                        .build(root.resolve("fragile.jar")),
                () -> dataSource("p.leaning", "1.0.0").requires("p.fragile").build(root.resolve("leaning.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report loaded = host.load();

            assertEquals(Map.of("fragile.jar", PluginStatus.FAILED, "leaning.jar", PluginStatus.REJECTED),
                    statuses(loaded));
            Diagnostic leaning = onlyDiagnosticOf(loaded, "leaning.jar");
            assertError(leaning, DiagnosticCode.DEPENDENCY_REJECTED, "p.leaning", "leaning.jar",
                    Map.of("module", "p.fragile", "requiredBy", "p.leaning"));
            assertTrue(leaning.message().contains("failed to load"), leaning.message());
        }
    }

    /**
     * A provider may be a class with a public static {@code provider()} method: {@code load} calls it, and
     * what it throws, or a null it returns, fails the plugin like a throwing constructor.
     */
    @Test
    void providerMethodsAreCalledAndTheirFailuresFailThePlugin() {
        String factory = """
                package %s;
                public final class Factory {
                    private Factory() {
                    }
                    public static dev.layerhost.api.DataSource provider() {
                        %s
                    }
                }
                """;
        buildAll(
                () -> dataSource("p.factory", "1.0.0").provides(DATA_SOURCE, "p.factory.Factory")
                        .source("p.factory.Factory", factory.formatted("p.factory", "return new Source();"))
                        .build(root.resolve("factory.jar")),
                () -> dataSource("p.refusing", "1.0.0").provides(DATA_SOURCE, "p.refusing.Factory")
                        .source("p.refusing.Factory", factory.formatted("p.refusing",
                                "throw new IllegalStateException(\"no provider today\");"))
                        .build(root.resolve("refusing.jar")),
                () -> dataSource("p.nothing", "1.0.0").provides(DATA_SOURCE, "p.nothing.Factory")
                        .source("p.nothing.Factory", factory.formatted("p.nothing", "return null;"))
                        .build(root.resolve("nothing.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report loaded = host.load();

            assertEquals(Map.of("factory.jar", PluginStatus.LOADED, "nothing.jar", PluginStatus.FAILED,
                    "refusing.jar", PluginStatus.FAILED), statuses(loaded));
            Diagnostic refused = onlyDiagnosticOf(loaded, "refusing.jar");
            assertError(refused, DiagnosticCode.PROVIDER_FAILED, "p.refusing", "refusing.jar",
                    Map.of("service", DATA_SOURCE));
            assertTrue(((String) refused.details().get("cause")).contains("IllegalStateException: no provider today"),
                    refused.details().toString());
            Diagnostic nothing = onlyDiagnosticOf(loaded, "nothing.jar");
            assertEquals(DiagnosticCode.PROVIDER_FAILED, nothing.code());
            assertTrue(((String) nothing.details().get("cause")).contains("returned null"), nothing.details().toString());
            // p.factory provides two: the factory's and the class's own constructor
            assertEquals(List.of("p.factory", "p.factory"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).toList());
        }
    }

    @Test
    void scanAndGraphRunNoPluginCodeButLoadDoes(@TempDir Path outside) {
        Path marker = outside.resolve("static-initializer-ran");
        String javaPath = marker.toString().replace("\\", "\\\\");
        buildAll(() -> dataSource("p.marker", "1.0.0")
                .source("p.marker.Source", dataSourceClass("p.marker", "\"marker\"", """
                        static {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        """.formatted(javaPath)))
                .build(root.resolve("marker.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = host.scan();
            assertEquals(Map.of("marker.jar", PluginStatus.OK), statuses(scanned));
            LayerGraph graph = host.graph();
            assertEquals(List.of("p.marker"), graph.layers().stream().map(LayerNode::plugin).toList());
            assertFalse(Files.exists(marker), "scan() or graph() ran the plugin's static initializer");

            Report loaded = host.load();
            assertEquals(Map.of("marker.jar", PluginStatus.LOADED), statuses(loaded));
            assertTrue(Files.exists(marker), "load() did not instantiate the provider");
        }
    }

    @Test
    void pluginRequiringAPluginGetsItsLayerAsParentAndUsesItsExportedPackage() {
        Path csvJar = dataSource("p.csv", "1.1.0")
                .exports("p.csv.format")
                .source("p.csv.format.Format", """
                        package p.csv.format;
                        public final class Format {
                            public static String describe(String what) { return "csv:" + what; }
                        }
                        """)
                .build(root.resolve("csv.jar"));
        dataSource("p.warehouse", "2.0.0")
                .requires("p.csv")
                .source("p.warehouse.Source",
                        dataSourceClass("p.warehouse", "p.csv.format.Format.describe(\"warehouse\")", ""))
                .modulePath(csvJar)
                .build(root.resolve("warehouse.jar"));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            LayerGraph graph = host.graph();
            assertEquals(List.of(), graph.diagnostics());
            assertEquals(List.of(
                    new LayerNode("p.csv", List.of(new ModuleSummary("p.csv", Optional.of("1.1.0"))),
                            List.of()),
                    new LayerNode("p.warehouse", List.of(new ModuleSummary("p.warehouse", Optional.of("2.0.0"))),
                            List.of("p.csv"))),
                    graph.layers());

            Report loaded = host.load();
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("csv.jar", PluginStatus.LOADED, "warehouse.jar", PluginStatus.LOADED),
                    statuses(loaded));
            assertEquals(List.of("p.csv", "p.warehouse"), liveIds(host));
            ModuleLayer csvLayer = host.layer("p.csv").orElseThrow();
            ModuleLayer warehouseLayer = host.layer("p.warehouse").orElseThrow();
            assertEquals(List.of(csvLayer, host.apiLayer()), warehouseLayer.parents());
            assertEquals(List.of(host.apiLayer()), csvLayer.parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.warehouse", "csv:warehouse"), namesByPlugin(host));
        }
    }

    @Test
    void twoPluginsBundlingDifferentVersionsOfOneLibraryEachUseTheirOwn() {
        Path first = root.resolve("matrix-one");
        Path second = root.resolve("matrix-two");
        List<Path> libraries = buildAll(
                () -> matrix("1.0.0").build(first.resolve("lib-matrix-1.0.0.jar")),
                () -> matrix("2.3.0").build(second.resolve("lib-matrix-2.3.0.jar")));
        buildAll(
                () -> matrixUser("p.mone", libraries.get(0)).build(first.resolve("p-mone.jar")),
                () -> matrixUser("p.mtwo", libraries.get(1)).build(second.resolve("p-mtwo.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report loaded = host.load();

            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("matrix-one", PluginStatus.LOADED, "matrix-two", PluginStatus.LOADED),
                    statuses(loaded));
            assertEquals(Map.of("p.mone", "lib.matrix 1.0.0", "p.mtwo", "lib.matrix 2.3.0"), namesByPlugin(host));
            Module one = host.layer("p.mone").orElseThrow().findModule("lib.matrix").orElseThrow();
            Module two = host.layer("p.mtwo").orElseThrow().findModule("lib.matrix").orElseThrow();
            assertEquals(Optional.of("1.0.0"), one.getDescriptor().rawVersion());
            assertEquals(Optional.of("2.3.0"), two.getDescriptor().rawVersion());
            assertNotSame(one.getClassLoader(), two.getClassLoader());
            assertEquals(List.of(new ModuleSummary("lib.matrix", Optional.of("1.0.0")),
                    new ModuleSummary("p.mone", Optional.of("1.0.0"))), ReportAssertions.rowOf(loaded,
                    "matrix-one").modules());
        }
    }

    @Test
    void loadingAgainReplacesTheLayersOfTheEarlierLoad() {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            ModuleLayer before = host.layer("p.sound").orElseThrow();
            Report again = host.load();

            assertEquals(Map.of("sound.jar", PluginStatus.LOADED), statuses(again));
            assertNotSame(before, host.layer("p.sound").orElseThrow());
            assertEquals(1, host.services(DataSource.class).size());
            assertEquals(List.of(), diagnosticsOf(again, "sound.jar"));
        }
    }

    @Test
    void closedHostDropsItsPluginsAndRefusesToScanAgain() {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
        host.load();
        assertEquals(1, host.services(DataSource.class).size());
        host.close();

        assertEquals(List.of(), host.services(DataSource.class));
        assertEquals(Optional.empty(), host.layer("p.sound"));
        assertThrows(IllegalStateException.class, host::scan);
        assertThrows(IllegalStateException.class, host::load);
    }

    private static Map<String, String> namesByPlugin(PluginHost host) {
        Map<String, String> names = new TreeMap<>();
        host.services(DataSource.class).forEach(s -> names.put(s.plugin(), s.service().name()));
        return names;
    }

    /** lib.matrix at {@code version}, whose {@code Matrix.version()} returns that version. */
    private static PluginJar.Builder matrix(String version) {
        return PluginJar.builder("lib.matrix")
                .version(version)
                .exports("lib.matrix")
                .source("lib.matrix.Matrix", """
                        package lib.matrix;
                        public final class Matrix {
                            public static String version() { return "%s"; }
                        }
                        """.formatted(version));
    }

    /** A plugin whose source's name() reports the lib.matrix version it runs with. */
    private static PluginJar.Builder matrixUser(String module, Path matrixJar) {
        return dataSource(module, "1.0.0")
                .requires("lib.matrix")
                .source(module + ".Source",
                        dataSourceClass(module, "\"lib.matrix \" + lib.matrix.Matrix.version()", ""))
                .modulePath(matrixJar);
    }
}
