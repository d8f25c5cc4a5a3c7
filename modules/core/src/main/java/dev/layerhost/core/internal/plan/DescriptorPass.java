package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.ArchiveReader;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.check.PluginChecker;
import dev.layerhost.core.internal.check.Verdicts;
import dev.layerhost.core.internal.scan.Entry;
import dev.layerhost.core.internal.scan.RootScanner;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole descriptor-only pipeline over a plugin root: list the entries, read their descriptors
 * (in parallel: it is I/O on many small jars), check them, and plan the sound plugins' layers.
 */
public final class DescriptorPass {

    private final RootScanner scanner = new RootScanner();
    private final ArchiveReader reader = new ArchiveReader();
    private final PluginChecker checker;
    private final LayerPlanner planner;

    public DescriptorPass(ApiLayer api, Policy policy) {
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
    }

    public PlannedRoot run(Path root) {
        List<Entry> entries = scanner.scan(root);
        List<Candidate> candidates = entries.parallelStream().map(reader::read).toList();
        Verdicts check = checker.check(candidates);
        return new PlannedRoot(check, planner.plan(check));
    }
}
