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
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The whole descriptor-only pipeline over a plugin root: list the entries, read their descriptors
 * (in parallel: it is I/O on many small jars), check them, and plan the sound plugins' layers.
 */
public final class DescriptorPass {

    private final RootScanner scanner = new RootScanner();
    private final DiscoveryCache cache;
    private final EntryReader reader;
    private final PluginChecker checker;
    private final LayerPlanner planner;
    private final DisabledPlugins disabled;

    private final Executor io;

    /**
     * @param io    where the entries' descriptors are read, in parallel: the host's own executor
     * @param cache    what is known of jars already: an unchanged jar is not read again
     * @param disabled the plugins the user switched off
     */
    public DescriptorPass(ApiLayer api, Policy policy, Executor io, DiscoveryCache cache, DisabledPlugins disabled) {
        this.cache = cache;
        this.disabled = disabled;
        this.reader = new EntryReader(cache);
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
        this.io = io;
    }

    public PlannedRoot run(Path root) {
        PhaseTimes times = new PhaseTimes("scan");
        List<Entry> entries = times.time(Phase.SCAN, 0, () -> scanner.scan(root));
        List<Candidate> candidates = times.time(Phase.READ, entries.size(), () -> {
            List<Candidate> read = ParallelIo.map(entries, reader::read, io);
            reader.retainOnly(entries.stream().map(Entry::name).collect(Collectors.toSet()));
            cache.retainOnly(entries.stream().flatMap(entry -> entry.jars().stream()).toList());
            cache.save();
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
