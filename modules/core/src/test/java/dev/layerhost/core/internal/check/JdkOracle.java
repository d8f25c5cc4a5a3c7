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

/**
 * The JDK's own verdict on every plugin of a {@link RootShape}: each plugin's layer is resolved with
 * {@link Configuration#resolve} and defined with {@link ModuleLayer#defineModulesWithOneLoader}, parents
 * first, with layerhost's parent rule. A plugin whose parent the JDK refused, or that is in a cycle of
 * plugins, cannot even be tried: it counts as refused for that reason.
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
    private final Map<EntryShape, List<String>> parents = new LinkedHashMap<>();
    private final Map<EntryShape, Outcome> outcomes = new HashMap<>();

    JdkOracle(RootShape root, Map<EntryShape, List<ModuleReference>> references, ModuleLayer apiLayer) {
        this.root = root;
        this.references = references;
        this.apiLayer = apiLayer;
        this.apiConfiguration = apiLayer.configuration();
        Set<String> pluginIds = new TreeSet<>(root.pluginIds());
        for (EntryShape entry : root.entries()) {
            if (entry.hasPlugin()) {
                parents.put(entry, parentIds(entry, pluginIds));
            }
        }
    }

    /** The outcome of every entry that has a plugin, by source. */
    Map<String, Outcome> judge() {
        Map<String, Outcome> bySource = new LinkedHashMap<>();
        for (EntryShape entry : parents.keySet()) {
            bySource.put(entry.source(), judge(entry));
        }
        return bySource;
    }

    /** The parent ids of an entry's plugin, found independently of layerhost. */
    List<String> parents(EntryShape entry) {
        return parents.getOrDefault(entry, List.of());
    }

    /**
     * The other plugins required, non-static, by a module of the entry that the JDK would resolve from
     * the plugin module (one automatic module brings in every automatic module of the entry), and not
     * held by the entry itself; sorted by id.
     */
    private List<String> parentIds(EntryShape entry, Set<String> pluginIds) {
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
        return List.copyOf(parentIds);
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
        return parents(entry).stream().map(root::firstEntryOf).map(Optional::orElseThrow).toList();
    }

    private Outcome tryToDefine(EntryShape entry) {
        List<Configuration> parentConfigurations = new ArrayList<>();
        List<ModuleLayer> parentLayers = new ArrayList<>();
        for (String parent : parents(entry)) {
            Outcome parentOutcome = judge(root.firstEntryOf(parent).orElseThrow());
            if (!(parentOutcome instanceof Defined defined)) {
                return new Refused(false, Optional.of(parent), Optional.empty(), Optional.empty());
            }
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
