package dev.layerhost.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the cycles of the plugin-on-plugin graph with Tarjan's strongly-connected components: every
 * plugin of a component of two or more is in a cycle.
 */
final class PluginCycles {

    private PluginCycles() {
    }

    /**
     * For every plugin in a cycle, the cycle through it as a path of ids starting at the smallest id of
     * its component.
     */
    static Map<String, List<String>> find(Map<String, Set<String>> parentsById) {
        Tarjan tarjan = new Tarjan(parentsById);
        Map<String, List<String>> cycles = new TreeMap<>();
        for (List<String> component : tarjan.components()) {
            if (component.size() < 2) {
                continue;
            }
            List<String> path = pathThrough(component, parentsById);
            for (String id : component) {
                cycles.put(id, path);
            }
        }
        return cycles;
    }

    /** A walk from the smallest id of the component along edges inside it until it comes back. */
    private static List<String> pathThrough(List<String> component, Map<String, Set<String>> parentsById) {
        String start = component.stream().sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            String from = current;
            current = parentsById.getOrDefault(from, Set.of()).stream()
                    .filter(component::contains)
                    .findFirst()
                    .orElse(start);
        }
        int loopStart = path.indexOf(current);
        return PluginResolution.rotateToSmallest(path.subList(loopStart, path.size()));
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<List<String>> components = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<List<String>> components() {
            for (String id : edges.keySet()) {
                if (!index.containsKey(id)) {
                    connect(id);
                }
            }
            return components;
        }

        private void connect(String id) {
            index.put(id, counter);
            lowLink.put(id, counter);
            counter++;
            stack.push(id);
            for (String next : edges.getOrDefault(id, Set.of())) {
                if (!index.containsKey(next)) {
                    connect(next);
                    lowLink.put(id, Math.min(lowLink.get(id), lowLink.get(next)));
                } else if (stack.contains(next)) {
                    lowLink.put(id, Math.min(lowLink.get(id), index.get(next)));
                }
            }
            if (lowLink.get(id).equals(index.get(id))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(id));
                components.add(component);
            }
        }
    }
}
