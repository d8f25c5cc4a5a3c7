package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.ReloadApiTest.describe;
import static dev.layerhost.core.ReportAssertions.liveIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hot reload leaks nothing (SPEC "Hot reload": after unload, the old layer's class loaders can be
 * collected and its files are closed): one plugin among a hundred is reloaded a thousand times, then
 * unloaded, then the host (which was watching the root meanwhile) is closed. Class loaders are
 * followed with weak references, open files through {@code /proc/self/fd} (which Linux, and so CI, has),
 * the private copies of the jars through the host's work folder.
 */
class ReloadLeakTest {

    private static final int PLUGINS = 100;
    private static final int CYCLES = 1_000;
    private static final String TARGET = "p.target";
    private static final Duration COLLECTION_BOUND = Duration.ofSeconds(10);
    /** Descriptors the JVM may open on its own meanwhile (a lazily opened JDK file, a GC log). */
    private static final long FILE_TOLERANCE = 2;

    @TempDir
    Path workspace;

    @Test
    void thousandReloadsAmongAHundredPluginsLeaveNoClassLoaderReachableAndNoFileOpen() {
        assertTrue(Files.isDirectory(Reachability.OPEN_FILES),
                "this test counts open files in " + Reachability.OPEN_FILES + " (Linux)");
        Path root = workspace.resolve("plugins");
        List<String> modules = Stream.concat(Stream.of(TARGET),
                IntStream.range(1, PLUGINS).mapToObj(i -> "p.other%02d".formatted(i))).toList();
        PluginRootFixture.compileDataSources(modules, workspace.resolve("build"), root);

        long filesAtStart = Reachability.settledOpenFileDescriptors();
        List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
        WeakReference<ClassLoader> other;
        long filesLoaded;
        long filesAfterReloads;
        long nanosPerCycle;
        Path copies = workspace.resolve("work");
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).workDirectory(copies).build()) {
            Report loaded = host.load();
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(PLUGINS, liveIds(host).size());
            // Watching too, so that closing must also release the watcher's thread and watch service.
            host.watch();
            other = Reachability.loaderOf(host, "p.other01", "p.other01");
            filesLoaded = Reachability.settledOpenFileDescriptors();

            long start = System.nanoTime();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                boolean follow = cycle % 10 == 0 || cycle == CYCLES - 1;
                WeakReference<ClassLoader> old = follow ? Reachability.loaderOf(host, TARGET, TARGET) : null;
                List<PluginEvent> events = host.reload(TARGET);
                if (!describe(events).equals(List.of("RELOADED p.target 1.0.0"))) {
                    fail("cycle " + cycle + " gave " + events);
                }
                if (old != null) {
                    replaced.add(old);
                }
            }
            nanosPerCycle = (System.nanoTime() - start) / CYCLES;
            assertEquals(List.of(TARGET), host.services(DataSource.class).stream()
                    .map(s -> s.service().name()).filter(TARGET::equals).toList());

            // While the host still runs, the thousand replaced layers are gone, and so are their open jars.
            assertTrue(Reachability.collectUntil(() -> Reachability.allCleared(replaced), COLLECTION_BOUND),
                    () -> Reachability.uncleared(replaced) + " of " + replaced.size()
                            + " replaced class loaders are still reachable while the host runs");
            filesAfterReloads = settledOpenFiles(filesLoaded + FILE_TOLERANCE);
            // A replaced copy is deleted once its layer is collected, by a cleaner on its own thread.
            Reachability.collectUntil(() -> Reachability.filesBelow(copies, name -> true) == PLUGINS,
                    COLLECTION_BOUND);
            assertEquals(PLUGINS, Reachability.filesBelow(copies, name -> true),
                    "private copies below " + copies + " after the reloads");

            WeakReference<ClassLoader> last = Reachability.loaderOf(host, TARGET, TARGET);
            assertEquals(List.of("UNLOADED p.target 1.0.0"), describe(host.unload(TARGET)));
            assertTrue(Reachability.collectUntil(() -> last.refersTo(null), COLLECTION_BOUND),
                    "the unloaded plugin's class loader is still reachable");
        }
        assertTrue(Reachability.collectUntil(() -> other.refersTo(null), COLLECTION_BOUND),
                "a class loader of the closed host is still reachable");
        long filesAtEnd = settledOpenFiles(filesAtStart + FILE_TOLERANCE);
        assertEquals(0, Reachability.filesBelow(copies, name -> true),
                "private copies left below " + copies + " after close");
        assertTrue(Files.isDirectory(copies), "the given work directory itself was deleted");

        System.out.printf("%d reloads of %s among %d plugins: %.2f ms per reload; open files: %d at start,"
                        + " %d loaded, %d after the reloads, %d after close%n", CYCLES, TARGET, PLUGINS,
                nanosPerCycle / 1e6, filesAtStart, filesLoaded, filesAfterReloads, filesAtEnd);
        assertTrue(filesAfterReloads <= filesLoaded + FILE_TOLERANCE,
                "reloading left files open: " + filesLoaded + " loaded, " + filesAfterReloads + " after the reloads");
        assertTrue(filesAtEnd <= filesAtStart + FILE_TOLERANCE,
                "open files: " + filesAtStart + " at start, " + filesAtEnd + " after close");
    }

    /**
     * The open file count once garbage was collected until it is at most {@code target} (or the bound
     * passed): the jars of a collected class loader are closed by a cleaner, on its own thread.
     */
    private static long settledOpenFiles(long target) {
        Reachability.collectUntil(() -> Reachability.openFileDescriptors() <= target, COLLECTION_BOUND);
        return Reachability.openFileDescriptors();
    }
}
