package dev.layerhost.core.internal.plan;

import dev.layerhost.core.internal.check.Verdict;

import java.lang.module.Configuration;
import java.util.List;
import java.util.Objects;

/**
 * A sound plugin's layer as the JDK resolved it, before anything is defined.
 *
 * @param verdict       the checker's verdict on the plugin
 * @param configuration the JDK's configuration of the layer
 * @param parents       the ids of the parent plugins, in the order of the configuration's parents (the API layer last)
 */
public record PlannedLayer(Verdict verdict, Configuration configuration, List<String> parents) {

    public PlannedLayer {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(configuration, "configuration");
        parents = List.copyOf(parents);
    }

    public String pluginId() {
        return verdict.pluginId().orElseThrow();
    }
}
