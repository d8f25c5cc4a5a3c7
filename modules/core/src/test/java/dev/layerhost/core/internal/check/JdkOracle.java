package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.check.RootShape.EntryShape;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The JDK's own verdict on every plugin of a {@link RootShape}: each plugin's layer is resolved with
 * {@link Configuration#resolve} and defined with {@link ModuleLayer#defineModulesWithOneLoader}, parents
 * first, with layerhost's parent rule. A plugin whose parent the JDK refused, or that is in a cycle of
 * plugins, cannot even be tried: it counts as refused for that reason.
 *
 * <p>A plugin that another only {@code requires static} is a parent of its layer when it is there to be
 * read: when the edge closes no cycle of the graph of every edge, required or optional, between the
 * root's plugin ids (each id with the edges of every entry holding it), and the plugin is loaded. Whether
 * it is loaded is the host's decision ({@code loaded}: layerhost loads the plugins it finds sound, and
 * the comparison checks those verdicts against the JDK on their own) and the JDK's (it defined the
 * layer). The JDK then reads it as {@code Resolver.makeGraph} reads a {@code requires static} module a
 * parent configuration has; otherwise it resolves without it.
 */
final class JdkOracle {

    /** What the JDK made of one plugin. */
    sealed interface Outcome permits Defined, Refused {
    }

    record Defined(Configuration configuration, ModuleLayer layer) implements Outcome {
    }

    /**
     * @param cycle      the plugin is in a cycle of plugins (nothing was tried)
     * @param parent     the plugin's parent that was refused (nothing was tried)
     * @param jdkMessage the JDK's message, when the JDK itself refused the plugin's layer
     * @param resolved   the configuration, when the JDK resolved it but refused to define the layer
     */
    record Refused(boolean cycle, Optional<String> parent, Optional<String> jdkMessage,
                   Optional<Configuration> resolved) implements Outcome {
        @Override
        public String toString() {
            return cycle ? "in a cycle of plugins"
                    : parent.map(p -> "parent " + p + " refused")
                    .orElseGet(() -> "JDK: " + jdkMessage.orElseThrow());
        }
    }

    private final RootShape root;
    private final Map<EntryShape, List<ModuleReference>> references;
    private final Configuration apiConfiguration;
    private final ModuleLayer apiLayer;
    private final Predicate<String> loaded;
    private final Map<EntryShape, List<String>> parents = new LinkedHashMap<>();
    /** The other plugins each entry only requires static, the edges that close a cycle left out. */
    private final Map<EntryShape, List<String>> optionals = new LinkedHashMap<>();
    /** The other plugins each entry only requires static, those that close a cycle included. */
    private final Map<EntryShape, List<String>> allOptionals = new LinkedHashMap<>();
    private final Map<EntryShape, Outcome> outcomes = new HashMap<>();

    /**
     * @param loaded whether the host loads the plugin of an id (it must still be defined by the JDK to
     *               be an optional parent)
     */
    JdkOracle(RootShape root, Map<EntryShape, List<ModuleReference>> references, ModuleLayer apiLayer,
              Predicate<String> loaded) {
        this.root = root;
        this.references = references;
        this.apiLayer = apiLayer;
        this.apiConfiguration = apiLayer.configuration();
        this.loaded = loaded;
        Set<String> pluginIds = new TreeSet<>(root.pluginIds());
        Map<String, Set<String>> everyEdge = new HashMap<>();
        for (EntryShape entry : root.entries()) {
            if (entry.hasPlugin()) {
                Closure closure = closure(entry, pluginIds);
                parents.put(entry, closure.parents());
                allOptionals.put(entry, closure.optionals());
                Set<String> edges = everyEdge.computeIfAbsent(entry.plugin().name(), id -> new HashSet<>());
                edges.addAll(closure.parents());
                edges.addAll(closure.optionals());
            }
        }
        allOptionals.forEach((entry, ids) -> optionals.put(entry, ids.stream()
                .filter(optional -> !reaches(everyEdge, optional, entry.plugin().name())).toList()));
    }

    /** Whether {@code to} is reached from {@code from} along {@code edges}. */
    private static boolean reaches(Map<String, Set<String>> edges, String from, String to) {
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /** The outcome of every entry that has a plugin, by source. */
    Map<String, Outcome> judge() {
        Map<String, Outcome> bySource = new LinkedHashMap<>();
        for (EntryShape entry : parents.keySet()) {
            bySource.put(entry.source(), judge(entry));
        }
        return bySource;
    }

    /**
     * The parent ids of an entry's plugin, found independently of layerhost: the plugins it requires, and
     * those it only requires static that are there to be read; sorted.
     */
    List<String> parents(EntryShape entry) {
        TreeSet<String> all = new TreeSet<>(requiredParents(entry));
        all.addAll(presentOptionals(entry));
        return List.copyOf(all);
    }

    /** The parent ids the entry's plugin requires (not only static). */
    List<String> requiredParents(EntryShape entry) {
        return parents.getOrDefault(entry, List.of());
    }

    /** Of the plugins the entry's plugin only requires static (no cycle closed), those the host loaded and the JDK defined. */
    List<String> presentOptionals(EntryShape entry) {
        return optionals.getOrDefault(entry, List.of()).stream()
                .filter(id -> loaded.test(id) && judge(root.firstEntryOf(id).orElseThrow()) instanceof Defined)
                .toList();
    }

    /** Whether the entry's plugin only requires static {@code id}, but that edge closes a cycle of plugins. */
    boolean optionalOnCycle(EntryShape entry, String id) {
        return allOptionals.getOrDefault(entry, List.of()).contains(id) && !optionalParents(entry).contains(id);
    }

    /** The plugins the entry's plugin only requires static, but those on a cycle of plugins. */
    List<String> optionalParents(EntryShape entry) {
        return optionals.getOrDefault(entry, List.of());
    }

    /** The other plugins an entry's plugin requires, and those it only requires static. */
    private record Closure(List<String> parents, List<String> optionals) {
    }

    /**
     * The other plugins required, non-static, by a module of the entry that the JDK would resolve from
     * the plugin module (one automatic module brings in every automatic module of the entry), and not
     * held by the entry itself; sorted by id. Then the other plugins required static by one of those
     * modules and not resolved in the entry's layer (not required otherwise), also sorted.
     */
    private Closure closure(EntryShape entry, Set<String> pluginIds) {
        Map<String, ModuleDescriptor> held = new LinkedHashMap<>();
        for (ModuleReference reference : references.get(entry)) {
            held.putIfAbsent(reference.descriptor().name(), reference.descriptor());
        }
        String id = entry.plugin().name();
        Set<String> reached = new HashSet<>();
        Deque<ModuleDescriptor> queue = new ArrayDeque<>();
        reached.add(id);
        // the plugin module itself, even where a library jar of the same name comes first
        queue.add(references.get(entry).get(entry.modules().indexOf(entry.plugin())).descriptor());
        TreeSet<String> parentIds = new TreeSet<>();
        List<ModuleDescriptor> resolved = new ArrayList<>();
        boolean automaticsAdded = false;
        while (!queue.isEmpty()) {
            ModuleDescriptor descriptor = queue.poll();
            if (descriptor.isAutomatic() && !automaticsAdded) {
                automaticsAdded = true;
                for (ModuleDescriptor other : held.values()) {
                    if (other.isAutomatic() && reached.add(other.name())) {
                        queue.add(other);
                    }
                }
            }
            resolved.add(descriptor);
            for (Requires requires : descriptor.requires()) {
                if (requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    continue;
                }
                String name = requires.name();
                if (held.containsKey(name)) {
                    if (reached.add(name)) {
                        queue.add(held.get(name));
                    }
                } else if (pluginIds.contains(name) && !name.equals(id)) {
                    parentIds.add(name);
                }
            }
        }
        TreeSet<String> optionalIds = new TreeSet<>();
        for (ModuleDescriptor descriptor : resolved) {
            for (Requires requires : descriptor.requires()) {
                String name = requires.name();
                if (requires.modifiers().contains(Requires.Modifier.STATIC) && !reached.contains(name)
                        && pluginIds.contains(name) && !name.equals(id) && !parentIds.contains(name)) {
                    optionalIds.add(name);
                }
            }
        }
        return new Closure(List.copyOf(parentIds), List.copyOf(optionalIds));
    }

    private Outcome judge(EntryShape entry) {
        Outcome known = outcomes.get(entry);
        if (known != null) {
            return known;
        }
        Outcome outcome = inCycle(entry) ? new Refused(true, Optional.empty(), Optional.empty(), Optional.empty()) : tryToDefine(entry);
        outcomes.put(entry, outcome);
        return outcome;
    }

    /** Whether the entry can reach itself through the parent edges (each id standing for its first entry). */
    private boolean inCycle(EntryShape entry) {
        Deque<EntryShape> queue = new ArrayDeque<>(parentEntries(entry));
        Set<EntryShape> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            EntryShape next = queue.poll();
            if (next == entry) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(parentEntries(next));
            }
        }
        return false;
    }

    private List<EntryShape> parentEntries(EntryShape entry) {
        return requiredParents(entry).stream().map(root::firstEntryOf).map(Optional::orElseThrow).toList();
    }

    private Outcome tryToDefine(EntryShape entry) {
        for (String parent : requiredParents(entry)) {
            if (!(judge(root.firstEntryOf(parent).orElseThrow()) instanceof Defined)) {
                return new Refused(false, Optional.of(parent), Optional.empty(), Optional.empty());
            }
        }
        // as layerhost orders a layer's parents: by id, required and optional together
        List<Configuration> parentConfigurations = new ArrayList<>();
        List<ModuleLayer> parentLayers = new ArrayList<>();
        for (String parent : parents(entry)) {
            Defined defined = (Defined) judge(root.firstEntryOf(parent).orElseThrow());
            parentConfigurations.add(defined.configuration());
            parentLayers.add(defined.layer());
        }
        parentConfigurations.add(apiConfiguration);
        parentLayers.add(apiLayer);
        Configuration configuration;
        try {
            configuration = Configuration.resolve(new FolderFinder(entry, references.get(entry)),
                    parentConfigurations, ModuleFinder.of(), Set.of(entry.plugin().name()));
        } catch (FindException | ResolutionException e) {
            return new Refused(false, Optional.empty(), Optional.of(String.valueOf(e.getMessage())), Optional.empty());
        }
        try {
            ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(configuration, parentLayers,
                    ClassLoader.getPlatformClassLoader()).layer();
            return new Defined(configuration, layer);
        } catch (LayerInstantiationException e) {
            return new Refused(false, Optional.empty(), Optional.of(String.valueOf(e.getMessage())),
                    Optional.of(configuration));
        }
    }

    /**
     * The entry's modules as {@code ModuleFinder.of(folder)} finds them: a folder holding two jars of one
     * module fails every search with the JDK's own {@code FindException}.
     */
    private static final class FolderFinder implements ModuleFinder {
        private final Map<String, ModuleReference> byName = new LinkedHashMap<>();
        private final Optional<String> twoVersions;

        FolderFinder(EntryShape entry, List<ModuleReference> references) {
            String problem = null;
            for (int i = 0; i < references.size(); i++) {
                ModuleReference reference = references.get(i);
                String name = reference.descriptor().name();
                if (byName.putIfAbsent(name, reference) != null && problem == null) {
                    int first = references.indexOf(byName.get(name));
                    problem = "Two versions of module " + name + " found in " + entry.source()
                            + " (" + entry.fileName(first) + " and " + entry.fileName(i) + ")";
                }
            }
            this.twoVersions = Optional.ofNullable(problem);
        }

        @Override
        public Optional<ModuleReference> find(String name) {
            twoVersions.ifPresent(message -> {
                throw new FindException(message);
            });
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public Set<ModuleReference> findAll() {
            twoVersions.ifPresent(message -> {
                throw new FindException(message);
            });
            return Set.copyOf(byName.values());
        }
    }
}
