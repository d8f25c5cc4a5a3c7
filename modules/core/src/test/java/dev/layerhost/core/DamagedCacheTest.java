package dev.layerhost.core;

import dev.layerhost.api.DataSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.ReportAssertions.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stored copy in the cache folder cut short (a full disk, a cache restored broken) is copied anew. */
class DamagedCacheTest {

    @TempDir
    Path workspace;

    @Test
    void aStoredCopyCutShortIsCopiedAgainInsteadOfLoaded() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("root"));
        Path cache = workspace.resolve("cache");
        dataSource("p.stored", "1.0.0").build(root.resolve("stored.jar"));
        try (PluginHost host = host(root, cache)) {
            assertEquals(PluginStatus.LOADED, rowOf(host.load(), "stored.jar").status());
        }
        List<Path> stored;
        try (Stream<Path> files = Files.walk(cache.resolve("store"))) {
            stored = files.filter(file -> file.getFileName().toString().equals("stored.jar")).toList();
        }
        assertEquals(1, stored.size(), stored::toString);
        try (FileChannel channel = FileChannel.open(stored.get(0), StandardOpenOption.WRITE)) {
            channel.truncate(300);
        }

        try (PluginHost host = host(root, cache)) {
            Report loaded = host.load();
            assertEquals(PluginStatus.LOADED, rowOf(loaded, "stored.jar").status(), loaded::toString);
            assertEquals(List.of("p.stored"), host.services(DataSource.class).stream().map(PluginService::plugin).toList());
        }
    }

    private static PluginHost host(Path root, Path cache) {
        return PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).cacheDirectory(cache).build();
    }
}
