package dev.layerhost.core.internal.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parent configurations of one layer being checked, and the modules they make visible, each name
 * searched once: every search walks the ancestors, as the JDK's {@code Resolver.findInParent} does, and a
 * plugin at the end of a chain of thousands has thousands of them. One check of one layer asks for the
 * same few names (its {@code requires}) several times. Not thread-safe: one per check.
 */
public final class ParentModules {

    private final List<ModelConfiguration> configurations;
    private final Map<String, Optional<ModuleNode>> found = new HashMap<>();

    public ParentModules(List<ModelConfiguration> configurations) {
        this.configurations = List.copyOf(configurations);
    }

    /** The parent configurations, in order. */
    public List<ModelConfiguration> configurations() {
        return configurations;
    }

    /** As the JDK's {@code Resolver.findInParent}: the first parent configuration that finds the module. */
    public Optional<ModuleNode> find(String name) {
        Optional<ModuleNode> known = found.get(name);
        if (known == null) {
            known = ReadabilityGraph.findInParents(configurations, name);
            found.put(name, known);
        }
        return known;
    }

    /** A module of {@code configuration} itself, else of the parents. */
    public Optional<ModuleNode> lookup(ModelConfiguration configuration, String name) {
        Optional<ModuleNode> own = configuration.ownModule(name);
        return own.isPresent() ? own : find(name);
    }
}
