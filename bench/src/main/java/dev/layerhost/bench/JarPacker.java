package dev.layerhost.bench;

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

/** Packs a folder of classes, with an optional manifest and extra text files, into a jar. */
final class JarPacker {

    /**
     * Writes {@code jar} from the files below {@code subtree} (named by their paths relative to
     * {@code classes}, which holds {@code subtree}), the main attributes {@code manifest} (none when
     * empty) and {@code resources} (jar path to text).
     */
    void pack(Path classes, Path subtree, Path jar, Map<String, String> manifest, Map<String, String> resources) {
        try (Stream<Path> tree = Files.walk(subtree)) {
            List<Path> files = tree.filter(Files::isRegularFile).sorted().toList();
            Files.createDirectories(jar.getParent());
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    private static Manifest manifestOf(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        return manifest;
    }
}
