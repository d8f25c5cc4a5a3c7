package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A private copy of one entry's jars, taken when the entry was stable. Layers are defined from the copy,
 * so the original can be replaced, rewritten or removed at any time without touching a live layer.
 *
 * @param entry       the copy as an entry: the original's name, the copy's paths
 * @param fingerprint the original's fingerprint when it was copied
 * @param directory   the folder holding the copy, deleted when the snapshot is discarded
 * @param unreadable  the original's jars that could not be read, and so are not in the copy: the jar as
 *                    the entry names it ({@code "alpha/lib-x.jar"}) and why
 */
public record Snapshot(Entry entry, EntryFingerprint fingerprint, Path directory, Map<String, String> unreadable) {

    public Snapshot {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(directory, "directory");
        unreadable = Map.copyOf(unreadable);
    }

    public String source() {
        return entry.name();
    }
}
