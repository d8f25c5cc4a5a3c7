package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a folder of compiled classes into a jar, as is: no tool run, no entries for folders, files in
 * name order. It adds nothing to a module's {@code module-info.class}, so javac's
 * {@code --module-version} is what the jar's module declares.
 *
 * <pre>{@code
 * JarPacker.pack(classes.resolve("p.alpha"), root.resolve("p.alpha.jar"));   // one module of a batch
 * JarPacker.pack(classes, classes.resolve("pf/one"), root.resolve("pf.one.jar"),
 *         Map.of("Plugin-Id", "pf.one"), Map.of("META-INF/extensions.idx", "pf.one.Greeter\n"));
 * }</pre>
 */
public final class JarPacker {

    private JarPacker() {
    }

    /** Writes {@code jar} from every file below {@code classes}, without a manifest; returns {@code jar}. */
    public static Path pack(Path classes, Path jar) {
        return pack(classes, classes, jar, Map.of(), Map.of());
    }

    /**
     * Writes {@code jar} from the files below {@code subtree}, named by their paths relative to
     * {@code classes} (which holds {@code subtree}), with the main attributes {@code manifest} (no
     * manifest when empty) and then {@code resources} (a path in the jar to UTF-8 text). Missing
     * parent folders of {@code jar} are created.
     *
     * @return {@code jar}
     * @throws UncheckedIOException if the classes cannot be read or the jar cannot be written
     */
    public static Path pack(Path classes, Path subtree, Path jar, Map<String, String> manifest,
            Map<String, String> resources) {
        try (Stream<Path> tree = Files.walk(subtree)) {
            List<Path> files = tree.filter(Files::isRegularFile).sorted().toList();
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = manifest.isEmpty() ? new JarOutputStream(file)
                            : new JarOutputStream(file, manifestOf(manifest))) {
                for (Path classFile : files) {
                    out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                    Files.copy(classFile, out);
                    out.closeEntry();
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar + " from " + subtree, e);
        }
    }

    private static Manifest manifestOf(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        return manifest;
    }
}
