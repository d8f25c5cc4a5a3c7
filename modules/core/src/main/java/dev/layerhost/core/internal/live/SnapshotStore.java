package dev.layerhost.core.internal.live;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;

import dev.layerhost.core.internal.archive.ArchiveReader;
import dev.layerhost.core.internal.archive.ContentHash;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.archive.JarReading;
import dev.layerhost.core.internal.archive.JarStamp;
import dev.layerhost.core.internal.archive.MeasuredCopy;
import dev.layerhost.core.internal.scan.FileNames;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.time.Clock;
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
 * (the one owner of their lifetimes). A snapshot's files are hard links to copies kept by content in the
 * cache folder's {@link ContentStore} (copied there once per content, shared by hosts over time), named
 * as the originals, in a batch folder that takes each entry name once. Safe to use from several threads.
 * The working folder is deleted on {@link #close()}, which then lets a {@link CacheSweep} run; it is a new
 * folder (named with the process id) in the cache folder's {@code hosts/}, or in the host's work
 * directory, so that the copies of two hosts, or of an earlier run, never mix.
 */
public final class SnapshotStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path workDirectory;
    /** The shared content store of the cache folder, or {@link #ownContent} when there is none. */
    private final ContentStore content;
    /** Copies in this store's own folder: where copies go when the shared store fails. */
    private final ContentStore ownContent;
    /** Run when the store closes: the cache folder is shared, and must not grow without bound. */
    private final Optional<CacheSweep> sweep;
    private final DiscoveryCache cache;
    private final AtomicLong generation = new AtomicLong();
    /** The folder new private copies go to, and the names taken in it; guarded by this object's lock. */
    private Path batch;
    private final Set<String> batchNames = new HashSet<>();
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
     * @param workDirectory where this store's own folder goes (its links to the content store, deleted on
     *                      close); when empty, in {@code cacheDirectory}, or else a new temporary folder
     * @param cacheDirectory the cache folder whose content store hosts share; when empty, copies go to
     *                      this store's own folder and are deleted with it
     * @param cache         what is known of jars: a jar whose content is stored is neither read nor copied again
     */
    public SnapshotStore(Optional<Path> workDirectory, Optional<Path> cacheDirectory, DiscoveryCache cache) {
        Path parent = workDirectory.or(() -> cacheDirectory.map(folder -> folder.resolve("hosts")))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        try {
            this.workDirectory = Files.createTempDirectory(Files.createDirectories(parent), CacheSweep.hostFolderPrefix());
        } catch (IOException e) {
            throw new HostSetupException("cannot create a snapshot folder in " + parent + ": " + e, parent);
        }
        this.ownContent = new ContentStore(this.workDirectory.resolve(".store"));
        this.content = cacheDirectory.map(folder -> new ContentStore(folder.resolve("store"))).orElse(ownContent);
        this.sweep = cacheDirectory.map(folder -> new CacheSweep(folder, Clock.systemUTC()));
        this.cache = cache;
    }

    /**
     * Copies {@code entry}'s jars; the caller holds the copy until it {@linkplain #release releases} it.
     * A jar the discovery cache knows unchanged, and whose content is stored, is linked, not copied.
     * Returns empty when the original changed while it was being copied
     * (its fingerprint before and after differ), or vanished: the caller tries again once it is stable.
     * A jar that cannot be read although it stays the same (no permission) is left out of the copy and
     * named in {@link Snapshot#unreadable()}.
     *
     * @param previous the entry's current copy: returned again (held once more) if the entry's jars are
     *                 still the same contents under the same names, rather than linked anew
     */
    public Optional<Snapshot> take(Entry entry, Optional<Snapshot> previous) {
        if (isClosed()) {
            // the working folder is gone; copying now would make it anew, and nothing would delete it
            return Optional.empty();
        }
        Optional<EntryFingerprint> before = EntryFingerprint.of(entry);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        List<Snapshot.StoredJar> stored = new ArrayList<>();
        List<JarReading> readings = new ArrayList<>();
        Map<String, String> unreadable = new TreeMap<>();
        for (Path jar : entry.jars()) {
            try {
                Optional<Snapshot.StoredJar> copy = store(jar, readings);
                if (copy.isEmpty()) {
                    return Optional.empty();
                }
                stored.add(copy.get());
            } catch (IOException e) {
                // a jar that changed while copied is retried below; one that stays unreadable is reported
                unreadable.put(entry.label(jar), reasonOf(e));
            }
        }
        Optional<EntryFingerprint> after = EntryFingerprint.of(entry);
        if (!before.equals(after)) {
            return Optional.empty();
        }
        if (previous.isPresent() && unreadable.isEmpty() && sameContents(previous.get(), stored)
                && retainIfHeld(previous.get())) {
            return previous;
        }
        Path files = null;
        try {
            boolean singleJar = entry.jars().size() == 1 && entry.path().equals(entry.jars().get(0));
            files = privateFolderFor(entry, singleJar);
            Path folder = singleJar ? files.getParent() : files;
            List<Path> links = new ArrayList<>();
            boolean copiedPrivately = false;
            for (Snapshot.StoredJar jar : stored) {
                Path target = folder.resolve(jar.stored().getFileName());
                try {
                    links.add(link(jar.stored(), target));
                } catch (NoSuchFileException e) {
                    // another host removed the stored copy meanwhile: a private copy of the original holds
                    // the same content, if the original is still what it was (checked below). Signature
                    // verdicts are kept by the hash, so the copy must hold exactly the bytes it names.
                    long size = sizeIn(before.get(), jar.original());
                    Path copy = copyMeasured(jar.original(), size, target);
                    links.add(copy);
                    copiedPrivately = true;
                    if (!ContentHash.of(copy, size).equals(jar.sha256())) {
                        delete(files);
                        return Optional.empty();
                    }
                }
            }
            if (copiedPrivately && !EntryFingerprint.of(entry).equals(before)) {
                delete(files);
                return Optional.empty();
            }
            Entry copied = new Entry(entry.name(), singleJar && !links.isEmpty() ? links.get(0) : folder, links);
            Snapshot snapshot = new Snapshot(copied, before.get(), files, unreadable, readings, stored);
            synchronized (this) {
                if (closed) {
                    delete(files);
                    return Optional.empty();
                }
                holders.put(snapshot, new Holds());
            }
            return Optional.of(snapshot);
        } catch (IOException e) {
            log.debug("Could not copy entry '{}' yet: {}", entry.name(), e.toString());
            if (files != null) {
                delete(files);
            }
            return Optional.empty();
        }
    }

    private static boolean sameContents(Snapshot previous, List<Snapshot.StoredJar> stored) {
        if (!previous.unreadable().isEmpty() || previous.stored().size() != stored.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Snapshot.StoredJar was = previous.stored().get(i);
            Snapshot.StoredJar now = stored.get(i);
            if (!was.original().equals(now.original()) || !was.sha256().equals(now.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** Holds {@code snapshot} once more, if the store still has it. */
    private synchronized boolean retainIfHeld(Snapshot snapshot) {
        Holds holds = holders.get(snapshot);
        if (closed || holds == null || holds.registry <= 0) {
            return false;
        }
        holds.registry++;
        return true;
    }

    /**
     * The content-store copy of {@code jar}, its reading added to {@code readings}: known and stored
     * already, or copied and read now. Empty when the jar changed while it was copied.
     */
    private Optional<Snapshot.StoredJar> store(Path jar, List<JarReading> readings) throws IOException {
        // named so that java.io.File, through which the JDK opens jars, can name it (see FileNames.openableName)
        Path fileName = FileNames.openableName(jar);
        long observed = cache.nowNanos();
        Optional<JarStamp> stamp = JarStamp.of(jar);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Optional<DiscoveryCache.Known> known = cache.lookup(jar, stamp.get());
        if (known.isPresent() && known.get().sha256().isPresent()) {
            String sha256 = known.get().sha256().get();
            Optional<Path> stored = content.find(sha256, fileName, stamp.get().size());
            if (stored.isPresent()) {
                readings.add(known.get().reading());
                return Optional.of(new Snapshot.StoredJar(jar, sha256, stored.get()));
            }
        }
        ContentStore store = content;
        ContentStore.Stored copy;
        try {
            copy = store.put(jar, fileName, stamp.get().size());
        } catch (ContentStore.StoreFailure e) {
            if (store == ownContent) {
                throw e;
            }
            log.warn("The cache folder's content store failed ({}); copying '{}' to the host's own folder", e.getMessage(),
                    jar.getFileName());
            store = ownContent;
            copy = store.put(jar, fileName, stamp.get().size());
        }
        if (!JarStamp.of(jar).equals(stamp)) {
            store.remove(copy.path());
            return Optional.empty();
        }
        JarReading reading = ArchiveReader.readJar(copy.path());
        cache.record(jar, stamp.get(), observed, Optional.of(copy.sha256()), reading);
        readings.add(reading);
        return Optional.of(new Snapshot.StoredJar(jar, copy.sha256(), copy.path()));
    }

    /**
     * Where the private copies of an entry go: a single jar straight into the current batch folder, a
     * folder entry's jars into a folder of its own there. A batch folder takes every entry name once, so
     * a load of a thousand single-jar entries makes one folder, not a thousand.
     */
    private synchronized Path privateFolderFor(Entry entry, boolean singleJar) throws IOException {
        // The entry's own name, as in the root: a single jar's copy must keep its file name (it names an
        // automatic module), and the folder it goes to is then exactly what is deleted with the snapshot.
        // A name java.io.File can open, as the JDK opens jars through it (FileNames.openableName).
        Path fileName = FileNames.openableName(entry.path());
        String name = fileName.toString();
        if (batch == null || !batchNames.add(name)) {
            batch = Files.createDirectory(workDirectory.resolve(Long.toString(generation.incrementAndGet())));
            batchNames.clear();
            batchNames.add(name);
        }
        Path files = batch.resolve(fileName);
        if (!singleJar) {
            Files.createDirectory(files);
        }
        return files;
    }

    /** The size {@code fingerprint} measured of {@code jar}. */
    private static long sizeIn(EntryFingerprint fingerprint, Path jar) {
        String name = FileNames.of(jar);
        return fingerprint.files().stream().filter(file -> file.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the fingerprint has no " + name)).size();
    }

    private static Path copyMeasured(Path original, long size, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(original);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            MeasuredCopy.copy(in, size, out);
        }
        return target;
    }

    /** A hard link to the stored copy (no bytes copied), or a copy where the file system has no links. */
    private static Path link(Path stored, Path link) throws IOException {
        try {
            return Files.createLink(link, stored);
        } catch (UnsupportedOperationException | FileSystemException e) {
            return Files.copy(stored, link);
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
                log.warn("Released snapshot '{}' that the store does not hold; it is left alone", snapshot.files());
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
            delete(snapshot.files());
            Path folder = snapshot.files().getParent();
            if (!folder.equals(batch)) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    // other copies of that batch are still in use
                }
            }
            dropSuperseded(snapshot);
        }
    }

    /**
     * Removes the stored content of {@code snapshot}'s jars that the discovery cache no longer knows as
     * their originals' content: an old version, which no later host will ask for.
     */
    private void dropSuperseded(Snapshot snapshot) {
        for (Snapshot.StoredJar jar : snapshot.stored()) {
            if (!cache.currentHash(jar.original()).equals(Optional.of(jar.sha256()))) {
                content.remove(jar.stored());
            }
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
    public void close() {
        synchronized (this) {
            closed = true;
            holders.keySet().forEach(this::dropSuperseded);
            holders.clear();
            delete(workDirectory);
        }
        sweep.ifPresent(CacheSweep::runIfDue);
    }

    /** Why a jar could not be copied, without the paths of the copy, which mean nothing to a user. */
    private static String reasonOf(IOException failure) {
        String reason = failure instanceof FileSystemException fileSystem ? fileSystem.getReason() : failure.getMessage();
        return failure.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }

    static void delete(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
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
