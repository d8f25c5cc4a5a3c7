package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.HostileJars;
import dev.layerhost.pluginbuilder.ZipTampering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.onlyDiagnosticOf;
import static dev.layerhost.core.ReportAssertions.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Archives crafted to exhaust a reader, in a test JVM with a small heap (the {@code small-heap} run of
 * the build, {@code -Xmx128m}): each gets a verdict of its own, and the sound plugin beside them loads.
 * Read naively, each costs gigabytes: the JDK's descriptor reader makes a string per class name
 * reference, its automatic-module reader holds a service file's line whole, and {@code /proc/self/pagemap}
 * reads on for ever while its size says 0.
 */
@Tag("small-heap")
class HostileArchiveTest {

    /** A line far beyond the small heap: reading it whole fails, as a 2 GB line fails a default heap. */
    private static final long LONG_LINE = 256L << 20;

    @TempDir
    Path root;

    @AfterEach
    void removeLinksOutOfTheTemporaryFolder() throws IOException {
        // JUnit would warn that it deletes links to files outside the folder, which is what they are for
        Files.deleteIfExists(root.resolve("pagemap.jar"));
        Files.deleteIfExists(root.resolve("status.jar"));
    }

    private PluginHost host() {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .quietPeriod(Duration.ofMillis(200)).build();
    }

    private void hostileRoot() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));
        HostileJars.descriptorBomb(root.resolve("names.jar"), "p.names");
        HostileJars.serviceLineBomb(root.resolve("line.jar"), DataSource.class.getName(), LONG_LINE);
        Files.createDirectories(root.resolve("folder"));
        HostileJars.descriptorBomb(root.resolve("folder/inner.jar"), "p.inner");
        // A link to a file whose size says 0 but whose reads never end (procfs), and one that reads a little.
        Files.createSymbolicLink(root.resolve("pagemap.jar"), Path.of("/proc/self/pagemap"));
        Files.createSymbolicLink(root.resolve("status.jar"), Path.of("/proc/self/status"));
    }

    @Test
    void everyHostileArchiveIsInvalidOnItsOwnInScanGraphAndLoadWhileTheSoundPluginLoads() throws IOException {
        hostileRoot();
        Map<String, PluginStatus> rejectedBeside = Map.of("folder", PluginStatus.REJECTED,
                "line.jar", PluginStatus.REJECTED, "names.jar", PluginStatus.REJECTED,
                "pagemap.jar", PluginStatus.REJECTED, "status.jar", PluginStatus.REJECTED);
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(with(rejectedBeside, "sound.jar", PluginStatus.OK), statuses(scanned));
            assertInvalid(scanned, "names.jar", "module-info.class would take");
            assertInvalid(scanned, "folder", "module-info.class would take");
            assertInvalid(scanned, "line.jar", "META-INF/services/" + DataSource.class.getName() + " is larger than");
            assertEquals(List.of("p.sound"), host.graph().layers().stream().map(LayerNode::plugin).toList());

            Report loaded = host.load();
            assertEquals(with(rejectedBeside, "sound.jar", PluginStatus.LOADED), statuses(loaded));
            assertInvalid(loaded, "names.jar", "module-info.class would take");
            assertInvalid(loaded, "line.jar", "is larger than");
            assertInvalid(loaded, "pagemap.jar", "");
            assertInvalid(loaded, "status.jar", "reads on past its size of 0 bytes");
            assertEquals(List.of("p.sound"), host.services(DataSource.class).stream().map(PluginService::plugin).toList());
        }
    }

    /**
     * Ways around a screen that looks for the entry {@code module-info.class} alone: the JDK's lookup also
     * finds {@code module-info.class/} and reads it as the descriptor, and a manifest that does not inflate
     * is ignored by the JDK, which then reads the descriptor after it.
     */
    @Test
    void aDescriptorBombUnderAFolderNameOrBehindABrokenManifestIsInvalidToo() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));
        HostileJars.descriptorBomb(root.resolve("slash.jar"), "p.slash", "module-info.class/", Map.of());
        Path manifest = HostileJars.descriptorBomb(root.resolve("manifest.jar"), "p.manifest", "module-info.class",
                Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n\n".repeat(20)
                        .getBytes(StandardCharsets.UTF_8)));
        ZipTampering.corruptData(manifest, "META-INF/MANIFEST.MF");
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("manifest.jar", PluginStatus.REJECTED, "slash.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(scanned));
            assertInvalid(scanned, "slash.jar", "would take");
            assertInvalid(scanned, "manifest.jar", "would take");
            assertEquals(PluginStatus.LOADED, ReportAssertions.rowOf(host.load(), "sound.jar").status());
        }
    }

    @Test
    void automaticModulesOfTooManyPackagesOrTooLongNamesAreInvalid() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));
        HostileJars.manyEntries(root.resolve("packages.jar"), 70_000, 12);
        HostileJars.manyEntries(root.resolve("names.jar"), 1_000, 20_000);
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("names.jar", PluginStatus.REJECTED, "packages.jar", PluginStatus.REJECTED,
                    "sound.jar", PluginStatus.OK), statuses(scanned));
            assertInvalid(scanned, "packages.jar", "more than 65535 packages");
            assertInvalid(scanned, "names.jar", "names are longer than");
            assertEquals(PluginStatus.LOADED, ReportAssertions.rowOf(host.load(), "sound.jar").status());
        }
    }

    @Test
    void aManifestOfAMillionAttributesGivesItsMetadataOrIsInvalidWhereTheJdkWouldParseItWhole() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")),
                () -> dataSource("p.many", "1.0.0").build(root.resolve("many.jar")));
        // 14 MB of one-letter attributes, under the 16 MB bound: a parsed Attributes map of them takes
        // some 200 MB, more than this JVM's heap
        StringBuilder manifest = new StringBuilder("Manifest-Version: 1.0\r\n");
        for (int i = 0; i < 1_000_000; i++) {
            manifest.append("X-A").append(i).append(": v\r\n");
        }
        manifest.append("Plugin-Description: many\r\n\r\n");
        byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        ZipTampering.rewrite(root.resolve("many.jar"), entries -> entries.put("META-INF/MANIFEST.MF", bytes));
        // the same manifest in an automatic module, which the JDK's module finder parses whole
        Files.copy(root.resolve("many.jar"), root.resolve("automatic.jar"));
        ZipTampering.rewrite(root.resolve("automatic.jar"), entries -> entries.remove("module-info.class"));
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("automatic.jar", PluginStatus.REJECTED, "many.jar", PluginStatus.OK,
                    "sound.jar", PluginStatus.OK), statuses(scanned));
            assertEquals("many", ReportAssertions.rowOf(scanned, "many.jar").metadata().description().orElseThrow());
            assertInvalid(scanned, "automatic.jar", "has more than 100000 lines");
            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, ReportAssertions.rowOf(loaded, "many.jar").status());
            assertEquals(PluginStatus.LOADED, ReportAssertions.rowOf(loaded, "sound.jar").status());
        }
    }

    @Test
    void serviceFilesEachSmallButLargeTogetherAreInvalid() throws IOException {
        buildAll(() -> dataSource("p.sound", "1.0.0").build(root.resolve("sound.jar")));
        // 200 files of 800 KB each: 160 MB of lines, a string each
        HostileJars.manyServiceFiles(root.resolve("services.jar"), 200, 200_000);
        try (PluginHost host = host()) {
            Report scanned = host.scan();
            assertEquals(Map.of("services.jar", PluginStatus.REJECTED, "sound.jar", PluginStatus.OK), statuses(scanned));
            assertInvalid(scanned, "services.jar", "META-INF/services files are larger than");
        }
    }

    @Test
    void theWatcherRejectsHostileArchivesDroppedInAndStillTakesLaterChanges() throws IOException {
        EventRecorder recorder = new EventRecorder();
        try (PluginHost host = host()) {
            host.addListener(recorder);
            host.load();
            host.watch();
            hostileRoot();
            List<PluginEvent> events = List.of(recorder.next(), recorder.next(), recorder.next(), recorder.next(),
                    recorder.next(), recorder.next());
            assertEquals(Map.of("folder", PluginEvent.Kind.REJECTED, "line.jar", PluginEvent.Kind.REJECTED,
                    "names.jar", PluginEvent.Kind.REJECTED, "pagemap.jar", PluginEvent.Kind.REJECTED,
                    "p.sound", PluginEvent.Kind.LOADED, "status.jar", PluginEvent.Kind.REJECTED),
                    events.stream().collect(Collectors.toMap(PluginEvent::pluginOrSource, PluginEvent::kind)));

            buildAll(() -> dataSource("p.later", "1.0.0").build(root.resolve("later.jar")));
            recorder.next(PluginEvent.Kind.LOADED, "p.later");
        }
    }

    private static Map<String, PluginStatus> with(Map<String, PluginStatus> statuses, String source, PluginStatus status) {
        TreeMap<String, PluginStatus> all = new TreeMap<>(statuses);
        all.put(source, status);
        return all;
    }

    private static void assertInvalid(Report report, String source, String reasonPart) {
        Diagnostic diagnostic = onlyDiagnosticOf(report, source);
        assertEquals(DiagnosticCode.INVALID_ARCHIVE, diagnostic.code(), diagnostic.toString());
        assertTrue(diagnostic.message().contains(reasonPart), diagnostic.message());
    }
}
