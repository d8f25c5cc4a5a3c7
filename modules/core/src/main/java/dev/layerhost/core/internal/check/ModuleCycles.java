package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cycles among the modules of one layer, found as the JDK's {@code Resolver.detectCycles} finds them. */
final class ModuleCycles {

    private ModuleCycles() {
    }

    /** Every cycle of {@code requires} edges between modules of {@code configuration}, each from its smallest name. */
    public static Set<List<String>> in(ModelConfiguration configuration) {
        Set<ModuleNode> done = new LinkedHashSet<>();
        Set<List<String>> found = new LinkedHashSet<>();
        for (ModuleNode start : configuration.modules()) {
            visit(start, configuration, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void visit(ModuleNode node, ModelConfiguration configuration, List<ModuleNode> path,
                              Set<ModuleNode> done, Set<List<String>> found) {
        if (done.contains(node)) {
            return;
        }
        int onPath = path.indexOf(node);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>();
            for (ModuleNode member : path.subList(onPath, path.size())) {
                cycle.add(member.name());
            }
            found.add(rotateToSmallest(cycle));
            return;
        }
        path.add(node);
        for (Requires requires : node.requires()) {
            Optional<ModuleNode> target = configuration.ownModule(requires.name());
            if (target.isPresent() && target.get() != node) {
                visit(target.get(), configuration, path, done, found);
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
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
