package dev.layerhost.core.internal.archive;

import dev.layerhost.core.internal.model.SameObjects;
import dev.layerhost.core.internal.scan.Entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an entry's jars in place (for the verbs that only look: scan, plan), through the discovery
 * cache: an unchanged jar is not read again, and an entry whose jars all are gives the very candidate of
 * the last read. The checker and the planner recognise that candidate and keep what they made of it, so
 * a second scan of an unchanged root does not check and resolve it all again (a chain of thousands of
 * plugins costs the JDK's resolver minutes). Safe for reads of different entries at the same time.
 */
public final class EntryReader {

    private final DiscoveryCache cache;
    /** The last candidate of each entry, by source, with what it was made of. */
    private final Map<String, Read> last = new ConcurrentHashMap<>();

    private record Read(Entry entry, List<JarReading> readings, Candidate candidate) {
    }

    public EntryReader(DiscoveryCache cache) {
        this.cache = cache;
    }

    public Candidate read(Entry entry) {
        List<JarReading> readings = new ArrayList<>();
        for (Path jar : entry.jars()) {
            readings.add(readJar(jar));
        }
        Read known = last.get(entry.name());
        if (known != null && known.entry().equals(entry) && SameObjects.inOrder(known.readings(), readings)) {
            return known.candidate();
        }
        Candidate candidate = ArchiveReader.candidate(entry, readings, entry.jars());
        last.put(entry.name(), new Read(entry, List.copyOf(readings), candidate));
        return candidate;
    }

    /** Forgets the entries not named in {@code sources}: they left the root. */
    public void retainOnly(Set<String> sources) {
        last.keySet().retainAll(sources);
    }

    private JarReading readJar(Path jar) {
        long observed = cache.nowNanos();
        Optional<JarStamp> before = JarStamp.of(jar);
        if (before.isPresent()) {
            Optional<DiscoveryCache.Known> known = cache.lookup(jar, before.get());
            if (known.isPresent()) {
                return known.get().reading();
            }
        }
        JarReading reading = ArchiveReader.readJar(jar);
        if (before.isPresent() && JarStamp.of(jar).equals(before)) {
            cache.record(jar, before.get(), observed, Optional.empty(), reading);
        }
        return reading;
    }
}
