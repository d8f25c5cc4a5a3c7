package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Changes a jar the way an attacker or a bad disk would, below what {@link ZipFile} and
 * {@link ZipOutputStream} let one write: an entry's stored bytes overwritten in place (the file keeps
 * its size), a CRC that no longer matches, an entry renamed in its headers (so that two entries share a
 * name), or the entries rewritten freely with signature files kept. For tests of signature checks on
 * tampered jars; {@link Corruption} has the damage that makes a jar unreadable as a module.
 *
 * <pre>{@code
 * ZipTampering.corruptData(signedJar, "p/alpha/notes.txt");          // inflating it fails: invalid block type
 * ZipTampering.declareSize(jar, "p/alpha/zeros.bin", 1000);          // 64 MB of zeros that claim to be 1000 bytes
 * ZipTampering.rewrite(signedJar, entries -> entries.remove("module-info.class"));
 * }</pre>
 *
 * <p>The byte-level edits read the zip's end record and central directory themselves; they handle the
 * jars the JDK's tools write (no zip64, no archive comment longer than the file).
 */
public final class ZipTampering {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_LENGTH = 22;
    private static final int CENTRAL_LENGTH = 46;
    private static final int LOCAL_LENGTH = 30;

    private ZipTampering() {
    }

    /**
     * Overwrites every stored (compressed) byte of {@code entry} with {@code 0xFF}, in place: the file
     * keeps its size and central directory. A deflated entry then fails to inflate ("invalid block
     * type"); a stored one reads back bytes that do not match its CRC.
     *
     * @throws IllegalArgumentException if {@code jar} has no entry {@code entry}, or it holds no bytes
     */
    public static void corruptData(Path jar, String entry) {
        edit(jar, bytes -> {
            Central record = find(bytes, jar, entry);
            if (record.compressedSize() == 0) {
                throw new IllegalArgumentException(entry + " of " + jar + " holds no bytes to corrupt");
            }
            int data = dataStart(bytes, record, jar);
            for (int i = 0; i < record.compressedSize(); i++) {
                bytes.put(data + i, (byte) 0xFF);
            }
        });
    }

    /**
     * Changes the CRC-32 that the central directory and local header of {@code entry} record, in
     * place: the entry's bytes still inflate to what they were, but no longer to the recorded CRC.
     *
     * @throws IllegalArgumentException if {@code jar} has no entry {@code entry}
     */
    public static void changeCrc(Path jar, String entry) {
        edit(jar, bytes -> {
            Central record = find(bytes, jar, entry);
            bytes.putInt(record.offset() + 16, bytes.getInt(record.offset() + 16) ^ 0x5A5A5A5A);
            int local = record.localOffset();
            if ((bytes.getShort(local + 6) & 0x08) == 0) {
                // without a data descriptor the local header has the CRC too
                bytes.putInt(local + 14, bytes.getInt(local + 14) ^ 0x5A5A5A5A);
            }
        });
    }

    /**
     * Makes the central directory record (and the local header, where it has the sizes) of {@code entry}
     * declare {@code size} bytes uncompressed, in place; its bytes still inflate to what they were. With a
     * small {@code size}, a large entry looks harmless until it is read.
     *
     * @throws IllegalArgumentException if {@code jar} has no entry {@code entry}, or {@code size} is negative
     */
    public static void declareSize(Path jar, String entry, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + size);
        }
        edit(jar, bytes -> {
            Central record = find(bytes, jar, entry);
            bytes.putInt(record.offset() + 24, size);
            int local = record.localOffset();
            if ((bytes.getShort(local + 6) & 0x08) == 0) {
                bytes.putInt(local + 22, size);
            }
        });
    }

    /**
     * Renames {@code from} to {@code to}, of the same length in UTF-8, in its central directory record and
     * its local header, in place. If {@code to} names another entry, the jar then holds two entries of
     * that name, which neither {@code jar} nor {@link ZipOutputStream} would ever write.
     *
     * @throws IllegalArgumentException if the names differ in length, or {@code jar} has no entry {@code from}
     */
    public static void renameEntry(Path jar, String from, String to) {
        byte[] name = to.getBytes(StandardCharsets.UTF_8);
        if (name.length != from.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException("'" + from + "' and '" + to + "' differ in length");
        }
        edit(jar, bytes -> {
            Central record = find(bytes, jar, from);
            bytes.put(record.offset() + CENTRAL_LENGTH, name);
            bytes.put(record.localOffset() + LOCAL_LENGTH, name);
        });
    }

    /**
     * Appends an entry {@code name} of {@code size} zero bytes, deflated (a few hundred bytes per MB) and
     * streamed, so that no array of that size is ever made: a zip bomb's payload.
     */
    public static void addZeros(Path jar, String name, long size) {
        Path rewritten = jar.resolveSibling("." + jar.getFileName() + ".rewrite");
        byte[] zeros = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(rewritten);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + jar, e);
        }
        try {
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + jar, e);
        }
    }

    /**
     * Rewrites {@code jar} from its entries, in order, after {@code edit} changed them (a map from entry
     * name to bytes, signature files included, in the jar's order; added entries come last). Names
     * ending in {@code /} keep whatever bytes they are given: a "folder" with content.
     */
    public static void rewrite(Path jar, Consumer<Map<String, byte[]>> edit) {
        Map<String, byte[]> entries;
        try {
            entries = JarEntries.read(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        edit.accept(entries);
        Path rewritten = jar.resolveSibling("." + jar.getFileName() + ".rewrite");
        try {
            try (OutputStream file = Files.newOutputStream(rewritten);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + jar, e);
        }
    }

    /** The bytes of {@code entry} in {@code jar}. */
    public static byte[] entryBytes(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IllegalArgumentException(jar + " has no entry " + entry);
            }
            try (InputStream in = zip.getInputStream(found)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** One central directory record: where it is, its entry's compressed size and local header. */
    private record Central(int offset, String name, int compressedSize, int localOffset) {
    }

    private static void edit(Path jar, Consumer<ByteBuffer> change) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(jar)).order(ByteOrder.LITTLE_ENDIAN);
            change.accept(bytes);
            Files.write(jar, bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + jar, e);
        }
    }

    private static Central find(ByteBuffer bytes, Path jar, String entry) {
        for (Central record : centralDirectory(bytes, jar)) {
            if (record.name().equals(entry)) {
                return record;
            }
        }
        throw new IllegalArgumentException(jar + " has no entry " + entry);
    }

    private static List<Central> centralDirectory(ByteBuffer bytes, Path jar) {
        int end = -1;
        for (int at = bytes.capacity() - END_LENGTH; at >= 0; at--) {
            if (bytes.getInt(at) == END_SIGNATURE) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException(jar + " has no zip end record");
        }
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        int at = bytes.getInt(end + 16);
        List<Central> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (bytes.getInt(at) != CENTRAL_SIGNATURE) {
                throw new IllegalArgumentException(jar + " has a bad central directory record at " + at);
            }
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
            byte[] name = new byte[nameLength];
            bytes.get(at + CENTRAL_LENGTH, name);
            records.add(new Central(at, new String(name, StandardCharsets.UTF_8), bytes.getInt(at + 20),
                    bytes.getInt(at + 42)));
            at += CENTRAL_LENGTH + nameLength + extraLength + commentLength;
        }
        return records;
    }

    /** Where {@code record}'s stored bytes start: after its local header, name and extra field. */
    private static int dataStart(ByteBuffer bytes, Central record, Path jar) {
        int local = record.localOffset();
        if (bytes.getInt(local) != LOCAL_SIGNATURE) {
            throw new IllegalArgumentException(jar + " has a bad local header for " + record.name());
        }
        return local + LOCAL_LENGTH + Short.toUnsignedInt(bytes.getShort(local + 26))
                + Short.toUnsignedInt(bytes.getShort(local + 28));
    }
}
