package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A compiled jar copied many times with its placeholder names replaced, for roots of thousands of
 * modules: javac compiles a chain of 5,000 modules in minutes, while copies of one compiled module whose
 * names change in the constant pool take milliseconds each. A replacement is as long as its placeholder
 * (in UTF-8), so every class file stays valid: a module {@code p.t00001} that requires {@code p.t00000}
 * becomes {@code p.c00042} requiring {@code p.c00041}, and its package {@code p.t00001}, in the class
 * files and the entry names, {@code p.c00042}.
 *
 * <pre>{@code
 * JarTemplate link = JarTemplate.of(batchJars.get(1));                 // module p.t00001 requires p.t00000
 * link.copy(root.resolve("p.c00042.jar"), Map.of("p.t00001", "p.c00042", "p/t00001", "p/c00042",
 *         "p.t00000", "p.c00041"));
 * }</pre>
 *
 * <p>Immutable: the entries are read once, when the template is made.
 */
public final class JarTemplate {

    private final Path source;
    /** Entry name to content, in the template's order. */
    private final Map<String, byte[]> entries;

    private JarTemplate(Path source, Map<String, byte[]> entries) {
        this.source = source;
        this.entries = entries;
    }

    /**
     * Reads every entry of {@code jar}.
     *
     * @throws UncheckedIOException if the jar cannot be read
     */
    public static JarTemplate of(Path jar) {
        try {
            return new JarTemplate(jar, Collections.unmodifiableMap(JarEntries.read(jar)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + jar, e);
        }
    }

    /**
     * Writes {@code jar} with every entry of the template, in order, each occurrence of a key of
     * {@code replacements} replaced by its value in every entry's name and bytes. A class file names a
     * package both ways, so a package {@code p.t00001} needs {@code p.t00001} and {@code p/t00001}
     * replaced. No value may contain a placeholder. Missing parent folders are created.
     *
     * @return {@code jar}
     * @throws IllegalArgumentException if a replacement differs from its placeholder in length, or a
     *     placeholder occurs nowhere
     * @throws UncheckedIOException if the jar cannot be written
     */
    public Path copy(Path jar, Map<String, String> replacements) {
        List<byte[]> placeholders = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            byte[] placeholder = replacement.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = replacement.getValue().getBytes(StandardCharsets.UTF_8);
            if (placeholder.length != value.length || placeholder.length == 0) {
                throw new IllegalArgumentException("'" + replacement.getKey() + "' and '" + replacement.getValue()
                        + "' differ in length, or are empty");
            }
            placeholders.add(placeholder);
            values.add(value);
        }
        boolean[] found = new boolean[placeholders.size()];
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    byte[] bytes = entry.getValue().clone();
                    for (int i = 0; i < placeholders.size(); i++) {
                        found[i] |= replaceAll(bytes, placeholders.get(i), values.get(i));
                    }
                    byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < placeholders.size(); i++) {
                        found[i] |= replaceAll(name, placeholders.get(i), values.get(i));
                    }
                    out.putNextEntry(new ZipEntry(new String(name, StandardCharsets.UTF_8)));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar + " from the template " + source, e);
        }
        for (int i = 0; i < found.length; i++) {
            if (!found[i]) {
                throw new IllegalArgumentException("no entry of the template " + source + " holds '"
                        + new String(placeholders.get(i), StandardCharsets.UTF_8) + "'");
            }
        }
        return jar;
    }

    /** Replaces, in place, every occurrence of {@code placeholder} in {@code bytes}; returns whether there was one. */
    private static boolean replaceAll(byte[] bytes, byte[] placeholder, byte[] value) {
        boolean replaced = false;
        outer:
        for (int i = 0; i + placeholder.length <= bytes.length; i++) {
            for (int j = 0; j < placeholder.length; j++) {
                if (bytes[i + j] != placeholder[j]) {
                    continue outer;
                }
            }
            System.arraycopy(value, 0, bytes, i, value.length);
            replaced = true;
            i += placeholder.length - 1;
        }
        return replaced;
    }
}
