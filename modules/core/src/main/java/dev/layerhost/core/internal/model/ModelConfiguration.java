package dev.layerhost.core.internal.model;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A configuration as the checker models it: its modules by name and its parents, searched exactly as
 * {@link Configuration#findModule} searches (its own modules, then the ancestors in the order of
 * {@code Configuration.configurations()}). Immutable once built.
 */
public final class ModelConfiguration {

    private final Map<String, ModuleNode> modules;
    private final List<ModelConfiguration> parents;
    // Worked out once, here: the API layer's model is shared by threads that check roots at the same time.
    private final List<ModelConfiguration> lineage;
    private final Map<ModuleNode, Set<ModuleNode>> transitiveEdges;
    private final List<ModelConfiguration> lineageWithTransitiveEdges;

    public ModelConfiguration(Collection<ModuleNode> modules, List<ModelConfiguration> parents) {
        Map<String, ModuleNode> byName = new LinkedHashMap<>();
        for (ModuleNode node : modules) {
            byName.put(node.name(), node);
        }
        this.modules = Collections.unmodifiableMap(byName);
        this.parents = List.copyOf(parents);
        this.lineage = walkLineage();
        this.transitiveEdges = findTransitiveEdges();
        this.lineageWithTransitiveEdges = lineage.stream().filter(c -> !c.transitiveEdges.isEmpty()).toList();
    }

    /**
     * The model of a real configuration and its ancestors. The API modules, and every module outside the
     * boot configuration, get the origin "api"; the other modules of the boot configuration "runtime":
     * this is how the API layer and what lies under it are modelled.
     */
    public static ModelConfiguration of(Configuration configuration, Configuration bootConfiguration,
                                 Set<String> apiModules) {
        // Parents are modelled before their children, with a stack of its own rather than recursion: a
        // host's own layers may be nested deeply.
        Map<Configuration, ModelConfiguration> done = new IdentityHashMap<>();
        Deque<Configuration> pending = new ArrayDeque<>();
        pending.push(configuration);
        while (!pending.isEmpty()) {
            Configuration next = pending.peek();
            if (done.containsKey(next)) {
                pending.pop();
                continue;
            }
            List<ModelConfiguration> parentModels = new ArrayList<>();
            for (Configuration parent : next.parents()) {
                ModelConfiguration parentModel = done.get(parent);
                if (parentModel == null) {
                    pending.push(parent);
                } else {
                    parentModels.add(parentModel);
                }
            }
            if (parentModels.size() == next.parents().size()) {
                pending.pop();
                done.put(next, model(next, parentModels, bootConfiguration, apiModules));
            }
        }
        return done.get(configuration);
    }

    private static ModelConfiguration model(Configuration configuration, List<ModelConfiguration> parentModels,
                                            Configuration bootConfiguration, Set<String> apiModules) {
        boolean isBoot = configuration == bootConfiguration;
        List<ModuleNode> nodes = new ArrayList<>();
        for (ResolvedModule module : configuration.modules()) {
            boolean api = !isBoot || apiModules.contains(module.name());
            // An API module linked into a runtime image is the host's API all the same: its version counts
            // (VERSION_CONFLICT against Requires.compiledVersion), where the JDK's own modules' do not.
            nodes.add(new ModuleNode(module.reference().descriptor(), api ? "api" : "runtime",
                    !api && isBoot && module.reference().location().map(uri -> "jrt".equals(uri.getScheme())).orElse(false),
                    Optional.empty()));
        }
        nodes.sort((a, b) -> a.name().compareTo(b.name()));
        return new ModelConfiguration(nodes, parentModels);
    }

    public Collection<ModuleNode> modules() {
        return modules.values();
    }

    public List<ModelConfiguration> parents() {
        return parents;
    }

    public Optional<ModuleNode> ownModule(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** As {@link Configuration#findModule}: this configuration's module, else the first ancestor's. */
    public Optional<ModuleNode> findModule(String name) {
        for (ModelConfiguration configuration : lineage()) {
            ModuleNode node = configuration.modules.get(name);
            if (node != null) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * This configuration and its ancestors, in the order of {@code Configuration.configurations()}:
     * a stack-based walk that marks a configuration visited when it is pushed.
     */
    public List<ModelConfiguration> lineage() {
        return lineage;
    }

    private List<ModelConfiguration> walkLineage() {
        List<ModelConfiguration> all = new ArrayList<>();
        Set<ModelConfiguration> visited = new HashSet<>();
        Deque<ModelConfiguration> stack = new ArrayDeque<>();
        visited.add(this);
        stack.push(this);
        while (!stack.isEmpty()) {
            ModelConfiguration next = stack.pop();
            all.add(next);
            for (int i = next.parents.size() - 1; i >= 0; i--) {
                ModelConfiguration parent = next.parents.get(i);
                if (visited.add(parent)) {
                    stack.push(parent);
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * The "requires transitive" edges of this configuration's own modules, each target found as this
     * configuration finds it: what the JDK's resolver uses for implied readability through a parent.
     */
    public Map<ModuleNode, Set<ModuleNode>> transitiveEdges() {
        return transitiveEdges;
    }

    /**
     * The configurations of {@link #lineage()} that have {@link #transitiveEdges()}, in its order: the
     * only ancestors that implied readability through a parent needs.
     */
    public List<ModelConfiguration> lineageWithTransitiveEdges() {
        return lineageWithTransitiveEdges;
    }

    private Map<ModuleNode, Set<ModuleNode>> findTransitiveEdges() {
        Map<ModuleNode, Set<ModuleNode>> edges = new IdentityHashMap<>();
        for (ModuleNode node : modules.values()) {
            for (ModuleDescriptor.Requires requires : node.requires()) {
                if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
                    findModule(requires.name()).ifPresent(target ->
                            edges.computeIfAbsent(node, n -> new LinkedHashSet<>()).add(target));
                }
            }
        }
        edges.replaceAll((node, targets) -> Collections.unmodifiableSet(targets));
        return Collections.unmodifiableMap(edges);
    }
}
