package dev.layerhost.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and discards {@link Snapshot}s in a working folder of the host's own. Safe to use from several
 * threads: each snapshot gets a folder of its own. The working folder is
 * deleted on {@link #close()}; when the host is given a work directory, the working folder is a new
 * folder inside it, so that the copies of two hosts, or of an earlier run, never mix.
 */
public final class SnapshotStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path workDirectory;
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param workDirectory where the copies go, in a new folder of the store's own; when empty, in a new
     *                      temporary folder
     */
    public SnapshotStore(Optional<Path> workDirectory) {
        try {
            if (workDirectory.isPresent()) {
                this.workDirectory = Files.createTempDirectory(Files.createDirectories(workDirectory.get()),
                        "layerhost-snapshots-");
            } else {
                this.workDirectory = Files.createTempDirectory("layerhost-snapshots-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot folder", e);
        }
    }

    /**
     * Copies {@code entry}'s jars. Returns empty when the original changed while it was being copied
     * (its fingerprint before and after differ), or vanished: the caller tries again once it is stable.
     */
    public Optional<Snapshot> take(Entry entry) {
        Optional<EntryFingerprint> before = EntryFingerprint.of(entry);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Path directory = workDirectory.resolve(generation.incrementAndGet() + "-" + safeName(entry.name()));
        try {
            Files.createDirectories(directory);
            List<Path> copies = new ArrayList<>();
            for (Path jar : entry.jars()) {
                Path copy = directory.resolve(jar.getFileName().toString());
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy);
            }
            Optional<EntryFingerprint> after = EntryFingerprint.of(entry);
            if (!before.equals(after)) {
                delete(directory);
                return Optional.empty();
            }
            boolean singleJar = entry.jars().size() == 1 && entry.path().equals(entry.jars().get(0));
            Entry copied = new Entry(entry.name(), singleJar ? copies.get(0) : directory, copies);
            return Optional.of(new Snapshot(copied, before.get(), directory));
        } catch (IOException e) {
            log.debug("Could not copy entry '{}' yet: {}", entry.name(), e.toString());
            delete(directory);
            return Optional.empty();
        }
    }

    /** Deletes a snapshot's copy. Its layer must be dropped already; open jars are closed by their cleaners. */
    public void discard(Snapshot snapshot) {
        delete(snapshot.directory());
    }

    @Override
    public void close() {
        delete(workDirectory);
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
