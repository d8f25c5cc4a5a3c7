package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static dev.layerhost.core.ReloadApiTest.buildCsvAndWarehouse;
import static dev.layerhost.core.ReportAssertions.assertError;
import static dev.layerhost.core.ReportAssertions.diagnosticsOf;
import static dev.layerhost.core.ReportAssertions.liveIds;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins switched off without removing their files, by the root's {@code disabled.txt} or the host's
 * own list, on real jars: status {@code DISABLED}, no layer, no code run, dependents rejected and told
 * why; the watcher follows the list; a hostile list never fails a pass.
 */
class DisabledPluginsTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path workspace;

    private Path root;

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectories(workspace.resolve("plugins"));
    }

    /** p.csv (csv.jar), p.warehouse requiring it (warehouse.jar), and p.boom, whose provider's constructor would throw. */
    private void buildRoot() {
        buildAll(() -> {
            buildCsvAndWarehouse(root);
            return root;
        }, () -> dataSource("p.boom", "1.0.0")
                .manifestAttribute("Plugin-Description", "Throws when made")
                .source("p.boom.Source", dataSourceClass("p.boom", "\"boom\"",
                        "public Source() { throw new IllegalStateException(\"boom ran\"); }"))
                .build(root.resolve("boom.jar")));
    }

    @Test
    void aDisabledPluginGetsNoLayerRunsNoCodeAndItsDependentIsRejected() throws IOException {
        buildRoot();
        Files.writeString(root.resolve("disabled.txt"), """
                # switched off for now
                  p.csv   # the CSV reader

                p.boom
                p.nowhere
                """);

        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("boom.jar", PluginStatus.DISABLED, "csv.jar", PluginStatus.DISABLED,
                    "warehouse.jar", PluginStatus.REJECTED), statuses(scanned));
            assertEquals(List.of(), diagnosticsOf(scanned, "csv.jar"));
            assertEquals(List.of(), diagnosticsOf(scanned, "boom.jar"));
            Diagnostic rejected = onlyDiagnosticOf(scanned, "warehouse.jar");
            assertError(rejected, DiagnosticCode.DEPENDENCY_REJECTED, "p.warehouse", "warehouse.jar",
                    Map.of("module", "p.csv", "requiredBy", "p.warehouse", "reason", "disabled"));
            assertEquals("plugin p.warehouse requires plugin p.csv, which is disabled", rejected.message());

            PluginReport csv = rowOf(scanned, "csv.jar");
            assertEquals(List.of("DataSource"), csv.categories(), "a disabled plugin keeps its row's facts");
            assertEquals("1.1.0", csv.version().orElseThrow());
            assertEquals("Throws when made", rowOf(scanned, "boom.jar").metadata().description().orElseThrow());

            Report loaded = host.load();
            assertEquals(Map.of("boom.jar", PluginStatus.DISABLED, "csv.jar", PluginStatus.DISABLED,
                    "warehouse.jar", PluginStatus.REJECTED), statuses(loaded));
            assertTrue(diagnosticsOf(loaded, "boom.jar").isEmpty(), "p.boom's constructor never ran: " + loaded);
            assertEquals(List.of(), liveIds(host));
            assertTrue(host.layer("p.csv").isEmpty());
            assertEquals(List.of(), host.graph().layers(), "a disabled plugin has no layer, nor has its dependent");
        }
    }

    @Test
    void aDisabledPluginAloneIsNoError() throws IOException {
        buildRoot();
        Files.writeString(root.resolve("disabled.txt"), "p.boom\n");

        try (PluginHost host = host()) {
            Report loaded = host.load();

            assertFalse(loaded.hasErrors(), loaded::toString);
            assertEquals(Map.of("boom.jar", PluginStatus.DISABLED, "csv.jar", PluginStatus.LOADED,
                    "warehouse.jar", PluginStatus.LOADED), statuses(loaded));
        }
    }

    @Test
    void theHostsOwnListDisablesAsTheFileDoes() {
        buildRoot();

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .disabledPlugins(Set.of("p.boom", "p.warehouse")).build()) {
            Report loaded = host.load();

            assertEquals(Map.of("boom.jar", PluginStatus.DISABLED, "csv.jar", PluginStatus.LOADED,
                    "warehouse.jar", PluginStatus.DISABLED), statuses(loaded));
            assertEquals(List.of("p.csv"), host.services(DataSource.class).stream().map(PluginService::plugin).toList());
        }
    }

    @Test
    void aHostileListNeverFailsAPass() throws IOException {
        buildRoot();
        try (PluginHost host = host()) {
            // a folder named disabled.txt is no list
            Files.createDirectories(root.resolve("disabled.txt"));
            assertEquals(PluginStatus.OK, rowOf(host.scan(), "boom.jar").status());
            Files.delete(root.resolve("disabled.txt"));

            // binary bytes around a line that names a plugin
            byte[] binary = new byte[4096];
            new java.util.Random(7).nextBytes(binary);
            byte[] line = "\np.boom\n".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[binary.length * 2 + line.length];
            System.arraycopy(binary, 0, bytes, 0, binary.length);
            System.arraycopy(line, 0, bytes, binary.length, line.length);
            System.arraycopy(binary, 0, bytes, binary.length + line.length, binary.length);
            Files.write(root.resolve("disabled.txt"), bytes);
            Report binaryList = host.scan();
            assertEquals(PluginStatus.DISABLED, rowOf(binaryList, "boom.jar").status(), binaryList::toString);
            assertEquals(PluginStatus.OK, rowOf(binaryList, "csv.jar").status(), binaryList::toString);

            // 3 MiB: the first MiB is read, an id beyond it is not
            StringBuilder huge = new StringBuilder("p.boom\n");
            while (huge.length() < 3 << 20) {
                huge.append("# padding padding padding padding padding padding padding padding\n");
            }
            huge.append("p.csv\n");
            Files.writeString(root.resolve("disabled.txt"), huge);
            Report hugeList = host.scan();
            assertEquals(PluginStatus.DISABLED, rowOf(hugeList, "boom.jar").status(), hugeList::toString);
            assertEquals(PluginStatus.OK, rowOf(hugeList, "csv.jar").status(), hugeList::toString);

            // the scan never takes the list for a plugin candidate
            assertEquals(List.of("boom.jar", "csv.jar", "warehouse.jar"),
                    hugeList.plugins().stream().map(PluginReport::source).toList());
        }
    }

    @Test
    void watchUnloadsAPluginTheListSwitchesOffAndLoadsItAgainWhenSwitchedOn() throws IOException {
        buildAll(() -> {
            buildCsvAndWarehouse(root);
            return root;
        });
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .quietPeriod(QUIET).pollInterval(POLL).build()) {
            host.addListener(recorder);
            host.load();
            recorder.drain();
            host.watch();

            Files.writeString(root.resolve("disabled.txt"), "p.csv\n");
            recorder.next(PluginEvent.Kind.UNLOADED, "p.warehouse");
            recorder.next(PluginEvent.Kind.UNLOADED, "p.csv");
            recorder.assertNoEventWithin(QUIET.multipliedBy(4));
            assertEquals(List.of(), liveIds(host));
            assertEquals(PluginStatus.DISABLED, rowOf(host.scan(), "csv.jar").status());

            Files.writeString(root.resolve("disabled.txt"), "# nothing disabled\n");
            recorder.next(PluginEvent.Kind.LOADED, "p.csv");
            recorder.next(PluginEvent.Kind.LOADED, "p.warehouse");
            assertEquals(List.of("p.csv", "p.warehouse"), liveIds(host));

            Files.writeString(root.resolve("disabled.txt"), "p.warehouse\n");
            recorder.next(PluginEvent.Kind.UNLOADED, "p.warehouse");
            Files.delete(root.resolve("disabled.txt"));
            recorder.next(PluginEvent.Kind.LOADED, "p.warehouse");
            recorder.assertNoEventWithin(QUIET.multipliedBy(4));
            assertEquals(List.of("p.csv", "p.warehouse"), liveIds(host));
        }
    }

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
    }
}
