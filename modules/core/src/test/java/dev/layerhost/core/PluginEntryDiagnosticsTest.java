package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.assertDiagnostic;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one entry of a plugin root holds on its own: unreadable archives, no provider, duplicates,
 * automatic modules, and the files a root may hold that are no plugin at all.
 */
class PluginEntryDiagnosticsTest {

    @TempDir
    Path root;

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
    }

    @Test
    void unreadableArchivesAreInvalidAndNameTheFileWhileOtherPluginsStayOk() throws IOException {
        buildAll(
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")),
                () -> dataSource("p.truncated", "1.0.0").build(root.resolve("truncated.jar")),
                () -> dataSource("p.badinfo", "1.0.0").build(root.resolve("badinfo.jar")),
                () -> dataSource("p.inner", "1.0.0").build(root.resolve("folder/p-inner.jar")));
        Path truncated = root.resolve("truncated.jar");
        Corruption.truncate(truncated, (int) (Files.size(truncated) / 2));
        Corruption.corruptModuleInfo(root.resolve("badinfo.jar"));
        Path text = Files.createFile(root.resolve("text.jar"));
        Corruption.overwriteWithText(text, "plain text, not a zip\n");
        Corruption.overwriteWithText(root.resolve("folder/p-inner.jar"), "also not a zip\n");

        try (PluginHost host = host()) {
            Report report = host.scan();

            for (String file : List.of("truncated.jar", "badinfo.jar", "text.jar")) {
                Diagnostic diagnostic = onlyDiagnosticOf(report, file);
                assertDiagnostic(diagnostic, DiagnosticCode.INVALID_ARCHIVE, Severity.ERROR, null, file,
                        Map.of("file", file));
                assertFalse(((String) diagnostic.details().get("reason")).isBlank(), "reason of " + file);
                assertTrue(diagnostic.message().contains(file), diagnostic.message());
            }
            // Inside a folder, the file is named with its folder.
            assertDiagnostic(onlyDiagnosticOf(report, "folder"), DiagnosticCode.INVALID_ARCHIVE, Severity.ERROR,
                    null, "folder", Map.of("file", "folder/p-inner.jar"));
            assertEquals(Map.of("badinfo.jar", PluginStatus.REJECTED, "folder", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK, "text.jar", PluginStatus.REJECTED,
                    "truncated.jar", PluginStatus.REJECTED), statuses(report));
            assertEquals(List.of(), diagnosticsOf(report, "sound.jar"));

            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, rowOf(loaded, "sound.jar").status());
            assertEquals(List.of("p.sound"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).toList());
        }
    }

    @Test
    void unreadableLibraryOfAPluginFolderNamesThePlugin() throws IOException {
        buildAll(() -> dataSource("p.withlib", "1.0.0").build(root.resolve("withlib/p-withlib.jar")));
        Corruption.overwriteWithText(Files.createFile(root.resolve("withlib/lib-broken.jar")), "not a zip\n");

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertDiagnostic(onlyDiagnosticOf(report, "withlib"), DiagnosticCode.INVALID_ARCHIVE, Severity.ERROR,
                    "p.withlib", "withlib", Map.of("file", "withlib/lib-broken.jar", "plugin", "p.withlib"));
            assertEquals(Map.of("withlib", PluginStatus.REJECTED), statuses(report));
        }
    }

    /**
     * javac compiles a module with a {@code java.*} package, but no class loader but the runtime's may
     * define one: the JDK refuses the plugin's layer, so the scan must refuse the plugin first.
     */
    @Test
    void pluginHoldingAJavaPackageIsAnInvalidArchiveFoundByScan() {
        buildAll(
                () -> dataSource("p.javapkg", "1.0.0").emptyClass("java.extra.Helper")
                        .build(root.resolve("javapkg.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            Diagnostic invalid = onlyDiagnosticOf(report, "javapkg.jar");
            assertDiagnostic(invalid, DiagnosticCode.INVALID_ARCHIVE, Severity.ERROR, null, "javapkg.jar",
                    Map.of("file", "javapkg.jar"));
            assertTrue(invalid.message().contains("java.extra"), invalid.message());
            assertEquals(Map.of("javapkg.jar", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK),
                    statuses(report));
            Report loaded = host.load();
            assertEquals(Map.of("javapkg.jar", PluginStatus.REJECTED, "sound.jar", PluginStatus.LOADED),
                    statuses(loaded));
            assertEquals(report.diagnostics(), loaded.diagnostics());
        }
    }

    @Test
    void moduleProvidingNoApiServiceHasNoProvider() {
        buildAll(
                () -> library("p.nothing", "1.0.0", "p.nothing.text").build(root.resolve("nothing.jar")),
                // A service of its own: a provides clause, but of no type the API layer exports.
                () -> PluginJar.builder("p.selfish")
                        .version("1.0.0")
                        .exports("p.selfish.spi")
                        .provides("p.selfish.spi.Hook", "p.selfish.HookImpl")
                        .source("p.selfish.spi.Hook", "package p.selfish.spi; public interface Hook { }")
                        .source("p.selfish.HookImpl",
                                "package p.selfish; public class HookImpl implements p.selfish.spi.Hook { }")
                        .build(root.resolve("selfish.jar")),
                () -> PluginJar.builder("p.runner")
                        .version("1.0.0")
                        .provides("java.lang.Runnable", "p.runner.Task")
                        .source("p.runner.Task", "package p.runner; public class Task implements Runnable {"
                                + " public void run() { } }")
                        .build(root.resolve("runner.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "nothing.jar"), DiagnosticCode.NO_PROVIDER, null, "nothing.jar",
                    Map.of("modules", List.of("p.nothing"), "apiModules", List.of("layerhost.api")));
            assertError(onlyDiagnosticOf(report, "selfish.jar"), DiagnosticCode.NO_PROVIDER, null, "selfish.jar",
                    Map.of("modules", List.of("p.selfish"), "apiModules", List.of("layerhost.api")));
            assertError(onlyDiagnosticOf(report, "runner.jar"), DiagnosticCode.NO_PROVIDER, null, "runner.jar",
                    Map.of("modules", List.of("p.runner"), "apiModules", List.of("layerhost.api")));
            assertEquals(Map.of("nothing.jar", PluginStatus.REJECTED, "runner.jar", PluginStatus.REJECTED,
                    "selfish.jar", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK), statuses(report));
        }
    }

    /**
     * A folder that bundles its own copy of {@code layerhost.api} (a fat-jar mistake): the plugin's layer
     * resolves that copy before the API layer's, so the plugin provides no service type of the API layer.
     */
    @Test
    void pluginReadingABundledCopyOfTheApiModuleHasNoProvider() {
        Path entry = root.resolve("bundled-api");
        buildAll(
                () -> PluginJar.builder("layerhost.api")
                        .version("0.0.1")
                        .exports("dev.layerhost.api")
                        .source("dev.layerhost.api.DataSource", """
                                package dev.layerhost.api;
                                public interface DataSource {
                                    String name();
                                    java.util.List<String> schemes();
                                    java.util.List<java.util.Map<String, Object>> read(String location, int limit);
                                }
                                """)
                        .build(entry.resolve("layerhost-api-copy.jar")),
                () -> dataSource("p.bundled", "1.0.0").build(entry.resolve("p-bundled.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "bundled-api"), DiagnosticCode.NO_PROVIDER, "p.bundled",
                    "bundled-api", Map.of("module", "layerhost.api", "service", PluginRootFixture.DATA_SOURCE,
                            "modules", List.of("p.bundled", "layerhost.api")));
            assertEquals(Map.of("bundled-api", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK),
                    statuses(report));
        }
    }

    @Test
    void samePluginInAJarAndAFolderRejectsBothAndEachDiagnosticNamesBothEntries() {
        buildAll(
                () -> dataSource("p.dup", "1.0.0").build(root.resolve("dup.jar")),
                () -> dataSource("p.dup", "1.1.0").build(root.resolve("dup-folder/p-dup-1.1.0.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            List<String> both = List.of("dup-folder", "dup.jar");
            for (String source : both) {
                assertError(onlyDiagnosticOf(report, source), DiagnosticCode.DUPLICATE_PLUGIN, "p.dup", source,
                        Map.of("sources", both, "module", "p.dup"));
            }
            assertEquals(Map.of("dup-folder", PluginStatus.REJECTED, "dup.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("dup-folder", PluginStatus.REJECTED, "dup.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.LOADED), statuses(loaded));
        }
    }

    @Test
    void twoJarsOfOneModuleInAFolderAreADuplicateModuleNamingBothFilesAndVersions() {
        Path entry = root.resolve("twice");
        buildAll(
                () -> library("lib.twice", "1.0.0", "lib.twice").build(entry.resolve("lib-twice-1.0.0.jar")),
                () -> library("lib.twice", "2.0.0", "lib.twice").build(entry.resolve("lib-twice-2.0.0.jar")),
                () -> dataSource("p.twice", "1.0.0").requires("lib.twice").build(entry.resolve("p-twice.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "twice"), DiagnosticCode.DUPLICATE_MODULE, "p.twice", "twice",
                    Map.of("module", "lib.twice",
                            "files", List.of("twice/lib-twice-1.0.0.jar", "twice/lib-twice-2.0.0.jar"),
                            "versions", List.of("1.0.0", "2.0.0")));
            assertEquals(Map.of("sound.jar", PluginStatus.OK, "twice", PluginStatus.REJECTED), statuses(report));
        }
    }

    @Test
    void nonModularJarProvidingAServiceIsAnAutomaticPluginWithAWarningAndLoads() {
        buildAll(() -> PluginJar.builder("legacy.csv")
                .automaticModuleName("legacy.csv")
                .version("0.9.0")
                .provides(PluginRootFixture.DATA_SOURCE, "legacy.csv.Source")
                .source("legacy.csv.Source", PluginRootFixture.dataSourceClass("legacy.csv", "\"legacy\"", ""))
                .modulePath(PluginRootFixture.apiJar())
                .build(root.resolve("legacy-csv.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertDiagnostic(onlyDiagnosticOf(report, "legacy-csv.jar"), DiagnosticCode.AUTOMATIC_MODULE,
                    Severity.WARNING, "legacy.csv", "legacy-csv.jar",
                    Map.of("module", "legacy.csv", "file", "legacy-csv.jar"));
            PluginReport row = rowOf(report, "legacy-csv.jar");
            assertEquals(PluginStatus.OK, row.status());
            assertEquals(Optional.of("legacy.csv"), row.id());
            assertEquals(List.of(PluginRootFixture.DATA_SOURCE), row.services());
            assertFalse(report.hasErrors());

            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, rowOf(loaded, "legacy-csv.jar").status());
            assertEquals(1, diagnosticsOf(loaded, "legacy-csv.jar").size());
            List<PluginService<DataSource>> services = host.services(DataSource.class);
            assertEquals(1, services.size());
            assertEquals("legacy.csv", services.get(0).plugin());
            assertEquals("legacy", services.get(0).service().name());
        }
    }

    @Test
    void nonModularLibraryInAPluginFolderIsAWarningAndThePluginUsesIt() {
        Path entry = root.resolve("with-legacy-lib");
        Path legacyJar = PluginJar.builder("legacy.util")
                .automatic()
                .source("legacy.util.Strings", """
                        package legacy.util;
                        public final class Strings {
                            public static String shout(String text) { return text.toUpperCase(); }
                        }
                        """)
                .build(entry.resolve("legacy-util-1.2.jar"));
        buildAll(() -> dataSource("p.modern", "1.0.0")
                .requires("legacy.util")
                .source("p.modern.Source", PluginRootFixture.dataSourceClass("p.modern",
                        "legacy.util.Strings.shout(\"modern\")", ""))
                .modulePath(legacyJar)
                .build(entry.resolve("p-modern.jar")));

        try (PluginHost host = host()) {
            Report report = host.scan();

            assertDiagnostic(onlyDiagnosticOf(report, "with-legacy-lib"), DiagnosticCode.AUTOMATIC_MODULE,
                    Severity.WARNING, "p.modern", "with-legacy-lib",
                    Map.of("module", "legacy.util", "file", "with-legacy-lib/legacy-util-1.2.jar"));
            assertEquals(Map.of("with-legacy-lib", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("with-legacy-lib", PluginStatus.LOADED), statuses(loaded));
            assertEquals(List.of(new ModuleSummary("legacy.util", Optional.of("1.2")),
                    new ModuleSummary("p.modern", Optional.of("1.0.0"))), rowOf(loaded, "with-legacy-lib").modules());
            assertEquals("MODERN", host.services(DataSource.class).get(0).service().name());
        }
    }

    @Test
    void filesThatAreNoPluginCandidatesAreIgnoredWithoutDiagnostics() throws IOException {
        Files.writeString(root.resolve("README.txt"), "not a plugin");
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/notes.txt"), "just notes");
        Path hidden = Files.createFile(root.resolve(".x.jar"));
        Corruption.overwriteWithText(hidden, "a hidden corrupt jar");
        Files.createDirectories(root.resolve(".cache"));
        Files.writeString(root.resolve(".cache/stale.jar"), "hidden folder, corrupt jar");
        Files.createSymbolicLink(root.resolve("dangling.jar"), root.resolve("nowhere.jar"));
        Files.createDirectories(root.resolve("folder-with-hidden"));
        Files.writeString(root.resolve("folder-with-hidden/.partial.jar"), "half written");

        try (PluginHost host = host()) {
            assertEquals(new Report(List.of(), List.of()), host.scan());
            assertEquals(new Report(List.of(), List.of()), host.load());
            LayerGraph graph = host.graph();
            assertEquals(List.of(), graph.layers());
            assertEquals(List.of(), graph.diagnostics());
        }
    }

    @Test
    void missingPluginRootIsASetupErrorNamingThePath() {
        Path missing = root.resolve("no-such-root");
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(missing).build()) {
            HostSetupException scan = assertThrows(HostSetupException.class, host::scan);
            assertEquals(missing, scan.path());
            assertTrue(scan.getMessage().contains(missing.toString()), scan.getMessage());
            assertEquals(missing, assertThrows(HostSetupException.class, host::graph).path());
            assertEquals(missing, assertThrows(HostSetupException.class, host::load).path());
        }
    }

    @Test
    void pluginRootThatIsAFileIsASetupErrorNamingThePath() throws IOException {
        Path file = Files.writeString(root.resolve("plugins.txt"), "not a folder");
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(file).build()) {
            HostSetupException scan = assertThrows(HostSetupException.class, host::scan);
            assertEquals(file, scan.path());
            assertTrue(scan.getMessage().contains(file.toString()), scan.getMessage());
        }
    }
}
