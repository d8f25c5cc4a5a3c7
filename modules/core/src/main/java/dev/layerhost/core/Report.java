package dev.layerhost.core;

import java.util.List;

/**
 * What a scan or a load of a plugin root found: one row per plugin candidate, and every diagnostic.
 * Both lists are immutable and in a stable order (plugins by source, diagnostics by source, code and
 * message), so two runs over the same files give equal reports.
 *
 * @param plugins     one report per plugin candidate of the root
 * @param diagnostics every problem found, errors and warnings
 */
public record Report(List<PluginReport> plugins, List<Diagnostic> diagnostics) {

    /**
     * Copies the lists.
     *
     * @param plugins     one report per plugin candidate
     * @param diagnostics every problem found
     */
    public Report {
        plugins = List.copyOf(plugins);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Whether any diagnostic is an {@link Severity#ERROR}.
     *
     * @return whether at least one plugin was rejected (the CLI then exits 1)
     */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
