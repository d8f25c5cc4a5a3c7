package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.DiagnosticCode.AUTOMATIC_MODULE;
import static dev.layerhost.core.DiagnosticCode.DEPENDENCY_CYCLE;
import static dev.layerhost.core.DiagnosticCode.DEPENDENCY_REJECTED;
import static dev.layerhost.core.DiagnosticCode.DUPLICATE_MODULE;
import static dev.layerhost.core.DiagnosticCode.DUPLICATE_PLUGIN;
import static dev.layerhost.core.DiagnosticCode.FORBIDDEN_MODULE;
import static dev.layerhost.core.DiagnosticCode.INVALID_ARCHIVE;
import static dev.layerhost.core.DiagnosticCode.MISSING_DEPENDENCY;
import static dev.layerhost.core.DiagnosticCode.NO_PROVIDER;
import static dev.layerhost.core.DiagnosticCode.PROVIDER_FAILED;
import static dev.layerhost.core.DiagnosticCode.SPLIT_PACKAGE;
import static dev.layerhost.core.DiagnosticCode.VERSION_CONFLICT;
import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.PluginRootFixture.library;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One root holding a plugin for every kind of problem, and sound plugins that must not notice. */
class PluginIsolationTest {

    private static final Policy DENY_SQL = Policy.denying(Set.of("java.sql"));

    @TempDir
    Path root;

    @Test
    void everyBrokenPluginIsRejectedAloneAndSoundPluginsLoadWithStableSortedDiagnostics() throws IOException {
        buildRoot();
        Map<String, List<DiagnosticCode>> scanCodes = new TreeMap<>(Map.ofEntries(
                Map.entry("alpha.jar", List.of()),
                Map.entry("beta", List.of()),
                Map.entry("legacy.jar", List.of(AUTOMATIC_MODULE)),
                Map.entry("exploding.jar", List.of()),
                Map.entry("truncated.jar", List.of(INVALID_ARCHIVE)),
                Map.entry("not-a-zip.jar", List.of(INVALID_ARCHIVE)),
                Map.entry("no-provider.jar", List.of(NO_PROVIDER)),
                Map.entry("dup-a.jar", List.of(DUPLICATE_PLUGIN)),
                Map.entry("dup-b", List.of(DUPLICATE_PLUGIN)),
                Map.entry("duplicate-module", List.of(DUPLICATE_MODULE)),
                Map.entry("needy.jar", List.of(MISSING_DEPENDENCY)),
                Map.entry("split", List.of(SPLIT_PACKAGE)),
                Map.entry("major", List.of(VERSION_CONFLICT)),
                Map.entry("cycle-a.jar", List.of(DEPENDENCY_CYCLE)),
                Map.entry("cycle-b.jar", List.of(DEPENDENCY_CYCLE)),
                Map.entry("on-rejected.jar", List.of(DEPENDENCY_REJECTED)),
                Map.entry("sql.jar", List.of(FORBIDDEN_MODULE))));
        Set<String> sound = Set.of("alpha.jar", "beta", "legacy.jar", "exploding.jar");

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).policy(DENY_SQL).build()) {
            Report scan = host.scan();

            assertEquals(scanCodes, codesBySource(scan));
            for (PluginReport row : scan.plugins()) {
                PluginStatus expected = sound.contains(row.source()) ? PluginStatus.OK : PluginStatus.REJECTED;
                assertEquals(expected, row.status(), row.source());
            }
            assertEquals(scan.diagnostics().stream().sorted(Diagnostic.ORDER).toList(), scan.diagnostics());
            assertEquals(scan, host.scan());
            try (PluginHost other = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).policy(DENY_SQL).build()) {
                assertEquals(scan, other.scan());
            }

            Report load = host.load();

            Map<String, List<DiagnosticCode>> loadCodes = new TreeMap<>(scanCodes);
            loadCodes.put("exploding.jar", List.of(PROVIDER_FAILED));
            assertEquals(loadCodes, codesBySource(load));
            for (PluginReport row : load.plugins()) {
                PluginStatus expected = row.source().equals("exploding.jar") ? PluginStatus.FAILED
                        : sound.contains(row.source()) ? PluginStatus.LOADED : PluginStatus.REJECTED;
                assertEquals(expected, row.status(), row.source());
            }
            assertEquals(load.diagnostics().stream().sorted(Diagnostic.ORDER).toList(), load.diagnostics());
            assertEquals(List.of("legacy.source", "p.alpha", "p.beta"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).sorted().toList());
            assertEquals(load, host.load());
        }
    }

    private static Map<String, List<DiagnosticCode>> codesBySource(Report report) {
        Map<String, List<DiagnosticCode>> codes = new TreeMap<>();
        report.plugins().forEach(row -> codes.put(row.source(), List.of()));
        for (Diagnostic diagnostic : report.diagnostics()) {
            codes.merge(diagnostic.source(), List.of(diagnostic.code()),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).sorted().toList());
        }
        return codes;
    }

    private void buildRoot() throws IOException {
        buildAll(
                // Sound: a plugin jar, and a folder with a private library.
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> library("lib.helper", "1.0.0", "lib.helper").build(root.resolve("beta/lib-helper.jar")),
                () -> dataSource("p.beta", "1.0.0").requires("lib.helper").build(root.resolve("beta/p-beta.jar")),
                // Sound, with a warning.
                () -> PluginJar.builder("legacy.source").automaticModuleName("legacy.source")
                        .provides(DATA_SOURCE, "legacy.source.Source")
                        .source("legacy.source.Source", dataSourceClass("legacy.source", "\"legacy\"", ""))
                        .modulePath(PluginRootFixture.apiJar())
                        .build(root.resolve("legacy.jar")),
                // Sound until its code runs.
                () -> dataSource("p.exploding", "1.0.0")
                        .source("p.exploding.Source", dataSourceClass("p.exploding", "\"x\"",
                                "public Source() { throw new IllegalStateException(\"exploded\"); }"))
                        .build(root.resolve("exploding.jar")),
                () -> dataSource("p.truncated", "1.0.0").build(root.resolve("truncated.jar")),
                () -> library("p.noprovider", "1.0.0", "p.noprovider").build(root.resolve("no-provider.jar")),
                () -> dataSource("p.dup", "1.0.0").build(root.resolve("dup-a.jar")),
                () -> dataSource("p.dup", "1.1.0").build(root.resolve("dup-b/p-dup.jar")),
                () -> library("lib.twice", "1.0.0", "lib.twice").build(root.resolve("duplicate-module/twice-1.jar")),
                () -> library("lib.twice", "1.1.0", "lib.twice").build(root.resolve("duplicate-module/twice-2.jar")),
                () -> dataSource("p.twice", "1.0.0").requires("lib.twice")
                        .build(root.resolve("duplicate-module/p-twice.jar")),
                () -> dataSource("p.needy", "1.0.0").requires("lib.nowhere").build(root.resolve("needy.jar")),
                () -> library("lib.split", "1.0.0", "shared.util").build(root.resolve("split/lib-split.jar")),
                () -> dataSource("p.split", "1.0.0").requires("lib.split").emptyClass("shared.util.Strings")
                        .build(root.resolve("split/p-split.jar")),
                () -> library("lib.codec", "2.0.0", "lib.codec").build(root.resolve("major/lib-codec.jar")),
                () -> dataSource("p.major", "1.0.0").requires("lib.codec").compiledAgainst("lib.codec", "1.4.0")
                        .build(root.resolve("major/p-major.jar")),
                () -> dataSource("p.cyca", "1.0.0").requires("p.cycb").build(root.resolve("cycle-a.jar")),
                () -> dataSource("p.cycb", "1.0.0").requires("p.cyca").build(root.resolve("cycle-b.jar")),
                () -> dataSource("p.onrejected", "1.0.0").requires("p.needy").build(root.resolve("on-rejected.jar")),
                () -> dataSource("p.sql", "1.0.0").requires("java.sql").build(root.resolve("sql.jar")));
        Path truncated = root.resolve("truncated.jar");
        Corruption.truncate(truncated, (int) (Files.size(truncated) / 2));
        Corruption.overwriteWithText(Files.createFile(root.resolve("not-a-zip.jar")), "plain text\n");
        Files.writeString(root.resolve("README.txt"), "not a plugin");
        Files.createDirectories(root.resolve("empty"));
    }
}
