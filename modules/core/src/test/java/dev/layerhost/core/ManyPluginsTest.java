package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A root of 500 small plugins: every one is checked and loaded, in a time far from any limit a user
 * would notice. Not a benchmark: the bound is generous, the times are printed.
 *
 * <p>The 500 modules are compiled in one javac run ({@link PluginRootFixture#compileDataSources}).
 */
class ManyPluginsTest {

    private static final int PLUGINS = 500;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path workspace;

    @Test
    void fiveHundredPluginsAreScannedAndLoadedWellWithinAMinute() {
        Path root = workspace.resolve("plugins");
        List<String> modules = IntStream.range(0, PLUGINS).mapToObj(i -> "p.many%03d".formatted(i)).toList();
        PluginRootFixture.compileDataSources(modules, workspace, root);

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            long scanStart = System.nanoTime();
            Report scanned = host.scan();
            Duration scan = Duration.ofNanos(System.nanoTime() - scanStart);
            long loadStart = System.nanoTime();
            Report loaded = host.load();
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            System.out.printf("%d plugins: scan %d ms, load %d ms%n", PLUGINS, scan.toMillis(), load.toMillis());

            assertEquals(List.of(), scanned.diagnostics());
            assertEquals(PLUGINS, scanned.plugins().size());
            assertTrue(scanned.plugins().stream().allMatch(p -> p.status() == PluginStatus.OK));
            assertEquals(List.of(), loaded.diagnostics());
            assertTrue(loaded.plugins().stream().allMatch(p -> p.status() == PluginStatus.LOADED));
            assertEquals(modules, host.services(DataSource.class).stream().map(s -> s.service().name()).sorted()
                    .toList());
            assertTrue(scan.plus(load).compareTo(BOUND) < 0, "scan " + scan + " + load " + load + " >= " + BOUND);
        }
    }
}
