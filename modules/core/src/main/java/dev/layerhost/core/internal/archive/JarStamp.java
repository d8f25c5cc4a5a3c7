package dev.layerhost.core.internal.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a jar looks like on disk without reading it: size, modification time, status-change time and
 * file key. The status-change time ({@code ctime}) is set by the kernel on every write, and no tool can
 * set it back, so a rewrite that keeps the size and restores the modification time still shows; the file
 * key (inode) shows a rename-over. Where the platform has no {@code ctime}, {@link #changedNanos()} is
 * {@code -1} and the discovery cache relies on content hashes instead.
 */
public record JarStamp(long size, long modifiedNanos, long changedNanos, String fileKey) {

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,fileKey";

    public JarStamp {
        Objects.requireNonNull(fileKey, "fileKey");
    }

    /** The stamp of {@code jar} now; empty if it cannot be read (vanished, no permission). */
    public static Optional<JarStamp> of(Path jar) {
        try {
            Map<String, Object> unix = Files.readAttributes(jar, UNIX_ATTRIBUTES);
            return Optional.of(new JarStamp((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), Objects.toString(unix.get("fileKey"), "")));
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return basic(jar);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the platform gave a status-change time. */
    public boolean hasChangeTime() {
        return changedNanos >= 0;
    }

    /** The later of the modification and status-change times. */
    public long latestNanos() {
        return Math.max(modifiedNanos, changedNanos);
    }

    private static Optional<JarStamp> basic(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(new JarStamp(attributes.size(), nanos(attributes.lastModifiedTime()), -1,
                    Objects.toString(attributes.fileKey(), "")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long nanos(FileTime time) {
        if (time == null) {
            return -1;
        }
        var instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
