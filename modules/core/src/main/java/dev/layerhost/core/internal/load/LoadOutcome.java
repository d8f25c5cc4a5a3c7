package dev.layerhost.core.internal.load;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Map;

/**
 * What a load built.
 *
 * @param loaded   the plugins now serving, parents first
 * @param failures by source, the diagnostics of plugins that were sound but could not be loaded
 */
public record LoadOutcome(List<LoadedPlugin> loaded, Map<String, List<Diagnostic>> failures) {

    public LoadOutcome {
        loaded = List.copyOf(loaded);
        failures = Map.copyOf(failures);
    }
}
