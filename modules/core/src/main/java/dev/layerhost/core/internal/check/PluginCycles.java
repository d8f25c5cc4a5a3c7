package dev.layerhost.core.internal.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
     * For every plugin in a cycle, a shortest cycle through it, as a path of ids rotated to start at its
     * smallest id.
     */
    public static Map<String, List<String>> find(Map<String, Set<String>> parentsById) {
        Tarjan tarjan = new Tarjan(parentsById);
        Map<String, List<String>> cycles = new TreeMap<>();
        for (List<String> component : tarjan.components()) {
            if (component.size() < 2) {
                continue;
            }
            Set<String> members = new HashSet<>(component);
            for (String id : component) {
                cycles.put(id, pathThrough(id, members, parentsById));
            }
        }
        return cycles;
    }

    /**
     * The strongly-connected component of every plugin of the graph, parents met only as targets
     * included, as a number: two plugins lie on a common cycle exactly when their numbers are equal and
     * they are not the same plugin.
     */
    static Map<String, Integer> components(Map<String, Set<String>> parentsById) {
        Map<String, Integer> numbers = new HashMap<>();
        List<List<String>> components = new Tarjan(parentsById).components();
        for (int i = 0; i < components.size(); i++) {
            for (String id : components.get(i)) {
                numbers.put(id, i);
            }
        }
        return numbers;
    }

    /** Whether {@code to} can be reached from {@code from} along parent edges. */
    static boolean reaches(Map<String, Set<String>> parentsById, String from, String to) {
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(parentsById.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /**
     * A breadth-first walk from {@code id} along edges inside its component until it comes back: the
     * cycle named to a plugin always goes through that plugin.
     */
    private static List<String> pathThrough(String id, Set<String> component, Map<String, Set<String>> parentsById) {
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty() && !reachedFrom.containsKey(id)) {
            String from = queue.poll();
            for (String next : parentsById.getOrDefault(from, Set.of())) {
                if (component.contains(next) && !reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, from);
                    queue.add(next);
                }
            }
        }
        // walked back from id, then turned around: appending keeps a cycle of thousands linear
        List<String> path = new ArrayList<>();
        String current = reachedFrom.get(id);
        while (!current.equals(id)) {
            path.add(current);
            current = reachedFrom.get(current);
        }
        path.add(id);
        Collections.reverse(path);
        return ModuleCycles.rotateToSmallest(path);
    }

    /**
     * Tarjan's algorithm with a stack of its own instead of recursion (a chain of thousands of plugins
     * must not overflow the thread's stack); it finds the components in the order the recursive form does.
     */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<String>> components = new ArrayList<>();
        private int counter;

        /** A plugin being connected, and the parents it has yet to look at. */
        private record Visit(String id, Iterator<String> parents) {
        }

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

        private void connect(String root) {
            Deque<Visit> visits = new ArrayDeque<>();
            visits.push(open(root));
            while (!visits.isEmpty()) {
                Visit visit = visits.peek();
                String id = visit.id();
                if (visit.parents().hasNext()) {
                    String next = visit.parents().next();
                    if (!index.containsKey(next)) {
                        visits.push(open(next));
                    } else if (onStack.contains(next)) {
                        lowLink.put(id, Math.min(lowLink.get(id), index.get(next)));
                    }
                    continue;
                }
                visits.pop();
                if (lowLink.get(id).equals(index.get(id))) {
                    List<String> component = new ArrayList<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(id));
                    components.add(component);
                }
                if (!visits.isEmpty()) {
                    // what the recursive form does when the call for a parent returns
                    String caller = visits.peek().id();
                    lowLink.put(caller, Math.min(lowLink.get(caller), lowLink.get(id)));
                }
            }
        }

        private Visit open(String id) {
            index.put(id, counter);
            lowLink.put(id, counter);
            counter++;
            stack.push(id);
            onStack.add(id);
            return new Visit(id, edges.getOrDefault(id, Set.of()).iterator());
        }
    }
}
