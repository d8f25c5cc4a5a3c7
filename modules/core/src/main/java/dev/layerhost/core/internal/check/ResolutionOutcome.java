package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.model.ModelConfiguration;

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

    public ResolutionOutcome {
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(configuration, "configuration");
        parents = List.copyOf(parents);
        modules = List.copyOf(modules);
    }

    public boolean sound() {
        return diagnostics.stream().noneMatch(Diagnostic::isError) && configuration.isPresent();
    }
}
