package dev.layerhost.core.internal.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an entry's files look like on disk without reading them: name, size, modification time and file
 * key of every jar. Two equal fingerprints taken some time apart mean nobody wrote in between.
 *
 * @param files one stamp per jar of the entry, in the entry's jar order
 */
public record EntryFingerprint(List<FileStamp> files) {

    /** One jar's stamp; {@code fileKey} is the inode where the file system has one, so a rename-over shows. */
    public record FileStamp(String name, long size, long modifiedNanos, String fileKey) {
    }

    public EntryFingerprint {
        files = List.copyOf(files);
    }

    /** The fingerprint of {@code entry}'s jars as they are now; empty if one vanished while looking. */
    public static Optional<EntryFingerprint> of(Entry entry) {
        List<FileStamp> stamps = new ArrayList<>();
        for (Path jar : entry.jars()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                stamps.add(new FileStamp(FileNames.of(jar), attributes.size(),
                        attributes.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                                + attributes.lastModifiedTime().toInstant().getNano(),
                        Objects.toString(attributes.fileKey(), "")));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new EntryFingerprint(stamps));
    }
}
