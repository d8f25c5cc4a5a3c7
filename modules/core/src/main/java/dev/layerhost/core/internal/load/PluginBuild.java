package dev.layerhost.core.internal.load;

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
 * @param definedLayer   the layer, when it was defined (a loaded plugin's, or a failed one's, which the
 *                       plugin's code may still reach: a thread it started, an object it registered)
 * @param abandoned      for a failed plugin, the instances made before a provider threw: they never
 *                       serve, and are closed like a retired plugin's
 */
public record PluginBuild(Optional<LoadedPlugin> loaded, List<Diagnostic> diagnostics, boolean providerFailed,
                          Optional<ModuleLayer> definedLayer, Optional<RetiredPlugin> abandoned) {

    public PluginBuild {
        Objects.requireNonNull(loaded, "loaded");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(definedLayer, "definedLayer");
        Objects.requireNonNull(abandoned, "abandoned");
    }

    public static PluginBuild loaded(LoadedPlugin plugin) {
        return new PluginBuild(Optional.of(plugin), List.of(), false, Optional.of(plugin.layer()), Optional.empty());
    }

    public static PluginBuild failed(List<Diagnostic> providerFailures, ModuleLayer layer, RetiredPlugin abandoned) {
        return new PluginBuild(Optional.empty(), providerFailures, true, Optional.of(layer), Optional.of(abandoned));
    }

    public static PluginBuild refused(Diagnostic refusal) {
        return new PluginBuild(Optional.empty(), List.of(refusal), false, Optional.empty(), Optional.empty());
    }
}
