package dev.layerhost.docs;

import dev.layerhost.pluginbuilder.ModuleSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The guide's plugin sources below {@code docs/src/examples}: one folder per module, named after it,
 * holding its {@code module-info.java} and its classes by package.
 */
final class ExampleSources {

    private ExampleSources() {
    }

    /** {@code docs/src/examples}. */
    static Path root() {
        return Repository.root().resolve("docs/src/examples");
    }

    /**
     * The module whose sources are the folder {@code directory}: its name is the folder's, its
     * {@code module-info.java} is passed to javac as written.
     *
     * @throws UncheckedIOException if the folder cannot be read
     */
    static ModuleSource module(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            Map<String, String> classes = new LinkedHashMap<>();
            for (Path file : tree.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String relative = directory.relativize(file).toString();
                if (!relative.equals("module-info.java")) {
                    classes.put(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return new ModuleSource(directory.getFileName().toString(),
                    Files.readString(directory.resolve("module-info.java"), StandardCharsets.UTF_8), classes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the example module " + directory, e);
        }
    }
}
