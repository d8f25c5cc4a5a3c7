package dev.layerhost.core.internal.live;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.archive.ArchiveReader;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.ParallelIo;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.scan.Entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Takes private copies of entries, many at once on the host's executor, and makes each a candidate from
 * what the copy's jars are as modules (read from the copy, or known unchanged by the discovery cache).
 */
final class EntryCopier {

    private final SnapshotStore snapshots;
    private final Executor io;

    EntryCopier(SnapshotStore snapshots, Executor io) {
        this.snapshots = snapshots;
        this.io = io;
    }

    /**
     * A copy of each of {@code entries}, in their order (the current copy of an entry whose jars hold the
     * same contents as before, with its candidate); empty for an entry that changed while it was
     * copied (it is taken on a later pass). The caller holds each copy until it releases it.
     */
    List<Optional<EntryCopy>> copyAll(List<Entry> entries, Map<String, EntryCopy> current) {
        return ParallelIo.map(entries, entry -> {
            Optional<EntryCopy> previous = Optional.ofNullable(current.get(entry.name()));
            return snapshots.take(entry, previous.map(EntryCopy::snapshot)).map(copy -> previous
                    .filter(old -> old.snapshot() == copy)
                    // the same contents: the same candidate, so the checker and planner keep what they know of it
                    .orElseGet(() -> new EntryCopy(copy, candidate(copy))));
        }, io);
    }

    /**
     * The copy's modules, an {@code INVALID_ARCHIVE} for each jar of the original that could not be read,
     * and the content hash of each copied jar (a link to a content-store file, which never changes).
     */
    private static Candidate candidate(Snapshot copy) {
        Candidate candidate = ArchiveReader.candidate(copy.entry(), copy.readings(), copy.entry().jars());
        List<Diagnostic> problems = new ArrayList<>(candidate.problems());
        new TreeMap<>(copy.unreadable()).forEach((file, reason) ->
                problems.add(Diagnostics.invalidArchive(copy.source(), file, reason)));
        Map<Path, String> contents = new HashMap<>();
        // the copy's jars are the stored jars' copies, in the same order, holding the bytes their hashes name
        for (int i = 0; i < copy.stored().size(); i++) {
            contents.put(copy.entry().jars().get(i), copy.stored().get(i).sha256());
        }
        return new Candidate(candidate.entry(), candidate.modules(), problems, contents);
    }
}
