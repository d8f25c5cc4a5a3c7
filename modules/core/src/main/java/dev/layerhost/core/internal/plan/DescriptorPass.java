package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.ArchiveReader;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.ParallelIo;
import dev.layerhost.core.internal.check.PluginChecker;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.RootScanner;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The whole descriptor-only pipeline over a plugin root: list the entries, read their descriptors
 * (in parallel: it is I/O on many small jars), check them, and plan the sound plugins' layers.
 */
public final class DescriptorPass {

    private final RootScanner scanner = new RootScanner();
    private final ArchiveReader reader = new ArchiveReader();
    private final PluginChecker checker;
    private final LayerPlanner planner;

    private final Executor io;

    /** @param io where the entries' descriptors are read, in parallel: the host's own executor */
    public DescriptorPass(ApiLayer api, Policy policy, Executor io) {
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
        this.io = io;
    }

    public PlannedRoot run(Path root) {
        List<Entry> entries = scanner.scan(root);
        List<Candidate> candidates = ParallelIo.map(entries, reader::read, io);
        Verdicts check = checker.check(candidates);
        return new PlannedRoot(check, planner.plan(check));
    }
}
