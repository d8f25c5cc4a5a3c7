package dev.layerhost.core;

import java.util.List;
import java.util.Objects;

/**
 * One plugin's layer in the {@link LayerGraph}.
 *
 * @param plugin  the plugin's id
 * @param modules the modules the layer defines, sorted by name
 * @param parents the parent layers: ids of the plugins it requires, then {@code "api"} for the API layer
 */
public record LayerNode(String plugin, List<ModuleSummary> modules, List<String> parents) {

    /** The name of the API layer among {@link #parents()}. */
    public static final String API = "api";

    public LayerNode {
        Objects.requireNonNull(plugin, "plugin");
        modules = List.copyOf(modules);
        parents = List.copyOf(parents);
    }
}
