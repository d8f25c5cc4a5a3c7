package dev.layerhost.core.internal.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin whose layer is defined, and whose providers were instantiated or are made when first asked for.
 *
 * @param id       the plugin's id
 * @param version  its version, if it has one
 * @param source   its entry in the plugin root
 * @param layer    its layer; dropping every reference to it is how it is unloaded
 * @param serviceTypes the API service types the plugin provides, sorted
 * @param providers the provider instances, in the order of the plugin's service types (made while
 *                  loading, or when first asked for)
 */
public record LoadedPlugin(String id, Optional<String> version, String source, ModuleLayer layer, List<String> serviceTypes,
                           Providers providers) {

    public LoadedPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(layer, "layer");
        serviceTypes = List.copyOf(serviceTypes);
        Objects.requireNonNull(providers, "providers");
    }
}
