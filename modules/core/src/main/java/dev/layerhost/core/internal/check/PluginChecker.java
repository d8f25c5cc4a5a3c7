package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.SameObjects;
import dev.layerhost.core.internal.scan.Entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks every entry of a plugin root from module descriptors alone, and returns a verdict per entry.
 * No plugin class is loaded and no layer is defined. Every problem is collected: one bad plugin does
 * not stop the check of the others, and never changes their verdicts unless they require it.
 *
 * <p>Stages: each entry on its own ({@link EntryInspector}); plugin ids across entries (duplicates);
 * the plugin-on-plugin graph (cycles, rejected parents); then each plugin's layer, parents first
 * ({@link PluginResolution}).
 *
 * <p>An entry whose files (the same {@link Candidate}) and parent plugins' models are those of the last
 * check keeps its resolution outcome: a reload of one plugin among hundreds re-resolves that plugin and
 * what stands on it, not every plugin of the root.
 */
public final class PluginChecker {

    private final ApiLayer api;
    private final Policy policy;
    /** The last check's outcomes with a model, by source; guarded by this object's lock. */
    private Map<String, Remembered> lastOutcomes = Map.of();
    /**
     * The last check's facts and closure of each entry, by its candidate (the same object, not an equal
     * one): they depend on the entry's files alone, so an unchanged entry is not inspected again.
     */
    private Map<Candidate, Inspected> lastInspected = new IdentityHashMap<>();

    private record Inspected(EntryFacts facts, EntryClosure closure) {
    }

    private record Remembered(Candidate candidate, List<ModelConfiguration> parentModels, ResolutionOutcome outcome) {

        boolean sameInput(Candidate otherCandidate, List<ModelConfiguration> otherParents) {
            return candidate == otherCandidate && SameObjects.inOrder(parentModels, otherParents);
        }
    }

    public PluginChecker(ApiLayer api, Policy policy) {
        this.api = api;
        this.policy = policy;
    }

    /** The verdicts on {@code candidates}, sorted by source, with the sound ones in layer order. */
    public synchronized Verdicts check(List<Candidate> candidates) {
        Map<String, Remembered> remembered = new HashMap<>();
        EntryInspector inspector = new EntryInspector(api, policy);
        Map<String, EntryFacts> factsBySource = new TreeMap<>();
        Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
        Map<Candidate, Inspected> inspected = new IdentityHashMap<>();
        for (Candidate candidate : candidates) {
            Inspected last = lastInspected.get(candidate);
            if (last == null) {
                EntryFacts fresh = inspector.inspect(candidate);
                last = new Inspected(fresh, fresh.plugin().isPresent() ? EntryClosure.of(fresh) : null);
            }
            inspected.put(candidate, last);
            EntryFacts facts = last.facts();
            factsBySource.put(facts.source(), facts);
            diagnostics.put(facts.source(), new ArrayList<>(facts.diagnostics()));
        }
        lastInspected = inspected;

        Map<String, List<EntryFacts>> byPluginId = new TreeMap<>();
        Map<String, String> moduleOwners = new HashMap<>();
        for (EntryFacts facts : factsBySource.values()) {
            facts.pluginId().ifPresent(id -> byPluginId.computeIfAbsent(id, k -> new ArrayList<>()).add(facts));
            for (String module : facts.modules().keySet()) {
                moduleOwners.putIfAbsent(module, facts.source());
            }
        }
        for (Map.Entry<String, List<EntryFacts>> plugin : byPluginId.entrySet()) {
            if (plugin.getValue().size() > 1) {
                List<String> sources = plugin.getValue().stream().map(EntryFacts::source).sorted().toList();
                for (EntryFacts facts : plugin.getValue()) {
                    diagnostics.get(facts.source()).add(
                            Diagnostics.duplicatePlugin(facts.source(), plugin.getKey(), sources));
                }
            }
        }

        Map<String, Set<String>> parentsById = new TreeMap<>();
        Map<String, List<String>> parentsBySource = new HashMap<>();
        Map<String, EntryClosure> closures = new HashMap<>();
        for (Map.Entry<String, List<EntryFacts>> plugin : byPluginId.entrySet()) {
            String self = plugin.getKey();
            for (EntryFacts facts : plugin.getValue()) {
                EntryClosure closure = inspected.get(facts.candidate()).closure();
                closures.put(facts.source(), closure);
                List<String> parents = closure.parentIds(id -> !id.equals(self) && byPluginId.containsKey(id));
                parentsBySource.put(facts.source(), parents);
                parentsById.computeIfAbsent(plugin.getKey(), k -> new TreeSet<>()).addAll(parents);
            }
        }

        Map<String, List<String>> cycles = PluginCycles.find(parentsById);
        for (Map.Entry<String, List<String>> inCycle : cycles.entrySet()) {
            for (EntryFacts facts : byPluginId.get(inCycle.getKey())) {
                diagnostics.get(facts.source()).add(
                        Diagnostics.dependencyCycle(facts.source(), inCycle.getKey(), inCycle.getValue()));
            }
        }

        Map<String, ModelConfiguration> soundPlugins = new HashMap<>();
        Map<String, ResolutionOutcome> outcomes = new HashMap<>();
        List<String> layerOrder = new ArrayList<>();
        for (String id : parentsFirst(parentsById)) {
            for (EntryFacts facts : byPluginId.get(id)) {
                List<Diagnostic> entryDiagnostics = diagnostics.get(facts.source());
                List<String> parents = parentsBySource.get(facts.source());
                boolean parentsSound = true;
                for (String parent : parents) {
                    if (!soundPlugins.containsKey(parent)) {
                        parentsSound = false;
                        boolean sameCycle = cycles.containsKey(id) && PluginCycles.reaches(parentsById, parent, id);
                        if (!sameCycle) {
                            entryDiagnostics.add(Diagnostics.dependencyRejected(facts.source(), id, parent));
                        }
                        // a denied plugin is rejected itself; requiring it breaks the policy as well
                        if (policy.deniedModules().contains(parent)) {
                            entryDiagnostics.add(Diagnostics.forbiddenModule(facts.source(), id,
                                    requirerOf(facts, parent), parent));
                        }
                    }
                }
                if (!parentsSound || !facts.readable()) {
                    continue;
                }
                List<ModelConfiguration> parentModels = parents.stream().map(soundPlugins::get).toList();
                Remembered last = lastOutcomes.get(facts.source());
                ResolutionOutcome outcome = last != null && last.sameInput(facts.candidate(), parentModels)
                        ? last.outcome()
                        : new PluginResolution(facts, closures.get(facts.source()), soundPlugins, moduleOwners,
                                api, policy).resolve(parents);
                // Without a model the outcome names modules found nowhere, and where they might be: that
                // depends on the other entries, so it is worked out again.
                if (outcome.configuration().isPresent()) {
                    remembered.put(facts.source(), new Remembered(facts.candidate(), parentModels, outcome));
                }
                outcomes.put(facts.source(), outcome);
                entryDiagnostics.addAll(outcome.diagnostics());
                boolean sound = outcome.configuration().isPresent()
                        && entryDiagnostics.stream().noneMatch(Diagnostic::isError);
                if (sound) {
                    soundPlugins.put(id, outcome.configuration().get());
                    layerOrder.add(facts.source());
                }
            }
        }

        List<Verdict> verdicts = new ArrayList<>();
        Set<String> soundSources = new HashSet<>(layerOrder);
        for (EntryFacts facts : factsBySource.values()) {
            Optional<ResolutionOutcome> outcome = Optional.ofNullable(outcomes.get(facts.source()));
            List<Diagnostic> entryDiagnostics = dedupe(diagnostics.get(facts.source()));
            boolean sound = soundSources.contains(facts.source());
            verdicts.add(new Verdict(facts, entryDiagnostics,
                    sound ? outcome.flatMap(ResolutionOutcome::configuration) : Optional.empty(),
                    outcome.map(ResolutionOutcome::parents)
                            .orElse(parentsBySource.getOrDefault(facts.source(), List.of())),
                    outcome.map(ResolutionOutcome::modules).orElse(List.of())));
        }
        verdicts.sort(Comparator.comparing(Verdict::source));
        lastOutcomes = remembered;
        return new Verdicts(verdicts, layerOrder);
    }

    /** The first module of the entry, by name, that requires {@code module}. */
    private static String requirerOf(EntryFacts facts, String module) {
        return facts.modules().values().stream()
                .filter(m -> m.descriptor().requires().stream().anyMatch(r -> r.name().equals(module)))
                .map(CandidateModule::name)
                .sorted()
                .findFirst()
                .orElse(facts.pluginId().orElseThrow());
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> diagnostics) {
        return List.copyOf(new LinkedHashSet<>(diagnostics));
    }

    /** Plugin ids with every parent before its children; ids in a cycle come in an arbitrary but stable place. */
    private static List<String> parentsFirst(Map<String, Set<String>> parentsById) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String id : parentsById.keySet()) {
            visitParentsFirst(id, parentsById, visited, order);
        }
        return order;
    }

    private static void visitParentsFirst(String id, Map<String, Set<String>> parentsById, Set<String> visited,
                                          List<String> order) {
        if (!visited.add(id)) {
            return;
        }
        for (String parent : parentsById.getOrDefault(id, Set.of())) {
            visitParentsFirst(parent, parentsById, visited, order);
        }
        order.add(id);
    }
}
