package dev.layerhost.core.internal.check;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which optional plugin-on-plugin edges ({@code requires static} of another plugin's id) may become parent
 * edges: layers form no cycle, so an optional edge that lies on a cycle of the graph of every edge,
 * required and optional, is given up. Which edge of a cycle to give up must not depend on the order of
 * anything, so every optional edge of it is; and it depends on the descriptors alone, never on verdicts,
 * so that a plugin's verdict never turns an optional edge on or off. The required edges and the optional
 * edges kept have no cycle but cycles of required edges ({@code DEPENDENCY_CYCLE}).
 */
final class OptionalEdges {

    /** The strongly-connected component of every plugin of the graph of every edge. */
    private final Map<String, Integer> components;

    private OptionalEdges(Map<String, Integer> components) {
        this.components = components;
    }

    /**
     * @param parentsById   the required edges, by plugin id
     * @param optionalsById the optional edges, by plugin id
     */
    static OptionalEdges of(Map<String, Set<String>> parentsById, Map<String, Set<String>> optionalsById) {
        if (optionalsById.values().stream().allMatch(Set::isEmpty)) {
            return new OptionalEdges(Map.of());
        }
        Map<String, Set<String>> every = new TreeMap<>();
        parentsById.forEach((id, parents) -> every.put(id, new TreeSet<>(parents)));
        optionalsById.forEach((id, optionals) -> every.computeIfAbsent(id, k -> new TreeSet<>()).addAll(optionals));
        return new OptionalEdges(PluginCycles.components(every));
    }

    /** Whether the optional edge from plugin {@code from} to plugin {@code to} is kept: it lies on no cycle. */
    boolean kept(String from, String to) {
        Integer fromComponent = components.get(from);
        return fromComponent == null || !fromComponent.equals(components.get(to));
    }
}
