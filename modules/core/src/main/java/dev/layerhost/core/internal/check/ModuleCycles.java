package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The cycles among the modules of one layer, found as the JDK's {@code Resolver.detectCycles} finds them. */
final class ModuleCycles {

    private ModuleCycles() {
    }

    /**
     * Every cycle of {@code requires} edges between modules of {@code configuration}, each from its
     * smallest name, in the order a depth-first walk from each module in turn meets them. The walk keeps
     * its own stack: a layer may hold a chain of thousands of modules.
     */
    public static Set<List<String>> in(ModelConfiguration configuration) {
        Set<ModuleNode> done = new HashSet<>();
        Set<List<String>> found = new LinkedHashSet<>();
        List<ModuleNode> path = new ArrayList<>();
        // where each module of the path is on it, so that a cycle is found without searching the path
        Map<ModuleNode, Integer> positions = new HashMap<>();
        // for each module of the path, the requires it has yet to follow
        Deque<Iterator<Requires>> unfollowed = new ArrayDeque<>();
        for (ModuleNode start : configuration.modules()) {
            if (done.contains(start)) {
                continue;
            }
            enter(start, path, positions, unfollowed);
            while (!unfollowed.isEmpty()) {
                ModuleNode node = path.get(path.size() - 1);
                Iterator<Requires> requires = unfollowed.peek();
                if (!requires.hasNext()) {
                    unfollowed.pop();
                    path.remove(path.size() - 1);
                    positions.remove(node);
                    done.add(node);
                    continue;
                }
                Optional<ModuleNode> target = configuration.ownModule(requires.next().name());
                if (target.isEmpty() || target.get() == node || done.contains(target.get())) {
                    continue;
                }
                Integer onPath = positions.get(target.get());
                if (onPath != null) {
                    List<String> cycle = new ArrayList<>();
                    for (ModuleNode member : path.subList(onPath, path.size())) {
                        cycle.add(member.name());
                    }
                    found.add(rotateToSmallest(cycle));
                } else {
                    enter(target.get(), path, positions, unfollowed);
                }
            }
        }
        return found;
    }

    private static void enter(ModuleNode node, List<ModuleNode> path, Map<ModuleNode, Integer> positions,
                              Deque<Iterator<Requires>> unfollowed) {
        positions.put(node, path.size());
        path.add(node);
        unfollowed.push(node.requires().iterator());
    }

    /** The cycle {@code a -> b -> c} as it reads from its smallest member, so that one cycle is one list. */
    public static List<String> rotateToSmallest(List<String> cycle) {
        int smallest = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).compareTo(cycle.get(smallest)) < 0) {
                smallest = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(smallest, cycle.size()));
        rotated.addAll(cycle.subList(0, smallest));
        return List.copyOf(rotated);
    }
}
