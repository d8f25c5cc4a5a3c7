package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.ContentHash;
import dev.layerhost.core.internal.archive.MeasuredCopy;

import java.io.IOException;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Copies of jars by content, {@code <store>/<sha-256>/<file name>}, shared by the hosts that use one
 * cache folder over time: a jar that did not change is never copied again. A stored file is never
 * written once in place; a host defines its layers from hard links to it of its own, so removing a
 * stored file never touches a host that uses it.
 */
final class ContentStore {

    private final Path directory;

    ContentStore(Path directory) {
        this.directory = directory;
    }

    /** A stored copy of content {@code sha256} under {@code fileName}, if the store has it. */
    Optional<Path> find(String sha256, Path fileName, long size) {
        Path stored = directory.resolve(sha256).resolve(fileName);
        return hasSize(stored, size) ? Optional.of(stored) : Optional.empty();
    }

    /**
     * Whether {@code stored} is a regular file of {@code size} bytes. The store is the user's own folder
     * and a copy is never written in place, so only a damaged one (cut short by a full disk, restored from
     * a broken cache) differs; its size shows that without reading it, and it is then copied anew.
     */
    private static boolean hasSize(Path stored, long size) {
        try {
            return Files.isRegularFile(stored) && Files.size(stored) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** A stored copy and the hash of its content. */
    record Stored(String sha256, Path path) {
    }

    /** The store itself failed (a full disk, a folder removed meanwhile): the original is not to blame. */
    static final class StoreFailure extends IOException {
        private static final long serialVersionUID = 1L;

        StoreFailure(Path store, IOException cause) {
            super("cannot write to " + store + ": " + cause, cause);
        }
    }

    /**
     * Copies the {@code size} bytes of {@code original} into the store, hashing them on the way; the copy
     * is named {@code fileName} (an automatic module's name comes from it; a path, so that its bytes are
     * kept whatever the locale's character set).
     *
     * @throws StoreFailure                   if writing to the store failed
     * @throws MeasuredCopy.SizeMismatch if the original does not read {@code size} bytes
     * @throws IOException                    if reading the original failed
     */
    Stored put(Path original, Path fileName, long size) throws IOException {
        Path temporary;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".incoming-", ".jar");
        } catch (IOException e) {
            throw new StoreFailure(directory, e);
        }
        try {
            MessageDigest digest = ContentHash.newDigest();
            try (InputStream in = Files.newInputStream(original)) {
                copy(in, size, temporary, digest);
            }
            String sha256 = ContentHash.hex(digest);
            Path target = directory.resolve(sha256).resolve(fileName);
            try {
                if (!hasSize(target, size)) {
                    Files.createDirectories(target.getParent());
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (FileAlreadyExistsException e) {
                // another host stored the same content under the same name meanwhile
            } catch (IOException e) {
                throw new StoreFailure(directory, e);
            }
            return new Stored(sha256, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies {@code in} to {@code target}: a failure to read is the original's, one to write the store's. */
    private void copy(InputStream in, long size, Path target, MessageDigest digest) throws IOException {
        OutputStream out;
        try {
            out = new DigestOutputStream(Files.newOutputStream(target), digest);
        } catch (IOException e) {
            throw new StoreFailure(directory, e);
        }
        OutputStream store = new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    out.write(bytes, offset, length);
                } catch (IOException e) {
                    throw new StoreFailure(directory, e);
                }
            }
        };
        try {
            MeasuredCopy.copy(in, size, store);
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw new StoreFailure(directory, e);
            }
        }
    }

    /** Removes a stored copy (and its content's folder once empty); hosts linking it keep their links. */
    void remove(Path stored) {
        try {
            Files.deleteIfExists(stored);
            Files.deleteIfExists(stored.getParent());
        } catch (DirectoryNotEmptyException e) {
            // the same content under another file name is still stored
        } catch (IOException e) {
            // a copy left behind costs disk space only; the next host may still use it
        }
    }
}
