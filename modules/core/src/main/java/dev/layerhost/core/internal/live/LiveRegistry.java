package dev.layerhost.core.internal.live;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.ArchiveReader;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.check.PluginChecker;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.event.EventOutbox;
import dev.layerhost.core.internal.load.LoadOutcome;
import dev.layerhost.core.internal.load.LoadedPlugin;
import dev.layerhost.core.internal.load.PluginBuild;
import dev.layerhost.core.internal.load.PluginLoader;
import dev.layerhost.core.internal.plan.LayerPlanner;
import dev.layerhost.core.internal.plan.PlannedLayer;
import dev.layerhost.core.internal.plan.PlannedRoot;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.EntryFingerprint;
import dev.layerhost.core.internal.scan.RootScanner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live plugins of a root, and the one place that changes them. Every change — a first load, a reload,
 * a file change seen by the watcher, an unload — goes through {@link #synchronize} or {@link #unload},
 * under this object's lock, and is announced as {@link PluginEvent}s. Events are delivered in the order
 * they happened, after the lock is released, so that a listener may call back into the host.
 *
 * <p>Rules (SPEC "Hot reload"): a reload is all-or-nothing per plugin: the new layer replaces the old
 * only once it is defined and every provider is instantiated; if the new files are rejected or fail, the
 * old version keeps serving. Plugins that require a reloaded plugin are rebuilt after it, on its new
 * layer, in dependency order. A removed entry is unloaded, and so are the plugins that require it.
 * Layers are always defined from {@link Snapshot}s, never from the originals.
 */
public final class LiveRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveRegistry.class);

    private final Path root;
    private final RootScanner scanner = new RootScanner();
    private final ArchiveReader reader = new ArchiveReader();
    private final PluginChecker checker;
    private final LayerPlanner planner;
    private final PluginLoader loader;
    private final SnapshotStore snapshots;
    private final EventOutbox outbox;
    private final Clock clock;

    /** The latest stable copy of every entry, by source. */
    private final Map<String, Current> current = new TreeMap<>();
    /** The serving plugins, by id, parents before children. */
    private final Map<String, Live> live = new LinkedHashMap<>();
    private volatile List<LoadedPlugin> serving = List.of();
    /** Set by close(): a load, reload or unload that got this registry just before must not run after it. */
    private boolean closed;
    /** The sources whose verdict was sound at the last synchronization. */
    private Set<String> soundBefore = Set.of();

    private record Current(Snapshot snapshot, Candidate candidate) {
    }

    private record Live(LoadedPlugin plugin, Snapshot snapshot, List<String> parents) {
        Live {
            parents = List.copyOf(parents);
        }
    }

    /** What one synchronization did. */
    public record Synchronization(PlannedRoot root, LoadOutcome outcome, List<PluginEvent> events) {
        public Synchronization {
            events = List.copyOf(events);
        }
    }

    public LiveRegistry(Path root, ApiLayer api, Policy policy, SnapshotStore snapshots,
                        Consumer<PluginEvent> events, Clock clock) {
        this.root = root;
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
        this.loader = new PluginLoader(api);
        this.snapshots = snapshots;
        this.outbox = new EventOutbox(events);
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
        Synchronization done;
        synchronized (this) {
            done = synchronizeLocked(scope, forced::contains);
        }
        outbox.deliver();
        return done;
    }

    private Synchronization synchronizeLocked(Optional<Set<String>> scope, Predicate<String> forced) {
        ensureOpen();
        List<Entry> entries = scanner.scan(root);
        Set<String> present = new TreeSet<>();
        List<Entry> toCopy = new ArrayList<>();
        for (Entry entry : entries) {
            present.add(entry.name());
            if (scope.isPresent() && !scope.get().contains(entry.name())) {
                continue;
            }
            Current old = current.get(entry.name());
            boolean same = old != null && EntryFingerprint.of(entry).equals(Optional.of(old.snapshot().fingerprint()));
            if (!same || forced.test(entry.name())) {
                toCopy.add(entry);
            }
        }
        // Copying and reading are I/O on many small files: in parallel they take a fraction of the time.
        List<Optional<Current>> copies = toCopy.parallelStream()
                .map(entry -> snapshots.take(entry).map(copy -> new Current(copy, read(copy))))
                .toList();
        Set<String> changed = new TreeSet<>();
        for (int i = 0; i < toCopy.size(); i++) {
            String source = toCopy.get(i).name();
            if (copies.get(i).isEmpty()) {
                log.debug("Entry '{}' changed while being copied; it is taken on a later pass", source);
                continue;
            }
            Current old = current.put(source, copies.get(i).get());
            changed.add(source);
            if (old != null) {
                discardIfUnused(old.snapshot());
            }
        }
        List<PluginEvent> happened = new ArrayList<>();
        Map<String, List<Diagnostic>> failures = new HashMap<>();
        PlannedRoot checked;
        try {
            unloadRemoved(scope, present, happened);
            List<Candidate> candidates = current.values().stream().map(Current::candidate).toList();
            Verdicts check = checker.check(candidates);
            checked = new PlannedRoot(check, planner.plan(check));
            applyAll(check, checked, changed, failures, happened);
        } finally {
            // Even if plugin code threw an Error past the loader: what changed is served and announced.
            serving = live.values().stream().map(Live::plugin).toList();
            outbox.post(happened);
        }
        return new Synchronization(checked, new LoadOutcome(serving, failures), happened);
    }

    /** Unloads the plugins of the entries in {@code scope} that are no longer in the root. */
    private void unloadRemoved(Optional<Set<String>> scope, Set<String> present, List<PluginEvent> happened) {
        for (String source : new ArrayList<>(current.keySet())) {
            boolean inScope = scope.isEmpty() || scope.get().contains(source);
            if (inScope && !present.contains(source)) {
                Snapshot gone = current.remove(source).snapshot();
                for (Live removed : liveFrom(source)) {
                    unloadWithDependents(removed.plugin().id(), happened);
                }
                discardIfUnused(gone);
            }
        }
    }

    private void applyAll(Verdicts check, PlannedRoot checked, Set<String> changed,
                          Map<String, List<Diagnostic>> failures, List<PluginEvent> happened) {
        Set<String> rebuilt = new LinkedHashSet<>();
        for (Verdict verdict : inLayerOrder(check)) {
            // Another entry's change can make an untouched plugin sound: its duplicate was removed, or a
            // plugin it requires arrived. It is built then, as a fresh load of the same files would.
            boolean nowSound = verdict.sound() && !soundBefore.contains(verdict.source())
                    && liveFrom(verdict.source()).isEmpty();
            boolean touched = changed.contains(verdict.source()) || nowSound
                    || verdict.parents().stream().anyMatch(rebuilt::contains);
            if (touched) {
                apply(verdict, checked, rebuilt, failures, happened);
            }
        }
        soundBefore = check.verdicts().stream().filter(Verdict::sound).map(Verdict::source)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Copies every entry anew and rebuilds every plugin: a first load, or a full reload. */
    public Synchronization loadAll() {
        Synchronization done;
        synchronized (this) {
            done = synchronizeLocked(Optional.empty(), source -> true);
        }
        outbox.deliver();
        return done;
    }

    /** Unloads a plugin and, first, every live plugin that requires it; returns the events. */
    public List<PluginEvent> unload(String pluginId) {
        List<PluginEvent> happened = new ArrayList<>();
        synchronized (this) {
            ensureOpen();
            if (!live.containsKey(pluginId)) {
                throw new NoSuchElementException("no live plugin '" + pluginId + "'");
            }
            unloadWithDependents(pluginId, happened);
            serving = live.values().stream().map(Live::plugin).toList();
            outbox.post(happened);
        }
        outbox.deliver();
        return happened;
    }

    /** The entry a plugin is live from, or, if it is not live, the entry whose current files hold it. */
    public synchronized Optional<String> sourceOf(String pluginId) {
        Live plugin = live.get(pluginId);
        if (plugin != null) {
            return Optional.of(plugin.plugin().source());
        }
        return current.values().stream()
                .filter(c -> c.candidate().modules().stream().anyMatch(m -> m.name().equals(pluginId)))
                .map(c -> c.snapshot().source())
                .findFirst();
    }

    /** The fingerprints of the entries as last copied, by source. */
    public synchronized Map<String, EntryFingerprint> fingerprints() {
        Map<String, EntryFingerprint> fingerprints = new TreeMap<>();
        current.forEach((source, copy) -> fingerprints.put(source, copy.snapshot().fingerprint()));
        return fingerprints;
    }

    /** The plugins serving now, parents before children; safe to call from any thread. */
    public List<LoadedPlugin> serving() {
        return serving;
    }

    @Override
    public synchronized void close() {
        closed = true;
        live.clear();
        serving = List.of();
        current.clear();
        outbox.clear();
    }

    private void apply(Verdict verdict, PlannedRoot checked, Set<String> rebuilt,
                       Map<String, List<Diagnostic>> failures, List<PluginEvent> happened) {
        String source = verdict.source();
        // Broken new files may not say which plugin they are: then the one live from this entry is meant.
        String name = verdict.pluginId()
                .or(() -> liveFrom(source).stream().map(l -> l.plugin().id()).findFirst())
                .orElse(source);
        Optional<String> version = verdict.pluginModule().flatMap(m -> m.descriptor().rawVersion());
        List<Diagnostic> errors = new ArrayList<>(verdict.diagnostics());
        errors.addAll(checked.plan().refusals().getOrDefault(source, List.of()));
        Optional<PlannedLayer> planned = checked.plan().layers().stream()
                .filter(p -> p.verdict().source().equals(source)).findFirst();
        if (!verdict.sound() || planned.isEmpty()) {
            happened.add(event(PluginEvent.Kind.REJECTED, name, version, source, errors));
            return;
        }
        List<ModuleLayer> parentLayers = new ArrayList<>();
        for (String parent : verdict.parents()) {
            Live parentPlugin = live.get(parent);
            if (parentPlugin == null) {
                Diagnostic notLive = Diagnostics.dependencyNotLoaded(source, name, parent);
                failures.computeIfAbsent(source, s -> new ArrayList<>()).add(notLive);
                happened.add(event(PluginEvent.Kind.REJECTED, name, version, source, List.of(notLive)));
                return;
            }
            parentLayers.add(parentPlugin.plugin().layer());
        }
        PluginBuild build = loader.build(verdict, parentLayers, planned.map(PlannedLayer::configuration));
        // The copy stays on disk while anything can still reach a layer defined from it (a dependent on it,
        // an instance a caller kept, a thread a failed provider started): the JDK opens a module's jar only
        // when the module's first class is loaded.
        Snapshot copy = current.get(source).snapshot();
        build.definedLayer().ifPresent(layer -> snapshots.pin(copy, layer));
        if (build.loaded().isEmpty()) {
            failures.computeIfAbsent(source, s -> new ArrayList<>()).addAll(build.diagnostics());
            happened.add(event(build.providerFailed() ? PluginEvent.Kind.FAILED : PluginEvent.Kind.REJECTED,
                    name, version, source, build.diagnostics()));
            return;
        }
        for (Live other : liveFrom(source)) {
            if (!other.plugin().id().equals(name)) {
                unloadWithDependents(other.plugin().id(), happened);
            }
        }
        Live previous = live.put(name, new Live(build.loaded().get(), copy, verdict.parents()));
        rebuilt.add(name);
        List<Diagnostic> warnings = verdict.diagnostics();
        if (previous == null) {
            happened.add(event(PluginEvent.Kind.LOADED, name, version, source, warnings));
        } else {
            log.info("Reloaded plugin '{}' {} -> {}", name, previous.plugin().version(), version.orElse(""));
            happened.add(event(PluginEvent.Kind.RELOADED, name, version, source, warnings));
            discardIfUnused(previous.snapshot());
        }
    }

    private void unloadWithDependents(String pluginId, List<PluginEvent> happened) {
        for (Live dependent : List.copyOf(live.values())) {
            if (dependent.parents().contains(pluginId) && live.containsKey(dependent.plugin().id())) {
                unloadWithDependents(dependent.plugin().id(), happened);
            }
        }
        Live removed = live.remove(pluginId);
        if (removed != null) {
            LoadedPlugin plugin = removed.plugin();
            happened.add(event(PluginEvent.Kind.UNLOADED, plugin.id(),
                    plugin.version().isEmpty() ? Optional.empty() : Optional.of(plugin.version()),
                    plugin.source(), List.of()));
            discardIfUnused(removed.snapshot());
        }
    }

    private List<Live> liveFrom(String source) {
        return live.values().stream().filter(l -> l.plugin().source().equals(source)).toList();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    /** The copy's modules, and an {@code INVALID_ARCHIVE} for each jar of the original that could not be read. */
    private Candidate read(Snapshot copy) {
        Candidate candidate = reader.read(copy.entry());
        if (copy.unreadable().isEmpty()) {
            return candidate;
        }
        List<Diagnostic> problems = new ArrayList<>(candidate.problems());
        new TreeMap<>(copy.unreadable()).forEach((file, reason) ->
                problems.add(Diagnostics.invalidArchive(copy.source(), file, reason)));
        return new Candidate(candidate.entry(), candidate.modules(), problems);
    }

    /** The sound verdicts parents first, then the others by source. */
    private static List<Verdict> inLayerOrder(Verdicts check) {
        Map<String, Verdict> bySource = new LinkedHashMap<>();
        for (String source : check.layerOrder()) {
            bySource.put(source, null);
        }
        for (Verdict verdict : check.verdicts()) {
            bySource.put(verdict.source(), verdict);
        }
        return bySource.values().stream().toList();
    }

    private void discardIfUnused(Snapshot snapshot) {
        boolean used = current.values().stream().anyMatch(c -> c.snapshot() == snapshot)
                || live.values().stream().anyMatch(l -> l.snapshot() == snapshot);
        if (!used) {
            snapshots.discard(snapshot);
        }
    }

    private PluginEvent event(PluginEvent.Kind kind, String plugin, Optional<String> version, String source,
                              Collection<Diagnostic> diagnostics) {
        return new PluginEvent(kind, plugin, version, source,
                diagnostics.stream().sorted(Diagnostic.ORDER).toList(), clock.instant());
    }
}
