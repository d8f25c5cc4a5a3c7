package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Damages a jar on disk in the ways a plugin host meets in the field, for tests of
 * {@code INVALID_ARCHIVE}. After each of {@link #truncate}, {@link #overwriteWithText} and
 * {@link #corruptModuleInfo}, {@code ModuleFinder.of(jar).findAll()} throws
 * {@link java.lang.module.FindException}. {@link #addEntry} and {@link #replaceInEntry} model a signed
 * jar changed after signing: the jar stays readable, but its signature no longer covers its content.
 *
 * <pre>{@code
 * Path jar = PluginJar.builder("p.alpha")...build(dir.resolve("alpha.jar"));
 * Corruption.truncate(jar, 100);   // an interrupted download
 * Corruption.addEntry(signedJar, "p/alpha/Extra.txt", "added after signing\n");   // jar uf on a signed jar
 * }</pre>
 */
public final class Corruption {

    private Corruption() {
    }

    /**
     * Cuts the file to its first {@code keepBytes} bytes, losing the zip's central directory at the end.
     *
     * @throws IllegalArgumentException if {@code keepBytes} is negative or not less than the file's size
     */
    public static void truncate(Path jar, int keepBytes) {
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.WRITE)) {
            if (keepBytes < 0 || keepBytes >= channel.size()) {
                throw new IllegalArgumentException("Cannot truncate " + jar + " of " + channel.size()
                        + " bytes to " + keepBytes + " bytes");
            }
            channel.truncate(keepBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot truncate " + jar, e);
        }
    }

    /** Replaces the file's content with {@code text} (UTF-8): a file that is no zip at all. */
    public static void overwriteWithText(Path jar, String text) {
        try {
            Files.writeString(jar, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot overwrite " + jar, e);
        }
    }

    /**
     * Rewrites the jar with every entry as it was, except that {@code module-info.class} holds
     * garbage: a readable zip whose module descriptor is invalid.
     *
     * @throws IllegalArgumentException if the jar has no {@code module-info.class}
     */
    public static void corruptModuleInfo(Path jar) {
        try {
            Path rewritten = Files.createTempFile(jar.toAbsolutePath().getParent(), ".", ".jar.part");
            try {
                if (!copyWithGarbageModuleInfo(jar, rewritten)) {
                    throw new IllegalArgumentException(jar + " has no module-info.class to corrupt");
                }
                Files.move(rewritten, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(rewritten);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot corrupt module-info.class in " + jar, e);
        }
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, plus a new entry
     * {@code name}: what {@code jar uf} does to a signed jar.
     */
    public static void addEntry(Path jar, String name, String content) {
        rewrite(jar, name, bytes -> bytes, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Rewrites {@code jar} with every entry as it was, signature files included, except that in
     * {@code entry} the bytes of {@code from} are replaced with those of {@code to} (as long): a class
     * file stays a valid class file whose digest no longer matches the signed manifest.
     *
     * @throws IllegalArgumentException if {@code from} and {@code to} differ in length in UTF-8, or
     *     {@code entry} does not hold {@code from}, or {@code jar} has no {@code entry}
     */
    public static void replaceInEntry(Path jar, String entry, String from, String to) {
        byte[] search = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        if (search.length != replacement.length) {
            throw new IllegalArgumentException("'" + from + "' and '" + to + "' differ in length");
        }
        rewrite(jar, entry, bytes -> {
            int at = indexOf(bytes, search);
            if (at < 0) {
                throw new IllegalArgumentException(entry + " of " + jar + " does not hold '" + from + "'");
            }
            byte[] changed = bytes.clone();
            System.arraycopy(replacement, 0, changed, at, replacement.length);
            return changed;
        }, null);
    }

    /** Copies every entry of {@code jar} to {@code target}; returns whether module-info.class was replaced. */
    private static boolean copyWithGarbageModuleInfo(Path jar, Path target) throws IOException {
        boolean replaced = false;
        try (InputStream file = Files.newInputStream(jar);
                var in = new ZipInputStream(file);
                OutputStream written = Files.newOutputStream(target);
                var out = new ZipOutputStream(written)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (entry.getName().equals("module-info.class")) {
                    out.write(garbageClass());
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return replaced;
    }

    /**
     * What {@link #corruptModuleInfo} writes: the class-file magic, so the entry looks like a class,
     * then bytes that are no valid class-file version or constant pool. A new array each time, so no
     * caller can change what the next one gets.
     */
    private static byte[] garbageClass() {
        return new byte[] {
            (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0x7F, 0x7F, 0x7F, 0x7F, 0x00, 0x01, (byte) 0xFF
        };
    }

    /**
     * Copies every entry of {@code jar}, in order, transforming {@code target}'s bytes; with
     * {@code added} non-null, {@code target} is a new entry with those bytes, appended at the end.
     */
    private static void rewrite(Path jar, String target, UnaryOperator<byte[]> transform, byte[] added) {
        Path rewritten = jar.resolveSibling("." + jar.getFileName() + ".rewrite");
        boolean found = false;
        try (ZipFile zip = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(rewritten);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(target) && added == null) {
                    bytes = transform.apply(bytes);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            if (added != null) {
                out.putNextEntry(new ZipEntry(target));
                out.write(added);
                out.closeEntry();
                found = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + jar, e);
        }
        if (!found) {
            throw new IllegalArgumentException(jar + " has no entry " + target);
        }
        try {
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + jar, e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] search) {
        outer:
        for (int i = 0; i + search.length <= bytes.length; i++) {
            for (int j = 0; j < search.length; j++) {
                if (bytes[i + j] != search[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
