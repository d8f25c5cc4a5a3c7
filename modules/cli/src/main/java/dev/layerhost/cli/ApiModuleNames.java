package dev.layerhost.cli;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The names of the modules in {@code --api} paths, read leniently: only to tell whether one of them is the
 * built-in API's. A path that cannot be read counts no module; the host reports it when it builds the API layer.
 */
final class ApiModuleNames {

    private ApiModuleNames() {
    }

    static Set<String> of(List<Path> apiPaths) {
        Set<String> names = new TreeSet<>();
        for (Path path : apiPaths) {
            for (Path jar : jarsAt(path)) {
                try {
                    ModuleFinder.of(jar).findAll().forEach(reference -> names.add(reference.descriptor().name()));
                } catch (FindException | SecurityException e) {
                    // not a module: the host's own reading of the path names the problem
                }
            }
        }
        return names;
    }

    /** The jars of a path as the host reads it: the jar itself, an exploded module, or a folder's jars. */
    private static List<Path> jarsAt(Path path) {
        if (!Files.isDirectory(path) || Files.exists(path.resolve("module-info.class"))) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.filter(child -> child.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
