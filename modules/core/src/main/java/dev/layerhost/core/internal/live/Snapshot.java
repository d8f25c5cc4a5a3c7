package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.JarReading;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A private copy of one entry's jars, taken when the entry was stable. Layers are defined from the copy,
 * so the original can be replaced, rewritten or removed at any time without touching a live layer.
 *
 * @param entry       the copy as an entry: the original's name, the copy's paths (with the originals' file names)
 * @param fingerprint the original's fingerprint when it was copied
 * @param files       what to delete when the snapshot is discarded: the copy of a single jar, or the folder of the copies
 * @param unreadable  the original's jars that could not be read, and so are not in the copy: the jar as
 *                    the entry names it ({@code "alpha/lib-x.jar"}) and why
 * @param readings    what each copied jar is as a module, in the order of {@code entry.jars()}
 * @param stored      the content-store copies the private ones link to, and the originals they were taken of
 */
public record Snapshot(Entry entry, EntryFingerprint fingerprint, Path files, Map<String, String> unreadable,
                       List<JarReading> readings, List<StoredJar> stored) {

    /**
     * A jar of the original entry and its copy in the content store; the snapshot's own copy of it holds
     * exactly the bytes {@code sha256} names (signature verdicts are kept by it).
     */
    public record StoredJar(Path original, String sha256, Path stored) {
    }

    public Snapshot {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(files, "files");
        unreadable = Map.copyOf(unreadable);
        readings = List.copyOf(readings);
        stored = List.copyOf(stored);
        if (readings.size() != entry.jars().size()) {
            throw new IllegalArgumentException("one reading per copied jar of " + entry.name());
        }
    }

    public String source() {
        return entry.name();
    }
}
