package dev.layerhost.core.internal.scan;

import dev.layerhost.core.HostSetupException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the paths of what-if candidates into entries, as if each were a child of the plugin root: a
 * {@code .jar} file on its own, or a folder and the jars directly inside it ({@link RootScanner#entryOf}).
 * A path that could never be an entry is a usage error, told in one line that names it.
 */
public final class WhatIfEntries {

    private final RootScanner scanner = new RootScanner();

    /**
     * The candidates' entries, sorted by name.
     *
     * @throws HostSetupException if a path does not exist, is neither a {@code .jar} file nor a folder
     *                            holding one, has a name a root ignores or none (a file system root), is the root itself, or has the
     *                            same name as another candidate
     */
    public List<Entry> of(Path root, List<Path> paths) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path given : paths) {
            Entry entry = entryOf(root, given);
            Path earlier = byName.putIfAbsent(entry.name(), given);
            if (earlier != null) {
                throw new HostSetupException("two candidates are named " + entry.name() + ": " + earlier + " and "
                        + given + " (one root entry each; rename one)", given);
            }
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return List.copyOf(entries);
    }

    private Entry entryOf(Path root, Path given) {
        if (given.toString().isEmpty()) {
            throw new HostSetupException("candidate is an empty path; name a .jar file or a folder", given);
        }
        // "." or "x/.." name the folder they lead to, not an entry called "." or ".."
        Path path = given.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new HostSetupException("candidate does not exist: " + given, given);
        }
        if (isRoot(path, root)) {
            throw new HostSetupException("candidate is the plugin root itself: " + given
                    + " (name one of its entries, or a jar or folder elsewhere)", given);
        }
        if (path.getFileName() == null) {
            // "/" (or "/.", "//", "." in "/") names no entry a root could hold: there is no name to give it.
            throw new HostSetupException("candidate is a file system root, which has no name: " + given
                    + " (name a .jar file or a folder)", given);
        }
        String name = FileNames.of(path);
        if (name.startsWith(".")) {
            throw new HostSetupException("candidate's name starts with '.', which a plugin root ignores: " + given,
                    given);
        }
        boolean folder = Files.isDirectory(path);
        if (!folder && !(Files.isRegularFile(path) && name.endsWith(".jar"))) {
            throw new HostSetupException("candidate is neither a .jar file nor a folder: " + given, given);
        }
        Optional<Entry> entry = scanner.entryOf(path);
        return entry.orElseThrow(() -> new HostSetupException(folder
                ? "candidate folder holds no .jar: " + given
                : "candidate cannot be read as a plugin entry: " + given, given));
    }

    private static boolean isRoot(Path path, Path root) {
        try {
            return Files.isSameFile(path, root);
        } catch (IOException e) {
            // A root that cannot be looked at is reported by its own scan, with its own message.
            return false;
        }
    }
}
