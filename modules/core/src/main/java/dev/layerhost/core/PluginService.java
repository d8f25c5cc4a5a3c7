package dev.layerhost.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A service instance of a loaded plugin, with the plugin it came from.
 *
 * @param plugin  the id of the plugin whose layer defines the provider
 * @param version the plugin's version, empty when it has none
 * @param service the provider instance
 * @param <S>     the service type
 */
public record PluginService<S>(String plugin, Optional<String> version, S service) {

    /**
     * Checks that no component is null.
     *
     * @param plugin  the id of the plugin whose layer defines the provider
     * @param version the plugin's version, or empty
     * @param service the provider instance
     */
    public PluginService {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(service, "service");
    }
}
