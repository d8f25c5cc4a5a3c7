package dev.layerhost.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Gives the module of a modular jar a name javac cannot write but the JDK reads: the class file form
 * (JVMS 4.2.3) allows in a module name any character from U+0020 on, quotes, spaces, bidi overrides and
 * C1 controls included, and {@code \\}, {@code \:}, {@code \@} for a backslash, colon and at-sign.
 */
final class ModuleRenaming {

    private ModuleRenaming() {
    }

    /**
     * Rewrites {@code jar} so that its {@code module-info.class} names the module {@code name} instead of
     * {@code compiledName}; everything else stays as it was; returns {@code jar}.
     *
     * @throws IllegalArgumentException if the jar's module-info.class has no constant {@code compiledName}
     */
    static Path rename(Path jar, String compiledName, String name) {
        Path rewritten = jar.resolveSibling(".renaming.jar");
        try (InputStream file = Files.newInputStream(jar);
                ZipInputStream in = new ZipInputStream(file);
                OutputStream written = Files.newOutputStream(rewritten);
                ZipOutputStream out = new ZipOutputStream(written)) {
            boolean renamed = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("module-info.class")) {
                    bytes = renamed(bytes, compiledName, classFileForm(name));
                    renamed = true;
                }
                out.write(bytes);
                out.closeEntry();
            }
            if (!renamed) {
                throw new IllegalArgumentException(jar + " has no module-info.class");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename the module of " + jar, e);
        }
        try {
            return Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + jar, e);
        }
    }

    private static String classFileForm(String name) {
        return name.replace("\\", "\\\\").replace(":", "\\:").replace("@", "\\@");
    }

    /** The class file with its CONSTANT_Utf8 {@code from} replaced by {@code to}, walking the pool entry by entry. */
    private static byte[] renamed(byte[] classFile, String from, String to) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(in.readInt());          // magic
        out.writeInt(in.readInt());          // minor and major version
        int count = in.readUnsignedShort();
        out.writeShort(count);
        boolean found = false;
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            out.writeByte(tag);
            switch (tag) {
                case 1 -> {
                    String value = in.readUTF();
                    found |= value.equals(from);
                    out.writeUTF(value.equals(from) ? to : value);
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> out.write(in.readNBytes(4));
                case 5, 6 -> {
                    out.write(in.readNBytes(8));
                    index++;
                }
                case 7, 8, 16, 19, 20 -> out.write(in.readNBytes(2));
                case 15 -> out.write(in.readNBytes(3));
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no constant " + from + " in module-info.class");
        }
        in.transferTo(out);
        return bytes.toByteArray();
    }
}
