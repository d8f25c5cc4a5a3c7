package dev.layerhost.core.internal.audit;

import dev.layerhost.core.internal.scan.Entry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The jars of an entry as a pass found them, for the audit log.
 *
 * @param entry  the entry: its name, and the jars to describe (the originals, or a private copy of them
 *               under the originals' file names)
 * @param sha256 the SHA-256 of each of {@code entry.jars()}, in their order, where the pass knows them
 *               already (a copy's content hashes); empty: hash them now
 */
public record EntryFiles(Entry entry, Optional<List<String>> sha256) {

    public EntryFiles {
        Objects.requireNonNull(entry, "entry");
        sha256 = sha256.map(List::copyOf);
        if (sha256.isPresent() && sha256.get().size() != entry.jars().size()) {
            throw new IllegalArgumentException("one hash per jar of " + entry.name());
        }
    }

    /** Jars whose hashes are not known yet. */
    public static EntryFiles unhashed(Entry entry) {
        return new EntryFiles(entry, Optional.empty());
    }
}
