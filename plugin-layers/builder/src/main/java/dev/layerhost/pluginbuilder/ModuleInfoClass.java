package dev.layerhost.pluginbuilder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes the {@code module-info.class} of a {@link ModuleDescriptor} directly, for descriptors javac
 * will not compile but a jar can still hold: a module named {@code java.base} without the
 * {@code java.lang} package, say. The class has the {@code Module} and {@code ModulePackages}
 * attributes and nothing else, as the JVM specification (4.7.25, 4.7.26) lays them out.
 *
 * <pre>{@code
 * ModuleDescriptor javaBase = ModuleDescriptor.newModule("java.base").packages(Set.of("foo")).exports("foo").build();
 * ModuleInfoClass.jar(javaBase, folder.resolve("java.base.jar"));      // ModuleFinder.of(...) reads it
 * }</pre>
 */
public final class ModuleInfoClass {

    private static final int MAGIC = 0xCAFEBABE;
    /** Java 17's class file version: what javac 17 writes. */
    private static final int MAJOR_VERSION = 61;
    private static final int ACC_MODULE = 0x8000;
    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_MODULE = 19;
    private static final int CONSTANT_PACKAGE = 20;

    private ModuleInfoClass() {
    }

    /** The bytes of {@code descriptor}'s {@code module-info.class}. */
    public static byte[] of(ModuleDescriptor descriptor) {
        ConstantPool pool = new ConstantPool();
        int thisClass = pool.entry(CONSTANT_CLASS, "module-info");
        byte[] module = moduleAttribute(descriptor, pool);
        byte[] packages = packagesAttribute(descriptor, pool);
        int moduleName = pool.utf8("Module");
        int packagesName = pool.utf8("ModulePackages");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(0);
            out.writeShort(MAJOR_VERSION);
            pool.writeTo(out);
            out.writeShort(ACC_MODULE);
            out.writeShort(thisClass);
            out.writeShort(0); // no super class
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(0); // methods
            out.writeShort(2); // attributes
            out.writeShort(moduleName);
            out.writeInt(module.length);
            out.write(module);
            out.writeShort(packagesName);
            out.writeInt(packages.length);
            out.write(packages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code jar} holding {@code descriptor}'s {@code module-info.class} and nothing else (its
     * packages are named by the {@code ModulePackages} attribute). Missing parent folders are created.
     *
     * @return {@code jar}
     */
    public static Path jar(ModuleDescriptor descriptor, Path jar) {
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry("module-info.class"));
                out.write(of(descriptor));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    private static byte[] moduleAttribute(ModuleDescriptor descriptor, ConstantPool pool) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(pool.entry(CONSTANT_MODULE, descriptor.name()));
            out.writeShort(flags(descriptor.modifiers()));
            out.writeShort(descriptor.rawVersion().map(pool::utf8).orElse(0));
            out.writeShort(descriptor.requires().size());
            for (Requires requires : sorted(descriptor.requires())) {
                out.writeShort(pool.entry(CONSTANT_MODULE, requires.name()));
                out.writeShort(flags(requires.modifiers()));
                out.writeShort(requires.rawCompiledVersion().map(pool::utf8).orElse(0));
            }
            out.writeShort(descriptor.exports().size());
            for (Exports exports : sorted(descriptor.exports())) {
                writeTargets(out, pool, exports.source(), flags(exports.modifiers()), exports.targets());
            }
            out.writeShort(descriptor.opens().size());
            for (Opens opens : sorted(descriptor.opens())) {
                writeTargets(out, pool, opens.source(), flags(opens.modifiers()), opens.targets());
            }
            out.writeShort(descriptor.uses().size());
            for (String service : new TreeSet<>(descriptor.uses())) {
                out.writeShort(pool.entry(CONSTANT_CLASS, internal(service)));
            }
            out.writeShort(descriptor.provides().size());
            for (Provides provides : sorted(descriptor.provides())) {
                out.writeShort(pool.entry(CONSTANT_CLASS, internal(provides.service())));
                out.writeShort(provides.providers().size());
                for (String provider : provides.providers()) {
                    out.writeShort(pool.entry(CONSTANT_CLASS, internal(provider)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeTargets(DataOutputStream out, ConstantPool pool, String packageName, int flags,
                                     Set<String> targets) throws IOException {
        out.writeShort(pool.entry(CONSTANT_PACKAGE, internal(packageName)));
        out.writeShort(flags);
        out.writeShort(targets.size());
        for (String target : new TreeSet<>(targets)) {
            out.writeShort(pool.entry(CONSTANT_MODULE, target));
        }
    }

    private static byte[] packagesAttribute(ModuleDescriptor descriptor, ConstantPool pool) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(descriptor.packages().size());
            for (String packageName : new TreeSet<>(descriptor.packages())) {
                out.writeShort(pool.entry(CONSTANT_PACKAGE, internal(packageName)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The access flags of the modifiers of a module, a requires, an exports or an opens: each modifier's
     * flag as JVMS 4.7.25 numbers it (the names differ, the values agree).
     */
    private static int flags(Set<? extends Enum<?>> modifiers) {
        int flags = 0;
        for (Enum<?> modifier : modifiers) {
            flags |= switch (modifier.name()) {
                case "OPEN", "TRANSITIVE" -> 0x0020;
                case "STATIC" -> 0x0040;
                case "SYNTHETIC" -> 0x1000;
                case "MANDATED" -> 0x8000;
                // AUTOMATIC has no flag: an automatic module has no module-info.class
                default -> throw new IllegalArgumentException("no class file flag for " + modifier);
            };
        }
        return flags;
    }

    private static <T extends Comparable<? super T>> List<T> sorted(Collection<T> clauses) {
        return new TreeSet<>(clauses).stream().toList();
    }

    private static String internal(String name) {
        return name.replace('.', '/');
    }

    /** The constant pool being written: one entry per distinct (tag, text). */
    private static final class ConstantPool {
        private final Map<String, Integer> indexes = new LinkedHashMap<>();
        private final List<byte[]> entries = new ArrayList<>();

        int utf8(String text) {
            return indexes.computeIfAbsent(CONSTANT_UTF8 + ":" + text, key -> add(encode(CONSTANT_UTF8, text)));
        }

        /** A Class, Module or Package entry naming {@code text}. */
        int entry(int tag, String text) {
            int name = utf8(text);
            return indexes.computeIfAbsent(tag + ":" + text, key -> add(new byte[] {
                (byte) tag, (byte) (name >> 8), (byte) name
            }));
        }

        private int add(byte[] entry) {
            entries.add(entry);
            return entries.size(); // indexes start at 1
        }

        private static byte[] encode(int tag, String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(tag);
                out.writeUTF(text); // the class file's modified UTF-8, with its length first
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to memory", e);
            }
            return bytes.toByteArray();
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.writeShort(entries.size() + 1);
            for (byte[] entry : entries) {
                out.write(entry);
            }
        }
    }
}
