package dev.layerhost.core.internal;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the checker's resolver found for one plugin.
 *
 * @param diagnostics   the problems of the plugin's layer; none when it is sound
 * @param configuration the modelled configuration of the plugin's layer, present when the resolver got that far
 * @param parents       the ids of the plugins whose layers are parents of this one, sorted
 * @param modules       the entry's modules that the layer would define
 */
record ResolutionOutcome(List<Diagnostic> diagnostics, Optional<ModelConfiguration> configuration,
                         List<String> parents, List<CandidateModule> modules) {

    ResolutionOutcome {
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(configuration, "configuration");
        parents = List.copyOf(parents);
        modules = List.copyOf(modules);
    }

    boolean sound() {
        return diagnostics.stream().noneMatch(Diagnostic::isError) && configuration.isPresent();
    }
}
