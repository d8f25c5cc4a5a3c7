package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.api.Exporter;
import dev.layerhost.pluginbuilder.PluginJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Policy#withAllowedServices}: with an allow-list, a plugin whose layer provides an API service
 * type not on it is {@code FORBIDDEN_SERVICE}, from its own module or from a library of its folder, with
 * the same verdict in a scan, the graph, a load and the watcher; its dependents are
 * {@code DEPENDENCY_REJECTED}; the other plugins are unaffected.
 */
class ServiceAllowListTest {

    private static final String EXPORTER = Exporter.class.getName();
    private static final Policy DATA_SOURCES_ONLY = Policy.permissive().withAllowedServices(Set.of(DATA_SOURCE));

    @TempDir
    Path root;

    @TempDir
    Path staging;

    /** An exporter class {@code pkg.Csv}, source text. */
    private static String exporterClass(String pkg) {
        return """
                package %s;

                public class Csv implements dev.layerhost.api.Exporter {
                    public String format() { return "csv"; }
                    public String export(java.util.List<java.util.Map<String, Object>> records) { return ""; }
                }
                """.formatted(pkg);
    }

    /** Plugin {@code module}: a data source that also provides an exporter. */
    private static PluginJar.Builder dataSourceAndExporter(String module) {
        return dataSource(module, "1.0.0").provides(EXPORTER, module + ".Csv").source(module + ".Csv", exporterClass(module));
    }

    private PluginHost host(Policy policy) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).policy(policy).build();
    }

    @Test
    void pluginProvidingAServiceOutsideTheAllowListIsForbiddenInScanGraphAndLoad() {
        buildAll(
                () -> dataSourceAndExporter("p.mixed").build(root.resolve("mixed.jar")),
                () -> dataSource("p.plain", "1.0.0").build(root.resolve("plain.jar")));

        try (PluginHost host = host(DATA_SOURCES_ONLY)) {
            Report scan = host.scan();
            assertError(onlyDiagnosticOf(scan, "mixed.jar"), DiagnosticCode.FORBIDDEN_SERVICE, "p.mixed", "mixed.jar",
                    Map.of("module", "p.mixed", "services", List.of(EXPORTER), "allowed", List.of(DATA_SOURCE),
                            "file", "mixed.jar", "plugin", "p.mixed"));
            assertEquals(Map.of("mixed.jar", PluginStatus.REJECTED, "plain.jar", PluginStatus.OK), statuses(scan));

            LayerGraph graph = host.graph();
            assertEquals(List.of("p.plain"), graph.layers().stream().map(LayerNode::plugin).toList());
            assertEquals(scan.diagnostics(), graph.diagnostics());

            Report load = host.load();
            assertEquals(Map.of("mixed.jar", PluginStatus.REJECTED, "plain.jar", PluginStatus.LOADED), statuses(load));
            assertEquals(scan.diagnostics(), load.diagnostics());
            assertEquals(List.of("p.plain"), host.services(DataSource.class).stream().map(PluginService::plugin).toList());
        }
        // Allowing the exporter too, or no allow-list at all, the same plugin is sound: the rejection is the policy's.
        for (Policy policy : List.of(Policy.permissive(), Policy.permissive().withAllowedServices(Set.of(DATA_SOURCE, EXPORTER)))) {
            try (PluginHost host = host(policy)) {
                assertEquals(Map.of("mixed.jar", PluginStatus.LOADED, "plain.jar", PluginStatus.LOADED),
                        statuses(host.load()), policy::toString);
            }
        }
    }

    @Test
    void aLibraryOfTheFolderProvidingAnApiServiceCountsAsThePlugins() throws Exception {
        Path folder = Files.createDirectories(root.resolve("folder"));
        buildAll(
                () -> dataSource("p.folder", "1.0.0").requires("lib.export").build(folder.resolve("p-folder.jar")),
                () -> PluginJar.builder("lib.export").version("1.0.0").requires("layerhost.api")
                        .provides(EXPORTER, "lib.export.Csv").source("lib.export.Csv", exporterClass("lib.export"))
                        .modulePath(PluginRootFixture.apiJar()).build(folder.resolve("lib-export.jar")));

        // Why the library counts: ServiceLoader finds its exporter in the plugin's layer.
        try (PluginHost host = host(Policy.permissive())) {
            assertEquals(Map.of("folder", PluginStatus.LOADED), statuses(host.load()));
            ModuleLayer layer = host.layer("p.folder").orElseThrow();
            assertEquals(List.of("lib.export.Csv"), ServiceLoader.load(layer, Exporter.class).stream()
                    .map(provider -> provider.type().getName()).toList());
        }
        try (PluginHost host = host(DATA_SOURCES_ONLY)) {
            Report scan = host.scan();
            assertError(onlyDiagnosticOf(scan, "folder"), DiagnosticCode.FORBIDDEN_SERVICE, "p.folder", "folder",
                    Map.of("module", "lib.export", "services", List.of(EXPORTER), "file", "folder/lib-export.jar"));
            assertEquals(Map.of("folder", PluginStatus.REJECTED), statuses(host.load()));
            assertTrue(host.layer("p.folder").isEmpty());
        }
    }

    /** "A plugin may provide only these service types": a service type of no API module counts too. */
    @Test
    void aProviderOfAServiceTypeOutsideTheApiIsForbiddenToo() throws Exception {
        Path folder = Files.createDirectories(root.resolve("folder"));
        Path spi = PluginJar.builder("lib.spi").version("1.0.0").exports("lib.spi")
                .source("lib.spi.Hook", "package lib.spi; public interface Hook { }")
                .build(folder.resolve("lib-spi.jar"));
        buildAll(() -> dataSource("p.hooked", "1.0.0").requires("lib.spi").provides("lib.spi.Hook", "p.hooked.MyHook")
                .source("p.hooked.MyHook", "package p.hooked; public class MyHook implements lib.spi.Hook { }")
                .modulePath(spi).build(folder.resolve("p-hooked.jar")));
        try (PluginHost host = host(Policy.permissive())) {
            assertEquals(Map.of("folder", PluginStatus.OK), statuses(host.scan()));
        }
        try (PluginHost host = host(DATA_SOURCES_ONLY)) {
            Report scan = host.scan();
            assertError(onlyDiagnosticOf(scan, "folder"), DiagnosticCode.FORBIDDEN_SERVICE, "p.hooked", "folder",
                    Map.of("module", "p.hooked", "services", List.of("lib.spi.Hook"), "file", "folder/p-hooked.jar"));
            assertEquals(Map.of("folder", PluginStatus.REJECTED), statuses(host.load()));
        }
    }

    @Test
    void thePolicyKeepsItsAllowListWhateverIsAddedAfterIt() {
        Policy policy = Policy.denying(Set.of("java.sql")).withAllowedServices(Set.of(DATA_SOURCE))
                .withSignatures(SignatureMode.WARN, Set.of());

        assertEquals(Set.of(DATA_SOURCE), policy.allowedServices());
        assertEquals(Set.of("java.sql"), policy.deniedModules());
        assertTrue(policy.allowsService(DATA_SOURCE));
        assertFalse(policy.allowsService(EXPORTER));
        assertTrue(Policy.permissive().allowsService(EXPORTER), "no allow-list allows every service type");
    }

    @Test
    void dependentsOfAForbiddenPluginAreDependencyRejected() {
        buildAll(
                () -> dataSourceAndExporter("p.base").exports("p.base").build(root.resolve("base.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.base").build(root.resolve("user.jar")));

        try (PluginHost host = host(DATA_SOURCES_ONLY)) {
            Report report = host.load();

            assertEquals(Map.of("base.jar", PluginStatus.REJECTED, "user.jar", PluginStatus.REJECTED), statuses(report));
            assertError(onlyDiagnosticOf(report, "base.jar"), DiagnosticCode.FORBIDDEN_SERVICE, "p.base", "base.jar",
                    Map.of("services", List.of(EXPORTER)));
            assertEquals(List.of(DiagnosticCode.DEPENDENCY_REJECTED),
                    diagnosticsOf(report, "user.jar").stream().map(Diagnostic::code).toList());
        }
    }

    @Test
    void theWatcherRejectsAForbiddenPluginThatArrives() throws Exception {
        dataSource("p.plain", "1.0.0").build(root.resolve("plain.jar"));
        Path mixed = dataSourceAndExporter("p.mixed").build(staging.resolve("mixed.jar"));
        EventRecorder recorder = new EventRecorder();

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .policy(DATA_SOURCES_ONLY).quietPeriod(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(50)).build()) {
            host.addListener(recorder);
            host.load();
            recorder.next(PluginEvent.Kind.LOADED, "p.plain");
            host.watch();
            Files.move(mixed, root.resolve("mixed.jar"));

            PluginEvent rejected = recorder.next(PluginEvent.Kind.REJECTED, "p.mixed");
            assertEquals(List.of(DiagnosticCode.FORBIDDEN_SERVICE), rejected.diagnostics().stream().map(Diagnostic::code).toList());
            assertEquals(List.of("p.plain"), ReportAssertions.liveIds(host));
        }
    }
}
