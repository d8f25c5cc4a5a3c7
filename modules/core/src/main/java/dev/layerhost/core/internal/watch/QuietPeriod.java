package dev.layerhost.core.internal.watch;

import dev.layerhost.core.internal.scan.EntryFingerprint;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides, one watcher pass after the other, which entries of a plugin root are ready to be synchronized:
 * those whose files differ from their last copy (or were reported written) and then stayed still for
 * the quiet period. It reads no file and no clock: the watcher tells it what it saw and when.
 *
 * <p>A jar being written in place changes size or time on every write, so it is never handed over
 * half-written; a jar that does not yet end in a zip end record must stay still ten quiet periods
 * before it is taken (and then rejected, if it is still broken): a writer may pause, a truncated
 * download is reported a little later. A burst of changes gives one synchronization. A jar the watch
 * service reports as written is taken even if its size, time and file key came out the same (a
 * reproducible build copied with its time kept): it is forced.
 *
 * <p>Not thread-safe: one watcher thread calls it.
 */
final class QuietPeriod {

    /** How many quiet periods a jar that does not end like a complete zip must stay still. */
    static final int INCOMPLETE_ZIP_PATIENCE = 10;

    private final Duration period;
    /** The entries that differ from their last copy: how they looked last, and since when. */
    private final Map<String, Pending> pending = new HashMap<>();
    /** Entries whose jars the watch service reported as written since their last copy. */
    private final Set<String> written = new HashSet<>();

    private record Pending(Optional<EntryFingerprint> fingerprint, Instant since) {
    }

    /**
     * The entries to synchronize now.
     *
     * @param sources the entries
     * @param forced  those of them to take even if their fingerprints equal their last copies'
     */
    record Ready(Set<String> sources, Set<String> forced) {

        Ready {
            sources = Set.copyOf(sources);
            forced = Set.copyOf(forced);
        }

        boolean isEmpty() {
            return sources.isEmpty();
        }
    }

    /** @param period how long an entry's files must stay still before they are taken */
    QuietPeriod(Duration period) {
        this.period = Objects.requireNonNull(period, "period");
    }

    /**
     * One pass: what the watcher saw at {@code now}, and which entries are ready; those are forgotten,
     * as their copies are taken next.
     *
     * @param now          when the watcher looked
     * @param fingerprints the fingerprint of every entry of the root, by name; empty where a jar vanished
     *                     while the watcher looked
     * @param lastTaken    the fingerprints of the entries' last copies, by name
     * @param reported     the entries the watch service reported written since the last pass
     * @param endsLikeZips whether every jar of an entry of {@code fingerprints} ends like a complete zip;
     *                     asked only of an entry that has stayed still one quiet period, so the watcher
     *                     reads no jar before it could matter
     */
    Ready observe(Instant now, Map<String, Optional<EntryFingerprint>> fingerprints,
                  Map<String, EntryFingerprint> lastTaken, Set<String> reported, Predicate<String> endsLikeZips) {
        for (String source : reported) {
            if (fingerprints.containsKey(source)) {
                written.add(source);
                // a new write restarts the entry's quiet period even if its fingerprint stays the same
                pending.remove(source);
            }
        }
        written.retainAll(fingerprints.keySet());
        Set<String> differing = new TreeSet<>(written);
        fingerprints.forEach((source, fingerprint) -> {
            if (differing.contains(source) || !fingerprint.equals(Optional.ofNullable(lastTaken.get(source)))) {
                differing.add(source);
                track(source, fingerprint, now);
            }
        });
        for (String source : lastTaken.keySet()) {
            if (!fingerprints.containsKey(source)) {
                differing.add(source);
                track(source, Optional.empty(), now);
            }
        }
        pending.keySet().retainAll(differing);
        Set<String> ready = new TreeSet<>();
        for (String source : differing) {
            Duration still = Duration.between(pending.get(source).since(), now);
            if (!stillFor(still, 1)) {
                continue;
            }
            boolean complete = !fingerprints.containsKey(source) || endsLikeZips.test(source);
            if (complete || stillFor(still, INCOMPLETE_ZIP_PATIENCE)) {
                ready.add(source);
            }
        }
        pending.keySet().removeAll(ready);
        Set<String> forced = new TreeSet<>(ready);
        forced.retainAll(written);
        written.removeAll(ready);
        return new Ready(ready, forced);
    }

    private boolean stillFor(Duration still, int periods) {
        return !still.minus(period.multipliedBy(periods)).isNegative();
    }

    /** A fingerprint other than the pending one starts the entry's quiet period anew. */
    private void track(String source, Optional<EntryFingerprint> fingerprint, Instant now) {
        Pending previous = pending.get(source);
        if (previous == null || !previous.fingerprint().equals(fingerprint)) {
            pending.put(source, new Pending(fingerprint, now));
        }
    }
}
