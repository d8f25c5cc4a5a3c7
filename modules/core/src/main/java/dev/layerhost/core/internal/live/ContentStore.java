package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.ContentHash;

import java.io.IOException;
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
    Optional<Path> find(String sha256, String fileName) {
        Path stored = directory.resolve(sha256).resolve(fileName);
        return Files.isRegularFile(stored) ? Optional.of(stored) : Optional.empty();
    }

    /** A stored copy and the hash of its content. */
    record Stored(String sha256, Path path) {
    }

    /**
     * Copies {@code original} into the store, hashing it on the way; the copy is named {@code fileName}
     * (an automatic module's name comes from it).
     */
    Stored put(Path original, String fileName) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".incoming-", ".jar");
        try {
            MessageDigest digest = ContentHash.newDigest();
            try (InputStream in = Files.newInputStream(original);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                in.transferTo(out);
            }
            String sha256 = ContentHash.hex(digest);
            Path target = directory.resolve(sha256).resolve(fileName);
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // another host stored the same content under the same name meanwhile
                }
            }
            return new Stored(sha256, target);
        } finally {
            Files.deleteIfExists(temporary);
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
