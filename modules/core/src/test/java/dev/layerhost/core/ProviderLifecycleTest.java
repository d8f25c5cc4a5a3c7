package dev.layerhost.core;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin that starts a thread pins its layer for as long as the thread runs: the host tells it that it
 * no longer serves by closing its {@link AutoCloseable} providers, after the replacement serves, on unload
 * and on close. Real jars, real threads, real garbage collection.
 */
class ProviderLifecycleTest {

    private static final Duration COLLECTION_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path workspace;

    /**
     * A data source {@code module} whose constructor starts a thread that runs until {@code close()}, and
     * whose {@code close()} appends "closed <version>" to {@code log} (and throws if {@code failOnClose}).
     */
    private static Path threadedPlugin(Path jar, String module, String version, Path log, boolean failOnClose) {
        String logPath = log.toAbsolutePath().toString().replace("\\", "\\\\");
        String members = """
                private final Thread worker;
                private volatile boolean running = true;
                public Source() {
                    worker = new Thread(() -> {
                        while (running) {
                            try { Thread.sleep(10); } catch (InterruptedException e) { return; }
                        }
                    }, "plugin-worker %2$s");
                    worker.setDaemon(true);
                    worker.start();
                }
                public void close() throws Exception {
                    running = false;
                    worker.interrupt();
                    worker.join();
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%1$s"), "closed %2$s\\n",
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    if (%3$s) { throw new IllegalStateException("close of %2$s failed"); }
                }
                """.formatted(logPath, version, failOnClose);
        String source = dataSourceClass(module, '"' + module + '"', members)
                .replace("implements dev.layerhost.api.DataSource", "implements dev.layerhost.api.DataSource, AutoCloseable");
        return dataSource(module, version).source(module + ".Source", source).build(jar);
    }

    @Test
    void aPluginWithAThreadIsClosedAndCollectedAfterReloadAndUnload() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("close.log");
        Path one = threadedPlugin(workspace.resolve("v1/alpha.jar"), "p.alpha", "1.0.0", log, false);
        Path two = threadedPlugin(workspace.resolve("v2/alpha.jar"), "p.alpha", "2.0.0", log, false);
        Files.copy(one, root.resolve("alpha.jar"));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            assertEquals(List.of(), host.load().diagnostics());
            WeakReference<ClassLoader> first = Reachability.loaderOf(host, "p.alpha", "p.alpha");
            assertTrue(workerRunning("1.0.0"), "the plugin's thread runs");

            Files.copy(two, root.resolve("alpha.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            host.reload("p.alpha");
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("closed 1.0.0"), Files.readAllLines(log), "the replaced provider is closed");
            assertFalse(workerRunning("1.0.0"), "the replaced plugin's thread ended");
            assertTrue(Reachability.collectUntil(() -> first.refersTo(null), COLLECTION_BOUND),
                    "the replaced layer's class loader is still reachable");

            WeakReference<ClassLoader> second = Reachability.loaderOf(host, "p.alpha", "p.alpha");
            host.unload("p.alpha");
            assertEquals(List.of("closed 1.0.0", "closed 2.0.0"), Files.readAllLines(log));
            assertFalse(workerRunning("2.0.0"), "the unloaded plugin's thread ended");
            assertTrue(Reachability.collectUntil(() -> second.refersTo(null), COLLECTION_BOUND),
                    "the unloaded layer's class loader is still reachable");
        }
    }

    @Test
    void closingTheHostClosesEveryLiveProvider() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("close.log");
        threadedPlugin(root.resolve("alpha.jar"), "p.alpha", "1.0.0", log, false);
        WeakReference<ClassLoader> loader;
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            assertEquals(List.of(), host.load().diagnostics());
            loader = Reachability.loaderOf(host, "p.alpha", "p.alpha");
        }
        assertEquals(List.of("closed 1.0.0"), Files.readAllLines(log));
        assertFalse(workerRunning("1.0.0"));
        assertTrue(Reachability.collectUntil(() -> loader.refersTo(null), COLLECTION_BOUND),
                "the closed host's plugin layer is still reachable");
    }

    @Test
    void aThreadWhoseInterruptFlagIsSetStillClosesEveryProvider() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("close.log");
        threadedPlugin(root.resolve("alpha.jar"), "p.alpha", "1.0.0", log, false);
        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build();
        assertEquals(List.of(), host.load().diagnostics());

        // As an embedder that restored the flag after an InterruptedException would close it.
        Thread.currentThread().interrupt();
        boolean closedInTime;
        try {
            closedInTime = host.close(Duration.ofSeconds(10));
        } finally {
            assertTrue(Thread.interrupted(), "the flag is left as it was");
        }

        assertTrue(closedInTime);
        assertEquals(List.of("closed 1.0.0"), Files.readAllLines(log), "the provider's close() joined its thread");
        assertFalse(workerRunning("1.0.0"));
    }

    @Test
    void aProviderThatFailsToCloseIsAnEventAndTheNewVersionServes() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path log = workspace.resolve("close.log");
        Path one = threadedPlugin(workspace.resolve("v1/alpha.jar"), "p.alpha", "1.0.0", log, true);
        Path two = threadedPlugin(workspace.resolve("v2/alpha.jar"), "p.alpha", "2.0.0", log, false);
        Files.copy(one, root.resolve("alpha.jar"));
        List<PluginEvent> heard = new CopyOnWriteArrayList<>();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            host.addListener(heard::add);
            Files.copy(two, root.resolve("alpha.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            List<PluginEvent> events = host.reload("p.alpha");

            assertEquals(List.of(PluginEvent.Kind.RELOADED, PluginEvent.Kind.CLOSE_FAILED),
                    events.stream().map(PluginEvent::kind).toList(), "reload() returns every event it caused");
            assertEquals(List.of(PluginEvent.Kind.RELOADED, PluginEvent.Kind.CLOSE_FAILED),
                    heard.stream().map(PluginEvent::kind).toList());
            PluginEvent closeFailed = heard.get(1);
            assertEquals(Optional.of("p.alpha"), closeFailed.plugin());
            assertEquals(Optional.of("1.0.0"), closeFailed.version());
            Diagnostic diagnostic = closeFailed.diagnostics().get(0);
            assertEquals(DiagnosticCode.CLOSE_FAILED, diagnostic.code());
            assertEquals(Severity.WARNING, diagnostic.severity());
            assertEquals("p.alpha.Source", diagnostic.details().get("provider"));
            assertEquals("java.lang.IllegalStateException: close of 1.0.0 failed", diagnostic.details().get("cause"));
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("p.alpha"),
                    host.services(dev.layerhost.api.DataSource.class).stream().map(s -> s.service().name()).toList());
        }
    }

    @Test
    void closeReturnsWithinItsBoundWhilePluginCodeStillRunsAndDeletesTheHostsFiles() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path started = workspace.resolve("started");
        String startedPath = started.toAbsolutePath().toString().replace("\\", "\\\\");
        // A constructor that takes four seconds and ignores interrupts, as badly behaved plugin code does.
        dataSource("p.slow", "1.0.0").source("p.slow.Source", dataSourceClass("p.slow", "\"p.slow\"", """
                public Source() {
                    try {
                        java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    long end = System.nanoTime() + 4_000_000_000L;
                    while (System.nanoTime() < end) {
                        try { Thread.sleep(50); } catch (InterruptedException ignored) { }
                    }
                }
                """.formatted(startedPath))).build(root.resolve("slow.jar"));
        Path work = Files.createDirectories(workspace.resolve("work"));
        PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .workDirectory(work).build();
        java.util.concurrent.CompletableFuture<Report> loading = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loading.complete(host.load());
            } catch (RuntimeException e) {
                loading.completeExceptionally(e);
            }
        }, "test-load");
        loader.setDaemon(true);
        loader.start();
        assertTrue(Reachability.collectUntil(() -> Files.exists(started), Duration.ofSeconds(30)),
                "the provider's constructor never started");

        long before = System.nanoTime();
        boolean closedInTime = host.close(Duration.ofMillis(300));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertFalse(closedInTime, "plugin code was still running");
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "close took " + took);
        assertFalse(host.close(Duration.ofSeconds(5)), "a second close gives the first one's answer at once");
        assertEquals(0, Reachability.filesBelow(work, name -> true), "the host's copies are deleted at once");
        assertThrows(IllegalStateException.class, host::scan, "a closed host refuses work");
        // When the constructor returns, the load finds the host closed and drops what it built.
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> loading.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalStateException, failed::toString);
        assertEquals(List.of(), host.live());
    }

    /** Whether the thread the provider of {@code version} started is alive: close() joins it before it returns. */
    private static boolean workerRunning(String version) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("plugin-worker " + version) && thread.isAlive());
    }
}
