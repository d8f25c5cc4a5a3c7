package dev.layerhost.core.internal.archive;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes a {@link ModuleDescriptor} as data and builds it again with the JDK's own
 * {@link ModuleDescriptor.Builder}, so that the discovery cache gives back a descriptor equal to the one
 * the module finder read. A descriptor the builder cannot reproduce (a version string the JDK keeps only
 * raw) is not {@linkplain #codable codable}, and its jar is read anew every time.
 */
final class DescriptorCodec {

    private DescriptorCodec() {
    }

    /** Whether {@link #read} of what {@link #write} writes gives back a descriptor equal to {@code descriptor}. */
    static boolean codable(ModuleDescriptor descriptor) {
        if (descriptor.rawVersion().isPresent() && descriptor.version().isEmpty()) {
            return false;
        }
        return descriptor.requires().stream()
                .allMatch(requires -> requires.rawCompiledVersion().isEmpty() || requires.compiledVersion().isPresent());
    }

    static void write(ModuleDescriptor descriptor, DataOutput out) throws IOException {
        out.writeUTF(descriptor.name());
        writeNames(descriptor.modifiers(), Enum::name, out);
        writeOptional(descriptor.rawVersion(), out);
        writeOptional(descriptor.mainClass(), out);
        writeNames(descriptor.packages(), name -> name, out);
        out.writeInt(descriptor.requires().size());
        for (Requires requires : descriptor.requires()) {
            writeNames(requires.modifiers(), Enum::name, out);
            out.writeUTF(requires.name());
            writeOptional(requires.rawCompiledVersion(), out);
        }
        out.writeInt(descriptor.exports().size());
        for (Exports exports : descriptor.exports()) {
            writeNames(exports.modifiers(), Enum::name, out);
            out.writeUTF(exports.source());
            writeNames(exports.targets(), name -> name, out);
        }
        out.writeInt(descriptor.opens().size());
        for (Opens opens : descriptor.opens()) {
            writeNames(opens.modifiers(), Enum::name, out);
            out.writeUTF(opens.source());
            writeNames(opens.targets(), name -> name, out);
        }
        writeNames(descriptor.uses(), name -> name, out);
        out.writeInt(descriptor.provides().size());
        for (Provides provides : descriptor.provides()) {
            out.writeUTF(provides.service());
            // the order of providers is the order ServiceLoader yields them in
            out.writeInt(provides.providers().size());
            for (String provider : provides.providers()) {
                out.writeUTF(provider);
            }
        }
    }

    /**
     * @throws IOException if the data is not a descriptor this codec wrote (the builder refuses it)
     */
    static ModuleDescriptor read(DataInput in) throws IOException {
        try {
            String name = in.readUTF();
            Set<ModuleDescriptor.Modifier> modifiers = modifiers(readNames(in), ModuleDescriptor.Modifier.class);
            Optional<String> version = readOptional(in);
            Optional<String> mainClass = readOptional(in);
            List<String> packages = readNames(in);
            ModuleDescriptor.Builder builder = ModuleDescriptor.newModule(name, modifiers);
            boolean automatic = modifiers.contains(ModuleDescriptor.Modifier.AUTOMATIC);
            int requiresCount = count(in);
            for (int i = 0; i < requiresCount; i++) {
                Set<Requires.Modifier> requiresModifiers = modifiers(readNames(in), Requires.Modifier.class);
                String module = in.readUTF();
                Optional<String> compiled = readOptional(in);
                if (automatic) {
                    continue; // the builder adds an automatic module's only requires (java.base) itself
                }
                if (compiled.isPresent()) {
                    builder.requires(requiresModifiers, module, ModuleDescriptor.Version.parse(compiled.get()));
                } else {
                    builder.requires(requiresModifiers, module);
                }
            }
            int exportsCount = count(in);
            for (int i = 0; i < exportsCount; i++) {
                Set<Exports.Modifier> exportsModifiers = modifiers(readNames(in), Exports.Modifier.class);
                String source = in.readUTF();
                Set<String> targets = Set.copyOf(readNames(in));
                if (targets.isEmpty()) {
                    builder.exports(exportsModifiers, source);
                } else {
                    builder.exports(exportsModifiers, source, targets);
                }
            }
            int opensCount = count(in);
            for (int i = 0; i < opensCount; i++) {
                Set<Opens.Modifier> opensModifiers = modifiers(readNames(in), Opens.Modifier.class);
                String source = in.readUTF();
                Set<String> targets = Set.copyOf(readNames(in));
                if (targets.isEmpty()) {
                    builder.opens(opensModifiers, source);
                } else {
                    builder.opens(opensModifiers, source, targets);
                }
            }
            for (String service : readNames(in)) {
                builder.uses(service);
            }
            int providesCount = count(in);
            for (int i = 0; i < providesCount; i++) {
                String service = in.readUTF();
                int providerCount = count(in);
                List<String> providers = new ArrayList<>(Math.min(providerCount, 1024));
                for (int j = 0; j < providerCount; j++) {
                    providers.add(in.readUTF());
                }
                builder.provides(service, providers);
            }
            builder.packages(Set.copyOf(packages));
            version.ifPresent(builder::version);
            mainClass.ifPresent(builder::mainClass);
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("not a module descriptor of the discovery cache: " + e.getMessage(), e);
        }
    }

    private static <T> void writeNames(Collection<T> items, Function<T, String> name, DataOutput out) throws IOException {
        Set<String> sorted = new TreeSet<>();
        items.forEach(item -> sorted.add(name.apply(item)));
        out.writeInt(sorted.size());
        for (String each : sorted) {
            out.writeUTF(each);
        }
    }

    /** A count read from {@code in}: never negative, never more than a real descriptor could hold. */
    private static int count(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1_000_000) {
            throw new IOException("bad count " + count);
        }
        return count;
    }

    private static List<String> readNames(DataInput in) throws IOException {
        int count = count(in);
        List<String> names = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        return names;
    }

    private static void writeOptional(Optional<String> value, DataOutput out) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }

    private static <E extends Enum<E>> Set<E> modifiers(List<String> names, Class<E> type) {
        Set<E> modifiers = EnumSet.noneOf(type);
        for (String name : names) {
            modifiers.add(Enum.valueOf(type, name));
        }
        return modifiers;
    }
}
