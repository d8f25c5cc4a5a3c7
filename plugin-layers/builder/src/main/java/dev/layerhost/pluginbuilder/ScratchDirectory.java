package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** A temporary directory that {@link #close()} deletes with everything in it. */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** Creates a new empty directory in {@code parent}, or in the default temporary directory. */
    static ScratchDirectory create(Optional<Path> parent) {
        try {
            Path created = parent.isPresent()
                    ? Files.createTempDirectory(Files.createDirectories(parent.get()), "plugin-jar-")
                    : Files.createTempDirectory("plugin-jar-");
            return new ScratchDirectory(created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch directory for a plugin jar", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the directory tree, deepest entries first. */
    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete scratch directory " + path, e);
        }
    }
}
