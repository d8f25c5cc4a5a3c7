package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.archive.JarReading;
import dev.layerhost.core.internal.archive.JarStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep of a shared cache folder: what no index names and no live host owns goes, once it is old enough. */
class CacheSweepTest {

    @TempDir
    Path cache;

    @Test
    void aSweepRemovesUnnamedCopiesAndTheFoldersOfHostsThatAreGone() throws Exception {
        Path jar = Files.writeString(cache.resolve("a.jar"), "content");
        DiscoveryCache index = DiscoveryCache.open(cache.resolve("index").resolve("root.bin"));
        index.record(jar, JarStamp.of(jar).orElseThrow(), 0, Optional.of("named"), new JarReading.Invalid("no module"));
        index.save();
        Path named = old(stored("named"));
        Path unnamed = old(stored("unnamed"));
        Path unnamedButYoung = stored("young");
        Path incoming = old(Files.writeString(Files.createDirectories(cache.resolve("store")).resolve(".incoming-1.jar"), "x"));
        Path gone = old(Files.createDirectories(cache.resolve("hosts").resolve("layerhost-snapshots-" + deadPid() + "-1")));
        Path alive = old(Files.createDirectories(cache.resolve("hosts").resolve(CacheSweep.hostFolderPrefix() + "2")));

        new CacheSweep(cache, Clock.systemUTC()).sweep();

        assertTrue(Files.exists(named), "a copy an index names stays");
        assertFalse(Files.exists(unnamed), "a copy no index names goes");
        assertTrue(Files.exists(unnamedButYoung), "a copy younger than the grace period stays");
        assertFalse(Files.exists(incoming), "a half-written copy goes");
        assertFalse(Files.exists(gone), "the folder of a host whose process is gone goes");
        assertTrue(Files.exists(alive), "the folder of a running host stays");
    }

    @Test
    void aSweepRunsAtMostOnceADay() throws IOException {
        Path unnamed = old(stored("unnamed"));
        Files.writeString(cache.resolve(".last-sweep"), "now");

        new CacheSweep(cache, Clock.systemUTC()).runIfDue();

        assertTrue(Files.exists(unnamed));
    }

    private Path stored(String hash) throws IOException {
        Path folder = Files.createDirectories(cache.resolve("store").resolve(hash));
        Files.writeString(folder.resolve("a.jar"), hash);
        return folder;
    }

    private static Path old(Path path) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        return path;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
