package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index file: what it keeps comes back, and whatever a file holds, it is never an error. */
class DiscoveryCacheTest {

    private static final Duration NO_RACE = Duration.ZERO;

    @TempDir
    Path folder;

    @Test
    void aRecordComesBackFromTheIndexFileOfTheNextHost() throws IOException {
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("p.a").version("1.0").exports("p.a").build();
        DiscoveryCache first = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());
        first.record(jar, stamp, first.nowNanos(), Optional.of("ab"), new JarReading.Module(descriptor));
        first.save();

        DiscoveryCache next = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());

        assertEquals(Optional.of(new JarReading.Module(descriptor)), next.lookup(jar, stamp).map(DiscoveryCache.Known::reading));
    }

    /**
     * Two hosts of one JVM on one root (Maven -T) save the same index file at once: each through a temporary
     * file of its own, so the index stays one of theirs, whole, and no temporary file is left.
     */
    @Test
    void twoCachesOfOneIndexSavingAtOnceLeaveAWholeIndexAndNoTemporaryFile() throws Exception {
        Path index = folder.resolve("index/root.bin");
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        List<ModuleDescriptor> descriptors = List.of(ModuleDescriptor.newModule("p.one").build(),
                ModuleDescriptor.newModule("p.two").build());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> saves = new ArrayList<>();
                for (ModuleDescriptor descriptor : descriptors) {
                    DiscoveryCache cache = DiscoveryCache.open(index, NO_RACE, Clock.systemUTC());
                    cache.record(jar, stamp, cache.nowNanos(), Optional.empty(), new JarReading.Module(descriptor));
                    saves.add(threads.submit(() -> {
                        together.await();
                        cache.save();
                        return null;
                    }));
                }
                for (Future<?> save : saves) {
                    save.get(30, TimeUnit.SECONDS);
                }
                Optional<JarReading> reading = DiscoveryCache.open(index, NO_RACE, Clock.systemUTC())
                        .lookup(jar, stamp).map(DiscoveryCache.Known::reading);
                assertTrue(reading.isPresent() && descriptors.stream()
                        .anyMatch(d -> reading.get().equals(new JarReading.Module(d))), "round " + round + ": " + reading);
                try (Stream<Path> files = Files.list(index.getParent())) {
                    assertEquals(List.of("root.bin"), files.map(f -> f.getFileName().toString()).toList());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Another save's temporary file in the way (what a second host of this JVM, same pid, would be writing)
     * does not stop this save: its temporary file has a name of its own.
     */
    @Test
    void aSaveDoesNotUseATemporaryNameAnotherSaverOfThisProcessMayHold() throws IOException {
        Path index = folder.resolve("index/root.bin");
        Files.createDirectories(index.resolveSibling("root.bin." + ProcessHandle.current().pid() + ".tmp"));
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("p.a").build();
        DiscoveryCache cache = DiscoveryCache.open(index, NO_RACE, Clock.systemUTC());
        cache.record(jar, stamp, cache.nowNanos(), Optional.empty(), new JarReading.Module(descriptor));

        cache.save();

        assertEquals(Optional.of(new JarReading.Module(descriptor)), DiscoveryCache.open(index, NO_RACE,
                Clock.systemUTC()).lookup(jar, stamp).map(DiscoveryCache.Known::reading));
    }

    @Test
    void aModulesManifestMetadataComesBackFromTheIndexFile() throws IOException {
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("p.a").version("1.0").build();
        PluginMetadata metadata = new PluginMetadata(Optional.of("Reads \u00e9 things"), Optional.empty(),
                Optional.of("MIT"), Optional.of("https://a.example"));
        DiscoveryCache first = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());
        first.record(jar, stamp, first.nowNanos(), Optional.empty(), new JarReading.Module(descriptor, metadata));
        first.save();

        DiscoveryCache next = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());

        assertEquals(Optional.of(new JarReading.Module(descriptor, metadata)),
                next.lookup(jar, stamp).map(DiscoveryCache.Known::reading));
    }

    @Test
    void aValueCutJustAfterASpaceComesBackAsItWasKept() throws IOException {
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("p.a").version("1.0").build();
        String description = "x".repeat(PluginMetadata.MAX_LENGTH - 1) + " and more text";
        PluginMetadata metadata = new PluginMetadata(Optional.of(description), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertEquals(Optional.of("x".repeat(PluginMetadata.MAX_LENGTH - 1)), metadata.description(),
                "cut to the limit, then the trailing space stripped");
        assertEquals(metadata, new PluginMetadata(metadata.description(), metadata.vendor(), metadata.license(),
                metadata.homepage()), "metadata rebuilt from its own values is equal");
        DiscoveryCache first = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());
        first.record(jar, stamp, first.nowNanos(), Optional.empty(), new JarReading.Module(descriptor, metadata));
        first.save();

        DiscoveryCache next = DiscoveryCache.open(folder.resolve("index.bin"), NO_RACE, Clock.systemUTC());

        assertEquals(Optional.of(new JarReading.Module(descriptor, metadata)),
                next.lookup(jar, stamp).map(DiscoveryCache.Known::reading));
    }

    @Test
    void aRacyRecordIsUsedOnlyWhileTheContentHashIsTheRecordedOne() throws IOException {
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        DiscoveryCache cache = DiscoveryCache.open(folder.resolve("index.bin"), Duration.ofHours(1), Clock.systemUTC());
        cache.record(jar, stamp, cache.nowNanos(), Optional.of(ContentHash.of(jar, stamp.size())), new JarReading.Invalid("no module"));
        assertTrue(cache.lookup(jar, stamp).isPresent());

        cache.record(jar, stamp, cache.nowNanos(), Optional.of("0000"), new JarReading.Invalid("no module"));

        assertEquals(Optional.empty(), cache.lookup(jar, stamp), "a hash that differs is a miss, whatever the stamp");
    }

    @Test
    void garbageIsAnEmptyCache() throws IOException {
        Path index = Files.write(folder.resolve("index.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");

        DiscoveryCache cache = DiscoveryCache.open(index, NO_RACE, Clock.systemUTC());

        assertEquals(Optional.empty(), cache.lookup(jar, JarStamp.of(jar).orElseThrow()));
    }

    /** A well-formed file (right checksum) that asks for an array of two billion providers. */
    @Test
    void aCraftedCountIsAnEmptyCacheNotAnOutOfMemoryError() throws IOException {
        Path jar = Files.writeString(folder.resolve("a.jar"), "content");
        JarStamp stamp = JarStamp.of(jar).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x4C484958);
        out.writeInt(1);
        out.writeInt(Runtime.version().feature());
        out.writeInt(1);
        out.writeUTF(jar.toAbsolutePath().normalize().toString());
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
        out.writeLong(stamp.changedNanos());
        out.writeUTF(stamp.fileKey());
        out.writeLong(0);
        out.writeBoolean(false);
        out.writeByte(0);
        out.writeUTF("p.a");                     // name
        out.writeInt(0);                         // modifiers
        out.writeBoolean(false);                 // version
        out.writeBoolean(false);                 // main class
        out.writeInt(0);                         // packages
        out.writeInt(0);                         // requires
        out.writeInt(0);                         // exports
        out.writeInt(0);                         // opens
        out.writeInt(0);                         // uses
        out.writeInt(1);                         // provides
        out.writeUTF("p.a.Service");
        out.writeInt(Integer.MAX_VALUE);         // providers
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        Path index = Files.write(folder.resolve("index.bin"), bytes.toByteArray());

        DiscoveryCache cache = DiscoveryCache.open(index, NO_RACE, Clock.systemUTC());

        assertEquals(Optional.empty(), cache.lookup(jar, stamp));
        assertEquals(Optional.empty(), cache.lookup(jar, stamp), "asked again, still no error");
    }
}
