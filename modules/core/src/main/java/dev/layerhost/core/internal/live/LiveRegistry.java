package dev.layerhost.core.internal.live;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.audit.AuditTrail;
import dev.layerhost.core.internal.audit.EntryFiles;
import dev.layerhost.core.internal.check.PluginChecker;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.event.EventOutbox;
import dev.layerhost.core.internal.load.LoadOutcome;
import dev.layerhost.core.internal.load.LoadedPlugin;
import dev.layerhost.core.internal.load.PluginBuild;
import dev.layerhost.core.internal.load.PluginLoader;
import dev.layerhost.core.internal.load.RetiredPlugin;
import dev.layerhost.core.internal.plan.LayerPlan;
import dev.layerhost.core.internal.plan.LayerPlanner;
import dev.layerhost.core.internal.plan.PlannedLayer;
import dev.layerhost.core.internal.plan.PlannedRoot;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;
import dev.layerhost.core.internal.scan.RootScanner;
import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.timing.PhaseTimes.Phase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live plugins of a root, and the one place that changes them. Every change (a first load, a reload,
 * a file change seen by the watcher, an unload) goes through {@link #synchronize} or {@link #unload},
 * under a lock of its own, and is announced as {@link PluginEvent}s. What to build and unload is the
 * {@link Reconciler}'s decision; this class carries it out. Events are delivered in the order they
 * happened, after the lock is released, so that a listener may call back into the host.
 *
 * <p>Rules (SPEC "Hot reload"): a reload is all-or-nothing per plugin: the new layer replaces the old
 * only once it is defined and every provider is instantiated; if the new files are rejected or fail, the
 * old version keeps serving. A plugin that stops serving (replaced, unloaded, or the registry closed) is
 * told so once its successor serves: its {@link AutoCloseable} providers are closed, outside the lock.
 * Layers are always defined from {@link Snapshot}s, never from the originals.
 */
public final class LiveRegistry {

    private static final Logger log = LoggerFactory.getLogger(LiveRegistry.class);

    private final Path root;
    private final RootScanner scanner = new RootScanner();
    private final PluginChecker checker;
    private final LayerPlanner planner;
    private final PluginLoader loader;
    private final SnapshotStore snapshots;
    private final DiscoveryCache cache;
    private final Retirement retirement;
    private final EventOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final DisabledPlugins disabled;
    /** Guards everything below but {@link #serving}; plugin code runs under it while loading. */
    private final RegistryLock lock = new RegistryLock();

    /** The latest stable copy of every entry. */
    private final CurrentCopies current;
    /** The serving plugins, by id, parents before children. */
    private final Map<String, Live> live = new LinkedHashMap<>();
    /** The ids of {@link #live} by their entry, so that a build need not look through every live plugin. */
    private final Map<String, Set<String>> liveBySource = new HashMap<>();
    private volatile List<LoadedPlugin> serving = List.of();
    /** The sources whose verdict was sound at the last synchronization. */
    private Set<String> soundBefore = Set.of();
    /** The last plan as {@link #applyAll} indexed it. */
    private Prepared prepared;
    /** The stamp of the disabled list the last synchronization read; "" for none. */
    private String disabledStamp = "";

    /**
     * @param parents  the ids of the plugins whose layers are parents of its layer
     * @param required those of {@code parents} it cannot do without (not only {@code requires static})
     * @param builtFor the parents its verdict named when it was built: {@code parents}, and any plugin it
     *                 only requires static that was sound but did not serve (its build failed)
     */
    private record Live(LoadedPlugin plugin, Snapshot snapshot, List<String> parents, List<String> required,
                        List<String> builtFor) {
        Live {
            parents = List.copyOf(parents);
            required = List.copyOf(required);
            builtFor = List.copyOf(builtFor);
        }
    }

    /** What one synchronization did. */
    public record Synchronization(PlannedRoot root, LoadOutcome outcome, List<PluginEvent> events) {
        public Synchronization {
            events = List.copyOf(events);
        }
    }

    /** The work of one change under the lock: what happened, and who must be told they no longer serve. */
    private record Change(List<PluginEvent> happened, List<RetiredPlugin> retired) {
        Change() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * @param io    where copies are taken and descriptors read, in parallel: the host's own executor
     * @param audit    gets the files of every entry copied anew, and of every event, as they happen
     * @param disabled the plugins the user switched off, read anew on every synchronization
     */
    public LiveRegistry(Path root, ApiLayer api, Policy policy, boolean lazyProviders, SnapshotStore snapshots,
                        DiscoveryCache cache, Executor io, Consumer<PluginEvent> events, AuditTrail audit,
                        Clock clock, DisabledPlugins disabled) {
        this.root = root;
        this.disabled = disabled;
        this.cache = cache;
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
        this.loader = new PluginLoader(api, lazyProviders);
        this.snapshots = snapshots;
        this.current = new CurrentCopies(snapshots, io);
        this.retirement = new Retirement(clock);
        this.outbox = new EventOutbox(events);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Brings the live plugins in line with the files of the root.
     *
     * @param scope  the sources to look at; empty means every entry. Entries outside the scope keep their
     *               last copy even if their files changed (the watcher passes only entries that are stable)
     * @param forced sources to copy and rebuild even if their files did not change
     */
    public Synchronization synchronize(Optional<Set<String>> scope, Set<String> forced) {
        return synchronize(scope, forced::contains);
    }

    /** Copies every entry anew and rebuilds every plugin: a first load, or a full reload. */
    public Synchronization loadAll() {
        return synchronize(Optional.empty(), source -> true);
    }

    private Synchronization synchronize(Optional<Set<String>> scope, Predicate<String> forced) {
        Change change = new Change();
        Synchronization done;
        try {
            lock.lockForChange();
            try {
                done = synchronizeLocked(scope, forced, change);
            } finally {
                finishLocked(change);
                lock.unlock();
            }
        } finally {
            tellRetired(change);
        }
        // What this change built was dropped when it finished: say so rather than report it loaded.
        lock.ensureOpen();
        return new Synchronization(done.root(), done.outcome(), change.happened());
    }

    /**
     * Unloads a plugin and, first, every live plugin that requires it; a live plugin that only
     * {@code requires static} it is built again without it ({@code RELOADED}); returns the events.
     */
    public List<PluginEvent> unload(String pluginId) {
        return underLock(change -> {
            if (!live.containsKey(pluginId)) {
                throw new NoSuchElementException("no live plugin '" + pluginId + "'");
            }
            unloadWithDependents(List.of(pluginId), Map.of(), Dependents.REQUIRING, change);
            rebuildWithoutGoneParents(change);
        });
    }

    /**
     * A live plugin whose providers, made when first asked for, failed: it stops serving as if unloaded
     * (the plugins that require it first; those that only {@code requires static} it are built again
     * without it), with a {@code FAILED} event naming the providers; it stays so until its files change or
     * the next load or reload. Nothing happens if {@code plugin} no longer serves.
     *
     * @return the events
     */
    public List<PluginEvent> providersFailed(LoadedPlugin plugin, List<Diagnostic> failures) {
        return underLock(change -> {
            Live current = live.get(plugin.id());
            if (current == null || current.plugin() != plugin) {
                return;
            }
            unloadWithDependents(List.of(plugin.id()), Map.of(plugin.id(), failures), Dependents.REQUIRING, change);
            rebuildWithoutGoneParents(change);
        });
    }

    /**
     * Outside a synchronization, after plugins were unloaded: builds again, on the verdicts and plan of the
     * last synchronization, every live plugin that stood on one of them (it only {@code requires static}
     * it), without it, and then its dependents on its new layer, as a synchronization would; what fails to
     * build goes, with its dependents ({@link #unloadOrphans}).
     */
    private void rebuildWithoutGoneParents(Change change) {
        if (prepared != null) {
            PhaseTimes times = new PhaseTimes("unload");
            applyAll(new PlannedRoot(prepared.verdicts(), prepared.plan()), Set.of(), new HashMap<>(), change, times);
            times.report();
        }
        unloadOrphans(change);
    }

    /**
     * Runs {@code work} as one change under the lock, then tells the retired plugins and delivers the
     * events, outside it; returns the events.
     */
    private List<PluginEvent> underLock(Consumer<Change> work) {
        Change change = new Change();
        try {
            lock.lockForChange();
            try {
                work.accept(change);
            } finally {
                finishLocked(change);
                lock.unlock();
            }
        } finally {
            tellRetired(change);
        }
        return List.copyOf(change.happened());
    }

    /** The entry a plugin is live from, or, if it is not live, the entry whose current files hold it. */
    public Optional<String> sourceOf(String pluginId) {
        lock.lockWhileOpen();
        try {
            Live plugin = live.get(pluginId);
            if (plugin != null) {
                return Optional.of(plugin.plugin().source());
            }
            return current.sourceHolding(pluginId);
        } finally {
            lock.unlock();
        }
    }

    /** The fingerprints of the entries as last copied, by source. */
    public Map<String, EntryFingerprint> fingerprints() {
        lock.lockWhileOpen();
        try {
            return current.fingerprints();
        } finally {
            lock.unlock();
        }
    }

    /** The stamp of the disabled list as the last synchronization read it ({@link DisabledPlugins#stamp}). */
    public String disabledStamp() {
        lock.lockWhileOpen();
        try {
            return disabledStamp;
        } finally {
            lock.unlock();
        }
    }

    /** The plugins serving now, parents before children; safe to call from any thread. */
    public List<LoadedPlugin> serving() {
        return serving;
    }

    /**
     * Stops serving every plugin and tells each so, waiting at most {@code patience} for plugin code: a
     * load that is running plugin code holds the lock, and then drops what it built itself when that code
     * returns. Refuses every change from now on; closing twice is harmless.
     *
     * @return whether every plugin was told within {@code patience}
     */
    public boolean close(Duration patience) {
        if (lock.isHeldByCurrentThread()) {
            // Plugin code of a running change closes the host: that change drops everything when it ends.
            lock.markClosed();
            return false;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        Change change = new Change();
        boolean locked = lock.closeAndLockWithin(patience);
        serving = List.of();
        if (!locked) {
            log.warn("Plugin code still runs in a load; the host closes without waiting for it");
            return false;
        }
        try {
            outbox.clear();
            retireAll(change);
        } finally {
            lock.unlock();
        }
        return retirement.tellWithin(change.retired(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                events -> {
                    outbox.post(events);
                    outbox.deliver();
                });
    }

    private Synchronization synchronizeLocked(Optional<Set<String>> scope, Predicate<String> forced, Change change) {
        PhaseTimes times = new PhaseTimes(scope.isEmpty() ? "load" : "synchronize");
        List<Entry> entries = times.time(Phase.SCAN, 0,
                () -> scope.map(names -> scanner.scan(root, names)).orElseGet(() -> scanner.scan(root)));
        Set<String> changed = times.time(Phase.COPY, entries.size(), () -> {
            Set<String> copied = current.refresh(entries, scope, forced);
            if (scope.isEmpty()) {
                cache.retainOnly(entries.stream().flatMap(entry -> entry.jars().stream()).toList());
            }
            cache.save();
            return copied;
        });
        Set<String> present = entries.stream().map(Entry::name).collect(Collectors.toSet());
        unloadRemoved(scope, present, change);
        List<Candidate> candidates = current.candidates();
        DisabledPlugins.Listing off = disabled.read(root);
        disabledStamp = off.stamp();
        Verdicts verdicts = times.time(Phase.CHECK, candidates.size(), () -> checker.check(candidates, off.ids(), times));
        PlannedRoot planned = times.time(Phase.PLAN, verdicts.layerOrder().size(),
                () -> new PlannedRoot(verdicts, planner.plan(verdicts)));
        if (audit.isOn()) {
            // before any plugin code runs: a plugin that takes the process down is on record
            Map<String, EntryFiles> copied = new HashMap<>();
            changed.forEach(source -> copied.put(source, filesOf(current.snapshot(source))));
            audit.discovered(planned, copied);
        }
        // a plugin switched off goes as a removed entry does: its dependents first, UNLOADED each
        for (Verdict verdict : verdicts.verdicts()) {
            if (verdict.disabled()) {
                unloadWithDependents(liveIdsFrom(verdict.source()), Map.of(), Dependents.REQUIRING, change);
            }
        }
        Map<String, List<Diagnostic>> failures = new HashMap<>();
        applyAll(planned, changed, failures, change, times);
        unloadOrphans(change);
        times.report();
        return new Synchronization(planned, new LoadOutcome(live.values().stream().map(Live::plugin).toList(),
                failures), change.happened());
    }

    /** Unloads the plugins of the entries in {@code scope} that are no longer in the root. */
    private void unloadRemoved(Optional<Set<String>> scope, Set<String> present, Change change) {
        for (String source : current.forgetAbsent(scope, present)) {
            unloadWithDependents(liveIdsFrom(source), Map.of(), Dependents.REQUIRING, change);
        }
    }

    /**
     * Unloads, with their dependents, the live plugins that still stand on a parent that no longer serves:
     * a plugin that only {@code requires static} a plugin that went is built again without it in
     * {@link #applyAll}; if that build failed (or its entry's new files were rejected, so that it has no
     * verdict to build on), it must not go on serving with a parent layer that was let
     * go (its stale code, kept from being collected).
     */
    private void unloadOrphans(Change change) {
        List<String> orphans = new ArrayList<>();
        live.forEach((id, plugin) -> {
            if (!live.keySet().containsAll(plugin.parents())) {
                orphans.add(id);
            }
        });
        if (!orphans.isEmpty()) {
            log.warn("Unloading plugins {}: a plugin they were built on no longer serves", orphans);
            unloadWithDependents(orphans, Map.of(), Dependents.ALL, change);
        }
    }

    /**
     * What {@link #applyAll} derives from one plan: the same verdicts and plan (the very objects, as a
     * reload of unchanged files gets them) are not indexed again.
     */
    private record Prepared(Verdicts verdicts, LayerPlan plan, Map<String, Verdict> bySource,
                            Map<String, PlannedLayer> layers, List<Reconciler.Target> targets, Set<String> sound,
                            Map<String, Integer> positions, List<Reconciler.Target> withParents) {

        static Prepared of(PlannedRoot planned) {
            List<Verdict> ordered = inLayerOrder(planned.verdicts());
            Map<String, Verdict> bySource = new HashMap<>(ordered.size() * 2);
            List<Reconciler.Target> targets = new ArrayList<>(ordered.size());
            Set<String> sound = new HashSet<>(ordered.size() * 2);
            Map<String, Integer> positions = new HashMap<>(ordered.size() * 2);
            List<Reconciler.Target> withParents = new ArrayList<>();
            for (Verdict verdict : ordered) {
                bySource.put(verdict.source(), verdict);
                boolean isSound = verdict.sound();
                Reconciler.Target target = new Reconciler.Target(verdict.source(), isSound, verdict.parents());
                positions.put(verdict.source(), targets.size());
                targets.add(target);
                if (!target.parents().isEmpty()) {
                    withParents.add(target);
                }
                if (isSound) {
                    sound.add(verdict.source());
                }
            }
            Map<String, PlannedLayer> layers = new HashMap<>(planned.plan().layers().size() * 2);
            planned.plan().layers().forEach(layer -> layers.put(layer.verdict().source(), layer));
            return new Prepared(planned.verdicts(), planned.plan(), bySource, layers, List.copyOf(targets),
                    Set.copyOf(sound), Map.copyOf(positions), List.copyOf(withParents));
        }

        boolean isOf(PlannedRoot planned) {
            return verdicts == planned.verdicts() && plan == planned.plan();
        }

        /**
         * The targets that can give a step when the verdicts are the ones of the last synchronization
         * (so none became sound): the entries copied anew, those whose live plugin stands on a plugin that
         * no longer serves, and the plugins with parents (one may have been rebuilt), in layer order.
         */
        List<Reconciler.Target> mayStep(Set<String> changed, Set<String> standingOnGone) {
            List<Reconciler.Target> may = new ArrayList<>(withParents);
            Set<String> sources = new HashSet<>(changed);
            sources.addAll(standingOnGone);
            for (String source : sources) {
                Integer position = positions.get(source);
                if (position != null && targets.get(position).parents().isEmpty()) {
                    may.add(targets.get(position));
                }
            }
            may.sort(Comparator.comparing(target -> positions.get(target.source())));
            return may;
        }
    }

    private void applyAll(PlannedRoot planned, Set<String> changed, Map<String, List<Diagnostic>> failures,
                          Change change, PhaseTimes times) {
        boolean samePlan = prepared != null && prepared.isOf(planned) && soundBefore == prepared.sound();
        if (prepared == null || !prepared.isOf(planned)) {
            prepared = Prepared.of(planned);
        }
        Map<String, Verdict> bySource = prepared.bySource();
        Map<String, Reconciler.Built> built = new HashMap<>(liveBySource.size() * 2);
        Set<String> standingOnGone = new HashSet<>();
        liveBySource.forEach((source, ids) -> {
            Live plugin = live.get(ids.iterator().next());
            built.put(source, new Reconciler.Built(plugin.parents(), plugin.builtFor()));
            if (!live.keySet().containsAll(plugin.parents())) {
                standingOnGone.add(source);
            }
        });
        Set<String> rebuilt = new LinkedHashSet<>();
        // With the plan of the last synchronization, no entry became sound: only the entries copied anew and
        // the plugins with parents can give a step (a reload among a thousand looks at a few).
        List<Reconciler.Target> targets = samePlan ? prepared.mayStep(changed, standingOnGone) : prepared.targets();
        // The steps are all decided before the first is carried out, on what was live before it.
        for (Reconciler.Step step : Reconciler.steps(targets, changed, soundBefore, built, Set.copyOf(live.keySet()))) {
            if (step.due(rebuilt)) {
                Verdict verdict = bySource.get(step.source());
                List<Diagnostic> refusals = planned.plan().refusals().getOrDefault(step.source(), List.of());
                apply(verdict, Optional.ofNullable(prepared.layers().get(step.source())), refusals, rebuilt, failures,
                        change, times);
            }
        }
        soundBefore = prepared.sound();
    }

    private void apply(Verdict verdict, Optional<PlannedLayer> planned, List<Diagnostic> refusals,
                       Set<String> rebuilt, Map<String, List<Diagnostic>> failures, Change change, PhaseTimes times) {
        String source = verdict.source();
        if (verdict.disabled()) {
            return; // unloaded before the steps, if it was live; nothing of it is built, and it is not refused
        }
        // Broken new files may not say which plugin they are: then the one live from this entry is meant.
        Optional<String> pluginId = verdict.pluginId()
                .or(() -> liveIdsFrom(source).stream().findFirst());
        Optional<String> version = verdict.pluginModule().flatMap(m -> m.descriptor().rawVersion());
        if (!verdict.sound() || planned.isEmpty()) {
            List<Diagnostic> errors = new ArrayList<>(verdict.diagnostics());
            errors.addAll(refusals);
            happened(change, event(PluginEvent.Kind.REJECTED, pluginId, version, servingVersion(pluginId), source,
                    errors), current.snapshot(source));
            return;
        }
        String id = pluginId.orElseThrow();
        List<ModuleLayer> parentLayers = new ArrayList<>();
        List<String> builtOn = new ArrayList<>();
        for (String parent : verdict.parents()) {
            Live parentPlugin = live.get(parent);
            if (parentPlugin == null && verdict.optionalParents().contains(parent)) {
                // sound, but its build failed: done without, as the JDK resolves a "requires static" of a
                // module it does not find (the loader resolves the layer anew on the parents it gets)
                continue;
            }
            if (parentPlugin == null) {
                Diagnostic notLive = Diagnostics.dependencyNotLoaded(source, id, parent);
                failures.computeIfAbsent(source, s -> new ArrayList<>()).add(notLive);
                happened(change, event(PluginEvent.Kind.REJECTED, pluginId, version, servingVersion(pluginId),
                        source, List.of(notLive)), current.snapshot(source));
                return;
            }
            parentLayers.add(parentPlugin.plugin().layer());
            builtOn.add(parent);
        }
        PluginBuild build = loader.build(verdict, parentLayers, planned.map(PlannedLayer::configuration), times);
        Snapshot copy = current.snapshot(source);
        build.definedLayer().ifPresent(layer -> snapshots.holdFor(copy, layer));
        build.abandoned().ifPresent(change.retired()::add);
        if (build.loaded().isEmpty()) {
            failures.computeIfAbsent(source, s -> new ArrayList<>()).addAll(build.diagnostics());
            happened(change, event(build.providerFailed() ? PluginEvent.Kind.FAILED : PluginEvent.Kind.REJECTED,
                    pluginId, version, servingVersion(pluginId), source, build.diagnostics()), copy);
            return;
        }
        unloadWithDependents(liveIdsFrom(source).stream().filter(other -> !other.equals(id)).toList(), Map.of(),
                Dependents.REQUIRING, change);
        snapshots.retain(copy);
        Live previous = live.put(id, new Live(build.loaded().get(), copy, builtOn, verdict.requiredParents(),
                verdict.parents()));
        if (previous != null) {
            forgetLiveSource(previous.plugin().source(), id);
        }
        liveBySource.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(id);
        rebuilt.add(id);
        if (previous == null) {
            happened(change, event(PluginEvent.Kind.LOADED, pluginId, version, Optional.empty(), source,
                    verdict.diagnostics()), copy);
        } else {
            log.info("Reloaded plugin '{}' {} -> {}", id, previous.plugin().version().orElse(""), version.orElse(""));
            happened(change, event(PluginEvent.Kind.RELOADED, pluginId, version, previous.plugin().version(), source,
                    verdict.diagnostics()), copy);
            change.retired().add(RetiredPlugin.of(previous.plugin()));
            snapshots.release(previous.snapshot());
        }
    }

    /** Which live plugins go with the plugins they stand on. */
    private enum Dependents {
        /** Every plugin built on one of them: nothing is built again afterwards (see {@link #unloadOrphans}). */
        ALL,
        /**
         * Only the plugins that cannot do without them: in a synchronization or an unload, which then builds
         * a plugin that only {@code requires static} one of them again without it (or unloads it, see
         * {@link #unloadOrphans}).
         */
        REQUIRING
    }

    /**
     * Unloads {@code pluginIds} and, first, the live plugins that stand on them as {@code dependents} says:
     * {@code UNLOADED} each, or {@code FAILED} with the diagnostics for a plugin of {@code failed}.
     */
    private void unloadWithDependents(List<String> pluginIds, Map<String, List<Diagnostic>> failed,
                                      Dependents dependents, Change change) {
        if (pluginIds.isEmpty()) {
            return;
        }
        Map<String, List<String>> liveParents = new LinkedHashMap<>();
        live.forEach((id, plugin) -> liveParents.put(id,
                dependents == Dependents.ALL ? plugin.parents() : plugin.required()));
        for (String id : Reconciler.unloadOrder(liveParents, pluginIds)) {
            Live removed = live.remove(id);
            forgetLiveSource(removed.plugin().source(), id);
            LoadedPlugin plugin = removed.plugin();
            List<Diagnostic> failures = failed.get(id);
            happened(change, event(failures == null ? PluginEvent.Kind.UNLOADED : PluginEvent.Kind.FAILED,
                    Optional.of(plugin.id()), plugin.version(), Optional.empty(), plugin.source(),
                    failures == null ? List.of() : failures), removed.snapshot());
            change.retired().add(RetiredPlugin.of(plugin));
            snapshots.release(removed.snapshot());
        }
    }

    /** Drops every live plugin and copy: the registry is closing. */
    private void retireAll(Change change) {
        for (Live plugin : live.values()) {
            change.retired().add(RetiredPlugin.of(plugin.plugin()));
        }
        live.clear();
        liveBySource.clear();
        current.clear();
    }

    /**
     * Under the lock, at the end of every change: publishes what serves now, even if plugin code threw an
     * Error past the loader, and queues the events. A change that ran while the registry was closed drops
     * everything it built.
     */
    private void finishLocked(Change change) {
        audit.endOfPass();
        if (lock.isClosed()) {
            retireAll(change);
            outbox.clear();
            serving = List.of();
            return;
        }
        serving = live.values().stream().map(Live::plugin).toList();
        outbox.post(change.happened());
    }

    /**
     * Outside the lock, once the successors serve: tells the retired plugins, and delivers every queued
     * event, close failures last. Also when the host is closing: a listener hears that a plugin failed to
     * close, never the host's caller.
     */
    private void tellRetired(Change change) {
        List<PluginEvent> closeFailures = retirement.tell(change.retired());
        change.happened().addAll(closeFailures);
        outbox.post(closeFailures);
        outbox.deliver();
    }

    /** Keeps {@link #liveBySource} in step when plugin {@code id} no longer serves from {@code source}. */
    private void forgetLiveSource(String source, String id) {
        liveBySource.computeIfPresent(source, (entry, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** The ids of the plugins live from {@code source}: one, or none (a second only while its entry's plugin id changes). */
    private List<String> liveIdsFrom(String source) {
        return List.copyOf(liveBySource.getOrDefault(source, Set.of()));
    }

    /** The verdicts, sound ones parents first, then the others by source. */
    private static List<Verdict> inLayerOrder(Verdicts verdicts) {
        Map<String, Verdict> bySource = new LinkedHashMap<>();
        for (String source : verdicts.layerOrder()) {
            bySource.put(source, null);
        }
        for (Verdict verdict : verdicts.verdicts()) {
            bySource.put(verdict.source(), verdict);
        }
        return List.copyOf(bySource.values());
    }

    /** {@code event} happened in {@code change}, to {@code files}: queued for the listeners, and audited at once. */
    private void happened(Change change, PluginEvent event, Snapshot files) {
        change.happened().add(event);
        if (audit.isOn()) {
            audit.happened(event, filesOf(files));
        }
    }

    /** A copy's jars for the audit log, with their hashes: the content store knows them. */
    private static EntryFiles filesOf(Snapshot copy) {
        return new EntryFiles(copy.entry(), Optional.of(copy.stored().stream().map(Snapshot.StoredJar::sha256).toList()));
    }

    /** The version of {@code pluginId} that serves now, if it is live: what keeps serving when new files are refused. */
    private Optional<String> servingVersion(Optional<String> pluginId) {
        return pluginId.map(live::get).flatMap(serving -> serving.plugin().version());
    }

    private PluginEvent event(PluginEvent.Kind kind, Optional<String> pluginId, Optional<String> version,
                              Optional<String> previousVersion, String source, Collection<Diagnostic> diagnostics) {
        return new PluginEvent(kind, pluginId, version, previousVersion, source,
                diagnostics.stream().sorted(Diagnostic.ORDER).toList(), clock.instant());
    }
}
