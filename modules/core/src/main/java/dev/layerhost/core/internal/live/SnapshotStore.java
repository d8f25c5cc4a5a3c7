package dev.layerhost.core.internal.live;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@link Snapshot}s in a working folder of the host's own, and deletes each once nothing holds it
 * (the one owner of their lifetimes). Safe to use from several
 * threads: each snapshot gets a folder of its own. The working folder is
 * deleted on {@link #close()}; when the host is given a work directory, the working folder is a new
 * folder inside it, so that the copies of two hosts, or of an earlier run, never mix.
 */
public final class SnapshotStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path workDirectory;
    private final AtomicLong generation = new AtomicLong();
    /** Deletes a copy once the last layer defined from it is collected; its daemon thread ends once the store and those layers are gone. */
    private final Cleaner cleaner = Cleaner.create();
    /** Who holds each copy; guarded by this object's lock. A copy is deleted when nobody holds it. */
    private final Map<Snapshot, Holds> holders = new HashMap<>();
    /** Whether a copy lost its last holder but a layer, since the store last said so. */
    private boolean awaitingCollection;
    private boolean closed;

    /**
     * The holders of one copy: the registry (as an entry's current files, and as each live plugin's) and
     * every layer defined from it, until that layer is collected.
     */
    private static final class Holds {
        private int registry = 1;
        private int layers;

        boolean none() {
            return registry <= 0 && layers <= 0;
        }
    }

    /**
     * @param workDirectory where the copies go, in a new folder of the store's own; when empty, in a new
     *                      temporary folder
     */
    public SnapshotStore(Optional<Path> workDirectory) {
        Path parent = workDirectory.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        try {
            this.workDirectory = Files.createTempDirectory(Files.createDirectories(parent), "layerhost-snapshots-");
        } catch (IOException e) {
            throw new HostSetupException("cannot create a snapshot folder in " + parent + ": " + e, parent);
        }
    }

    /**
     * Copies {@code entry}'s jars; the caller holds the copy until it {@linkplain #release releases} it.
     * Returns empty when the original changed while it was being copied
     * (its fingerprint before and after differ), or vanished: the caller tries again once it is stable.
     * A jar that cannot be read although it stays the same (no permission) is left out of the copy and
     * named in {@link Snapshot#unreadable()}.
     */
    public Optional<Snapshot> take(Entry entry) {
        if (isClosed()) {
            // the working folder is gone; copying now would make it anew, and nothing would delete it
            return Optional.empty();
        }
        Optional<EntryFingerprint> before = EntryFingerprint.of(entry);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Path directory = workDirectory.resolve(generation.incrementAndGet() + "-" + safeName(entry.name()));
        try {
            Files.createDirectories(directory);
            List<Path> copies = new ArrayList<>();
            Map<String, String> unreadable = new TreeMap<>();
            for (Path jar : entry.jars()) {
                Path copy = directory.resolve(jar.getFileName().toString());
                try {
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                    copies.add(copy);
                } catch (IOException e) {
                    // a jar that changed while copied is retried below; one that stays unreadable is reported
                    unreadable.put(entry.label(jar), reasonOf(e));
                }
            }
            Optional<EntryFingerprint> after = EntryFingerprint.of(entry);
            if (!before.equals(after)) {
                delete(directory);
                return Optional.empty();
            }
            boolean singleJar = entry.jars().size() == 1 && entry.path().equals(entry.jars().get(0));
            Entry copied = new Entry(entry.name(), singleJar && !copies.isEmpty() ? copies.get(0) : directory, copies);
            Snapshot snapshot = new Snapshot(copied, before.get(), directory, unreadable);
            synchronized (this) {
                if (closed) {
                    delete(directory);
                    return Optional.empty();
                }
                holders.put(snapshot, new Holds());
            }
            return Optional.of(snapshot);
        } catch (IOException e) {
            log.debug("Could not copy entry '{}' yet: {}", entry.name(), e.toString());
            delete(directory);
            return Optional.empty();
        }
    }

    /** The registry holds {@code snapshot}'s copy once more (a live plugin's files). */
    public synchronized void retain(Snapshot snapshot) {
        Holds holds = holders.get(snapshot);
        if (holds != null) {
            holds.registry++;
        }
    }

    /** The registry holds {@code snapshot}'s copy once less; it is deleted once nothing holds it. */
    public synchronized void release(Snapshot snapshot) {
        Holds holds = holders.get(snapshot);
        if (holds == null) {
            if (!closed) {
                log.warn("Released snapshot '{}' that the store does not hold; it is left alone", snapshot.directory());
            }
            return;
        }
        holds.registry--;
        if (holds.registry <= 0 && holds.layers > 0) {
            awaitingCollection = true;
        }
        deleteIfUnheld(snapshot, holds);
    }

    /**
     * Keeps {@code snapshot}'s copy on disk until {@code layer}, defined from it, can no longer be reached:
     * the JDK opens a module's jar only when the module's first class is loaded, which may come long after
     * the plugin stopped serving (an instance the host kept, a thread the plugin started). A layer keeps
     * its parent layers reachable, so holding each copy for the layer defined from it covers the layers
     * built on it too.
     */
    public synchronized void holdFor(Snapshot snapshot, ModuleLayer layer) {
        Holds holds = holders.get(snapshot);
        if (holds == null) {
            return;
        }
        holds.layers++;
        // The action must not refer to the layer, or the layer would never become unreachable.
        cleaner.register(layer, () -> layerCollected(snapshot));
    }

    private synchronized void layerCollected(Snapshot snapshot) {
        Holds holds = holders.get(snapshot);
        if (holds != null) {
            holds.layers--;
            deleteIfUnheld(snapshot, holds);
        }
    }

    private void deleteIfUnheld(Snapshot snapshot, Holds holds) {
        if (holds.none()) {
            holders.remove(snapshot);
            delete(snapshot.directory());
        }
    }

    /**
     * Whether, since the last call, the registry let go of a copy that a layer still holds: its files go
     * once a garbage collection finds that layer unreachable.
     */
    public synchronized boolean takeAwaitingCollection() {
        boolean awaiting = awaitingCollection;
        awaitingCollection = false;
        return awaiting;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Deletes every copy: the host dropped every layer; open jars are closed by their cleaners. */
    @Override
    public synchronized void close() {
        closed = true;
        holders.clear();
        delete(workDirectory);
    }

    /** Why a jar could not be copied, without the paths of the copy, which mean nothing to a user. */
    private static String reasonOf(IOException failure) {
        String reason = failure instanceof FileSystemException fileSystem ? fileSystem.getReason() : failure.getMessage();
        return failure.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // On file systems that lock open files the copy stays until the next start; nothing else depends on it.
            log.debug("Could not delete snapshot folder '{}': {}", directory, e.toString());
        }
    }
}
