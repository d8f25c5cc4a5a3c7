package dev.layerhost.core.internal.scan;

import dev.layerhost.core.HostSetupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import java.util.stream.Stream;

/**
 * Lists the plugin candidates of a plugin root, following the root rules of the contract: every entry
 * whose name does not start with '.' that is a {@code .jar} file or a folder holding at least one
 * {@code .jar}. Text files, empty folders and dangling links are skipped silently.
 */
public final class RootScanner {

    /** The entries of {@code root}, sorted by name. */
    public List<Entry> scan(Path root) {
        checkRoot(root);
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                entryAt(child).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new HostSetupException("cannot list plugin root " + root + ": " + e.getMessage(), root);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return List.copyOf(entries);
    }

    /**
     * The entries of {@code root} among {@code names}, sorted by name, without listing the whole root: a
     * reload of one plugin looks at its own entry only. A name that is no entry (now) is left out.
     */
    public List<Entry> scan(Path root, Set<String> names) {
        checkRoot(root);
        List<Entry> entries = new ArrayList<>();
        Set<String> unresolved = new HashSet<>();
        for (String name : names) {
            Optional<Path> child = childNamed(root, name);
            if (child.isPresent()) {
                entryAt(child.get()).ifPresent(entries::add);
            } else {
                unresolved.add(name);
            }
        }
        if (!unresolved.isEmpty()) {
            // A name shown with \xNN escapes (bytes that are not UTF-8) is no path to resolve: look it up.
            scan(root).stream().filter(entry -> unresolved.contains(entry.name())).forEach(entries::add);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return List.copyOf(entries);
    }

    /** The child of {@code root} whose name reads {@code name}, if resolving the name finds it (present or not). */
    private static Optional<Path> childNamed(Path root, String name) {
        Path child;
        try {
            child = root.resolve(name);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        boolean direct = child.getParent() != null && child.getParent().equals(root);
        if (!direct || !FileNames.of(child).equals(name)) {
            return Optional.empty();
        }
        // "\xff.jar" may be the readable name of a file whose name is the byte 0xff: looked up by listing
        boolean mayBeEscaped = name.indexOf('\\') >= 0;
        return mayBeEscaped && !Files.exists(child, LinkOption.NOFOLLOW_LINKS) ? Optional.empty() : Optional.of(child);
    }

    private static void checkRoot(Path root) {
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
    }

    /**
     * The entry {@code path} would be if it were a child of a plugin root, by the same rules as
     * {@link #scan(Path)}: a {@code .jar} file on its own, or a folder and the jars directly inside it;
     * empty if it would be none (a name starting with '.', a folder without a jar, another kind of file).
     */
    public Optional<Entry> entryOf(Path path) {
        return entryAt(path);
    }

    /** The entry {@code child} of the root is, if it is one. */
    private static Optional<Entry> entryAt(Path child) {
        String name = FileNames.of(child);
        if (name.startsWith(".")) {
            return Optional.empty();
        }
        if (isJar(child)) {
            return Optional.of(new Entry(name, child, List.of(child)));
        }
        if (Files.isDirectory(child)) {
            List<Path> jars = jarsIn(child);
            if (!jars.isEmpty()) {
                return Optional.of(new Entry(name, child, jars));
            }
        }
        return Optional.empty();
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(RootScanner::isJar)
                    .filter(jar -> !jar.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(FileNames::of))
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
