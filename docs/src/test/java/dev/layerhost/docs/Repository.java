package dev.layerhost.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the repository the docs module is part of. */
final class Repository {

    private Repository() {
    }

    /** The repository's root: the parent of the docs module's folder (Maven's {@code basedir}). */
    static Path root() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize().getParent();
    }

    /** The Markdown files that may hold snippets: the README and every {@code .md} below {@code docs/}, relative to the root. */
    static List<Path> markdownFiles() {
        Path root = root();
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            return Stream.concat(Stream.of(Path.of("README.md")),
                            docs.filter(path -> path.toString().endsWith(".md"))
                                    .filter(path -> !path.startsWith(root.resolve("docs/target")))
                                    .map(root::relativize)
                                    .sorted())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root.resolve("docs"), e);
        }
    }
}
