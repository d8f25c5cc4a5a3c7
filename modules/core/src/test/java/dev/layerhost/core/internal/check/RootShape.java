package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.scan.Entry;

import java.io.IOException;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.lang.module.ModuleDescriptor.Version;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A plugin root described in memory: entries of modules given by their descriptors only, as the JDK's
 * {@code ConfigurationTest} builds them. Nothing here is ever a class: the references' readers are
 * empty, and defining a layer does not read them.
 *
 * @param entries       the root's entries, sorted by source
 * @param deniedModules the module names the host's policy denies
 */
record RootShape(List<RootShape.EntryShape> entries, Set<String> deniedModules) {

    /** The service type every plugin provides; the in-memory API module {@code acme.api} exports its package. */
    static final String SERVICE = "acme.api.Service";

    /** The name of the in-memory API module. */
    static final String API_MODULE = "acme.api";

    RootShape {
        entries = entries.stream().sorted(Comparator.comparing(EntryShape::source)).toList();
        deniedModules = Set.copyOf(deniedModules);
    }

    /** The ids of the entries' plugin modules that provide the service, with duplicates. */
    List<String> pluginIds() {
        return entries.stream().filter(EntryShape::hasPlugin).map(entry -> entry.plugin().name()).toList();
    }

    /** The plugin ids that more than one entry holds. */
    Set<String> duplicatedIds() {
        Map<String, Long> counts = pluginIds().stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The first entry (by source) whose plugin has {@code id}: the one the oracle makes the parent. */
    Optional<EntryShape> firstEntryOf(String id) {
        return entries.stream().filter(EntryShape::hasPlugin).filter(e -> e.plugin().name().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("plugin root (denied modules: " + new TreeSet<>(deniedModules) + ")\n");
        for (EntryShape entry : entries) {
            text.append(entry);
        }
        return text.toString();
    }

    /**
     * One entry: a folder holding the plugin module and its private libraries.
     *
     * @param source    the folder's name
     * @param plugin    the module meant as the plugin (it may not provide the service)
     * @param libraries the private libraries; a name may repeat (two jars of one module)
     */
    record EntryShape(String source, ModuleShape plugin, List<ModuleShape> libraries) {

        EntryShape {
            libraries = List.copyOf(libraries);
        }

        boolean hasPlugin() {
            return plugin.providesService();
        }

        /** The modules in jar-name order, as a folder lists them. */
        List<ModuleShape> modules() {
            List<ModuleShape> all = new ArrayList<>();
            all.add(plugin);
            all.addAll(libraries);
            return all.stream().sorted(Comparator.comparing(ModuleShape::name)
                    .thenComparing(module -> module.version().orElse(""))).toList();
        }

        /** The jar file name of the {@code index}-th module of {@link #modules()}. */
        String fileName(int index) {
            ModuleShape module = modules().get(index);
            long before = modules().subList(0, index).stream().filter(m -> m.name().equals(module.name())).count();
            return module.name() + "-" + module.version().orElse("0") + (before == 0 ? "" : "-copy" + before) + ".jar";
        }

        boolean holds(String moduleName) {
            return modules().stream().anyMatch(module -> module.name().equals(moduleName));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("  entry " + source + "/\n");
            for (ModuleShape module : modules()) {
                text.append("    ").append(module).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * A module's descriptor, as data.
     *
     * @param packages the module's packages, its own package first (the provider's package for a plugin)
     */
    record ModuleShape(String name, Optional<String> version, boolean automatic, List<String> packages,
                       List<ExportsShape> exports, List<RequiresShape> requires, boolean providesService,
                       List<String> uses) {

        ModuleShape {
            packages = List.copyOf(packages);
            exports = List.copyOf(exports);
            requires = List.copyOf(requires);
            uses = List.copyOf(uses);
        }

        ModuleShape(String name, Optional<String> version, boolean automatic, List<String> packages,
                    List<ExportsShape> exports, List<RequiresShape> requires, boolean providesService) {
            this(name, version, automatic, packages, exports, requires, providesService, List.of());
        }

        ModuleDescriptor descriptor() {
            ModuleDescriptor.Builder builder = automatic
                    ? ModuleDescriptor.newAutomaticModule(name)
                    : ModuleDescriptor.newModule(name);
            version.ifPresent(builder::version);
            builder.packages(Set.copyOf(packages));
            for (RequiresShape requires : this.requires) {
                Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
                if (requires.transitive()) {
                    modifiers.add(Modifier.TRANSITIVE);
                }
                if (requires.isStatic()) {
                    modifiers.add(Modifier.STATIC);
                }
                if (requires.compiledVersion().isPresent()) {
                    builder.requires(modifiers, requires.module(), Version.parse(requires.compiledVersion().get()));
                } else {
                    builder.requires(modifiers, requires.module());
                }
            }
            for (ExportsShape exports : this.exports) {
                if (exports.target().isPresent()) {
                    builder.exports(Set.of(), exports.packageName(), Set.of(exports.target().get()));
                } else {
                    builder.exports(exports.packageName());
                }
            }
            uses.forEach(builder::uses);
            if (providesService) {
                builder.provides(SERVICE, List.of(packages.get(0) + ".Impl"));
            }
            return builder.build();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(automatic ? "automatic " : "module ");
            text.append(name).append('@').append(version.orElse("(none)")).append(" {");
            for (RequiresShape requires : this.requires) {
                text.append(" requires ").append(requires.transitive() ? "transitive " : "")
                        .append(requires.isStatic() ? "static " : "").append(requires.module())
                        .append(requires.compiledVersion().map(v -> " (compiled " + v + ")").orElse("")).append(';');
            }
            for (ExportsShape exports : this.exports) {
                text.append(" exports ").append(exports.packageName())
                        .append(exports.target().map(t -> " to " + t).orElse("")).append(';');
            }
            uses.forEach(type -> text.append(" uses ").append(type).append(';'));
            text.append(" packages ").append(packages).append(';');
            if (providesService) {
                text.append(" provides ").append(SERVICE).append(';');
            }
            return text.append(" }").toString();
        }
    }

    record RequiresShape(String module, boolean transitive, boolean isStatic, Optional<String> compiledVersion) {
    }

    record ExportsShape(String packageName, Optional<String> target) {
    }

    /** The root's entries as the checker receives them, each module with its reference from {@code references}. */
    List<Candidate> candidates(Map<EntryShape, List<ModuleReference>> references) {
        List<Candidate> candidates = new ArrayList<>();
        for (EntryShape entry : entries) {
            Path folder = Path.of("plugins", entry.source());
            List<CandidateModule> modules = new ArrayList<>();
            List<Path> jars = new ArrayList<>();
            List<ModuleReference> entryReferences = references.get(entry);
            for (int i = 0; i < entryReferences.size(); i++) {
                String file = entry.fileName(i);
                jars.add(folder.resolve(file));
                modules.add(new CandidateModule(entryReferences.get(i), file));
            }
            candidates.add(new Candidate(new Entry(entry.source(), folder, jars), modules, List.of()));
        }
        return candidates;
    }

    /** One reference per module of every entry, in the entry's jar order; built once so that identities are stable. */
    Map<EntryShape, List<ModuleReference>> references() {
        Map<EntryShape, List<ModuleReference>> references = new LinkedHashMap<>();
        for (EntryShape entry : entries) {
            references.put(entry, entry.modules().stream().map(ModuleShape::descriptor)
                    .map(RootShape::reference).toList());
        }
        return references;
    }

    /** A reference whose reader holds nothing: enough to resolve and define, never to load a class. */
    static ModuleReference reference(ModuleDescriptor descriptor) {
        URI location = URI.create("memory:///" + descriptor.toNameAndVersion());
        return new ModuleReference(descriptor, location) {
            @Override
            public ModuleReader open() {
                return new EmptyReader();
            }
        };
    }

    private static final class EmptyReader implements ModuleReader {
        @Override
        public Optional<URI> find(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<ByteBuffer> read(String name) throws IOException {
            return Optional.empty();
        }

        @Override
        public Stream<String> list() {
            return Stream.empty();
        }

        @Override
        public void close() {
            // nothing is open
        }
    }
}
