package dev.layerhost.core;

import java.util.List;

/**
 * The layers a load would build, worked out from module descriptors alone: one node per sound plugin,
 * parents before children.
 *
 * @param api         the modules of the API layer, sorted by name
 * @param layers      one node per sound plugin, in an order where every parent precedes its children
 * @param diagnostics every diagnostic of the scan the graph was built from
 */
public record LayerGraph(List<ModuleSummary> api, List<LayerNode> layers, List<Diagnostic> diagnostics) {

    /**
     * Copies the lists.
     *
     * @param api         the modules of the API layer
     * @param layers      one node per sound plugin, parents first
     * @param diagnostics every diagnostic of the scan
     */
    public LayerGraph {
        api = List.copyOf(api);
        layers = List.copyOf(layers);
        diagnostics = List.copyOf(diagnostics);
    }
}
