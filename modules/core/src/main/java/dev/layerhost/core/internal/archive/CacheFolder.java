package dev.layerhost.core.internal.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the discovery cache and the content store live. */
public final class CacheFolder {

    private static final Logger log = LoggerFactory.getLogger(CacheFolder.class);

    private CacheFolder() {
    }

    /**
     * {@code chosen}, or else {@code $XDG_CACHE_HOME/layerhost} or {@code ~/.cache/layerhost}, created if
     * need be; empty if it cannot be created or written (a read-only home, a container without one).
     */
    public static Optional<Path> usable(Optional<Path> chosen) {
        Optional<Path> folder = chosen.or(CacheFolder::standard);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path created = Files.createDirectories(folder.get());
            if (!Files.isWritable(created)) {
                log.debug("Cache folder {} is not writable; the cache stays in memory", created);
                return Optional.empty();
            }
            return Optional.of(created);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            log.debug("Cannot use cache folder {}: {}; the cache stays in memory", folder.get(), e.toString());
            return Optional.empty();
        }
    }

    /** The index file of plugin root {@code root} in cache folder {@code folder}. */
    public static Path indexFile(Path folder, Path root) {
        var digest = ContentHash.newDigest();
        digest.update(root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return folder.resolve("index").resolve(HexFormat.of().formatHex(digest.digest(), 0, 12) + ".bin");
    }

    private static Optional<Path> standard() {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Optional.of(Path.of(xdg, "layerhost"));
            }
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank() || home.equals("?")) {
                return Optional.empty();
            }
            return Optional.of(Path.of(home, ".cache", "layerhost"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
