package dev.layerhost.core.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A private copy of one entry's jars, taken when the entry was stable. Layers are defined from the copy,
 * so the original can be replaced, rewritten or removed at any time without touching a live layer.
 *
 * @param entry       the copy as an entry: the original's name, the copy's paths
 * @param fingerprint the original's fingerprint when it was copied
 * @param directory   the folder holding the copy, deleted when the snapshot is discarded
 */
public record Snapshot(Entry entry, EntryFingerprint fingerprint, Path directory) {

    public Snapshot {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(directory, "directory");
    }

    public String source() {
        return entry.name();
    }
}
