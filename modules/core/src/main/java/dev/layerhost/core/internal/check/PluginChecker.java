package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.SameObjects;
import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.trust.SignatureInspector;

import java.lang.module.ModuleFinder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks every entry of a plugin root from module descriptors alone, and returns a verdict per entry.
 * No plugin class is loaded and no layer is defined. Every problem is collected: one bad plugin does
 * not stop the check of the others, and never changes their verdicts unless they require it.
 *
 * <p>Stages: each entry on its own ({@link EntryInspector}); plugin ids across entries (duplicates);
 * the plugin-on-plugin graph (cycles, rejected parents); then each plugin's layer, parents first
 * ({@link PluginResolution}).
 *
 * <p>A check after a few entries changed (a reload, a file the watcher saw) re-checks only the entries
 * a change can reach, and keeps every other verdict: the changed entries; every entry that has, or had,
 * the plugin id of one of them; every entry that requires such an id from outside itself, {@code static}
 * or not (it may gain or lose a parent); every entry that was not sound (a change may unblock it, and its
 * hints name other entries); and, transitively, every plugin that stands on one of those. Nothing else
 * reads a changed entry: a plugin's layer is its own entry and its parents'. Every cycle of plugins that
 * a changed entry is on, or was on, is among them (its plugins all reach that entry), so whether an
 * optional edge lies on a cycle is decided among them alone. A root whose changes are many is checked
 * whole. A property test checks that both ways give the same verdicts.
 *
 * <p>A plugin that another only {@code requires static} is a parent of it when it is sound, as the JDK
 * reads a {@code requires static} module that a parent configuration has; otherwise that plugin is done
 * without, and nothing is said. An optional edge on a cycle of plugins is ignored ({@link OptionalEdges}).
 *
 * <p>A plugin the user disabled is not checked at all: its verdict says so, with no diagnostic, and a
 * plugin that requires it is rejected as if it required a rejected plugin. A change of the disabled ids
 * is a check of the whole root.
 */
public final class PluginChecker {

    private final ApiLayer api;
    private final Policy policy;
    private final ServiceAllowance serviceAllowance;
    /**
     * Modules the host itself has (the API layer and its parents, the runtime's): a plugin named like one
     * is never another plugin's parent, or one hostile jar named layerhost.api or java.sql would stand
     * between every plugin and what it requires of the host (and be rejected with all of them, or serve
     * them its own code).
     */
    private final Set<String> hostModules;
    /** Lives as long as the checker, so that a jar whose content was verified once is not read again. */
    private final SignatureInspector signatures;
    /** The last check's outcomes with a model, by source; guarded by this object's lock. */
    private Map<String, Remembered> lastOutcomes = new HashMap<>();
    /**
     * The last check's facts and closure of each entry, by its candidate (the same object, not an equal
     * one): they depend on the entry's files alone, so an unchanged entry is not inspected again.
     */
    private Map<Candidate, Inspected> lastInspected = new IdentityHashMap<>();
    /** What the last check found of the whole root; null until a whole check ran, or after a failure. */
    private Root last;
    /** The plugin ids the user disabled, for the check that runs; guarded by this object's lock. */
    private Set<String> disabled = Set.of();

    private record Inspected(EntryFacts facts, EntryClosure closure) {
    }

    private record Remembered(Candidate candidate, List<ModelConfiguration> parentModels, ResolutionOutcome outcome) {

        boolean sameInput(Candidate otherCandidate, List<ModelConfiguration> otherParents) {
            return candidate == otherCandidate && SameObjects.inOrder(parentModels, otherParents);
        }
    }

    /** The root as the last check left it: verdicts, and the indexes that say what a change reaches. */
    private static final class Root {
        final Map<String, Candidate> candidates = new HashMap<>();
        final Map<String, Inspected> inspected = new HashMap<>();
        final TreeMap<String, Verdict> verdicts = new TreeMap<>();
        /** The sources holding each plugin id. */
        final Map<String, Set<String>> byPluginId = new HashMap<>();
        /**
         * The sources whose closure requires each module from outside their entry: for a plugin id, the
         * plugins standing on it, and those that would if it were a plugin.
         */
        final Map<String, Set<String>> requirers = new HashMap<>();
        /** The model of each sound plugin, by id. */
        final Map<String, ModelConfiguration> soundModels = new HashMap<>();
        final Set<String> unsound = new HashSet<>();
        List<String> layerOrder = List.of();
        /** The verdicts returned last. */
        Verdicts result;
        /** The disabled plugin ids the verdicts were made with. */
        Set<String> disabled = Set.of();

        void addFiles(String source, Candidate candidate, Inspected entry) {
            candidates.put(source, candidate);
            inspected.put(source, entry);
            entry.facts().pluginId().ifPresent(id -> byPluginId.computeIfAbsent(id, k -> new HashSet<>()).add(source));
            if (entry.closure() != null) {
                entry.closure().allExternals().forEach(external ->
                        requirers.computeIfAbsent(external.module(), k -> new HashSet<>()).add(source));
            }
        }

        void forgetFiles(String source) {
            Inspected entry = inspected.remove(source);
            candidates.remove(source);
            if (entry == null) {
                return;
            }
            entry.facts().pluginId().ifPresent(id -> removeFrom(byPluginId, id, source));
            if (entry.closure() != null) {
                entry.closure().allExternals().forEach(external -> removeFrom(requirers, external.module(), source));
            }
        }

        void addVerdict(Verdict verdict, boolean sound) {
            String source = verdict.source();
            verdicts.put(source, verdict);
            if (sound) {
                soundModels.put(verdict.pluginId().orElseThrow(), verdict.configuration().orElseThrow());
            } else {
                unsound.add(source);
            }
        }

        void forgetVerdict(String source) {
            Verdict verdict = verdicts.remove(source);
            unsound.remove(source);
            if (verdict != null && verdict.configuration().isPresent() && verdict.pluginId().isPresent()
                    && soundModels.get(verdict.pluginId().get()) == verdict.configuration().get()) {
                soundModels.remove(verdict.pluginId().get());
            }
        }

        private static void removeFrom(Map<String, Set<String>> index, String key, String source) {
            index.computeIfPresent(key, (k, sources) -> {
                sources.remove(source);
                return sources.isEmpty() ? null : sources;
            });
        }
    }

    public PluginChecker(ApiLayer api, Policy policy) {
        this.api = api;
        this.policy = policy;
        this.serviceAllowance = new ServiceAllowance(policy);
        this.hostModules = hostModules(api);
        this.signatures = new SignatureInspector(policy);
    }

    private static Set<String> hostModules(ApiLayer api) {
        Set<String> names = new HashSet<>();
        Deque<ModuleLayer> layers = new ArrayDeque<>(List.of(api.layer()));
        Set<ModuleLayer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!layers.isEmpty()) {
            ModuleLayer layer = layers.pop();
            if (seen.add(layer)) {
                layer.modules().forEach(module -> names.add(module.getName()));
                layers.addAll(layer.parents());
            }
        }
        ModuleFinder.ofSystem().findAll().forEach(reference -> names.add(reference.descriptor().name()));
        return Set.copyOf(names);
    }

    /**
     * The id of the plugin {@code candidate} holds, as a check would choose its plugin module; empty if it
     * holds none. Looks at the descriptors only (no signature, no other entry), and remembers nothing.
     */
    public Optional<String> pluginIdOf(Candidate candidate) {
        return EntryInspector.pluginModule(api, candidate.modules()).map(CandidateModule::name);
    }

    /** The verdicts on {@code candidates}, sorted by source, with the sound ones in layer order. */
    public Verdicts check(List<Candidate> candidates) {
        return check(candidates, Set.of(), new PhaseTimes("check"));
    }

    /**
     * The verdicts on {@code candidates}, sorted by source, with the sound ones in layer order.
     *
     * @param times the pass this check is part of: the jars whose signatures it verifies count there
     */
    public Verdicts check(List<Candidate> candidates, PhaseTimes times) {
        return check(candidates, Set.of(), times);
    }

    /**
     * The verdicts on {@code candidates}, sorted by source, with the sound ones in layer order.
     *
     * @param disabledIds the plugin ids the user switched off: their entries get a disabled verdict
     * @param times       the pass this check is part of: the jars whose signatures it verifies count there
     */
    public synchronized Verdicts check(List<Candidate> candidates, Set<String> disabledIds, PhaseTimes times) {
        disabled = Set.copyOf(disabledIds);
        try {
            if (last != null && last.disabled.equals(disabled)) {
                Optional<Verdicts> changes = checkChanges(candidates, times);
                if (changes.isPresent()) {
                    return changes.get();
                }
            }
            return checkAll(candidates, times);
        } catch (RuntimeException | Error e) {
            last = null;
            throw e;
        }
    }

    /** Checks every entry. */
    private Verdicts checkAll(List<Candidate> candidates, PhaseTimes times) {
        Root root = new Root();
        EntryInspector inspector = new EntryInspector(api, signatures, times);
        Map<String, EntryFacts> factsBySource = new TreeMap<>();
        Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
        Map<Candidate, Inspected> inspected = new IdentityHashMap<>();
        for (Candidate candidate : candidates) {
            Inspected entry = inspect(candidate, inspector);
            inspected.put(candidate, entry);
            EntryFacts facts = entry.facts();
            factsBySource.put(facts.source(), facts);
            diagnostics.put(facts.source(), new ArrayList<>(facts.diagnostics()));
            root.addFiles(facts.source(), candidate, entry);
        }
        lastInspected = inspected;

        Map<String, List<EntryFacts>> byPluginId = new TreeMap<>();
        Map<String, String> moduleOwners = new HashMap<>();
        for (EntryFacts facts : factsBySource.values()) {
            facts.pluginId().filter(id -> !disabled.contains(id))
                    .ifPresent(id -> byPluginId.computeIfAbsent(id, k -> new ArrayList<>()).add(facts));
            for (String module : facts.modules().keySet()) {
                moduleOwners.putIfAbsent(module, facts.source());
            }
        }
        Judgement judgement = new Judgement(diagnostics, moduleOwners, new HashMap<>(), new HashMap<>());
        // a disabled plugin is still a plugin: requiring it makes it a parent, which is not sound
        judgement.judge(byPluginId, root.inspected, id -> root.byPluginId.containsKey(id) && !hostModules.contains(id));
        lastOutcomes = judgement.remembered;

        for (EntryFacts facts : factsBySource.values()) {
            Verdict verdict = judgement.verdict(facts);
            root.addVerdict(verdict, judgement.soundSources.contains(facts.source()));
        }
        root.layerOrder = List.copyOf(judgement.layerOrder);
        root.result = new Verdicts(List.copyOf(root.verdicts.values()), root.layerOrder);
        root.disabled = disabled;
        last = root;
        return root.result;
    }

    /**
     * Checks again only what the entries that changed since the last check can reach; empty when so many
     * changed that checking everything is as cheap.
     */
    private Optional<Verdicts> checkChanges(List<Candidate> candidates, PhaseTimes times) {
        Root root = last;
        // the candidates that are not the last check's, by source
        Map<String, Candidate> changedCandidates = new TreeMap<>();
        int kept = 0;
        for (Candidate candidate : candidates) {
            if (root.candidates.get(candidate.source()) == candidate) {
                kept++;
            } else if (changedCandidates.put(candidate.source(), candidate) != null) {
                return Optional.empty(); // two candidates of one source: no root of ours
            }
        }
        Set<String> changed = changedCandidates.keySet();
        Set<String> removed = new TreeSet<>();
        if (kept + countKnown(root, changed) < root.candidates.size()) {
            Set<String> present = new HashSet<>();
            candidates.forEach(candidate -> present.add(candidate.source()));
            for (String source : root.candidates.keySet()) {
                if (!present.contains(source)) {
                    removed.add(source);
                }
            }
        }
        if (changed.isEmpty() && removed.isEmpty() && root.result != null) {
            // the very same verdicts: the planner and the registry recognise them and keep what they made of them
            return Optional.of(root.result);
        }
        if (changed.size() + removed.size() > Math.max(8, candidates.size() / 8)) {
            return Optional.empty();
        }

        // The plugin ids whose holders change: what they were, and what they are now.
        Set<String> ids = new HashSet<>();
        EntryInspector inspector = new EntryInspector(api, signatures, times);
        for (String source : union(changed, removed)) {
            Inspected old = root.inspected.get(source);
            if (old != null) {
                old.facts().pluginId().ifPresent(ids::add);
                lastInspected.remove(root.candidates.get(source));
            }
            root.forgetFiles(source);
            root.forgetVerdict(source);
        }
        for (Candidate candidate : changedCandidates.values()) {
            String source = candidate.source();
            Inspected entry = inspect(candidate, inspector);
            lastInspected.put(candidate, entry);
            entry.facts().pluginId().ifPresent(ids::add);
            root.addFiles(source, candidate, entry);
        }
        removed.forEach(lastOutcomes::remove);

        Set<String> affected = reach(root, changed, ids);
        for (String source : affected) {
            root.forgetVerdict(source);
        }

        Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
        Map<String, List<EntryFacts>> affectedById = new TreeMap<>();
        Map<String, EntryFacts> affectedFacts = new TreeMap<>();
        for (String source : affected) {
            EntryFacts facts = root.inspected.get(source).facts();
            affectedFacts.put(source, facts);
            diagnostics.put(source, new ArrayList<>(facts.diagnostics()));
            // every other holder of an affected plugin id is affected itself: the duplicates are all here
            facts.pluginId().filter(id -> !disabled.contains(id))
                    .ifPresent(id -> affectedById.computeIfAbsent(id, k -> new ArrayList<>()).add(facts));
        }
        Map<String, String> moduleOwners = new HashMap<>();
        root.inspected.forEach((source, entry) -> entry.facts().modules().keySet().forEach(module ->
                moduleOwners.merge(module, source, (one, other) -> one.compareTo(other) <= 0 ? one : other)));
        Map<String, ModelConfiguration> soundPlugins = new HashMap<>(root.soundModels);
        Judgement judgement = new Judgement(diagnostics, moduleOwners, soundPlugins, new HashMap<>());
        judgement.judge(affectedById, root.inspected, id -> root.byPluginId.containsKey(id) && !hostModules.contains(id));
        affected.forEach(lastOutcomes::remove);
        lastOutcomes.putAll(judgement.remembered);

        for (EntryFacts facts : affectedFacts.values()) {
            root.addVerdict(judgement.verdict(facts), judgement.soundSources.contains(facts.source()));
        }
        // An entry that was not re-checked stands on no re-checked one, so its place stays valid.
        List<String> layerOrder = new ArrayList<>(root.layerOrder.size() + judgement.layerOrder.size());
        for (String source : root.layerOrder) {
            if (!affected.contains(source) && !removed.contains(source)) {
                layerOrder.add(source);
            }
        }
        layerOrder.addAll(judgement.layerOrder);
        root.layerOrder = List.copyOf(layerOrder);
        root.result = new Verdicts(List.copyOf(root.verdicts.values()), root.layerOrder);
        return Optional.of(root.result);
    }

    /** How many of {@code sources} the last check knew. */
    private static int countKnown(Root root, Set<String> sources) {
        int known = 0;
        for (String source : sources) {
            if (root.candidates.containsKey(source)) {
                known++;
            }
        }
        return known;
    }

    /**
     * The sources a change reaches: {@code changed}, the entries that were not sound, the holders and the
     * requirers of plugin ids {@code ids}, and transitively the holders and requirers of theirs (the
     * requirers of a plugin id are the plugins standing on it).
     */
    private static Set<String> reach(Root root, Set<String> changed, Set<String> ids) {
        Set<String> affected = new TreeSet<>(changed);
        affected.addAll(root.unsound);
        Deque<String> queue = new ArrayDeque<>(ids);
        Set<String> seen = new HashSet<>(ids);
        for (String source : affected) {
            root.inspected.get(source).facts().pluginId().filter(seen::add).ifPresent(queue::add);
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (Map<String, Set<String>> index : List.of(root.byPluginId, root.requirers)) {
                for (String source : index.getOrDefault(id, Set.of())) {
                    if (affected.add(source)) {
                        root.inspected.get(source).facts().pluginId().filter(seen::add).ifPresent(queue::add);
                    }
                }
            }
        }
        return affected;
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> union = new TreeSet<>(one);
        union.addAll(other);
        return union;
    }

    private Inspected inspect(Candidate candidate, EntryInspector inspector) {
        Inspected known = lastInspected.get(candidate);
        if (known != null) {
            return known;
        }
        EntryFacts fresh = inspector.inspect(candidate);
        return new Inspected(fresh, fresh.plugin().isPresent() ? EntryClosure.of(fresh) : null);
    }

    /**
     * The plugin-level stages for a set of entries: duplicates, parents, cycles, and each plugin's layer,
     * parents first. Whole checks pass every entry; a check of changes passes the affected ones, with the
     * models of the sound plugins it keeps in {@code soundPlugins}.
     */
    private final class Judgement {
        final Map<String, List<Diagnostic>> diagnostics;
        final Map<String, String> moduleOwners;
        final Map<String, ModelConfiguration> soundPlugins;
        final Map<String, Remembered> remembered;
        final Map<String, ResolutionOutcome> outcomes = new HashMap<>();
        final Map<String, List<String>> parentsBySource = new HashMap<>();
        /**
         * The other plugins each source only {@code requires static}, but those on a cycle (see
         * {@link #keptOptionals}): each becomes a parent if it is sound when the source is judged.
         */
        final Map<String, List<String>> optionalsBySource = new HashMap<>();
        /** The parents of each plugin judged: its required ones, and the optional ones that are sound. */
        final Map<String, List<String>> judgedParents = new HashMap<>();
        final List<String> layerOrder = new ArrayList<>();
        final Set<String> soundSources = new HashSet<>();

        Judgement(Map<String, List<Diagnostic>> diagnostics, Map<String, String> moduleOwners,
                  Map<String, ModelConfiguration> soundPlugins, Map<String, Remembered> remembered) {
            this.diagnostics = diagnostics;
            this.moduleOwners = moduleOwners;
            this.soundPlugins = soundPlugins;
            this.remembered = remembered;
        }

        /**
         * @param byPluginId    the entries to judge, by plugin id, each id's entries sorted by source
         * @param inspected     every entry's facts and closure, by source
         * @param isPluginId    whether a module name is the id of some plugin of the root
         */
        void judge(Map<String, List<EntryFacts>> byPluginId, Map<String, Inspected> inspected,
                   Predicate<String> isPluginId) {
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
            Map<String, Set<String>> optionalsById = new TreeMap<>();
            for (Map.Entry<String, List<EntryFacts>> plugin : byPluginId.entrySet()) {
                String self = plugin.getKey();
                for (EntryFacts facts : plugin.getValue()) {
                    EntryClosure closure = inspected.get(facts.source()).closure();
                    Predicate<String> isOtherPlugin = id -> !id.equals(self) && isPluginId.test(id);
                    List<String> parents = closure.parentIds(isOtherPlugin);
                    parentsBySource.put(facts.source(), parents);
                    parentsById.computeIfAbsent(self, k -> new TreeSet<>()).addAll(parents);
                    List<String> optionals = closure.optionalParentIds(isOtherPlugin);
                    optionalsBySource.put(facts.source(), optionals);
                    optionalsById.computeIfAbsent(self, k -> new TreeSet<>()).addAll(optionals);
                }
            }

            // a cycle of requires alone; an optional edge never makes one (see keptOptionals)
            Map<String, List<String>> cycles = PluginCycles.find(parentsById);
            for (Map.Entry<String, List<String>> inCycle : cycles.entrySet()) {
                for (EntryFacts facts : byPluginId.get(inCycle.getKey())) {
                    diagnostics.get(facts.source()).add(
                            Diagnostics.dependencyCycle(facts.source(), inCycle.getKey(), inCycle.getValue()));
                }
            }

            Map<String, Set<String>> order = keptOptionals(byPluginId, parentsById, optionalsById);
            for (String id : parentsFirst(order)) {
                for (EntryFacts facts : byPluginId.getOrDefault(id, List.of())) {
                    judgeOne(id, facts, inspected.get(facts.source()).closure(), parentsById, cycles);
                }
            }
        }

        /**
         * Drops from {@link #optionalsBySource} every optional edge that lies on a cycle of plugins (see
         * {@link OptionalEdges}); returns the graph the plugins are judged in the order of: the required
         * edges and the optional edges kept.
         */
        private Map<String, Set<String>> keptOptionals(Map<String, List<EntryFacts>> byPluginId,
                                                       Map<String, Set<String>> parentsById,
                                                       Map<String, Set<String>> optionalsById) {
            OptionalEdges edges = OptionalEdges.of(parentsById, optionalsById);
            Map<String, Set<String>> order = new TreeMap<>();
            parentsById.forEach((id, parents) -> order.put(id, new TreeSet<>(parents)));
            for (Map.Entry<String, List<EntryFacts>> plugin : byPluginId.entrySet()) {
                String self = plugin.getKey();
                for (EntryFacts facts : plugin.getValue()) {
                    List<String> kept = optionalsBySource.get(facts.source()).stream()
                            .filter(optional -> edges.kept(self, optional))
                            .toList();
                    optionalsBySource.put(facts.source(), kept);
                    order.computeIfAbsent(self, k -> new TreeSet<>()).addAll(kept);
                }
            }
            return order;
        }

        private void judgeOne(String id, EntryFacts facts, EntryClosure closure, Map<String, Set<String>> parentsById,
                              Map<String, List<String>> cycles) {
            List<Diagnostic> entryDiagnostics = diagnostics.get(facts.source());
            List<String> required = parentsBySource.get(facts.source());
            // As the JDK's makeGraph reads a "requires static" module that a parent configuration has: an
            // optional plugin judged sound (before this one) is a parent; one absent, rejected or disabled
            // is not, and says nothing.
            List<String> parents = required;
            List<String> present = optionalsBySource.get(facts.source()).stream()
                    .filter(soundPlugins::containsKey).toList();
            if (!present.isEmpty()) {
                TreeSet<String> all = new TreeSet<>(required);
                all.addAll(present);
                parents = List.copyOf(all);
            }
            judgedParents.put(facts.source(), parents);
            boolean parentsSound = true;
            for (String parent : required) {
                if (!soundPlugins.containsKey(parent)) {
                    parentsSound = false;
                    boolean sameCycle = cycles.containsKey(id) && PluginCycles.reaches(parentsById, parent, id);
                    if (disabled.contains(parent)) {
                        entryDiagnostics.add(Diagnostics.dependencyDisabled(facts.source(), id, parent));
                    } else if (!sameCycle) {
                        entryDiagnostics.add(Diagnostics.dependencyRejected(facts.source(), id, parent));
                    }
                    // a denied plugin is rejected itself; requiring it breaks the policy as well
                    if (policy.deniedModules().contains(parent)) {
                        entryDiagnostics.add(Diagnostics.forbiddenModule(facts.source(), id,
                                requirerOf(facts, parent), parent));
                    }
                }
            }
            // from the entry's own descriptors: reported whatever its parents' verdicts are
            entryDiagnostics.addAll(serviceAllowance.check(facts, closure));
            for (CandidateModule module : closure.runtimeOnlyModules()) {
                entryDiagnostics.add(Diagnostics.runtimeOnlyModule(facts.source(), Optional.of(id), module.name(),
                        module.file()));
            }
            if (!parentsSound || !facts.readable()) {
                return;
            }
            List<ModelConfiguration> parentModels = parents.stream().map(soundPlugins::get).toList();
            Remembered known = lastOutcomes.get(facts.source());
            ResolutionOutcome outcome = known != null && known.sameInput(facts.candidate(), parentModels)
                    ? known.outcome()
                    : new PluginResolution(facts, closure, soundPlugins, moduleOwners, api, policy).resolve(parents);
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
                soundSources.add(facts.source());
            }
        }

        Verdict verdict(EntryFacts facts) {
            if (facts.pluginId().filter(disabled::contains).isPresent()) {
                return Verdict.disabled(facts, parentsBySource.getOrDefault(facts.source(), List.of()));
            }
            Optional<ResolutionOutcome> outcome = Optional.ofNullable(outcomes.get(facts.source()));
            List<Diagnostic> entryDiagnostics = dedupe(diagnostics.get(facts.source()));
            boolean sound = soundSources.contains(facts.source());
            List<String> parents = outcome.map(ResolutionOutcome::parents)
                    .or(() -> Optional.ofNullable(judgedParents.get(facts.source())))
                    .orElse(parentsBySource.getOrDefault(facts.source(), List.of()));
            List<String> optionals = optionalsBySource.getOrDefault(facts.source(), List.of());
            return new Verdict(facts, entryDiagnostics,
                    sound ? outcome.flatMap(ResolutionOutcome::configuration) : Optional.empty(),
                    parents, parents.stream().filter(optionals::contains).toList(),
                    outcome.map(ResolutionOutcome::modules).orElse(List.of()), false);
        }
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

    /**
     * Plugin ids with every parent before its children; ids in a cycle come in an arbitrary but stable
     * place. A depth-first walk from each id in turn, with a stack of its own: a chain of thousands of
     * plugins must not overflow the thread's stack.
     */
    private static List<String> parentsFirst(Map<String, Set<String>> parentsById) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        // the ids being visited, innermost first, each with the parents it has yet to visit
        Deque<Map.Entry<String, Iterator<String>>> visiting = new ArrayDeque<>();
        for (String id : parentsById.keySet()) {
            if (visited.add(id)) {
                visiting.push(Map.entry(id, parentsById.getOrDefault(id, Set.of()).iterator()));
            }
            while (!visiting.isEmpty()) {
                Iterator<String> parents = visiting.peek().getValue();
                if (!parents.hasNext()) {
                    order.add(visiting.pop().getKey());
                    continue;
                }
                String parent = parents.next();
                if (visited.add(parent)) {
                    visiting.push(Map.entry(parent, parentsById.getOrDefault(parent, Set.of()).iterator()));
                }
            }
        }
        return order;
    }
}
