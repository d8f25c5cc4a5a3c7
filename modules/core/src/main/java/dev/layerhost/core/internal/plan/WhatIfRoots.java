package dev.layerhost.core.internal.plan;

import java.util.Objects;
import java.util.Set;

/**
 * A what-if's two checks (the result of a {@link WhatIfPass}).
 *
 * @param before           the root as it is
 * @param after            the root with the candidates
 * @param candidateSources the candidates' entry names in {@code after}
 * @param replacedSources  the names of the root's entries that {@code after} does not have: the candidates
 *                         replace them
 */
public record WhatIfRoots(PlannedRoot before, PlannedRoot after, Set<String> candidateSources,
                          Set<String> replacedSources) {

    public WhatIfRoots {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        candidateSources = Set.copyOf(candidateSources);
        replacedSources = Set.copyOf(replacedSources);
    }
}
