package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.api.Exporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.DATA_SOURCE;
import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins by category and what they say about themselves, on real jars: the categories of a report's
 * rows and of live plugins, selection by service type, and the metadata of the jar manifest, read
 * without running plugin code and kept in the discovery cache.
 */
class PluginCatalogTest {

    private static final String EXPORTER = "dev.layerhost.api.Exporter";

    @TempDir
    Path workspace;

    /** A plugin that provides both a data source and an exporter. */
    private static Path dataSourceAndExporter(Path jar) {
        return dataSource("p.both", "1.0.0")
                .provides(EXPORTER, "p.both.Export")
                .source("p.both.Export", """
                        package p.both;
                        import java.util.List;
                        import java.util.Map;
                        public final class Export implements dev.layerhost.api.Exporter {
                            public String format() { return "both"; }
                            public String export(List<Map<String, Object>> records) { return ""; }
                        }
                        """)
                .build(jar);
    }

    @Test
    void categoriesAreTheSimpleNamesOfTheProvidedServiceTypesSorted() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSourceAndExporter(root.resolve("both.jar")),
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")));
        Files.writeString(root.resolve("broken.jar"), "not a zip");

        try (PluginHost host = host(root)) {
            Report report = host.scan();

            assertEquals(List.of("DataSource", "Exporter"), rowOf(report, "both.jar").categories());
            assertEquals(List.of(DATA_SOURCE, EXPORTER), rowOf(report, "both.jar").services());
            assertEquals(List.of("DataSource"), rowOf(report, "alpha.jar").categories());
            assertEquals(List.of(), rowOf(report, "broken.jar").categories());
        }
    }

    @Test
    void reportsAndLivePluginsAreSelectedByServiceType() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSourceAndExporter(root.resolve("both.jar")),
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")));

        try (PluginHost host = host(root)) {
            Report scanned = host.scan();
            assertEquals(List.of("alpha.jar", "both.jar"), sources(scanned.pluginsProviding(DataSource.class)));
            assertEquals(List.of("both.jar"), sources(scanned.pluginsProviding(Exporter.class)));
            assertEquals(List.of("both.jar"), sources(scanned.pluginsProviding(EXPORTER)));
            assertEquals(List.of(), scanned.pluginsProviding("dev.layerhost.api.MlPlatform"));

            Report narrowed = scanned.restrictedTo(scanned.pluginsProviding(Exporter.class));
            assertEquals(List.of("both.jar"), sources(narrowed.plugins()));

            assertEquals(List.of(), host.live(Exporter.class), "nothing is live before a load");
            host.load();
            assertEquals(List.of("p.both"), host.live(Exporter.class).stream().map(LivePlugin::id).toList());
            assertEquals(List.of("p.alpha", "p.both"),
                    host.live(DataSource.class).stream().map(LivePlugin::id).sorted().toList());
            assertEquals(List.of("DataSource", "Exporter"), host.live(EXPORTER).get(0).categories());
        }
    }

    @Test
    void apiServiceTypesAreThePublicTypesOfTheApiModulesExportedPackages() throws IOException {
        try (PluginHost host = host(Files.createDirectories(workspace.resolve("root")))) {
            assertEquals(List.of("dev.layerhost.api.DataSource", EXPORTER, "dev.layerhost.api.MlPlatform",
                    "dev.layerhost.api.Model"), host.apiServiceTypes());
        }
    }

    @Test
    void metadataComesFromThePluginAttributesOfTheManifest() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("root"));
        buildAll(() -> dataSource("p.described", "1.0.0")
                        .manifestAttribute("Plugin-Description", "  Reads things  ")
                        .manifestAttribute("Implementation-Title", "not this one")
                        .manifestAttribute("Plugin-Vendor", "Acme")
                        .manifestAttribute("Plugin-License", "Apache-2.0")
                        .manifestAttribute("Plugin-Homepage", "https://acme.example/things")
                        .build(root.resolve("described.jar")),
                () -> dataSource("p.fallback", "1.0.0")
                        .manifestAttribute("Implementation-Title", "Fallback title")
                        .manifestAttribute("Implementation-Vendor", "Fallback Inc.")
                        .manifestAttribute("Bundle-License", "MIT")
                        .manifestAttribute("Plugin-Homepage", " ")
                        .manifestAttribute("Bundle-DocURL", "https://fallback.example/doc")
                        .build(root.resolve("fallback.jar")),
                () -> dataSource("p.lengthy", "1.0.0")
                        .manifestAttribute("Plugin-Description", "x".repeat(5_000))
                        .build(root.resolve("lengthy.jar")),
                () -> dataSource("p.silent", "1.0.0").build(root.resolve("silent.jar")));

        try (PluginHost host = host(root)) {
            Report report = host.scan();

            assertEquals(new PluginMetadata(Optional.of("Reads things"), Optional.of("Acme"), Optional.of("Apache-2.0"),
                    Optional.of("https://acme.example/things")), rowOf(report, "described.jar").metadata());
            assertEquals(new PluginMetadata(Optional.of("Fallback title"), Optional.of("Fallback Inc."), Optional.of("MIT"),
                    Optional.of("https://fallback.example/doc")), rowOf(report, "fallback.jar").metadata());
            assertEquals(Optional.of("x".repeat(PluginMetadata.MAX_LENGTH)),
                    rowOf(report, "lengthy.jar").metadata().description());
            assertTrue(rowOf(report, "silent.jar").metadata().isEmpty(), () -> rowOf(report, "silent.jar").toString());
            assertEquals(rowOf(report, "described.jar").metadata(), rowOf(host.load(), "described.jar").metadata(),
                    "a load reads the same metadata from its private copies");
        }
    }

    @Test
    void aWarmScanReadsNoJarAndStillHasTheMetadata() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("root"));
        Path cache = workspace.resolve("cache");
        Path jar = dataSource("p.described", "1.0.0")
                .manifestAttribute("Plugin-Description", "Reads things")
                .manifestAttribute("Plugin-Vendor", "Acme")
                .build(root.resolve("described.jar"));
        waitUntilNotRacy(jar);
        PluginMetadata expected = new PluginMetadata(Optional.of("Reads things"), Optional.of("Acme"), Optional.empty(),
                Optional.empty());

        // the cold scan must read the jar, or the warm one's silence would prove nothing
        List<String> coldReads;
        try (PluginHost cold = host(root, cache)) {
            coldReads = jarReads(root, () -> assertEquals(expected, rowOf(cold.scan(), "described.jar").metadata()));
        }
        assertFalse(coldReads.isEmpty(), "the cold scan read no jar: the recording sees nothing");
        try (PluginHost warm = host(root, cache)) {
            List<String> warmReads = jarReads(root,
                    () -> assertEquals(expected, rowOf(warm.scan(), "described.jar").metadata()));
            assertEquals(List.of(), warmReads, "a warm scan takes the metadata from the discovery cache");
        }
    }

    /**
     * The discovery cache trusts a jar's stamp only once its times are older than its racy window; before,
     * it reads the jar to hash it. Waits for that, polling the clock.
     */
    private static void waitUntilNotRacy(Path jar) throws IOException, InterruptedException {
        long changed = Math.max(Files.getLastModifiedTime(jar).toMillis(),
                ((java.nio.file.attribute.FileTime) Files.getAttribute(jar, "unix:ctime")).toMillis());
        long until = changed + dev.layerhost.core.internal.archive.DiscoveryCache.RACY_WINDOW.toMillis() + 200;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(Math.max(1, until - System.currentTimeMillis()));
        }
    }

    /** The paths below {@code root} that {@code work} read from, by the flight recorder's file-read events. */
    private static List<String> jarReads(Path root, Runnable work) throws IOException {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileRead").withoutThreshold();
            recording.start();
            work.run();
            recording.stop();
            Path file = Files.createTempFile("layerhost-reads-", ".jfr");
            try {
                recording.dump(file);
                String prefix = root.toRealPath().toString();
                return RecordingFile.readAllEvents(file).stream()
                        .filter(event -> event.getEventType().getName().equals("jdk.FileRead"))
                        .map(PluginCatalogTest::pathOf)
                        .filter(path -> path.startsWith(prefix) || path.startsWith(root.toString()))
                        .toList();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String pathOf(RecordedEvent event) {
        String path = event.getString("path");
        return path == null ? "" : path;
    }

    private static List<String> sources(List<PluginReport> plugins) {
        return plugins.stream().map(PluginReport::source).toList();
    }

    private PluginHost host(Path root) {
        return host(root, workspace.resolve("cache-" + root.getFileName()));
    }

    private static PluginHost host(Path root, Path cache) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).cacheDirectory(cache).build();
    }
}
