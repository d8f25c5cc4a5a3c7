package dev.layerhost.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The rows of the plugins that provide {@code type} (a binary name, {@code dev.layerhost.api.DataSource}),
     * whatever their status, in the report's order.
     *
     * <pre>{@code report.pluginsProviding("dev.layerhost.api.DataSource").forEach(p -> ...)}</pre>
     *
     * @param type a service type's binary name
     * @return the rows of the plugins that provide it
     */
    public List<PluginReport> pluginsProviding(String type) {
        Objects.requireNonNull(type, "type");
        return plugins.stream().filter(plugin -> plugin.provides(type)).toList();
    }

    /**
     * The rows of the plugins that provide a service type; see {@link #pluginsProviding(String)}.
     *
     * @param type a service type
     * @return the rows of the plugins that provide it
     */
    public List<PluginReport> pluginsProviding(Class<?> type) {
        return pluginsProviding(Objects.requireNonNull(type, "type").getName());
    }

    /**
     * This report narrowed to {@code plugins} (rows of this report) and the diagnostics about their
     * entries: what {@code layerhost list --service TYPE} shows.
     *
     * @param plugins rows of this report
     * @return a report of those rows and the diagnostics of their entries
     */
    public Report restrictedTo(List<PluginReport> plugins) {
        Set<PluginReport> rows = Set.copyOf(plugins);
        Set<String> sources = plugins.stream().map(PluginReport::source).collect(Collectors.toUnmodifiableSet());
        return new Report(this.plugins.stream().filter(rows::contains).toList(),
                diagnostics.stream().filter(diagnostic -> sources.contains(diagnostic.source())).toList());
    }
}
