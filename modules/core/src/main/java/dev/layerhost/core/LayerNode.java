package dev.layerhost.core;

import java.util.List;
import java.util.Objects;

/**
 * One plugin's layer in the {@link LayerGraph}.
 *
 * @param plugin  the plugin's id
 * @param modules the modules the layer defines, sorted by name
 * @param parents the ids of the plugins whose layers are its parents, in the order of its configuration's
 *                parents; the API layer is the last parent of every plugin layer and is not listed here
 */
public record LayerNode(String plugin, List<ModuleSummary> modules, List<String> parents) {

    /**
     * Checks that the plugin is named, and copies the lists.
     *
     * @param plugin  the plugin's id
     * @param modules the modules the layer defines
     * @param parents the ids of the plugins whose layers are its parents
     */
    public LayerNode {
        Objects.requireNonNull(plugin, "plugin");
        modules = List.copyOf(modules);
        parents = List.copyOf(parents);
    }
}
