package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.library;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How plugins depend on modules and on each other: missing, private, cyclic, rejected and denied dependencies. */
class PluginDependencyDiagnosticsTest {

    @TempDir
    Path root;

    @Test
    void requiredModuleThatIsNowhereIsAMissingDependencyNamingModuleAndRequirer() {
        buildAll(
                () -> dataSource("p.needy", "1.0.0").requires("lib.nowhere").build(root.resolve("needy.jar")),
                // The missing module is required by a library of the entry, not by the plugin itself.
                () -> library("lib.middle", "1.0.0", "lib.middle").requires("lib.absent")
                        .build(root.resolve("deep/lib-middle.jar")),
                () -> dataSource("p.deep", "1.0.0").requires("lib.middle").build(root.resolve("deep/p-deep.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "needy.jar"), DiagnosticCode.MISSING_DEPENDENCY, "p.needy",
                    "needy.jar", Map.of("module", "lib.nowhere", "requiredBy", "p.needy", "file", "needy.jar"));
            // in a folder, the jar of the module that requires it
            assertError(onlyDiagnosticOf(report, "deep"), DiagnosticCode.MISSING_DEPENDENCY, "p.deep", "deep",
                    Map.of("module", "lib.absent", "requiredBy", "lib.middle", "file", "deep/lib-middle.jar"));
            assertEquals(Map.of("deep", PluginStatus.REJECTED, "needy.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(report));
        }
    }

    @Test
    void libraryPrivateToAnotherPluginsFolderDoesNotSatisfyARequires() {
        buildAll(
                () -> library("lib.secret", "1.0.0", "lib.secret").build(root.resolve("owner/lib-secret.jar")),
                () -> dataSource("p.owner", "1.0.0").requires("lib.secret").build(root.resolve("owner/p-owner.jar")),
                () -> dataSource("p.borrower", "1.0.0").requires("lib.secret").build(root.resolve("borrower.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            Diagnostic missing = onlyDiagnosticOf(report, "borrower.jar");
            assertError(missing, DiagnosticCode.MISSING_DEPENDENCY, "p.borrower", "borrower.jar",
                    Map.of("module", "lib.secret", "requiredBy", "p.borrower"));
            assertTrue(missing.hint().contains("owner"), missing.hint());
            assertEquals(List.of(), diagnosticsOf(report, "owner"));
            assertEquals(Map.of("borrower.jar", PluginStatus.REJECTED, "owner", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("borrower.jar", PluginStatus.REJECTED, "owner", PluginStatus.LOADED),
                    statuses(loaded));
        }
    }

    @Test
    void pluginsRequiringEachOtherAreACycleNamingBothInEachDiagnostic() {
        buildAll(
                () -> dataSource("p.cyca", "1.0.0").requires("p.cycb").build(root.resolve("cyca.jar")),
                () -> dataSource("p.cycb", "1.0.0").requires("p.cyca").build(root.resolve("cycb.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            List<String> cycle = List.of("p.cyca", "p.cycb");
            assertError(onlyDiagnosticOf(report, "cyca.jar"), DiagnosticCode.DEPENDENCY_CYCLE, "p.cyca", "cyca.jar",
                    Map.of("cycle", cycle, "modules", cycle));
            assertError(onlyDiagnosticOf(report, "cycb.jar"), DiagnosticCode.DEPENDENCY_CYCLE, "p.cycb", "cycb.jar",
                    Map.of("cycle", cycle, "modules", cycle));
            assertTrue(onlyDiagnosticOf(report, "cyca.jar").message().contains("p.cyca -> p.cycb -> p.cyca"),
                    onlyDiagnosticOf(report, "cyca.jar").message());
            assertEquals(Map.of("cyca.jar", PluginStatus.REJECTED, "cycb.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(report));
        }
    }

    @Test
    void threePluginCycleNamesAllThreeInEachDiagnosticAndAPluginOutsideItIsDependencyRejected() {
        buildAll(
                () -> dataSource("p.tri1", "1.0.0").requires("p.tri2").build(root.resolve("tri1.jar")),
                () -> dataSource("p.tri2", "1.0.0").requires("p.tri3").build(root.resolve("tri2.jar")),
                () -> dataSource("p.tri3", "1.0.0").requires("p.tri1").build(root.resolve("tri3.jar")),
                () -> dataSource("p.tail", "1.0.0").requires("p.tri2").build(root.resolve("tail.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            List<String> cycle = List.of("p.tri1", "p.tri2", "p.tri3");
            for (String id : cycle) {
                String source = id.substring(2) + ".jar";
                assertError(onlyDiagnosticOf(report, source), DiagnosticCode.DEPENDENCY_CYCLE, id, source,
                        Map.of("cycle", cycle, "modules", cycle));
            }
            assertError(onlyDiagnosticOf(report, "tail.jar"), DiagnosticCode.DEPENDENCY_REJECTED, "p.tail",
                    "tail.jar", Map.of("module", "p.tri2", "requiredBy", "p.tail"));
        }
    }

    @Test
    void librariesOfOneFolderRequiringEachOtherAreACycleNamingBoth() {
        Path entry = root.resolve("lib-cycle");
        buildAll(
                () -> library("lib.ping", "1.0.0", "lib.ping").requires("lib.pong").build(entry.resolve("ping.jar")),
                () -> library("lib.pong", "1.0.0", "lib.pong").requires("lib.ping").build(entry.resolve("pong.jar")),
                () -> dataSource("p.libcycle", "1.0.0").requires("lib.ping").build(entry.resolve("p-libcycle.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            List<String> cycle = List.of("lib.ping", "lib.pong");
            assertError(onlyDiagnosticOf(report, "lib-cycle"), DiagnosticCode.DEPENDENCY_CYCLE, "p.libcycle",
                    "lib-cycle", Map.of("cycle", cycle, "modules", cycle));
            assertEquals(Map.of("lib-cycle", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK), statuses(report));
        }
    }

    @Test
    void pluginRequiringARejectedPluginIsDependencyRejectedNamingThatPlugin() {
        buildAll(
                () -> dataSource("p.needy", "1.0.0").requires("lib.nowhere").exports("p.needy")
                        .build(root.resolve("needy.jar")),
                () -> dataSource("p.onrejected", "1.0.0").requires("p.needy").build(root.resolve("onrejected.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "needy.jar"), DiagnosticCode.MISSING_DEPENDENCY, "p.needy",
                    "needy.jar", Map.of("module", "lib.nowhere", "requiredBy", "p.needy"));
            assertError(onlyDiagnosticOf(report, "onrejected.jar"), DiagnosticCode.DEPENDENCY_REJECTED,
                    "p.onrejected", "onrejected.jar", Map.of("module", "p.needy", "requiredBy", "p.onrejected"));
            assertEquals(Map.of("needy.jar", PluginStatus.REJECTED, "onrejected.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("needy.jar", PluginStatus.REJECTED, "onrejected.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.LOADED), statuses(loaded));
        }
    }

    @Test
    void pluginRequiringADeniedPluginIsForbiddenToo() {
        buildAll(
                () -> dataSource("p.base", "1.0.0").exports("p.base").build(root.resolve("base.jar")),
                () -> dataSource("p.user", "1.0.0").requires("p.base").build(root.resolve("user.jar")));

        PluginHost.Builder builder = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).policy(Policy.denying(Set.of("p.base")));
        try (PluginHost host = builder.build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "base.jar"), DiagnosticCode.FORBIDDEN_MODULE, "p.base", "base.jar",
                    Map.of("module", "p.base"));
            List<Diagnostic> user = diagnosticsOf(report, "user.jar");
            assertEquals(List.of(DiagnosticCode.DEPENDENCY_REJECTED, DiagnosticCode.FORBIDDEN_MODULE),
                    user.stream().map(Diagnostic::code).toList(), user::toString);
            assertError(user.get(1), DiagnosticCode.FORBIDDEN_MODULE, "p.user", "user.jar",
                    Map.of("module", "p.base", "requiredBy", "p.user"));
        }
    }

    @Test
    void pluginRequiringADeniedModuleIsForbiddenAndAnotherPluginIsUnaffected() {
        buildAll(
                () -> dataSource("p.sql", "1.0.0").requires("java.sql").build(root.resolve("sql.jar")),
                () -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));

        PluginHost.Builder builder = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root);
        try (PluginHost host = builder.policy(Policy.denying(Set.of("java.sql"))).build()) {
            Report report = host.scan();

            assertError(onlyDiagnosticOf(report, "sql.jar"), DiagnosticCode.FORBIDDEN_MODULE, "p.sql", "sql.jar",
                    Map.of("module", "java.sql", "requiredBy", "p.sql"));
            assertEquals(Map.of("sound.jar", PluginStatus.OK, "sql.jar", PluginStatus.REJECTED), statuses(report));

            Report loaded = host.load();
            assertEquals(Map.of("sound.jar", PluginStatus.LOADED, "sql.jar", PluginStatus.REJECTED),
                    statuses(loaded));
            assertEquals(List.of("p.sound"), host.services(DataSource.class).stream()
                    .map(PluginService::plugin).toList());
        }
        // Without the policy, the same plugin is sound: the rejection is the policy's alone.
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            assertEquals(Map.of("sound.jar", PluginStatus.LOADED, "sql.jar", PluginStatus.LOADED),
                    statuses(host.load()));
        }
    }
}
