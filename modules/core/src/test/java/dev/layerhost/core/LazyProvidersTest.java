package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code lazyProviders(true)} a load defines layers and runs no plugin code; a provider is made
 * when {@code services} first asks for its type, and one that throws then makes its plugin FAILED.
 */
class LazyProvidersTest {

    @TempDir
    Path workspace;

    /** A data source whose constructor appends "made <version>" to {@code log}, and throws if {@code fail}. */
    private static Path recordingPlugin(Path jar, String module, String version, Path log, boolean fail) {
        String members = """
                public Source() {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("%1$s"), "made %2$s\\n",
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    if (%3$s) { throw new IllegalStateException("no database for %2$s"); }
                }
                """.formatted(log.toAbsolutePath().toString().replace("\\", "\\\\"), version, fail);
        return dataSource(module, version).source(module + ".Source",
                dataSourceClass(module, '"' + module + '"', members)).build(jar);
    }

    private static List<String> loadedIds(Report report) {
        return report.plugins().stream().filter(plugin -> plugin.status() == PluginStatus.LOADED)
                .map(plugin -> plugin.id().orElseThrow()).toList();
    }

    @Test
    void aLazyLoadRunsNoPluginCodeUntilAServiceIsAskedFor() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("made.log");
        buildAll(() -> recordingPlugin(root.resolve("alpha.jar"), "p.alpha", "1.0.0", log, false),
                () -> recordingPlugin(root.resolve("beta.jar"), "p.beta", "1.0.0", log, false));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .lazyProviders(true).build()) {
            Report report = host.load();
            assertEquals(List.of("p.alpha", "p.beta"), loadedIds(report));
            assertFalse(Files.exists(log), "no constructor ran while loading");

            List<PluginService<DataSource>> services = host.services(DataSource.class);
            assertEquals(List.of("p.alpha", "p.beta"), services.stream().map(PluginService::plugin).toList());
            assertEquals(List.of("made 1.0.0", "made 1.0.0"), Files.readAllLines(log));
            assertEquals(services.get(0).service(), host.services(DataSource.class).get(0).service(),
                    "made once, then the same instance");
            assertEquals(2, Files.readAllLines(log).size());
        }
    }

    @Test
    void aProviderThatFailsWhenFirstAskedForMakesItsPluginFailed() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("made.log");
        buildAll(() -> recordingPlugin(root.resolve("alpha.jar"), "p.alpha", "1.0.0", log, false),
                () -> recordingPlugin(root.resolve("broken.jar"), "p.broken", "1.0.0", log, true));
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .lazyProviders(true).build()) {
            host.addListener(events::add);
            assertEquals(List.of("p.alpha", "p.broken"), loadedIds(host.load()));
            events.clear();

            List<PluginService<DataSource>> services = host.services(DataSource.class);

            assertEquals(List.of("p.alpha"), services.stream().map(PluginService::plugin).toList());
            PluginEvent failed = events.stream().filter(e -> e.kind() == PluginEvent.Kind.FAILED).findFirst().orElseThrow();
            assertEquals("p.broken", failed.pluginOrSource());
            assertEquals(DiagnosticCode.PROVIDER_FAILED, failed.diagnostics().get(0).code());
            assertTrue(failed.diagnostics().get(0).message().contains("no database for 1.0.0"),
                    failed.diagnostics().get(0).message());
            assertEquals(List.of("p.alpha"), host.services(DataSource.class).stream().map(PluginService::plugin).toList());
            assertEquals(1, events.stream().filter(e -> e.kind() == PluginEvent.Kind.FAILED).count(), "told once");
        }
    }

    /**
     * Closing never waits for a lazy constructor that another thread runs: the constructor's instance,
     * finished after the plugin stopped serving, is closed when it returns.
     */
    @Test
    void closeDoesNotWaitForALazyConstructorAndClosesWhatItMakesLate() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("closed.log");
        String members = """
                public Source() {
                    try { Thread.sleep(2500); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                }
                public void close() throws Exception {
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%1$s"), "closed\\n",
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
                """.formatted(log.toAbsolutePath().toString().replace("\\", "\\\\"));
        String source = dataSourceClass("p.slow", "\"p.slow\"", members)
                .replace("implements dev.layerhost.api.DataSource", "implements dev.layerhost.api.DataSource, AutoCloseable");
        dataSource("p.slow", "1.0.0").source("p.slow.Source", source).build(root.resolve("slow.jar"));
        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .lazyProviders(true).build();
        host.load();
        Thread asker = new Thread(() -> host.services(DataSource.class), "asker");
        asker.start();
        Thread.sleep(300); // the constructor runs now

        long start = System.nanoTime();
        host.close(java.time.Duration.ofMillis(200));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMillis < 1500, "close took " + tookMillis + " ms");
        asker.join(10_000);
        assertEquals(List.of("closed"), Files.readAllLines(log), "the instance made after close is closed");
    }

    @Test
    void aLazyReloadServesTheNewVersionOnceAskedFor() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("made.log");
        List<Path> jars = buildAll(() -> recordingPlugin(workspace.resolve("v1/alpha.jar"), "p.alpha", "1.0.0", log, false),
                () -> recordingPlugin(workspace.resolve("v2/alpha.jar"), "p.alpha", "2.0.0", log, false));
        Files.copy(jars.get(0), root.resolve("alpha.jar"));
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .lazyProviders(true).build()) {
            host.load();
            assertEquals(1, host.services(DataSource.class).size());
            Files.copy(jars.get(1), root.resolve("alpha.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            List<PluginEvent> events = host.reload("p.alpha");

            assertEquals(PluginEvent.Kind.RELOADED, events.get(0).kind());
            assertEquals(List.of("made 1.0.0"), Files.readAllLines(log), "the new provider waits to be asked for");
            List<PluginService<DataSource>> services = host.services(DataSource.class);
            assertEquals(List.of(java.util.Optional.of("2.0.0")), services.stream().map(PluginService::version).toList());
            assertEquals(List.of("made 1.0.0", "made 2.0.0"), Files.readAllLines(log));
        }
    }
}
