package dev.layerhost.core.internal.scan;

import dev.layerhost.core.HostSetupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the plugin candidates of a plugin root, following the root rules of the contract: every entry
 * whose name does not start with '.' that is a {@code .jar} file or a folder holding at least one
 * {@code .jar}. Text files, empty folders and dangling links are skipped silently.
 */
public final class RootScanner {

    /** The entries of {@code root}, sorted by name. */
    public List<Entry> scan(Path root) {
        // An empty path would quietly mean the working directory: a slip of the caller's, never a choice.
        if (root.toString().isEmpty()) {
            throw new HostSetupException("plugin root is an empty path; name a directory", root);
        }
        if (!Files.isDirectory(root)) {
            throw new HostSetupException(Files.exists(root)
                    ? "plugin root is not a directory: " + root
                    : "plugin root does not exist: " + root, root);
        }
        if (!Files.isReadable(root)) {
            throw new HostSetupException("plugin root is not readable: " + root, root);
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (isJar(child)) {
                    entries.add(new Entry(name, child, List.of(child)));
                } else if (Files.isDirectory(child)) {
                    List<Path> jars = jarsIn(child);
                    if (!jars.isEmpty()) {
                        entries.add(new Entry(name, child, jars));
                    }
                }
            }
        } catch (IOException e) {
            throw new HostSetupException("cannot list plugin root " + root + ": " + e.getMessage(), root);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return List.copyOf(entries);
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(RootScanner::isJar)
                    .filter(jar -> !jar.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(jar -> jar.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            // A folder that vanished or cannot be read between listing and reading is not a candidate.
            return List.of();
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    /** A regular file (after links) whose name ends in .jar; a dangling link is not one. */
    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path);
    }
}
