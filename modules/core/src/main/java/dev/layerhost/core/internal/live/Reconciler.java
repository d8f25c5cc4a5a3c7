package dev.layerhost.core.internal.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what one synchronization does, from the verdicts and what is live, without touching a jar or a
 * layer: which entries to build (load, reload, or reject, as the verdict says) and in which order, and
 * which live plugins to unload, children first. {@link LiveRegistry} carries the steps out.
 *
 * <p>Rules (SPEC "Hot reload"): an entry whose files changed is built again; so is an untouched entry
 * that another entry's change made sound (its duplicate was removed, or a plugin it requires arrived), as
 * a fresh load of the same files would; and so is every plugin whose parent was rebuilt, after it, on
 * its new layer. Whether a parent was rebuilt is known only once its build ran, so such a step says which
 * parents trigger it. A live plugin that stands on a plugin it only {@code requires static} that no longer
 * serves (removed, disabled, unloaded) is built again without it, as a fresh load would build it: it must
 * not keep a parent layer that was let go; one whose verdict names a parent it was not built for (a plugin
 * it only requires static became sound) is built again on it. A plugin it only requires static whose new
 * files were rejected while its old version keeps serving changes nothing: the dependent keeps its layer on
 * that old version, as a rejected update changes nothing that is live.
 */
final class Reconciler {

    private Reconciler() {
    }

    /**
     * One entry as the checker sees it now.
     *
     * @param source  the entry's name
     * @param sound   whether the checker found it sound (the JDK may still refuse its layer: then building
     *                it announces the refusal)
     * @param parents the ids of the plugins it requires
     */
    record Target(String source, boolean sound, List<String> parents) {
        Target {
            Objects.requireNonNull(source, "source");
            parents = List.copyOf(parents);
        }
    }

    /**
     * One entry to build, if its condition holds.
     *
     * @param source   the entry
     * @param always   build it whatever happens to its parents
     * @param triggers otherwise, build it only if one of these parents was rebuilt in this synchronization
     */
    record Step(String source, boolean always, Set<String> triggers) {
        Step {
            Objects.requireNonNull(source, "source");
            triggers = Set.copyOf(triggers);
        }

        boolean due(Collection<String> rebuilt) {
            return always || triggers.stream().anyMatch(rebuilt::contains);
        }
    }

    /**
     * What a live plugin was built on.
     *
     * @param parents  the ids of the plugins whose layers are parents of its layer
     * @param builtFor the parents its verdict named when it was built: {@code parents}, and any plugin it only
     *                 requires static that was sound but did not serve then
     */
    record Built(List<String> parents, List<String> builtFor) {
        Built {
            parents = List.copyOf(parents);
            builtFor = List.copyOf(builtFor);
        }
    }

    /**
     * The build steps of a synchronization, in the order of {@code targets} (sound ones parents first).
     *
     * @param changed     the entries whose files were copied anew
     * @param soundBefore the entries that were sound at the last synchronization
     * @param built       for every entry that has a live plugin now, what that plugin was built on
     * @param serving     the ids of the plugins that serve now
     */
    static List<Step> steps(List<Target> targets, Set<String> changed, Set<String> soundBefore,
                            Map<String, Built> built, Set<String> serving) {
        List<Step> steps = new ArrayList<>();
        for (Target target : targets) {
            Built builtOn = built.get(target.source());
            boolean nowSound = target.sound() && !soundBefore.contains(target.source()) && builtOn == null;
            boolean otherParents = target.sound() && builtOn != null && (!serving.containsAll(builtOn.parents())
                    || !builtOn.builtFor().containsAll(target.parents()));
            boolean always = changed.contains(target.source()) || nowSound || otherParents;
            if (always || !target.parents().isEmpty()) {
                steps.add(new Step(target.source(), always, Set.copyOf(target.parents())));
            }
        }
        return steps;
    }

    /**
     * The live plugins to unload, children first, so that {@code ids} go: each of them and every live
     * plugin that requires one of them, directly or not.
     *
     * @param liveParents the parents of every live plugin, by id, in the order the plugins were loaded
     */
    static List<String> unloadOrder(Map<String, List<String>> liveParents, Collection<String> ids) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        liveParents.forEach((child, parents) -> parents.forEach(parent ->
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child)));
        Set<String> order = new LinkedHashSet<>();
        // Depth first and iterative: a chain of thousands of plugins must not overflow the stack.
        Deque<Iterator<String>> stack = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        // the ids of the path, so that a chain of thousands is not searched at every step
        Set<String> onPath = new HashSet<>();
        for (String id : ids) {
            if (!liveParents.containsKey(id) || order.contains(id)) {
                continue;
            }
            path.push(id);
            onPath.add(id);
            stack.push(children.getOrDefault(id, List.of()).iterator());
            while (!stack.isEmpty()) {
                Iterator<String> next = stack.peek();
                if (next.hasNext()) {
                    String child = next.next();
                    if (!order.contains(child) && onPath.add(child)) {
                        path.push(child);
                        stack.push(children.getOrDefault(child, List.of()).iterator());
                    }
                } else {
                    stack.pop();
                    String done = path.pop();
                    onPath.remove(done);
                    order.add(done);
                }
            }
        }
        return List.copyOf(order);
    }
}
