package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.Entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Checks a plugin root as it would be with some candidates: the root's entries, minus each entry a
 * candidate replaces (the one of its name, and those holding a plugin of its id), plus the candidates.
 * The hypothetical root goes through the same descriptor-only pipeline as the root (same API layer,
 * policy and disabled plugins), in a {@linkplain DescriptorPass#hypothetical hypothetical pass} of its
 * own: nothing is written in the root, and the discovery cache keeps every jar of the root.
 */
public final class WhatIfPass {

    private final ApiLayer api;
    private final Policy policy;
    private final Executor io;
    private final DiscoveryCache cache;
    private final DisabledPlugins disabled;

    public WhatIfPass(ApiLayer api, Policy policy, Executor io, DiscoveryCache cache, DisabledPlugins disabled) {
        this.api = api;
        this.policy = policy;
        this.io = io;
        this.cache = cache;
        this.disabled = disabled;
    }

    /**
     * The root as it is and as it would be.
     *
     * @param before     the root as it is, checked by the host's own pass
     * @param candidates the candidates' entries, each name once
     */
    public WhatIfRoots run(Path root, PlannedRoot before, List<Entry> candidates) {
        // A pass of its own each time: the host's pass keeps what it made of the real root for its next scan.
        DescriptorPass pass = DescriptorPass.hypothetical(api, policy, io, cache, disabled);
        Set<String> candidateNames = candidates.stream().map(Entry::name).collect(Collectors.toUnmodifiableSet());
        Set<String> candidateIds = new TreeSet<>();
        for (Entry candidate : candidates) {
            pass.pluginIdOf(candidate).ifPresent(candidateIds::add);
        }
        Set<String> replaced = new TreeSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Verdict verdict : before.verdicts().verdicts()) {
            Entry entry = verdict.facts().candidate().entry();
            Optional<String> id = verdict.pluginId();
            if (candidateNames.contains(entry.name()) || (id.isPresent() && candidateIds.contains(id.get()))) {
                replaced.add(entry.name());
            } else {
                entries.add(entry);
            }
        }
        entries.addAll(candidates);
        entries.sort(Comparator.comparing(Entry::name));
        PlannedRoot after = pass.run(root, entries);
        return new WhatIfRoots(before, after, candidateNames, replaced);
    }
}
