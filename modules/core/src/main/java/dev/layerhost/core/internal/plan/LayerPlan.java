package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Map;

/**
 * The planned layers of a plugin root.
 *
 * @param layers    one planned layer per sound plugin, parents first
 * @param refusals  by source, diagnostics for plugins the JDK refused although the checker found them sound
 */
public record LayerPlan(List<PlannedLayer> layers, Map<String, List<Diagnostic>> refusals) {

    public LayerPlan {
        layers = List.copyOf(layers);
        refusals = Map.copyOf(refusals);
    }
}
