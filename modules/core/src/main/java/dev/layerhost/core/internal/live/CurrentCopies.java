package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest stable copy of every entry of the root, by source: what the checker looks at. An entry is
 * copied anew only when its fingerprint changed (or a change is forced), so a synchronization reads the
 * jars of the entries that changed, not the whole root. Not thread-safe: the registry's lock guards it.
 */
final class CurrentCopies {

    private static final Logger log = LoggerFactory.getLogger(CurrentCopies.class);

    private final SnapshotStore snapshots;
    private final EntryCopier copier;
    private final Map<String, EntryCopy> copies = new TreeMap<>();
    /** {@link #candidates()} as last made; null once a copy changed. */
    private List<Candidate> candidates;

    CurrentCopies(SnapshotStore snapshots, Executor io) {
        this.snapshots = snapshots;
        this.copier = new EntryCopier(snapshots, io);
    }

    /**
     * Copies anew the entries in {@code scope} whose files differ from their last copy, or that are
     * {@code forced}; an entry that changed while being copied keeps its last copy, to be taken later. A
     * forced entry whose jars hold the same contents keeps its copy, and counts as copied anew.
     *
     * @return the sources copied anew
     */
    Set<String> refresh(List<Entry> entries, Optional<Set<String>> scope, Predicate<String> forced) {
        List<Entry> toCopy = new ArrayList<>();
        for (Entry entry : entries) {
            if (scope.isPresent() && !scope.get().contains(entry.name())) {
                continue;
            }
            EntryCopy old = copies.get(entry.name());
            boolean same = old != null && EntryFingerprint.of(entry).equals(Optional.of(old.snapshot().fingerprint()));
            if (!same || forced.test(entry.name())) {
                toCopy.add(entry);
            }
        }
        Set<String> changed = new TreeSet<>();
        List<Optional<EntryCopy>> taken = copier.copyAll(toCopy, copies);
        for (int i = 0; i < toCopy.size(); i++) {
            String source = toCopy.get(i).name();
            if (taken.get(i).isEmpty()) {
                log.debug("Entry '{}' changed while being copied; it is taken on a later pass", source);
                continue;
            }
            EntryCopy old = copies.put(source, taken.get(i).get());
            if (old == null || old.candidate() != taken.get(i).get().candidate()) {
                candidates = null;
            }
            changed.add(source);
            if (old != null) {
                snapshots.release(old.snapshot());
            }
        }
        return changed;
    }

    /**
     * Forgets the copies of the entries in {@code scope} that are not among {@code present}.
     *
     * @return the sources forgotten
     */
    List<String> forgetAbsent(Optional<Set<String>> scope, Set<String> present) {
        List<String> gone = new ArrayList<>();
        // a reload of one entry looks at that entry, not at every copy
        for (String source : new ArrayList<>(scope.orElse(copies.keySet()))) {
            if (copies.containsKey(source) && !present.contains(source)) {
                snapshots.release(copies.remove(source).snapshot());
                candidates = null;
                gone.add(source);
            }
        }
        return gone;
    }

    /** What was read from every current copy, by source. */
    List<Candidate> candidates() {
        if (candidates == null) {
            candidates = copies.values().stream().map(EntryCopy::candidate).toList();
        }
        return candidates;
    }

    /** The current copy of {@code source}'s files. */
    Snapshot snapshot(String source) {
        return copies.get(source).snapshot();
    }

    /** The entry whose current files hold module {@code module}. */
    Optional<String> sourceHolding(String module) {
        return copies.values().stream()
                .filter(copy -> copy.candidate().modules().stream().anyMatch(m -> m.name().equals(module)))
                .map(copy -> copy.snapshot().source())
                .findFirst();
    }

    /** The fingerprints of the entries as last copied, by source. */
    Map<String, EntryFingerprint> fingerprints() {
        Map<String, EntryFingerprint> fingerprints = new TreeMap<>();
        copies.forEach((source, copy) -> fingerprints.put(source, copy.snapshot().fingerprint()));
        return fingerprints;
    }

    /** Forgets every copy: the registry is closing, and the store deletes them all. */
    void clear() {
        copies.clear();
        candidates = null;
    }
}
