package dev.layerhost.core.internal;

import dev.layerhost.core.Policy;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole descriptor-only pipeline over a plugin root: list the entries, read their descriptors
 * (in parallel: it is I/O on many small jars), check them, and plan the sound plugins' layers.
 */
public final class RootCheck {

    private final RootScanner scanner = new RootScanner();
    private final ArchiveReader reader = new ArchiveReader();
    private final PluginChecker checker;
    private final LayerPlanner planner;

    public RootCheck(ApiLayer api, Policy policy) {
        this.checker = new PluginChecker(api, policy);
        this.planner = new LayerPlanner(api);
    }

    public CheckedRoot run(Path root) {
        List<Entry> entries = scanner.scan(root);
        List<Candidate> candidates = entries.parallelStream().map(reader::read).toList();
        CheckResult check = checker.check(candidates);
        return new CheckedRoot(check, planner.plan(check));
    }
}
