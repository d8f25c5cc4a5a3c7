package dev.layerhost.core.internal.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One plugin candidate of a plugin root: a jar on its own, or a folder and the jars directly inside it.
 *
 * @param name the entry's file name in the root, the {@code source} of reports
 * @param path the entry's path
 * @param jars the jars the entry holds, sorted by file name
 */
public record Entry(String name, Path path, List<Path> jars) {

    public Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        jars = List.copyOf(jars);
    }

    /** How diagnostics name one of the entry's jars: its file name, or {@code folder/file} in a folder entry. */
    public String label(Path jar) {
        return jars.size() == 1 && path.equals(jar) ? FileNames.of(jar) : name + "/" + FileNames.of(jar);
    }
}
