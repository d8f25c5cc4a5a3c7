package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.archive.DiscoveryCache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a cache folder from growing without bound, at most once a day, when a host closes: removes the
 * stored copies that no index file names any more (older versions, jars of removed plugins), the folders of
 * hosts whose process is gone (killed before it could close), index files unused for a month, and
 * half-written files. Anything younger than an hour is left alone: a host that runs now may have stored a
 * copy without having written its index yet. A host that uses a stored copy holds a hard link of its own,
 * so removing the stored name never touches it.
 */
final class CacheSweep {

    private static final Logger log = LoggerFactory.getLogger(CacheSweep.class);
    static final Duration INTERVAL = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofHours(1);
    static final Duration UNUSED_INDEX = Duration.ofDays(30);
    static final String HOST_PREFIX = "layerhost-snapshots-";

    private final Path folder;
    private final Clock clock;

    CacheSweep(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** Sweeps if no host swept within a day; never throws. */
    void runIfDue() {
        try {
            Path stamp = folder.resolve(".last-sweep");
            if (Files.exists(stamp) && !olderThan(stamp, INTERVAL)) {
                return;
            }
            Files.writeString(stamp, clock.instant().toString());
            sweep();
        } catch (IOException | RuntimeException e) {
            log.debug("Could not sweep the cache folder {}: {}", folder, e.toString());
        }
    }

    /** Sweeps now. */
    void sweep() throws IOException {
        Set<String> referenced = new HashSet<>();
        Path index = folder.resolve("index");
        for (Path file : list(index)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".tmp")) {
                deleteIfOlder(file, GRACE);
            } else if (name.endsWith(".bin")) {
                if (!deleteIfOlder(file, UNUSED_INDEX)) {
                    referenced.addAll(DiscoveryCache.open(file).hashes());
                }
            }
        }
        for (Path stored : list(folder.resolve("store"))) {
            String name = stored.getFileName().toString();
            if (name.startsWith(".incoming-") || !referenced.contains(name)) {
                deleteIfOlder(stored, GRACE);
            }
        }
        for (Path host : list(folder.resolve("hosts"))) {
            if (!ownerAlive(host.getFileName().toString())) {
                deleteIfOlder(host, GRACE);
            }
        }
    }

    /** The name of a host's folder in {@code hosts/}: it carries the process id, so a sweep knows whether it is gone. */
    static String hostFolderPrefix() {
        return HOST_PREFIX + ProcessHandle.current().pid() + "-";
    }

    private static boolean ownerAlive(String hostFolder) {
        if (!hostFolder.startsWith(HOST_PREFIX)) {
            return false;
        }
        String rest = hostFolder.substring(HOST_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean olderThan(Path path, Duration age) throws IOException {
        FileTime modified = Files.getLastModifiedTime(path);
        return modified.toInstant().isBefore(clock.instant().minus(age));
    }

    /** Deletes {@code path} (a tree) if it was last modified more than {@code age} ago; whether it did. */
    private boolean deleteIfOlder(Path path, Duration age) {
        try {
            if (!olderThan(path, age)) {
                return false;
            }
            SnapshotStore.delete(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<Path> list(Path directory) throws IOException {
        Set<Path> children = new HashSet<>();
        if (!Files.isDirectory(directory)) {
            return children;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(children::add);
        }
        return children;
    }
}
