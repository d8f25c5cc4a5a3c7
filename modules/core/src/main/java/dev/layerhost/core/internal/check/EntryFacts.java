package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.archive.Candidate;
import dev.layerhost.core.internal.archive.CandidateModule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one entry holds, as far as its own jars tell: its modules by name, its plugin module (if it has
 * one), the API service types that module provides, and the problems visible without looking at other
 * entries.
 *
 * @param candidate   the entry and its readable modules
 * @param modules     the entry's modules by name (the first jar wins where a name repeats)
 * @param plugin      the plugin module, empty when the entry provides no API service type
 * @param services    the API service types the plugin module provides, sorted
 * @param diagnostics the entry's own problems
 * @param readable    whether the entry's contents are fully known (no unreadable jar, no duplicate module)
 */
public record EntryFacts(Candidate candidate, Map<String, CandidateModule> modules, Optional<CandidateModule> plugin,
                  List<String> services, List<Diagnostic> diagnostics, boolean readable) {

    public EntryFacts {
        Objects.requireNonNull(candidate, "candidate");
        // in the entry's jar order, not Map.copyOf's order of the day: walks over it must give stable results
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        Objects.requireNonNull(plugin, "plugin");
        services = List.copyOf(services);
        diagnostics = List.copyOf(diagnostics);
    }

    public String source() {
        return candidate.source();
    }

    public Optional<String> pluginId() {
        return plugin.map(CandidateModule::name);
    }
}
