package dev.layerhost.core;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleChains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.ReportAssertions.liveIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module graphs far deeper than a thread's stack would allow a recursive walk: a chain of 5,000
 * plugins, each requiring the next, so that the first by name stands on all the others (a walk in name
 * order goes down the whole chain at once), and a folder entry whose plugin stands on a chain of 4,000
 * private libraries. Every verb gives its usual result, called from a thread with a stack of 512 KB (a
 * host application's worker thread may have no more): no walk may depend on the size of the stack.
 *
 * <p>Not a benchmark: the bound is generous, the times are printed. The JDK itself takes time in the
 * depth of a layer's ancestors ({@code Configuration.resolve} and {@code defineModulesWithOneLoader} go
 * through every ancestor configuration and layer), so a chain of 5,000 plugin layers costs it time in the
 * square of the chain: most of the time here is the JDK's, which layerhost cannot spare.
 *
 * <p>The modules are copies of a few compiled templates ({@link ModuleChains}): real jars, read, checked,
 * resolved and defined as any other.
 */
class DeepGraphTest {

    private static final int PLUGINS = 5000;
    private static final int LIBRARIES = 4000;
    /** What a host application's worker thread may have (the JVM's default is 1 MB). */
    private static final long SMALL_STACK = 512 * 1024;
    /**
     * Several times what the verbs take on two shared cores (from 100 s to 200 s for the chain, most of it
     * the JDK's own resolution and definition of 5,000 layers, twice): it catches a walk gone cubic, or
     * one that never ends, not a machine that is slow today.
     */
    private static final Duration BOUND = Duration.ofMinutes(10);

    private static ModuleChains chains;

    @TempDir
    Path workspace;

    @BeforeAll
    static void compileTemplates(@TempDir Path templates) {
        chains = ModuleChains.compile(DataSourcePlugins.compiledAgainst(PluginRootFixture.apiJar()), templates);
    }

    @Test
    void aChainOfFiveThousandPluginsIsCheckedLoadedReloadedInOrderAndUnloaded() throws Throwable {
        Path root = workspace.resolve("plugins");
        List<String> chain = chains.plugins(PLUGINS, root);
        // The discovery cache keeps no record of a jar changed within its racy window, so a second scan
        // would read those jars again and check anew what stands on them: let them age, and graph()
        // gets the verdicts and layers of scan().
        Thread.sleep(DiscoveryCache.RACY_WINDOW.plusMillis(500).toMillis());
        onSmallStack(() -> checkLoadReloadAndUnload(root, chain));
    }

    private void checkLoadReloadAndUnload(Path root, List<String> chain) {
        Times times = new Times();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = times.time("scan", host::scan);
            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(PLUGINS, scanned.plugins().size());
            assertTrue(scanned.plugins().stream().allMatch(p -> p.status() == PluginStatus.OK));

            LayerGraph graph = times.time("graph", host::graph);
            assertEquals(chain, graph.layers().stream().map(LayerNode::plugin).toList(), "parents first");
            for (int i = 0; i < PLUGINS; i++) {
                assertEquals(i == 0 ? List.of() : List.of(chain.get(i - 1)), graph.layers().get(i).parents(),
                        chain.get(i));
            }

            Report loaded = times.time("load", host::load);
            assertEquals(List.of(), loaded.diagnostics());
            assertTrue(loaded.plugins().stream().allMatch(p -> p.status() == PluginStatus.LOADED));
            assertEquals(chain.stream().sorted().toList(),
                    host.services(DataSource.class).stream().map(s -> s.service().name()).sorted().toList());

            List<PluginEvent> reloaded = times.time("reload of the base", () -> host.reload(chain.get(0)));
            assertEquals(chain, idsOf(reloaded, PluginEvent.Kind.RELOADED), "every dependent, parents first");
            assertEquals(PLUGINS, reloaded.size());

            int middle = PLUGINS / 2;
            List<PluginEvent> unloaded = times.time("unload of the middle", () -> host.unload(chain.get(middle)));
            List<String> childrenFirst = new ArrayList<>(chain.subList(middle, PLUGINS));
            Collections.reverse(childrenFirst);
            assertEquals(childrenFirst, idsOf(unloaded, PluginEvent.Kind.UNLOADED));
            assertEquals(PLUGINS - middle, unloaded.size());
            assertEquals(chain.subList(0, middle), liveIds(host));
        }
        times.print(PLUGINS + " chained plugins");
    }

    @Test
    void aFolderEntryWithFourThousandChainedLibrariesIsSoundAndLoads() throws Throwable {
        Path root = workspace.resolve("plugins");
        chains.libraries(LIBRARIES, root.resolve("deep"));
        onSmallStack(() -> checkAndLoadOneDeepLayer(root));
    }

    private void checkAndLoadOneDeepLayer(Path root) {
        Times times = new Times();
        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            Report scanned = times.time("scan", host::scan);
            assertEquals(List.of(), scanned.diagnostics());
            PluginReport row = ReportAssertions.rowOf(scanned, "deep");
            assertEquals(PluginStatus.OK, row.status());
            assertEquals(LIBRARIES + 1, row.modules().size());

            LayerGraph graph = times.time("graph", host::graph);
            assertEquals(1, graph.layers().size());
            assertEquals(LIBRARIES + 1, graph.layers().get(0).modules().size());

            Report loaded = times.time("load", host::load);
            assertEquals(List.of(), loaded.diagnostics());
            assertEquals(PluginStatus.LOADED, ReportAssertions.rowOf(loaded, "deep").status());
            assertEquals(List.of(ModuleChains.FOLDER_PLUGIN),
                    host.services(DataSource.class).stream().map(s -> s.service().name()).toList());
        }
        times.print("a folder of " + LIBRARIES + " chained libraries");
    }

    /** Runs {@code body} on a thread with a stack of {@link #SMALL_STACK}, and throws what it throws. */
    private static void onSmallStack(Runnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static List<String> idsOf(List<PluginEvent> events, PluginEvent.Kind kind) {
        return events.stream().filter(event -> event.kind() == kind).map(PluginEvent::pluginOrSource).toList();
    }

    /** The time of each verb, and a bound on their sum. */
    private static final class Times {
        private final List<String> lines = new ArrayList<>();
        private Duration total = Duration.ZERO;

        <T> T time(String verb, Supplier<T> call) {
            long start = System.nanoTime();
            T result = call.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            total = total.plus(took);
            lines.add(verb + " " + took.toMillis() + " ms");
            assertTrue(total.compareTo(BOUND) < 0, "after " + verb + ": " + lines + " >= " + BOUND);
            return result;
        }

        void print(String what) {
            System.out.println(what + ": " + String.join(", ", lines));
        }
    }
}
