package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.Candidate;

import java.util.Objects;

/**
 * An entry's latest stable copy and what was read from it.
 *
 * @param snapshot  the private copy of the entry's jars
 * @param candidate the modules read from the copy, and its unreadable jars
 */
record EntryCopy(Snapshot snapshot, Candidate candidate) {

    EntryCopy {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(candidate, "candidate");
    }
}
