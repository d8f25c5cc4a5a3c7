package dev.layerhost.core.internal.archive;

import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.RootScanner;
import dev.layerhost.pluginbuilder.PluginJar;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The discovery cache is never stale: over any sequence of changes to a root's jars (atomic replace,
 * in-place rewrite keeping size and modification time, a flipped byte, a touch, removal), what a host
 * reads through the cache, kept in its index file between hosts, equals what it reads without it.
 */
class DiscoveryCacheProperties {

    /** Longer than ext4's and tmpfs's timestamp granularity, short enough that records stop being racy within a try. */
    private static final Duration RACY_WINDOW = Duration.ofMillis(40);
    private static final List<String> NAMES = List.of("a.jar", "b.jar", "c.jar");
    private static Path pool;
    private static List<Path> variants;

    @BeforeContainer
    static void buildVariants() throws IOException {
        pool = Files.createTempDirectory("discovery-cache-pool-");
        variants = new ArrayList<>();
        for (String version : List.of("1.0", "1.1", "2.0")) {
            variants.add(PluginJar.builder("p.one").version(version).emptyClass("p.one.Thing")
                    .resource("p/one/note.txt", "version " + version)
                    .build(pool.resolve("one-" + version + ".jar")));
        }
        // the same module, another package: same-size rewrites of one name are likely among these
        variants.add(PluginJar.builder("p.one").version("1.0").emptyClass("p.one.Other")
                .build(pool.resolve("one-other.jar")));
        variants.add(PluginJar.builder("lib.auto").automatic().emptyClass("lib.auto.Helper")
                .build(pool.resolve("lib-auto-3.1.jar")));
        variants.add(Files.writeString(pool.resolve("not-a-zip.jar"), "this is no zip file at all"));
    }

    @AfterContainer
    static void deletePool() throws IOException {
        delete(pool);
    }

    sealed interface Change {
        void apply(Path root) throws IOException;
    }

    /** Copies a variant to a hidden name, then moves it over the jar: a new file (new inode). */
    record Replace(String name, int variant) implements Change {
        public void apply(Path root) throws IOException {
            Path hidden = root.resolve("." + name + ".tmp");
            Files.copy(variants.get(variant), hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Writes a variant into the same file and puts its old modification time back. */
    record RewriteInPlace(String name, int variant) implements Change {
        public void apply(Path root) throws IOException {
            Path jar = root.resolve(name);
            if (!Files.exists(jar)) {
                return;
            }
            FileTime before = Files.getLastModifiedTime(jar);
            Files.write(jar, Files.readAllBytes(variants.get(variant)));
            Files.setLastModifiedTime(jar, before);
        }
    }

    /** Flips one byte in place: same size, same modification time. */
    record Corrupt(String name, int position) implements Change {
        public void apply(Path root) throws IOException {
            Path jar = root.resolve(name);
            if (!Files.exists(jar) || Files.size(jar) == 0) {
                return;
            }
            FileTime before = Files.getLastModifiedTime(jar);
            try (RandomAccessFile file = new RandomAccessFile(jar.toFile(), "rw")) {
                long at = position % file.length();
                file.seek(at);
                int old = file.read();
                file.seek(at);
                file.write(old ^ 0x5A);
            }
            Files.setLastModifiedTime(jar, before);
        }
    }

    record Touch(String name) implements Change {
        public void apply(Path root) throws IOException {
            Path jar = root.resolve(name);
            if (Files.exists(jar)) {
                Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
            }
        }
    }

    record Remove(String name) implements Change {
        public void apply(Path root) throws IOException {
            Files.deleteIfExists(root.resolve(name));
        }
    }

    /** Lets time pass, so that records stop being racy and the stamp alone decides. */
    record Pause(int millis) implements Change {
        public void apply(Path root) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Property(tries = 40)
    void aScanThroughTheCacheEqualsAScanWithoutIt(@ForAll("changes") List<Change> changes) throws IOException {
        Path root = Files.createTempDirectory("discovery-cache-root-");
        Path index = Files.createTempDirectory("discovery-cache-index-").resolve("index.bin");
        try {
            for (Change change : changes) {
                change.apply(root);
                assertEquals(uncached(root), cached(root, index), "after " + change + " of " + changes);
            }
        } finally {
            delete(root);
            delete(index.getParent());
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> names = Arbitraries.of(NAMES);
        Arbitrary<Integer> variant = Arbitraries.integers().between(0, 5);
        Arbitrary<Change> change = Arbitraries.oneOf(
                Combinators.combine(names, variant).as(Replace::new),
                Combinators.combine(names, variant).as(Replace::new),
                Combinators.combine(names, variant).as(RewriteInPlace::new),
                Combinators.combine(names, Arbitraries.integers().between(0, 100_000)).as(Corrupt::new),
                names.map(Touch::new),
                names.map(Remove::new),
                Arbitraries.of(0, 50).map(Pause::new));
        return change.list().ofMinSize(1).ofMaxSize(12);
    }

    /** What each jar of the root reads as, by a host with a cache read from and saved to {@code index}. */
    private static List<Object> cached(Path root, Path index) {
        DiscoveryCache cache = DiscoveryCache.open(index, RACY_WINDOW, Clock.systemUTC());
        EntryReader reader = new EntryReader(cache);
        List<Object> readings = new ArrayList<>();
        for (Entry entry : new RootScanner().scan(root)) {
            readings.add(summary(reader.read(entry)));
        }
        cache.save();
        return readings;
    }

    private static List<Object> uncached(Path root) {
        List<Object> readings = new ArrayList<>();
        for (Entry entry : new RootScanner().scan(root)) {
            List<JarReading> jars = entry.jars().stream().map(ArchiveReader::readJar).toList();
            readings.add(summary(ArchiveReader.candidate(entry, jars, entry.jars())));
        }
        return readings;
    }

    private static List<Object> summary(Candidate candidate) {
        return List.of(candidate.source(), candidate.modules().stream().map(m -> List.of(m.file(), m.descriptor())).toList(),
                candidate.problems());
    }

    private static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
