package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReloadApiTest.csv;
import static dev.layerhost.core.ReloadApiTest.describe;
import static dev.layerhost.core.ReloadApiTest.namesByPlugin;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optional plugin-on-plugin dependencies ({@code requires static} of another plugin's id, issue 11), with
 * real jars: a sound plugin so required is a parent, and its code is called; one that is absent, rejected
 * or disabled is done without, as the JDK resolves a {@code requires static} of a module it does not find,
 * with no diagnostic; and the live host rebuilds the dependent when the optional plugin comes or goes.
 *
 * <p>The dependent {@code p.report} calls {@code p.csv.format.Format} if its module reads {@code p.csv},
 * and says "report alone" otherwise (the usual guard of an optional dependency).
 */
class OptionalDependencyTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration COLLECTION_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    private Path root;
    private Path staging;

    @BeforeEach
    void createFolders() throws IOException {
        root = Files.createDirectories(workspace.resolve("plugins"));
        staging = Files.createDirectories(workspace.resolve("staging"));
    }

    @Test
    void aSoundPluginRequiredStaticIsAParentAndItsCodeIsCalled() {
        buildReportOn(csv("1.1.0", "csv").build(root.resolve("csv.jar")));
        try (PluginHost host = host(Set.of())) {
            assertEquals(List.of(), host.scan().diagnostics());
            assertEquals(Map.of("p.csv", List.of(), "p.report", List.of("p.csv")), parents(host.graph()));

            Report loaded = host.load();

            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv:report"), namesByPlugin(host));
            ModuleLayer report = host.layer("p.report").orElseThrow();
            ModuleLayer csv = host.layer("p.csv").orElseThrow();
            assertEquals(List.of(csv, host.apiLayer()), report.parents());
            assertTrue(report.findModule("p.report").orElseThrow().canRead(csv.findModule("p.csv").orElseThrow()));
        }
    }

    @Test
    void anAbsentOptionalPluginIsDoneWithoutAndSaysNothing() {
        buildReportOn(csv("1.1.0", "csv").build(staging.resolve("csv.jar")));
        try (PluginHost host = host(Set.of())) {
            assertEquals(Map.of("p.report", List.of()), parents(host.graph()));

            Report loaded = host.load();

            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("report.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
            assertEquals(List.of(host.apiLayer()), host.layer("p.report").orElseThrow().parents());
        }
    }

    @Test
    void aRejectedOptionalPluginIsDoneWithoutAndOnlyItsOwnProblemIsReported() {
        Path compiledAgainst = csv("1.1.0", "csv").build(staging.resolve("csv.jar"));
        buildAll(() -> csv("1.1.0", "csv").requires("lib.nowhere").build(root.resolve("csv.jar")),
                () -> report(compiledAgainst).build(root.resolve("report.jar")));
        try (PluginHost host = host(Set.of())) {
            Report loaded = host.load();

            assertEquals(Map.of("csv.jar", PluginStatus.REJECTED, "report.jar", PluginStatus.LOADED), statuses(loaded));
            assertError(onlyDiagnosticOf(loaded, "csv.jar"), DiagnosticCode.MISSING_DEPENDENCY, "p.csv", "csv.jar",
                    Map.of("module", "lib.nowhere"));
            assertEquals(List.of(), diagnosticsOf(loaded, "report.jar"));
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
            assertEquals(Map.of("p.report", List.of()), parents(host.graph()));
        }
    }

    @Test
    void aDisabledOptionalPluginIsDoneWithout() {
        buildReportOn(csv("1.1.0", "csv").build(root.resolve("csv.jar")));
        try (PluginHost host = host(Set.of("p.csv"))) {
            Report loaded = host.load();

            assertEquals(Map.of("csv.jar", PluginStatus.DISABLED, "report.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
        }
    }

    @Test
    void anOptionalPluginWhoseProviderFailsIsDoneWithoutUntilItServes() throws IOException {
        Path csvJar = csv("1.1.0", "csv").build(staging.resolve("csv.jar"));
        buildAll(() -> csv("1.1.0", "csv")
                        .source("p.csv.Source", dataSourceClass("p.csv", "\"p.csv\"",
                                "public Source() { throw new IllegalStateException(\"no csv today\"); }"))
                        .build(root.resolve("csv.jar")),
                () -> report(csvJar).build(root.resolve("report.jar")));
        try (PluginHost host = host(Set.of())) {
            Report loaded = host.load();

            assertEquals(Map.of("csv.jar", PluginStatus.FAILED, "report.jar", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of(), diagnosticsOf(loaded, "report.jar"));
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));

            Files.copy(csvJar, root.resolve("csv.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertEquals(List.of("LOADED p.csv 1.1.0", "RELOADED p.report 1.0.0"), describe(host.reload("p.csv")));
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv:report"), namesByPlugin(host));
        }
    }

    @Test
    void whatTheOptionalParentBringsCanConflictAsWithRequires() {
        buildAll(() -> csv("1.1.0", "csv").build(root.resolve("csv.jar")),
                // its own package p.csv.format, which p.csv exports to every module that reads it
                () -> dataSource("p.report", "1.0.0").requiresStatic("p.csv").emptyClass("p.csv.format.Local")
                        .build(root.resolve("report.jar")));
        try (PluginHost host = host(Set.of())) {
            Report scanned = host.scan();

            assertEquals(Map.of("csv.jar", PluginStatus.OK, "report.jar", PluginStatus.REJECTED), statuses(scanned));
            assertError(onlyDiagnosticOf(scanned, "report.jar"), DiagnosticCode.SPLIT_PACKAGE, "p.report",
                    "report.jar", Map.of("package", "p.csv.format"));
        }
    }

    @Test
    void anOptionalEdgeThatClosesACycleIsIgnoredAndACycleOfRequiresStaysACycle() {
        buildAll(
                // p.a requires static p.b, p.b requires p.a: p.b stands on p.a, p.a does without p.b
                () -> dataSource("p.a", "1.0.0").requiresStatic("p.b").build(root.resolve("a.jar")),
                () -> dataSource("p.b", "1.0.0").requires("p.a").build(root.resolve("b.jar")),
                // each requires the other static: neither is the other's parent
                () -> dataSource("p.c", "1.0.0").requiresStatic("p.d").build(root.resolve("c.jar")),
                () -> dataSource("p.d", "1.0.0").requiresStatic("p.c").build(root.resolve("d.jar")),
                // requires alone: a cycle, as ever
                () -> dataSource("p.e", "1.0.0").requires("p.f").build(root.resolve("e.jar")),
                () -> dataSource("p.f", "1.0.0").requires("p.e").build(root.resolve("f.jar")));
        try (PluginHost host = host(Set.of())) {
            LayerGraph graph = host.graph();

            assertEquals(Map.of("p.a", List.of(), "p.b", List.of("p.a"), "p.c", List.of(), "p.d", List.of()),
                    parents(graph));
            Report loaded = host.load();
            assertEquals(Map.of("a.jar", PluginStatus.LOADED, "b.jar", PluginStatus.LOADED,
                    "c.jar", PluginStatus.LOADED, "d.jar", PluginStatus.LOADED,
                    "e.jar", PluginStatus.REJECTED, "f.jar", PluginStatus.REJECTED), statuses(loaded));
            assertEquals(List.of(DiagnosticCode.DEPENDENCY_CYCLE),
                    diagnosticsOf(loaded, "e.jar").stream().map(Diagnostic::code).toList());
        }
    }

    @Test
    void reloadingTheOptionalParentReloadsTheDependentAfterIt() {
        buildReportOn(csv("1.1.0", "csv").build(root.resolve("csv.jar")));
        try (PluginHost host = host(Set.of())) {
            host.load();
            ModuleLayer oldCsv = host.layer("p.csv").orElseThrow();

            List<PluginEvent> events = host.reload("p.csv");

            assertEquals(List.of("RELOADED p.csv 1.1.0", "RELOADED p.report 1.0.0"), describe(events));
            ModuleLayer csv = host.layer("p.csv").orElseThrow();
            assertTrue(csv != oldCsv, "p.csv was not rebuilt");
            assertEquals(List.of(csv, host.apiLayer()), host.layer("p.report").orElseThrow().parents());
        }
    }

    @Test
    void whenTheOptionalParentsNewFilesAreRejectedTheDependentKeepsItsLayerOnTheOldVersionUntilTheyAreFixed()
            throws IOException {
        buildReportOn(csv("1.1.0", "csv").build(root.resolve("csv.jar")));
        buildAll(() -> csv("1.2.0", "csv").requires("lib.nowhere").build(staging.resolve("csv-broken.jar")),
                () -> csv("1.2.0", "csv2").build(staging.resolve("csv-fixed.jar")));
        try (PluginHost host = host(Set.of())) {
            host.load();
            ModuleLayer oldCsv = host.layer("p.csv").orElseThrow();
            ModuleLayer report = host.layer("p.report").orElseThrow();

            Files.copy(staging.resolve("csv-broken.jar"), root.resolve("csv.jar"), StandardCopyOption.REPLACE_EXISTING);
            List<PluginEvent> rejected = host.reload("p.csv");

            // a rejected update changes nothing that is live: p.report stays on the p.csv that still serves
            assertEquals(List.of("REJECTED p.csv 1.2.0"), describe(rejected));
            assertEquals(java.util.Optional.of("1.1.0"), host.liveVersion("p.csv"));
            assertSame(report, host.layer("p.report").orElseThrow());
            assertEquals(List.of(oldCsv, host.apiLayer()), report.parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv:report"), namesByPlugin(host));

            Files.copy(staging.resolve("csv-fixed.jar"), root.resolve("csv.jar"), StandardCopyOption.REPLACE_EXISTING);
            List<PluginEvent> fixed = host.reload("p.csv");

            assertEquals(List.of("RELOADED p.csv 1.2.0", "RELOADED p.report 1.0.0"), describe(fixed));
            ModuleLayer csv = host.layer("p.csv").orElseThrow();
            assertEquals(List.of(csv, host.apiLayer()), host.layer("p.report").orElseThrow().parents());
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv2:report"), namesByPlugin(host));
        }
    }

    @Test
    void unloadingTheOptionalParentRebuildsTheDependentWithoutItAndLetsTheParentGo() {
        buildReportOn(csv("1.1.0", "csv").build(root.resolve("csv.jar")));
        try (PluginHost host = host(Set.of())) {
            host.load();
            WeakReference<ClassLoader> oldCsv = Reachability.loaderOf(host, "p.csv", "p.csv");

            List<PluginEvent> unloaded = host.unload("p.csv");

            assertEquals(List.of("UNLOADED p.csv 1.1.0", "RELOADED p.report 1.0.0"), describe(unloaded));
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
            assertEquals(List.of(host.apiLayer()), host.layer("p.report").orElseThrow().parents());
            assertTrue(Reachability.collectUntil(() -> oldCsv.refersTo(null), COLLECTION_BOUND),
                    "the unloaded optional parent's class loader is still reachable");

            assertEquals(List.of("LOADED p.csv 1.1.0", "RELOADED p.report 1.0.0"), describe(host.reload("p.csv")));
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv:report"), namesByPlugin(host));
        }
    }

    @Test
    void whenTheOptionalParentsLazyProviderFailsTheDependentIsRebuiltWithoutIt() {
        Path csvJar = csv("1.1.0", "csv").build(staging.resolve("csv.jar"));
        buildAll(() -> csv("1.1.0", "csv")
                        .source("p.csv.Source", dataSourceClass("p.csv", "\"p.csv\"",
                                "public Source() { throw new IllegalStateException(\"no csv today\"); }"))
                        .build(root.resolve("csv.jar")),
                () -> report(csvJar).build(root.resolve("report.jar")));
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .workDirectory(workspace.resolve("work")).lazyProviders(true).build()) {
            assertEquals(Map.of("csv.jar", PluginStatus.LOADED, "report.jar", PluginStatus.LOADED),
                    statuses(host.load()));
            host.addListener(events::add);

            host.services(DataSource.class);

            assertEquals(List.of("FAILED p.csv 1.1.0", "RELOADED p.report 1.0.0"), describe(events));
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
            assertEquals(List.of(host.apiLayer()), host.layer("p.report").orElseThrow().parents());
        }
    }

    @Test
    void whileWatchedTheDependentIsRebuiltWithoutTheOptionalParentThatWentAndWithItWhenItComesBack()
            throws IOException {
        Path csvJar = csv("1.1.0", "csv").build(staging.resolve("csv.jar"));
        report(csvJar).build(root.resolve("report.jar"));
        Files.copy(csvJar, root.resolve("csv.jar"));
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .workDirectory(workspace.resolve("work")).quietPeriod(QUIET).pollInterval(POLL).build()) {
            host.addListener(recorder);
            assertEquals(List.of(), host.load().diagnostics());
            recorder.drain();
            host.watch();
            WeakReference<ClassLoader> oldCsv = Reachability.loaderOf(host, "p.csv", "p.csv");

            Files.delete(root.resolve("csv.jar"));

            recorder.next(PluginEvent.Kind.UNLOADED, "p.csv");
            recorder.next(PluginEvent.Kind.RELOADED, "p.report");
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
            assertEquals(List.of(host.apiLayer()), host.layer("p.report").orElseThrow().parents());
            assertTrue(Reachability.collectUntil(() -> oldCsv.refersTo(null), COLLECTION_BOUND),
                    "the removed optional parent's class loader is still reachable");

            Files.copy(csvJar, root.resolve("csv.jar"));

            recorder.next(PluginEvent.Kind.LOADED, "p.csv");
            recorder.next(PluginEvent.Kind.RELOADED, "p.report");
            assertEquals(Map.of("p.csv", "p.csv", "p.report", "csv:report"), namesByPlugin(host));

            Files.writeString(root.resolve("disabled.txt"), "p.csv\n");

            recorder.next(PluginEvent.Kind.UNLOADED, "p.csv");
            recorder.next(PluginEvent.Kind.RELOADED, "p.report");
            assertEquals(Map.of("p.report", "report alone"), namesByPlugin(host));
        }
    }

    private PluginHost host(Set<String> disabled) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .workDirectory(workspace.resolve("work")).disabledPlugins(disabled).build();
    }

    /** Builds {@code report.jar} in the root, compiled against {@code csvJar}. */
    private void buildReportOn(Path csvJar) {
        report(csvJar).build(root.resolve("report.jar"));
    }

    /** p.report 1.0.0, which requires static p.csv and calls its {@code Format} when it reads p.csv. */
    private static PluginJar.Builder report(Path csvJar) {
        return dataSource("p.report", "1.0.0")
                .requiresStatic("p.csv")
                .source("p.report.Source", dataSourceClass("p.report", "describe()", """
                        private static String describe() {
                            Module csv = Source.class.getModule().getLayer().findModule("p.csv").orElse(null);
                            return csv != null && Source.class.getModule().canRead(csv)
                                    ? p.csv.format.Format.describe("report") : "report alone";
                        }
                        """))
                .modulePath(csvJar);
    }

    /** Each layer's parents by plugin id. */
    private static Map<String, List<String>> parents(LayerGraph graph) {
        Map<String, List<String>> parents = new TreeMap<>();
        graph.layers().forEach(layer -> parents.put(layer.plugin(), layer.parents()));
        return parents;
    }
}
