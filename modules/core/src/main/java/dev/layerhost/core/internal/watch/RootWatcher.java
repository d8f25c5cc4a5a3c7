package dev.layerhost.core.internal.watch;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.internal.live.LiveRegistry;
import dev.layerhost.core.internal.live.SnapshotStore;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;
import dev.layerhost.core.internal.scan.FileNames;
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
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a plugin root and hands the {@link LiveRegistry} the entries whose files changed and then
 * stayed still for the quiet period. A {@link WatchService} wakes it early; every pass also compares
 * the fingerprints of all entries, so a missed or overflowed event only costs one poll interval. This
 * class does the file system's part (watching, scanning, fingerprints, zip tails); when an entry is
 * ready is the {@link QuietPeriod}'s decision.
 */
public final class RootWatcher {

    private static final Logger log = LoggerFactory.getLogger(RootWatcher.class);

    private final Path root;
    private final LiveRegistry registry;
    private final SnapshotStore snapshots;
    private final QuietPeriod quietPeriod;
    private final DisabledListChanges disabledList;
    private final Duration pollInterval;
    private final Clock clock;
    private final RootScanner scanner = new RootScanner();
    private final WatchService watchService;
    private final Set<Path> watched = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean rootUnreadable;
    /** What the last pass threw, if it failed; a failure that repeats every poll is logged once. */
    private String lastFailure;

    public RootWatcher(Path root, LiveRegistry registry, SnapshotStore snapshots, Duration quietPeriod,
                       Duration pollInterval, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.quietPeriod = new QuietPeriod(quietPeriod);
        this.disabledList = new DisabledListChanges(quietPeriod);
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
                lastFailure = null;
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
            } catch (Throwable e) {
                if (closed) {
                    // the host closed under a running pass, which the registry then refuses: no failure
                    return;
                }
                // The watcher must outlive any one bad pass (plugin code included, or a heap exhausted by
                // something else): the next pass starts from the files again. A failure that repeats on
                // every poll is said once, in full, until a pass succeeds.
                String failure = e.toString();
                if (!failure.equals(lastFailure)) {
                    log.error("Watch pass over '{}' failed; the watcher goes on", root, e);
                    lastFailure = failure;
                } else {
                    log.debug("Watch pass over '{}' failed again: {}", root, failure);
                }
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
        // named as the scanner names entries: their bytes read as UTF-8, whatever the locale
        if (directory.equals(root)) {
            return Optional.of(FileNames.of(directory.resolve(name)));
        }
        Path folder = directory.getFileName();
        return folder == null || !root.equals(directory.getParent()) ? Optional.empty()
                : Optional.of(FileNames.of(directory));
    }

    /**
     * One look at the root: the entries and their fingerprints, for the quiet period to decide which
     * are ready; those are synchronized. So is the whole root's verdict when the disabled list changed and
     * stayed still: plugins it switches off are unloaded, and those it switches on loaded.
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
        Map<String, EntryFingerprint> lastTaken = registry.fingerprints();
        Map<String, Optional<EntryFingerprint>> fingerprints = new TreeMap<>();
        entries.forEach((source, entry) -> fingerprints.put(source, EntryFingerprint.of(entry)));
        QuietPeriod.Ready ready = quietPeriod.observe(now, fingerprints, lastTaken, reported,
                source -> ZipTail.endsLikeZips(entries.get(source)));
        boolean disabledListReady = disabledList.observe(now, DisabledPlugins.stamp(root), registry.disabledStamp());
        if (!ready.isEmpty() || disabledListReady) {
            // every synchronization reads the list: with no entry ready, one of no entry re-checks the copies
            registry.synchronize(Optional.of(ready.sources()), ready.forced());
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
        if (Thread.currentThread() == thread) {
            // A listener the watcher is delivering to closes the host: its pass ends when the listener returns.
            return true;
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
