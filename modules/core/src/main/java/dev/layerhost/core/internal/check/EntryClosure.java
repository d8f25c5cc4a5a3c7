package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.model.Descriptors;

import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The modules of an entry its plugin module needs, transitively, and the dependences that must come from
 * elsewhere (other plugins, the API layer, the runtime). Worked out once per entry and check: it gives
 * the plugin's parents first, its resolution later.
 *
 * @param modules   the entry's modules the plugin layer would define, the plugin module first
 * @param externals the dependences on modules the entry does not hold, in the order they were met
 * @param optionals the {@code requires static} of the layer's modules on modules outside the layer, in the
 *                  order of {@link #modules}: the JDK reads such a module when a parent configuration has it
 *                  ({@code Resolver.makeGraph}), and resolves without it otherwise
 */
record EntryClosure(List<CandidateModule> modules, List<External> externals, List<External> optionals) {

    /** Module {@code requiredBy} of the entry requires {@code module}, which the entry does not hold. */
    record External(String requiredBy, String module) {
    }

    EntryClosure {
        modules = List.copyOf(modules);
        externals = List.copyOf(externals);
        optionals = List.copyOf(optionals);
    }

    /**
     * The closure of {@code facts}' plugin module, which must be present. As in the JDK,
     * {@code requires static} is not followed, and resolving one automatic module resolves every automatic
     * module the entry holds.
     */
    static EntryClosure of(EntryFacts facts) {
        Map<String, CandidateModule> resolved = new LinkedHashMap<>();
        List<External> externals = new ArrayList<>();
        Deque<CandidateModule> queue = new ArrayDeque<>();
        CandidateModule root = facts.plugin().orElseThrow();
        resolved.put(root.name(), root);
        queue.add(root);
        boolean allAutomatic = false;
        while (!queue.isEmpty()) {
            CandidateModule module = queue.poll();
            if (module.descriptor().isAutomatic() && !allAutomatic) {
                for (CandidateModule other : facts.modules().values()) {
                    if (other.descriptor().isAutomatic() && resolved.putIfAbsent(other.name(), other) == null) {
                        queue.add(other);
                    }
                }
                allAutomatic = true;
            }
            for (Requires requires : Descriptors.requires(module.descriptor())) {
                if (requires.modifiers().contains(Requires.Modifier.STATIC)) {
                    continue;
                }
                CandidateModule local = facts.modules().get(requires.name());
                if (local == null) {
                    externals.add(new External(module.name(), requires.name()));
                } else if (resolved.putIfAbsent(local.name(), local) == null) {
                    queue.add(local);
                }
            }
        }
        // Only once the layer's modules are all known: a static requires of a module the layer holds anyway
        // is read there, one of a module the entry holds but the layer does not is looked for in the parents.
        List<External> optionals = new ArrayList<>();
        for (CandidateModule module : resolved.values()) {
            for (Requires requires : Descriptors.requires(module.descriptor())) {
                if (requires.modifiers().contains(Requires.Modifier.STATIC) && !resolved.containsKey(requires.name())) {
                    optionals.add(new External(module.name(), requires.name()));
                }
            }
        }
        return new EntryClosure(List.copyOf(resolved.values()), externals, optionals);
    }

    /**
     * The modules of the closure that only the Java runtime may define ({@code java.base}): the JDK
     * refuses any layer of ours that holds one ({@code LayerInstantiationException}: "Class loader must be
     * the boot class loader"). Every module a jar holds requires {@code java.base}, so an entry bundling
     * one always has it in its closure. Other {@code java.*} names the JDK defines like any module; a
     * package {@code java.*} is refused when its jar is read.
     */
    List<CandidateModule> runtimeOnlyModules() {
        return modules.stream().filter(module -> module.name().equals("java.base")).toList();
    }

    /** The ids of other plugins ({@code isOtherPlugin}) that the closure requires from outside the entry, sorted. */
    List<String> parentIds(Predicate<String> isOtherPlugin) {
        return idsOf(externals, isOtherPlugin);
    }

    /**
     * The ids of other plugins ({@code isOtherPlugin}) that the layer's modules only {@code requires static},
     * sorted: an id also required without {@code static} is a {@linkplain #parentIds parent} already.
     */
    List<String> optionalParentIds(Predicate<String> isOtherPlugin) {
        List<String> required = parentIds(isOtherPlugin);
        return idsOf(optionals, id -> isOtherPlugin.test(id) && !required.contains(id));
    }

    /** Every external dependence, the optional ones included: what a change of another entry can reach. */
    List<External> allExternals() {
        List<External> all = new ArrayList<>(externals);
        all.addAll(optionals);
        return all;
    }

    private static List<String> idsOf(List<External> dependences, Predicate<String> isOtherPlugin) {
        TreeSet<String> ids = new TreeSet<>();
        for (External external : dependences) {
            if (isOtherPlugin.test(external.module())) {
                ids.add(external.module());
            }
        }
        return List.copyOf(ids);
    }
}
