package dev.layerhost.core.internal.watch;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.internal.live.LiveRegistry;
import dev.layerhost.core.internal.live.SnapshotStore;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;
import dev.layerhost.core.internal.scan.RootScanner;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a plugin root and hands the {@link LiveRegistry} the entries whose files changed and then
 * stayed still for the quiet period. A {@link WatchService} wakes it early; every pass also compares
 * the fingerprints of all entries, so a missed or overflowed event only costs one poll interval.
 *
 * <p>A jar being written in place changes size or time on every write, so it is never handed over
 * half-written; a jar that does not yet end in a zip end record must stay still ten quiet periods
 * before it is taken (and then rejected, if it is still broken): a writer may pause, a truncated
 * download is reported a little later. A burst of changes gives one reload. A jar the watch service
 * reports as written is taken even if its size, time and file key came out the same (a reproducible
 * build copied with its time kept).
 */
public final class RootWatcher {

    private static final Logger log = LoggerFactory.getLogger(RootWatcher.class);
    private static final int INCOMPLETE_ZIP_PATIENCE = 10;

    private final Path root;
    private final LiveRegistry registry;
    private final SnapshotStore snapshots;
    private final Duration quietPeriod;
    private final Duration pollInterval;
    private final Clock clock;
    private final RootScanner scanner = new RootScanner();
    private final WatchService watchService;
    private final Set<Path> watched = new HashSet<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** Entries whose jars the watch service reported as written since their last copy. */
    private final Set<String> written = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean rootUnreadable;

    private record Pending(Optional<EntryFingerprint> fingerprint, Instant since) {
    }

    public RootWatcher(Path root, LiveRegistry registry, SnapshotStore snapshots, Duration quietPeriod,
                       Duration pollInterval, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.watchService = root.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new HostSetupException("cannot watch plugin root " + root + ": " + e, root);
        }
        this.thread = new Thread(this::run, "layerhost-watch " + root.getFileName());
        this.thread.setDaemon(true);
    }

    public void start() {
        register(root);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                Set<String> reported = awaitChange();
                pass(reported);
                collectReleasedCopies();
                if (rootUnreadable) {
                    log.info("Plugin root {} is readable again", root);
                    rootUnreadable = false;
                }
            } catch (ClosedWatchServiceException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (HostSetupException e) {
                // Said once, not every poll: the live plugins keep serving until the root is back.
                if (!rootUnreadable) {
                    log.warn("Cannot read plugin root: {}; the live plugins keep serving", e.getMessage());
                    rootUnreadable = true;
                }
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                // The watcher must outlive any one bad pass (plugin code included); the next pass starts
                // from the files again.
                log.error("Watch pass over '{}' failed", root, e);
            }
        }
    }

    /**
     * A dropped layer's jars are closed, and its copy deleted, by cleaners, which run only after a garbage
     * collection finds the layer unreachable; an idle watcher might not collect for hours, holding deleted
     * snapshot files open meanwhile. So a watching host asks for a collection once copies wait for one.
     */
    private void collectReleasedCopies() {
        if (snapshots.takeAwaitingCollection()) {
            System.gc();
        }
    }

    /** Waits for the watch service or the poll interval; returns the entries whose jars it saw written. */
    private Set<String> awaitChange() throws InterruptedException {
        Set<String> reported = new HashSet<>();
        WatchKey key = watchService.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name && key.watchable() instanceof Path directory) {
                    writtenEntry(directory, name).ifPresent(reported::add);
                }
            }
            if (!key.reset()) {
                // The folder is gone; if it comes back it is a new folder, to be watched anew.
                watched.remove(key.watchable());
            }
            key = watchService.poll();
        }
        return reported;
    }

    /**
     * The entry a watch event about jar {@code name} in {@code directory} (the root or an entry's folder)
     * concerns; empty for hidden names and other files, whose changes the fingerprints cover.
     */
    private Optional<String> writtenEntry(Path directory, Path name) {
        String fileName = name.toString();
        if (fileName.startsWith(".") || !fileName.endsWith(".jar")) {
            return Optional.empty();
        }
        if (directory.equals(root)) {
            return Optional.of(fileName);
        }
        Path folder = directory.getFileName();
        return folder == null || !root.equals(directory.getParent()) ? Optional.empty()
                : Optional.of(folder.toString());
    }

    /**
     * One look at the root: which entries differ from their last copy (or were reported written), and
     * which of those are still.
     */
    void pass(Set<String> reported) {
        Instant now = clock.instant();
        // again on every pass: a root deleted and made anew is a new folder to watch
        register(root);
        Map<String, Entry> entries = new TreeMap<>();
        for (Entry entry : scanner.scan(root)) {
            entries.put(entry.name(), entry);
            if (Files.isDirectory(entry.path())) {
                register(entry.path());
            }
        }
        Map<String, EntryFingerprint> known = registry.fingerprints();
        for (String source : reported) {
            if (entries.containsKey(source)) {
                written.add(source);
                // a new write restarts the entry's quiet period even if its fingerprint stays the same
                pending.remove(source);
            }
        }
        written.retainAll(entries.keySet());
        Set<String> differing = new TreeSet<>(written);
        for (Entry entry : entries.values()) {
            Optional<EntryFingerprint> fingerprint = EntryFingerprint.of(entry);
            if (differing.contains(entry.name())
                    || !fingerprint.equals(Optional.ofNullable(known.get(entry.name())))) {
                differing.add(entry.name());
                track(entry.name(), fingerprint, now);
            }
        }
        for (String source : known.keySet()) {
            if (!entries.containsKey(source)) {
                differing.add(source);
                track(source, Optional.empty(), now);
            }
        }
        pending.keySet().retainAll(differing);
        Set<String> ready = new TreeSet<>();
        for (String source : differing) {
            Pending change = pending.get(source);
            Entry entry = entries.get(source);
            int patience = entry != null && !ZipTail.endsLikeZips(entry) ? INCOMPLETE_ZIP_PATIENCE : 1;
            if (!Duration.between(change.since(), now).minus(quietPeriod.multipliedBy(patience)).isNegative()) {
                ready.add(source);
            }
        }
        if (!ready.isEmpty()) {
            pending.keySet().removeAll(ready);
            Set<String> forced = new TreeSet<>(ready);
            forced.retainAll(written);
            written.removeAll(ready);
            registry.synchronize(Optional.of(ready), forced);
        }
    }

    private void track(String source, Optional<EntryFingerprint> fingerprint, Instant now) {
        Pending previous = pending.get(source);
        if (previous == null || !previous.fingerprint().equals(fingerprint)) {
            pending.put(source, new Pending(fingerprint, now));
        }
    }

    private void register(Path directory) {
        if (watched.contains(directory)) {
            return;
        }
        try {
            directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            watched.add(directory);
        } catch (IOException e) {
            // Polling still sees the folder's changes, one poll interval later.
            log.debug("Cannot watch '{}': {}", directory, e.toString());
        }
    }

    /**
     * Stops watching, and waits at most {@code patience} for a pass that is running (it may be running
     * plugin code, in a load).
     *
     * @return whether the watcher's thread ended in time
     */
    public boolean close(Duration patience) {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("Closing the watch service failed: {}", e.toString());
        }
        thread.interrupt();
        try {
            thread.join(Math.max(1, patience.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
