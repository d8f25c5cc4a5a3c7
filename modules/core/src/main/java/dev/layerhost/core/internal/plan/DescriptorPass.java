package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.archive.EntryReader;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.ParallelIo;
import dev.layerhost.core.internal.check.PluginChecker;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.RootScanner;
import dev.layerhost.core.internal.timing.PhaseTimes;
import dev.layerhost.core.internal.timing.PhaseTimes.Phase;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The whole descriptor-only pipeline over a plugin root: list the entries, read their descriptors
 * (in parallel: it is I/O on many small jars), check them, and plan the sound plugins' layers.
 *
 * <p>A pass over the root itself keeps the discovery cache tidy (it forgets the jars that left the root)
 * and remembers what it made of each entry for the next pass. A {@linkplain #hypothetical hypothetical}
 * pass checks a root as it would be (a what-if): it uses the cache but never makes it forget a jar, so it
 * cannot evict the real root's jars, and its own memory is its own.
 */
public final class DescriptorPass {

    private final RootScanner scanner = new RootScanner();
    private final DiscoveryCache cache;
    private final EntryReader reader;
    private final PluginChecker checker;
    private final LayerPlanner planner;
    private final DisabledPlugins disabled;
    /** Whether this pass is over the root itself, and so decides which jars the cache keeps. */
    private final boolean keepsCache;

    private final Executor io;

    /**
     * A pass over the root itself.
     *
     * @param io       where the entries' descriptors are read, in parallel: the host's own executor
     * @param cache    what is known of jars already: an unchanged jar is not read again
     * @param disabled the plugins the user switched off
     */
    public DescriptorPass(ApiLayer api, Policy policy, Executor io, DiscoveryCache cache, DisabledPlugins disabled) {
        this(api, policy, io, cache, disabled, true);
    }

    private DescriptorPass(ApiLayer api, Policy policy, Executor io, DiscoveryCache cache, DisabledPlugins disabled,
                           boolean keepsCache) {
        this.cache = cache;
        this.disabled = disabled;
        this.reader = new EntryReader(cache);
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
        this.io = io;
        this.keepsCache = keepsCache;
    }

    /**
     * A pass over entries that are not (all) the root's, with a checker and planner of its own: reads jars
     * through {@code cache} (and records what it reads there) but never makes it forget or save anything.
     */
    public static DescriptorPass hypothetical(ApiLayer api, Policy policy, Executor io, DiscoveryCache cache,
                                              DisabledPlugins disabled) {
        return new DescriptorPass(api, policy, io, cache, disabled, false);
    }

    /** The root's entries, checked and planned. */
    public PlannedRoot run(Path root) {
        PhaseTimes times = new PhaseTimes(passName());
        List<Entry> entries = times.time(Phase.SCAN, 0, () -> scanner.scan(root));
        return run(root, entries, times);
    }

    /**
     * {@code entries} checked and planned as the entries of {@code root}, whose {@code disabled.txt} applies.
     *
     * @param entries the entries, sorted by name, each name once
     */
    public PlannedRoot run(Path root, List<Entry> entries) {
        return run(root, entries, new PhaseTimes(passName()));
    }

    /** The id of the plugin {@code entry} holds, read (through the cache) but not checked; empty if none. */
    public Optional<String> pluginIdOf(Entry entry) {
        return checker.pluginIdOf(reader.read(entry));
    }

    /** How the flight recorder and the debug log name this pass. */
    private String passName() {
        return keepsCache ? "scan" : "what-if";
    }

    private PlannedRoot run(Path root, List<Entry> entries, PhaseTimes times) {
        List<Candidate> candidates = times.time(Phase.READ, entries.size(), () -> {
            List<Candidate> read = ParallelIo.map(entries, reader::read, io);
            reader.retainOnly(entries.stream().map(Entry::name).collect(Collectors.toSet()));
            if (keepsCache) {
                cache.retainOnly(entries.stream().flatMap(entry -> entry.jars().stream()).toList());
                cache.save();
            }
            return read;
        });
        DisabledPlugins.Listing off = disabled.read(root);
        Verdicts check = times.time(Phase.CHECK, candidates.size(), () -> checker.check(candidates, off.ids(), times));
        PlannedRoot planned = times.time(Phase.PLAN, check.layerOrder().size(),
                () -> new PlannedRoot(check, planner.plan(check)));
        times.report();
        return planned;
    }
}
