package dev.layerhost.core.internal.model;

import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each module of a plugin's layer reads, worked out as the JDK's {@code java.lang.module.Resolver}
 * does in {@code makeGraph}: direct {@code requires}, implied readability through {@code requires
 * transitive} (of this layer's modules and of every ancestor's), and automatic modules that read
 * everything.
 */
public final class ReadabilityGraph {

    private ReadabilityGraph() {
    }

    /** As the JDK's {@code Resolver.findInParent}: the first parent configuration that finds the module. */
    public static Optional<ModuleNode> findInParents(List<ModelConfiguration> parents, String name) {
        for (ModelConfiguration parent : parents) {
            Optional<ModuleNode> found = parent.findModule(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** As the JDK's {@code Resolver.makeGraph}: what each module of the layer reads, implied readability included. */
    public static Map<ModuleNode, Set<ModuleNode>> of(ModelConfiguration configuration, ParentModules parents) {
        Map<ModuleNode, Set<ModuleNode>> reads = new IdentityHashMap<>();
        Map<ModuleNode, Set<ModuleNode>> transitive = new IdentityHashMap<>();
        // Only the ancestors with "requires transitive" edges count here: a chain of thousands of plugins
        // without any is not walked for each of them.
        Set<ModelConfiguration> withTransitiveEdges = new LinkedHashSet<>();
        for (ModelConfiguration parent : parents.configurations()) {
            withTransitiveEdges.addAll(parent.lineageWithTransitiveEdges());
        }
        for (ModelConfiguration ancestor : withTransitiveEdges) {
            transitive.putAll(ancestor.transitiveEdges());
        }
        // Every ancestor, worked out only for automatic modules, which read them all.
        Set<ModelConfiguration> ancestors = null;
        for (ModuleNode module : configuration.modules()) {
            Set<ModuleNode> moduleReads = new LinkedHashSet<>();
            Set<ModuleNode> moduleTransitive = new LinkedHashSet<>();
            if (module.descriptor().isAutomatic()) {
                for (ModuleNode other : configuration.modules()) {
                    if (!other.name().equals(module.name())) {
                        moduleReads.add(other);
                        if (other.descriptor().isAutomatic()) {
                            moduleTransitive.add(other);
                        }
                    }
                }
                ancestors = ancestors != null ? ancestors : ancestorsOf(parents);
                for (ModelConfiguration ancestor : ancestors) {
                    for (ModuleNode other : ancestor.modules()) {
                        moduleReads.add(other);
                        if (other.descriptor().isAutomatic()) {
                            moduleTransitive.add(other);
                        }
                    }
                }
            } else {
                for (Requires requires : module.requires()) {
                    Optional<ModuleNode> target = parents.lookup(configuration, requires.name());
                    if (target.isEmpty()) {
                        continue;
                    }
                    moduleReads.add(target.get());
                    if (requires.modifiers().contains(Requires.Modifier.TRANSITIVE)) {
                        moduleTransitive.add(target.get());
                    }
                    if (target.get().descriptor().isAutomatic() && configuration.ownModule(requires.name()).isEmpty()) {
                        // As the JDK's makeGraph: requiring an automatic module of a parent configuration
                        // also reads every automatic module that one reads.
                        ancestors = ancestors != null ? ancestors : ancestorsOf(parents);
                        moduleReads.addAll(automaticModulesReadBy(target.get(), ancestors));
                    }
                }
            }
            reads.put(module, moduleReads);
            transitive.put(module, moduleTransitive);
        }
        // Implied readability: a module reads whatever a module it reads 'requires transitive', and so on.
        // The JDK iterates to a fixed point; a worklist per module gives the same closure in linear time,
        // which matters for long chains of plugins that each require the previous one transitively.
        for (Set<ModuleNode> moduleReads : reads.values()) {
            Deque<ModuleNode> pending = new ArrayDeque<>(moduleReads);
            while (!pending.isEmpty()) {
                for (ModuleNode next : transitive.getOrDefault(pending.poll(), Set.of())) {
                    if (moduleReads.add(next)) {
                        pending.add(next);
                    }
                }
            }
        }
        return reads;
    }

    /** The parents and all their ancestors, in the order of their lineages. */
    private static Set<ModelConfiguration> ancestorsOf(ParentModules parents) {
        Set<ModelConfiguration> ancestors = new LinkedHashSet<>();
        for (ModelConfiguration parent : parents.configurations()) {
            ancestors.addAll(parent.lineage());
        }
        return ancestors;
    }

    /**
     * The automatic modules an automatic module of an ancestor configuration reads: every other automatic
     * module of its configuration and of that configuration's ancestors.
     */
    private static List<ModuleNode> automaticModulesReadBy(ModuleNode automatic, Set<ModelConfiguration> ancestors) {
        List<ModuleNode> read = new ArrayList<>();
        for (ModelConfiguration holder : ancestors) {
            if (holder.ownModule(automatic.name()).orElse(null) == automatic) {
                for (ModelConfiguration configuration : holder.lineage()) {
                    for (ModuleNode other : configuration.modules()) {
                        if (other != automatic && other.descriptor().isAutomatic()) {
                            read.add(other);
                        }
                    }
                }
                break;
            }
        }
        return read;
    }
}
