package dev.layerhost.core.internal;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of building one plugin's layer.
 *
 * @param loaded         the plugin, when its layer is defined and every provider instantiated
 * @param diagnostics    why not, otherwise
 * @param providerFailed whether the plugin's own code threw ({@code FAILED}), rather than the JDK refusing the layer
 */
public record PluginBuild(Optional<LoadedPlugin> loaded, List<Diagnostic> diagnostics, boolean providerFailed) {

    public PluginBuild {
        Objects.requireNonNull(loaded, "loaded");
        diagnostics = List.copyOf(diagnostics);
    }

    static PluginBuild loaded(LoadedPlugin plugin) {
        return new PluginBuild(Optional.of(plugin), List.of(), false);
    }

    static PluginBuild failed(List<Diagnostic> providerFailures) {
        return new PluginBuild(Optional.empty(), providerFailures, true);
    }

    static PluginBuild refused(Diagnostic refusal) {
        return new PluginBuild(Optional.empty(), List.of(refusal), false);
    }
}
