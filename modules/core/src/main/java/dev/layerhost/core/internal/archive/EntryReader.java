package dev.layerhost.core.internal.archive;

import dev.layerhost.core.internal.scan.Entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an entry's jars in place (for the verbs that only look: scan, plan), through the discovery
 * cache: an unchanged jar is not read again.
 */
public final class EntryReader {

    private final DiscoveryCache cache;

    public EntryReader(DiscoveryCache cache) {
        this.cache = cache;
    }

    public Candidate read(Entry entry) {
        List<JarReading> readings = new ArrayList<>();
        for (Path jar : entry.jars()) {
            readings.add(readJar(jar));
        }
        return ArchiveReader.candidate(entry, readings, entry.jars());
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
